/**
 * Issue 5: a subscribe message's data, built for whatever fields the property's chosen library
 * template has. WeChat names each field by its type and a number (`thing1`, `time2`, …) and refuses
 * a message whose values break the type's rules, so every value is cut or shaped to fit here.
 */
export type FieldSource = 'title' | 'body' | 'time' | 'address' | 'status' | 'name' | 'amount' | 'phone';

export interface TemplateField {
  /** WeChat's key, e.g. "thing1": its letters say the type. */
  key: string;
  source: FieldSource;
}

export interface MessageFacts {
  title: string;
  body: string;
  /** An ISO instant, shown in Shanghai time. */
  time: string;
  address?: string;
  status?: string;
  name?: string;
  amountFen?: number;
  phone?: string;
}

/**
 * WeChat's limits per field type (characters), as its subscribe-message documentation gives them
 * (订阅消息参数值内容限制说明, in subscribeMessage.send:
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html):
 * thing 20 characters, phrase 5 Chinese characters only, name 10 Chinese characters, character_string 32, …
 * The resident's notice lines are worded to fit `thing` whole (issue 18, 3).
 */
export const FIELD_LIMITS: Record<string, number> = {
  thing: 20,
  number: 32,
  letter: 32,
  symbol: 5,
  character_string: 32,
  phone_number: 17,
  car_number: 8,
  name: 10,
  phrase: 5,
};

export const typeOf = (key: string): string => key.replace(/\d+$/, '');

/** Cut to `max` characters (by code point, so no character is split), marking the cut with "…". */
export const cut = (text: string, max: number): string => {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
};

/** Shanghai wall time of an instant, without a timezone library: China keeps UTC+8 all year. */
const shanghai = (iso: string) => new Date(new Date(iso).getTime() + 8 * 60 * 60 * 1000).toISOString();

const raw = (facts: MessageFacts, source: FieldSource): string => {
  switch (source) {
    case 'amount':
      return facts.amountFen === undefined ? '' : (facts.amountFen / 100).toFixed(2);
    case 'time':
      return facts.time;
    default:
      return facts[source] ?? '';
  }
};

/** One value shaped for its field type; null when the type cannot carry it (the message is then not sent). */
export const valueFor = (key: string, facts: MessageFacts, source: FieldSource): string | null => {
  const type = typeOf(key);
  const text = raw(facts, source);
  switch (type) {
    case 'time':
      return text ? shanghai(text).slice(0, 16).replace('T', ' ') : null;
    case 'date':
      return text ? shanghai(text).slice(0, 10) : null;
    case 'amount':
      return /^\d+(\.\d{1,2})?$/.test(text) ? `${text}元` : null;
    case 'number':
      return /^\d+(\.\d+)?$/.test(text) ? cut(text, FIELD_LIMITS.number as number) : null;
    case 'phone_number':
      return /^[0-9+\- ]+$/.test(text) ? cut(text, FIELD_LIMITS.phone_number as number) : null;
    case 'letter':
      return /^[A-Za-z]+$/.test(text) ? cut(text, FIELD_LIMITS.letter as number) : null;
    case 'character_string':
      return /^[\x21-\x7e]+$/.test(text) ? cut(text, FIELD_LIMITS.character_string as number) : null;
    case 'phrase':
      // Five characters of Chinese only: the status words of the catalogue fit ("已派单", "待确认报价" is cut).
      return text ? cut(text.replace(/[^\u4e00-\u9fa5]/g, ''), FIELD_LIMITS.phrase as number) || null : null;
    default: {
      const max = FIELD_LIMITS[type];
      return text && max ? cut(text, max) : null;
    }
  }
};

/** The message's `data`, or null when some field cannot be filled as its type demands. */
export const messageData = (fields: readonly TemplateField[], facts: MessageFacts): Record<string, { value: string }> | null => {
  const out: Record<string, { value: string }> = {};
  for (const field of fields) {
    const value = valueFor(field.key, facts, field.source);
    if (value === null) return null;
    out[field.key] = { value };
  }
  return out;
};
