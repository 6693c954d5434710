import type * as z from 'zod/mini';
import type { Model, Unstored } from '@shared/model/versioned';
import { propertyModel } from '@shared/model/property.model';
import { insertPropertyShadow, propertiesWithShadow } from './membership';
import { storedProperties } from './properties';
import { withoutId } from './repo';
import type { Sweep } from './sweep';

/** Documents rewritten per collection per run; the timer runs every minute until none is left. */
const BATCH = 200;
/** Rewrites sent at once. */
const AT_ONCE = 20;

/**
 * Stored documents written under an older schema version, rewritten through today's model. Reads
 * migrate a document on the way in, but a query filters and sorts on what is stored, so a field a
 * list sorts by (a repair's `queueRank`) must reach the stored documents too. Each rewrite is
 * conditional on the version it read, so a document changed meanwhile (already rewritten in full by
 * today's code) is left alone. A document that does not parse is quarantined by the sweep: left in
 * place it would be read again every run, and a batch of them would hold the rest back for good.
 * Answers how many were rewritten.
 */
export const upgradeStored = async (sweep: Sweep, model: Model<z.ZodMiniType>): Promise<number> => {
  const { db } = sweep.deps;
  const _ = db.command;
  // Every stored document carries its schemaVersion (each model's first version declares it), so a
  // range on the indexed field finds the older ones; an $or with "missing" would read the collection whole.
  const res = await db.collection(model.collection).where({ schemaVersion: _.lt(model.version) }).limit(BATCH).get();
  const storedVersion = new Map((res.data as { _id: string; schemaVersion: unknown }[]).map((raw) => [raw._id, raw.schemaVersion]));
  const parsed = (await sweep.parse(model, res.data)) as { _id: string }[];
  let upgraded = 0;
  for (let i = 0; i < parsed.length; i += AT_ONCE) {
    const counts = await Promise.all(
      parsed.slice(i, i + AT_ONCE).map(async (doc) => {
        const stored = withoutId(model.toStored(doc as Unstored<unknown, never>) as { _id: string });
        // _.set writes each field whole (a plain object would be merged field by field).
        const data = Object.fromEntries(Object.entries(stored).map(([field, value]) => [field, _.set(value)]));
        const written = await db.collection(model.collection).where({ _id: doc._id, schemaVersion: storedVersion.get(doc._id) }).update({ data });
        return written.stats.updated ?? 0;
      }),
    );
    upgraded += counts.reduce((a, b) => a + b, 0);
  }
  return upgraded;
};

/**
 * Issue 16: every property's copy of its status in `members` (`property-shadow.model.ts`), which the
 * router reads with the caller's membership: written here for the properties that have none (made before
 * the copies, or by a bootstrap or a new property in the minute before this step; the router reads their
 * own documents meanwhile). Two reads a run once every property has its copy. An active property's copy
 * is inserted, never written over one that is there (the deactivation may have set it since the property
 * was read); an inactive one's is set (nothing makes a property active again). Answers how many it wrote;
 * run again it writes none.
 */
export const ensurePropertyShadows = async (sweep: Sweep): Promise<number> => {
  const { db } = sweep.deps;
  const properties = await sweep.parse(propertyModel, await storedProperties(db));
  const shadowed = await propertiesWithShadow(db, properties.map((p) => p._id));
  const written = await Promise.all(properties.filter((p) => !shadowed.has(p._id)).map((p) => insertPropertyShadow(db, p._id, p.status)));
  return written.filter(Boolean).length;
};
