import { indexKeyFields, type Manifest } from './manifest';
import { isPlainObject } from './values';

export type QueryKind = 'get' | 'count' | 'update' | 'remove';

export interface QueryLogEntry {
  collection: string;
  kind: QueryKind;
  /** Field paths the filter tests (dotted paths as sent), including those inside $and/$or/$nor. */
  filterFields: string[];
  sortFields: string[];
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

/**
 * A query counts as served by an index when:
 * - it tests `_id` (the always-present unique index narrows it to one document), or
 * - it names no field at all (nothing an index could narrow), or
 * - some declared index's first N key fields are exactly the query's N distinct filter and sort
 *   fields, in any order. So `{propertyId, status}` sorted by `createdAt` is served by
 *   `[propertyId, status, createdAt]` and `{propertyId}` alone by any index starting with
 *   `propertyId`, but `{status}` is not served by `[propertyId, status]`.
 * Equality and range are not told apart: this flags queries with no matching index at all, it does
 * not grade how well an index serves them.
 */
export const isCovered = (entry: QueryLogEntry, manifest: Manifest): boolean => {
  const fields = new Set([...entry.filterFields, ...entry.sortFields]);
  if (entry.filterFields.includes('_id') || fields.size === 0) return true;
  const indexes = manifest.collections[entry.collection]?.indexes ?? [];
  return indexes.some((index) => {
    const prefix = indexKeyFields(index).slice(0, fields.size);
    return prefix.length === fields.size && prefix.every((f) => fields.has(f));
  });
};

/** The logged queries no declared index serves (see `isCovered`), each distinct shape once. */
export const unindexedQueries = (log: readonly QueryLogEntry[], manifest: Manifest): QueryLogEntry[] => {
  const seen = new Set<string>();
  const out: QueryLogEntry[] = [];
  for (const entry of log) {
    if (isCovered(entry, manifest)) continue;
    const shape = JSON.stringify([entry.collection, entry.kind, [...entry.filterFields].sort(), entry.sortFields]);
    if (seen.has(shape)) continue;
    seen.add(shape);
    out.push(entry);
  }
  return out;
};
