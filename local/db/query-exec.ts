import { Query } from 'mingo';
import { invalidOperation } from './errors';
import { isDocId, type Doc, type DocId } from './values';

export interface FindOptions {
  sort?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
  projection?: Record<string, unknown>;
}

const compile = (filter: Doc): Query => {
  try {
    return new Query(filter);
  } catch (error) {
    throw invalidOperation(`unsupported query: ${error instanceof Error ? error.message : String(error)}`);
  }
};

export const matcher = (filter: Doc): ((doc: Doc) => boolean) => {
  if (Object.keys(filter).length === 0) return () => true;
  const query = compile(filter);
  return (doc) => query.test(doc);
};

/** The `_id` a filter pins by plain equality, which lets the engine skip the scan. */
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

export const findDocs = (docs: Doc[], filter: Doc, options: FindOptions = {}): Doc[] => {
  const cursor = compile(filter).find<Doc>(docs, options.projection ?? {});
  if (options.sort && Object.keys(options.sort).length > 0) cursor.sort(options.sort);
  if (options.skip) cursor.skip(options.skip);
  if (options.limit !== undefined) cursor.limit(options.limit);
  return cursor.all();
};
