import { indexKeyFields, type IndexSpec, type Manifest } from './manifest';
import { isPlainObject } from './values';

export type QueryKind = 'get' | 'count' | 'update' | 'remove';

export interface QueryLogEntry {
  collection: string;
  kind: QueryKind;
  /** Field paths the filter tests (dotted paths as sent), including those inside $and/$or/$nor. */
  filterFields: string[];
  sortFields: string[];
  /** 1 or -1 for each of `sortFields`, in the same order. */
  sortDirections?: (1 | -1)[];
  /** The filter pins `_id` at its top level by equality or `$in` (not inside `$or`, not as a range). */
  byId?: boolean;
}

const LOGICAL = new Set(['$and', '$or', '$nor']);

export const filterFieldsOf = (filter: unknown): string[] => {
  const fields = new Set<string>();
  const walk = (node: unknown): void => {
    if (!isPlainObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (LOGICAL.has(key) && Array.isArray(value)) value.forEach(walk);
      else if (!key.startsWith('$')) fields.add(key);
    }
  };
  walk(filter);
  return [...fields];
};

/** Whether a filter pins `_id` at its top level: one id, or a list of ids (`$eq`, `$in`). */
export const pinsId = (filter: unknown): boolean => {
  if (!isPlainObject(filter) || !('_id' in filter)) return false;
  const id = filter._id;
  if (!isPlainObject(id)) return true;
  const keys = Object.keys(id);
  return keys.length === 1 && (keys[0] === '$eq' || keys[0] === '$in');
};

/**
 * Whether an index's directions serve a sort: every sort field in the index's own direction, or
 * every one reversed (an index `A asc, B desc` serves `A asc, B desc` and `A desc, B asc`, not
 * `A asc, B asc`: https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/guide/database/index.md).
 */
const servesSort = (index: IndexSpec, entry: QueryLogEntry): boolean => {
  const directions = entry.sortDirections;
  if (!directions || entry.sortFields.length < 2) return true;
  const signs = entry.sortFields.map((field, i) => (index.keys.find(([f]) => f === field)?.[1] ?? 1) * (directions[i] ?? 1));
  return signs.every((s) => s === signs[0]);
};

/**
 * A query counts as served by an index when:
 * - it pins `_id` at its top level (the always-present unique index narrows it to those documents;
 *   an `_id` inside `$or` or a range on it, as a page cursor has, does not count), or
 * - it names no field at all (nothing an index could narrow), or
 * - some declared index's first N key fields are exactly the query's N distinct filter and sort
 *   fields, in any order, and its directions serve the sort (`servesSort`). So `{propertyId, status}`
 *   sorted by `createdAt` is served by `[propertyId, status, createdAt]` and `{propertyId}` alone by
 *   any index starting with `propertyId`, but `{status}` is not served by `[propertyId, status]`.
 * Equality and range are not told apart: this flags queries with no matching index at all, it does
 * not grade how well an index serves them.
 */
export const isCovered = (entry: QueryLogEntry, manifest: Manifest): boolean => {
  const fields = new Set([...entry.filterFields, ...entry.sortFields]);
  if (entry.byId || fields.size === 0) return true;
  const indexes = manifest.collections[entry.collection]?.indexes ?? [];
  return indexes.some((index) => {
    const prefix = indexKeyFields(index).slice(0, fields.size);
    return prefix.length === fields.size && prefix.every((f) => fields.has(f)) && servesSort(index, entry);
  });
};

/** The logged queries no declared index serves (see `isCovered`), each distinct shape once. */
export const unindexedQueries = (log: readonly QueryLogEntry[], manifest: Manifest): QueryLogEntry[] => {
  const seen = new Set<string>();
  const out: QueryLogEntry[] = [];
  for (const entry of log) {
    if (isCovered(entry, manifest)) continue;
    const shape = JSON.stringify([entry.collection, entry.kind, [...entry.filterFields].sort(), entry.sortFields, entry.sortDirections ?? []]);
    if (seen.has(shape)) continue;
    seen.add(shape);
    out.push(entry);
  }
  return out;
};
