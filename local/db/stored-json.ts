import { isPlainObject, type Doc } from './values';

/**
 * How a document is kept in the database file: JSON, with the few values JSON cannot carry written
 * as relaxed Extended JSON (`{"$date": …}`, `{"$numberDouble": …}`, `{"$regularExpression": …}`).
 * Stored documents never have a field starting with `$` (the engine refuses them, as the cloud
 * does), so such an object can only be one of these wrappers. Much cheaper than bson's EJSON on
 * every write, and readable with any SQLite client.
 */
const specialNumber = (n: number): string | null => {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  if (Object.is(n, -0)) return '-0.0';
  return null;
};

const encodeValue = (value: unknown): string | undefined => {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number': {
      const special = specialNumber(value);
      return special === null ? String(value) : `{"$numberDouble":"${special}"}`;
    }
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? '{"$date":{"$numberLong":"NaN"}}' : `{"$date":"${value.toISOString()}"}`;
      if (value instanceof RegExp) return `{"$regularExpression":${JSON.stringify({ pattern: value.source, options: value.flags })}}`;
      if (Array.isArray(value)) {
        let text = '[';
        for (let i = 0; i < value.length; i++) text += `${i === 0 ? '' : ','}${encodeValue(value[i]) ?? 'null'}`;
        return `${text}]`;
      }
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return encodeValue((value as { toJSON: () => unknown }).toJSON());
      {
        let text = '';
        for (const key of Object.keys(value)) {
          const encoded = encodeValue((value as Record<string, unknown>)[key]);
          if (encoded !== undefined) text += `${text === '' ? '' : ','}${JSON.stringify(key)}:${encoded}`;
        }
        return `{${text}}`;
      }
    default:
      // undefined, functions and symbols: left out of objects, null in arrays (as JSON.stringify does); bigint is refused.
      if (typeof value === 'bigint') throw new TypeError('Do not know how to serialize a BigInt');
      return undefined;
  }
};

/**
 * Whether `JSON.stringify` alone gives the stored text of a value that is neither an object nor an
 * array nor null: strings, booleans, finite numbers other than -0 (an undefined field or element is
 * left out or written null by both). A special number or anything else needs its wrapper.
 */
export const plainScalar = (value: unknown): boolean => {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    default:
      return false;
  }
};

/**
 * Whether `JSON.stringify` alone gives the stored text: plain scalars, null, and plain objects and
 * arrays of them. A date, a regular expression or any other instance needs its wrapper, and goes
 * through `encodeValue`.
 */
const plainJson = (value: unknown): boolean => {
  if (typeof value !== 'object') return plainScalar(value);
  if (value === null) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!plainJson(value[i])) return false;
    return true;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key in value) if (!plainJson((value as Record<string, unknown>)[key])) return false;
  return true;
};

/**
 * A document's stored text: what `JSON.stringify` gives, the values above written as their
 * wrappers. A document of plain JSON values (every stored model keeps its times as text) is
 * `JSON.stringify`'s own, after one walk that checks it: about half the time of the encoder by
 * hand, which builds the text a piece at a time (a repair: 13 against 21 µs, a notice 2.7
 * against 7.9, measured on 2026-12-06 at load 16). Anything else is written by hand: `JSON.stringify`
 * with a replacer calls it for every value and took twice as long as the encoder (10 us against 5
 * for a repair). The text is the same either way (`tests/db/stored-json.test.ts`).
 */
export const encodeStored = (doc: Doc): string => (plainJson(doc) ? JSON.stringify(doc) : (encodeValue(doc) ?? 'null'));

const NUMBERS: Record<string, number> = { NaN: Number.NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0.0': -0 };

const revive = (_key: string, value: unknown): unknown => {
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length !== 1) return value;
  if ('$date' in value) {
    const date = value.$date;
    if (typeof date === 'string') return new Date(date);
    if (isPlainObject(date) && typeof date.$numberLong === 'string') return new Date(Number(date.$numberLong));
  }
  if ('$numberDouble' in value && typeof value.$numberDouble === 'string') return NUMBERS[value.$numberDouble] ?? Number(value.$numberDouble);
  if ('$regularExpression' in value && isPlainObject(value.$regularExpression)) {
    const { pattern, options } = value.$regularExpression;
    if (typeof pattern === 'string' && typeof options === 'string') return new RegExp(pattern, options);
  }
  return value;
};

export const decodeStored = (text: string): Doc => {
  const value: unknown = JSON.parse(text, revive);
  if (!isPlainObject(value)) throw new Error('a stored document is not an object');
  return value;
};
