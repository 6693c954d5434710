import * as z from 'zod/mini';
import { _isoDateTime } from 'zod/v4/core';

type Raw = Record<string, unknown>;

/**
 * A stored document's schema with its history. `migrations[n]` turns a version-n document into
 * version n+1; reads run every step from the document's own version, so documents written by
 * older code stay readable after a field is added.
 */
export interface ModelDef<S extends z.ZodMiniType, K extends keyof z.infer<S> = never> {
  collection: string;
  version: number;
  schema: S;
  migrations?: Record<number, (doc: Raw) => Raw>;
  /**
   * Fields computed from the others on every write, stored so that a query can filter and sort on
   * them (a list's rank); whatever a caller passes for them is replaced.
   */
  derive?(doc: Omit<z.infer<S>, 'schemaVersion' | K>): Pick<z.infer<S>, K>;
}

/** What a caller hands to `toStored`: the document without its version, derived fields optional. */
export type Unstored<T, K extends keyof T> = Omit<T, 'schemaVersion' | K> & Partial<Pick<T, K>>;

export interface Model<S extends z.ZodMiniType, K extends keyof z.infer<S> = never> extends ModelDef<S, K> {
  parse(doc: unknown): z.infer<S>;
  safeParse(doc: unknown): z.core.util.SafeParseResult<z.infer<S>>;
  /** What to write: the document stamped with the current schema version, derived fields computed, checked first. */
  toStored(doc: Unstored<z.infer<S>, K>): z.infer<S>;
}

const migrate = (def: ModelDef<z.ZodMiniType>, input: unknown): unknown => {
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

export const defineModel = <S extends z.ZodMiniType, K extends keyof z.infer<S> = never>(def: ModelDef<S, K>): Model<S, K> => ({
  ...def,
  parse: (doc) => def.schema.parse(migrate(def, doc)),
  safeParse: (doc) => {
    try {
      return def.schema.safeParse(migrate(def, doc));
    } catch (e) {
      return def.schema.safeParse({ __migrationFailed: String(e) });
    }
  },
  toStored: (doc) => def.schema.parse({ ...doc, ...def.derive?.(doc), schemaVersion: def.version }),
});

export const base = {
  _id: z.string().check(z.minLength(1)),
  propertyId: z.string().check(z.minLength(1)),
};

/**
 * `z.iso.datetime(…)` without reading `z.iso`: zod/mini re-exports its ISO formats as one namespace
 * (`export * as iso`), which a bundler keeps whole once any member is read (the date, time and duration
 * schemas and their patterns, ≈ 1.2 KB of every function bundle). This is what `iso.datetime` does.
 */
export const isoDateTime = (params: { offset: boolean }) => _isoDateTime(z.ZodMiniISODateTime, params);

export const isoInstant = isoDateTime({ offset: false });

/** A calendar day in Asia/Shanghai, as `shanghaiDate()` writes it: "2026-11-23". */
export const calendarDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
