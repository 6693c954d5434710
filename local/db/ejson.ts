import { loadBson } from './sdk-modules';
import { encodeStored } from './stored-json';
import { isPlainObject, type Doc } from './values';

const bson = loadBson();

type Serializable = Parameters<typeof bson.EJSON.stringify>[0];

const JS_REGEX_FLAGS = new Set(['i', 'm', 's', 'u']);

const toRegExp = (pattern: string, options: string): RegExp =>
  new RegExp(pattern, [...options].filter((f) => JS_REGEX_FLAGS.has(f)).join(''));

const SPECIAL_NUMBERS: Record<string, number> = { NaN: Number.NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0.0': -0, '-0': -0 };

/**
 * Reads the canonical Extended JSON the SDK sends (`EJSON.stringify(…, {relaxed: false})`) with
 * JSON.parse: numbers, dates and regular expressions as bson's EJSON.parse gives them, and the
 * SDK's `$tcb_server_date` as the engine clock. Other wrappers ($oid, $binary, …) stay objects with
 * a `$` field name, which the engine then refuses like any such field.
 */
const wrapped = (value: Record<string, unknown>, key: string, now: Date): unknown => {
  const inner: unknown = value[key];
  switch (key) {
    case '$numberInt':
    case '$numberLong':
      return typeof inner === 'string' ? Number(inner) : value;
    case '$numberDouble':
      return typeof inner === 'string' ? (SPECIAL_NUMBERS[inner] ?? Number(inner)) : value;
    case '$date':
      return typeof inner === 'string' || typeof inner === 'number' ? new Date(inner) : value;
    case '$regularExpression':
      return isPlainObject(inner) && typeof inner.pattern === 'string' && typeof inner.options === 'string' ? toRegExp(inner.pattern, inner.options) : value;
    case '$tcb_server_date':
      return new Date(now.getTime() + (isPlainObject(inner) && typeof inner.offset === 'number' ? inner.offset : 0));
    default:
      return value;
  }
};

/**
 * The wrappers replaced bottom-up, as a JSON.parse reviver would (a wrapper's inner value is
 * revived first), in one walk after a plain JSON.parse: a reviver costs a call per value.
 */
const revive = (value: unknown, now: Date): unknown => {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i], now);
    return value;
  }
  const record = value as Record<string, unknown>;
  let only: string | null = null;
  let count = 0;
  for (const key in record) {
    const old = record[key];
    const revived = revive(old, now);
    // A field named __proto__ stays a field, as JSON.parse made it (an assignment would set the prototype);
    // any other name is assigned, which costs a fraction of defining it again.
    if (revived !== old) {
      if (key === '__proto__') Object.defineProperty(record, key, { value: revived, writable: true, enumerable: true, configurable: true });
      else record[key] = revived;
    }
    only = key;
    count += 1;
  }
  return count === 1 && only !== null && only.charCodeAt(0) === 36 /* $ */ ? wrapped(record, only, now) : record;
};

/** Parses one EJSON payload the SDK sent. */
export const parsePayload = (text: string, now: Date): unknown => revive(JSON.parse(text), now);

export const parseObjectPayload = (text: unknown, now: Date, what: string): Record<string, unknown> => {
  if (text === undefined || text === null || text === '') return {};
  if (typeof text !== 'string') throw new TypeError(`${what} must be an EJSON string`);
  const parsed = parsePayload(text, now);
  if (!isPlainObject(parsed)) throw new TypeError(`${what} must be an object`);
  return parsed;
};

/** How the server answers documents: Extended JSON strings (relaxed), which the SDK `EJSON.parse`s back. */
export const serializeDoc = (doc: Doc): string => encodeStored(doc);

/** Old data files' lines (canonical EJSON, as the pre-SQLite store wrote them). */
export const parseStored = (text: string): unknown => parsePayload(text, new Date(0));

export const stringifyStored = (value: unknown): string => bson.EJSON.stringify(value as Serializable, { relaxed: false });
