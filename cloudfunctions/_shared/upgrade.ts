import type * as z from 'zod';
import type { Model, Unstored } from '@shared/model/versioned';
import type { Database } from './database';
import { withoutId } from './repo';

/** Documents rewritten per collection per run; the timer runs every minute until none is left. */
const BATCH = 200;
/** Rewrites sent at once. */
const AT_ONCE = 20;

/**
 * Stored documents written under an older schema version, rewritten through today's model. Reads
 * migrate a document on the way in, but a query filters and sorts on what is stored, so a field a
 * list sorts by (a repair's `queueRank`) must reach the stored documents too. Each rewrite is
 * conditional on the version it read, so a document changed meanwhile (already rewritten in full by
 * today's code) is left alone. A document that does not parse is left for its reader to report.
 * Answers how many were rewritten.
 */
export const upgradeStored = async (db: Database, model: Model<z.ZodType>): Promise<number> => {
  const _ = db.command;
  // Every stored document carries its schemaVersion (each model's first version declares it), so a
  // range on the indexed field finds the older ones; an $or with "missing" would read the collection whole.
  const res = await db.collection(model.collection).where({ schemaVersion: _.lt(model.version) }).limit(BATCH).get();
  let upgraded = 0;
  for (let i = 0; i < res.data.length; i += AT_ONCE) {
    const counts = await Promise.all(
      (res.data.slice(i, i + AT_ONCE) as Record<string, unknown>[]).map(async (raw) => {
        const parsed = model.safeParse(raw);
        if (!parsed.success) return 0;
        const stored = withoutId(model.toStored(parsed.data as Unstored<unknown, never>) as { _id: string });
        // _.set writes each field whole (a plain object would be merged field by field).
        const data = Object.fromEntries(Object.entries(stored).map(([field, value]) => [field, _.set(value)]));
        const written = await db.collection(model.collection).where({ _id: raw._id, schemaVersion: raw.schemaVersion }).update({ data });
        return written.stats.updated ?? 0;
      }),
    );
    upgraded += counts.reduce((a, b) => a + b, 0);
  }
  return upgraded;
};
