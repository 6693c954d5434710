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

function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  if (raw instanceof Date) return { $date: Number.isNaN(raw.getTime()) ? { $numberLong: 'NaN' } : raw.toISOString() };
  if (typeof raw === 'number') {
    const special = specialNumber(raw);
    return special === null ? raw : { $numberDouble: special };
  }
  if (raw instanceof RegExp) return { $regularExpression: { pattern: raw.source, options: raw.flags } };
  return value;
}

export const encodeStored = (doc: Doc): string => JSON.stringify(doc, replacer);

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
