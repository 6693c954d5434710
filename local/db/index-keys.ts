import { flatten, resolve } from 'mingo/util';
import { keyPart } from './ordered-keys';
import { isPlainObject, type Doc } from './values';

/**
 * Index keys as text whose byte order (SQLite's BINARY collation, memcmp over UTF-8) is MongoDB's
 * order within each type, with a leading tag per type in MongoDB's cross-type order:
 * null/missing < numbers < strings < objects < arrays < booleans < dates. A query's range only
 * ever covers one type (MongoDB's type bracketing), so a range is a slice of one tag.
 */
const TAG = { null: 'A', number: 'B', string: 'C', object: 'D', array: 'E', boolean: 'F', date: 'G', other: 'H' } as const;

const float = Buffer.alloc(8);

/** Big-endian IEEE 754 with the sign bit flipped (negatives: every bit flipped) sorts like the numbers. */
const sortableNumber = (n: number): string => {
  float.writeDoubleBE(n === 0 ? 0 : n);
  if ((float[0] ?? 0) & 0x80) for (let i = 0; i < 8; i++) float[i] = ~(float[i] ?? 0) & 0xff;
  else float[0] = (float[0] ?? 0) | 0x80;
  return float.toString('hex');
};

/** The key of a scalar an equality or a range can look up; null when the value cannot be looked up in an index. */
export const scalarKey = (value: unknown): string | null => {
  if (value === null || value === undefined) return TAG.null;
  if (typeof value === 'number') return Number.isNaN(value) ? null : TAG.number + sortableNumber(value);
  if (typeof value === 'string') return TAG.string + value;
  if (typeof value === 'boolean') return TAG.boolean + (value ? '1' : '0');
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : TAG.date + sortableNumber(value.getTime());
  return null;
};

const ORDERED = new Set<string>([TAG.number, TAG.string, TAG.date]);

/** The bracket of the key's type (from its tag to the next tag) when comparisons order that type. */
export const bracketOfKey = (key: string): [string, string] | null => {
  const tag = key.charAt(0);
  return ORDERED.has(tag) ? [tag, String.fromCharCode(tag.charCodeAt(0) + 1)] : null;
};

const stable = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value instanceof Date) return `D${value.getTime()}`;
  if (isPlainObject(value)) return `{${Object.keys(value).map((k) => `${JSON.stringify(k)}:${stable(value[k])}`).join(',')}}`;
  return JSON.stringify(value) ?? 'undefined';
};

/** The key of any value: equal keys for values MongoDB holds equal (1 and 1.0, 0 and -0), as a unique index compares them. */
export const entryKey = (value: unknown): string => {
  const key = scalarKey(value);
  if (key !== null) return key;
  if (Array.isArray(value)) return TAG.array + stable(value);
  if (isPlainObject(value)) return TAG.object + stable(value);
  return TAG.other + String(value);
};

const RESOLVE = { unwrapArray: true };

/**
 * The keys a document can be found by at a dotted path: the values mingo's path resolution yields
 * there (the matcher's own view, so an index never hides a document the matcher would take), an
 * array giving each element and the elements of its nested arrays as the matcher's equality
 * flattens them, a missing or null value the null key, an empty array a placeholder of its own (so
 * the document keeps a key for the fields before it in a compound index).
 */
const keysOf = (value: unknown, path: string): string[] => {
  if (value === undefined || value === null) return [TAG.null];
  if (!Array.isArray(value)) return [entryKey(value)];
  if (value.length === 0) return [entryKey(value)];
  const depth = path.split('.').length - 1;
  return [...new Set([...value, ...flatten(value, depth)].map(entryKey))];
};

/**
 * One document's keys per field, worked out once for all of the collection's indexes: a repair's 17
 * indexes name 14 distinct fields 60 times (propertyId in 15 of them), and each key is a resolve and
 * an encoding. `parts` are the keys as they stand in an entry (`keyPart`).
 */
export class DocKeys {
  private readonly values = new Map<string, unknown>();
  private readonly partsAt = new Map<string, string[]>();

  constructor(readonly doc: Doc) {}

  private valueAt(path: string): unknown {
    if (this.values.has(path)) return this.values.get(path);
    const value: unknown = resolve(this.doc, path, RESOLVE);
    this.values.set(path, value);
    return value;
  }

  /** The keys at `path` (as `indexEntries` gives them), each escaped and followed by the separator. */
  parts(path: string): string[] {
    let parts = this.partsAt.get(path);
    if (!parts) {
      parts = keysOf(this.valueAt(path), path).map(keyPart);
      this.partsAt.set(path, parts);
    }
    return parts;
  }

  isMultikeyAt(path: string): boolean {
    return Array.isArray(this.valueAt(path));
  }
}
