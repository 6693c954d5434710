import * as z from 'zod';

type Raw = Record<string, unknown>;

/**
 * A stored document's schema with its history. `migrations[n]` turns a version-n document into
 * version n+1; reads run every step from the document's own version, so documents written by
 * older code stay readable after a field is added.
 */
export interface ModelDef<S extends z.ZodType> {
  collection: string;
  version: number;
  schema: S;
  migrations?: Record<number, (doc: Raw) => Raw>;
}

export interface Model<S extends z.ZodType> extends ModelDef<S> {
  parse(doc: unknown): z.infer<S>;
  safeParse(doc: unknown): z.ZodSafeParseResult<z.infer<S>>;
  /** What to write: the document stamped with the current schema version, checked first. */
  toStored(doc: Omit<z.infer<S>, 'schemaVersion'>): z.infer<S>;
}

const migrate = (def: ModelDef<z.ZodType>, input: unknown): unknown => {
  if (typeof input !== 'object' || input === null) return input;
  let doc = input as Raw;
  const from = typeof doc.schemaVersion === 'number' ? doc.schemaVersion : 1;
  for (let v = from; v < def.version; v++) {
    const step = def.migrations?.[v];
    if (!step) throw new Error(`${def.collection}: no migration from schema version ${v}`);
    doc = { ...step(doc), schemaVersion: v + 1 };
  }
  return doc;
};

export const defineModel = <S extends z.ZodType>(def: ModelDef<S>): Model<S> => ({
  ...def,
  parse: (doc) => def.schema.parse(migrate(def, doc)),
  safeParse: (doc) => {
    try {
      return def.schema.safeParse(migrate(def, doc));
    } catch (e) {
      return def.schema.safeParse({ __migrationFailed: String(e) });
    }
  },
  toStored: (doc) => def.schema.parse({ ...doc, schemaVersion: def.version }),
});

export const base = {
  _id: z.string().min(1),
  propertyId: z.string().min(1),
};

export const isoInstant = z.iso.datetime({ offset: false });
