import { signalId, signalModel } from '@shared/model/signal.model';
import type { Database } from './deps';
import { addOnce } from './repo';

/** A filter on documents by id: one id as itself, which the local engine reads directly rather than scanning for an `in`. */
export const byIds = (db: Database, ids: readonly string[]): object => (ids.length === 1 ? { _id: ids[0] } : { _id: db.command.in([...ids]) });

/** One watched signal: an audience of a property. */
export interface SignalTarget {
  propertyId: string;
  audience: string;
}

/**
 * Tells every watcher of the targets' audiences that something changed; they fetch through a
 * function. Issue 16: one multi-document update bumps them all (each document's `inc` is atomic).
 * Only an audience never signalled before has no document: when fewer were bumped than named, each
 * is created with its first change, and an insert refused as a duplicate was one of those bumped
 * (or one another call created since, after this change committed): nothing more to do for it.
 */
export const bumpSignals = async (db: Database, targets: readonly SignalTarget[], now: Date): Promise<void> => {
  const byId = new Map(targets.map((t) => [signalId(t.propertyId, t.audience), t]));
  const ids = [...byId.keys()];
  if (ids.length === 0) return;
  const changedAt = now.toISOString();
  const res = await db.collection('signals').where(byIds(db, ids)).update({ data: { seq: db.command.inc(1), changedAt } });
  if ((res.stats.updated ?? 0) >= ids.length) return;
  await Promise.all(
    [...byId].map(([id, { propertyId, audience }]) =>
      addOnce(db, 'signals', signalModel.toStored({ _id: id, propertyId, audience, seq: 1, changedAt })),
    ),
  );
};

export const readSignals = async (db: Database, ids: readonly string[]): Promise<{ id: string; seq: number }[]> => {
  if (ids.length === 0) return [];
  const res = await db.collection('signals').where({ _id: db.command.in([...ids]) }).limit(ids.length).get();
  const seqs = new Map(res.data.map((raw) => signalModel.parse(raw)).map((s) => [s._id, s.seq]));
  return ids.map((id) => ({ id, seq: seqs.get(id) ?? 0 }));
};
