import { loadBson } from './sdk-modules';
import { isPlainObject } from './values';

const bson = loadBson();

type Serializable = Parameters<typeof bson.EJSON.stringify>[0];

const JS_REGEX_FLAGS = new Set(['i', 'm', 's', 'u']);

const toRegExp = (pattern: string, options: string): RegExp =>
  new RegExp(pattern, [...options].filter((f) => JS_REGEX_FLAGS.has(f)).join(''));

const serverDateOffset = (value: Record<string, unknown>): number | null => {
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== '$tcb_server_date') return null;
  const spec = value.$tcb_server_date;
  if (!isPlainObject(spec)) return 0;
  return typeof spec.offset === 'number' ? spec.offset : 0;
};

/** Replaces the SDK's wire-only values: `$tcb_server_date` becomes the engine clock, BSONRegExp a JS RegExp. */
const revive = (value: unknown, now: Date): unknown => {
  if (value instanceof bson.BSONRegExp) return toRegExp(value.pattern, value.options);
  if (Array.isArray(value)) return value.map((v: unknown) => revive(v, now));
  if (isPlainObject(value)) {
    const offset = serverDateOffset(value);
    if (offset !== null) return new Date(now.getTime() + offset);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = revive(v, now);
    return out;
  }
  return value;
};

/** Parses one EJSON payload the SDK sent (strings produced by `EJSON.stringify(..., {relaxed: false})`). */
export const parsePayload = (text: string, now: Date): unknown => revive(bson.EJSON.parse(text), now);

export const parseObjectPayload = (text: unknown, now: Date, what: string): Record<string, unknown> => {
  if (text === undefined || text === null || text === '') return {};
  if (typeof text !== 'string') throw new TypeError(`${what} must be an EJSON string`);
  const parsed = parsePayload(text, now);
  if (!isPlainObject(parsed)) throw new TypeError(`${what} must be an object`);
  return parsed;
};

/** How the server answers documents: canonical EJSON strings, which the SDK `EJSON.parse`s back. */
export const serializeDoc = (doc: unknown): string => bson.EJSON.stringify(doc as Serializable, { relaxed: false });

export const parseStored = (text: string): unknown => revive(bson.EJSON.parse(text), new Date(0));

export const stringifyStored = (value: unknown): string => bson.EJSON.stringify(value as Serializable, { relaxed: false });
