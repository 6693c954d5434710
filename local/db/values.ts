export type Doc = Record<string, unknown>;
export type DocId = string | number;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (!isRecord(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

export const isDocId = (value: unknown): value is DocId =>
  typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

/** Mongo keeps "1" and 1 apart as _id values, so the map key carries the type. */
export const idKey = (id: DocId): string => `${typeof id === 'number' ? 'n' : 's'}:${id}`;

export const docIdOf = (doc: Doc): DocId => {
  const id = doc._id;
  if (!isDocId(id)) throw new Error(`document has no usable _id: ${String(id)}`);
  return id;
};

/** Deep copy of plain objects, arrays and Dates; other class instances (ObjectId, …) are immutable values and kept. */
export const cloneValue = <T>(value: T): T => {
  if (Array.isArray(value)) return value.map((v: unknown) => cloneValue(v)) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cloneValue(v);
    return out as T;
  }
  return value;
};

export const cloneDoc = (doc: Doc): Doc => cloneValue(doc);
