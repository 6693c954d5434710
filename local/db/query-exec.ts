import { compileQuery } from './mingo-context';
import { isDocId, type Doc, type DocId } from './values';

export interface FindOptions {
  sort?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
  projection?: Record<string, unknown>;
}

/** The `_id` a filter pins by plain equality (the only thing a transaction may address). */
export const pinnedId = (filter: Doc): DocId | undefined => {
  const id = filter._id;
  if (isDocId(id)) return id;
  if (typeof id === 'object' && id !== null && !Array.isArray(id)) {
    const keys = Object.keys(id);
    const eq: unknown = (id as Record<string, unknown>).$eq;
    if (keys.length === 1 && keys[0] === '$eq' && isDocId(eq)) return eq;
  }
  return undefined;
};

const EVERYTHING = compileQuery({});

const isEmpty = (record: Record<string, unknown> | undefined): boolean => {
  for (const _key in record) return false;
  return true;
};

/**
 * Sorts, pages and projects documents that already matched, with mingo's ordering and projection.
 * Nothing to sort, skip or project (most reads: by id, or the first of a filter): the first `limit`
 * documents as they are, without a mingo cursor per read.
 */
export const arrange = (docs: Doc[], options: FindOptions = {}): Doc[] => {
  const { limit } = options;
  if (isEmpty(options.sort) && !options.skip && isEmpty(options.projection) && (limit === undefined || (Number.isInteger(limit) && limit > 0))) {
    return limit === undefined || docs.length <= limit ? docs : docs.slice(0, limit);
  }
  const cursor = EVERYTHING.find<Doc>(docs, options.projection ?? {});
  if (options.sort && Object.keys(options.sort).length > 0) cursor.sort(options.sort);
  if (options.skip) cursor.skip(options.skip);
  if (options.limit !== undefined) cursor.limit(options.limit);
  return cursor.all();
};
