import { signalId, signalModel } from '@shared/model/signal.model';
import type { Database } from './deps';
import { addAllOnce, addOnce, chunks, IN_MOST } from './repo';

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
 * Only an audience never signalled before has no document, and gets one with its first change: when
 * none was bumped, all of them are new and go in one batch insert (`addAllOnce`); when only some
 * were, which ones is unknown, so each is inserted on its own, side by side (a batch would meet the
 * stored ones and fall back to that after one more wait). An insert refused as a duplicate is one
 * bumped, or one another call created since, after this change committed: its first seq already
 * tells the watcher, so nothing more to do for it.
 */
export const bumpSignals = async (db: Database, targets: readonly SignalTarget[], now: Date): Promise<void> => {
  await (await bumpStored(db, targets, now))?.();
};

/**
 * `bumpSignals` in its two steps: the one update of the stored documents, answering the second step (a
 * function inserting the documents of audiences never signalled before; undefined when every one was
 * bumped), for a caller that takes it later (a command's notices, inbox-ahead.ts).
 */
export const bumpStored = async (db: Database, targets: readonly SignalTarget[], now: Date): Promise<(() => Promise<void>) | undefined> => {
  const byId = new Map(targets.map((t) => [signalId(t.propertyId, t.audience), t]));
  const ids = [...byId.keys()];
  if (ids.length === 0) return undefined;
  const changedAt = now.toISOString();
  const res = await db.collection('signals').where(byIds(db, ids)).update({ data: { seq: db.command.inc(1), changedAt } });
  const updated = res.stats.updated ?? 0;
  if (updated >= ids.length) return undefined;
  const docs = [...byId].map(([id, { propertyId, audience }]) => signalModel.toStored({ _id: id, propertyId, audience, seq: 1, changedAt }));
  if (updated === 0) {
    return async () => {
      const failed = await addAllOnce(db, 'signals', docs);
      if (failed[0]) throw failed[0].error;
    };
  }
  return async () => void (await Promise.all(docs.map((doc) => addOnce(db, 'signals', doc))));
};

export const readSignals = async (db: Database, ids: readonly string[]): Promise<{ id: string; seq: number }[]> => {
  if (ids.length === 0) return [];
  const res = await db.collection('signals').where({ _id: db.command.in([...ids]) }).limit(ids.length).get();
  const seqs = new Map(res.data.map((raw) => signalModel.parse(raw)).map((s) => [s._id, s.seq]));
  return ids.map((id) => ({ id, seq: seqs.get(id) ?? 0 }));
};

/**
 * Issue 16: of these targets, those whose signal has not changed since `since` (or has no document yet): a bump
 * that landed after a notice was made set `changedAt` at or after its `createdAt`. One query per 100 signals, together.
 */
export const unsignalledSince = async (db: Database, targets: readonly (SignalTarget & { since: string })[]): Promise<SignalTarget[]> => {
  const latest = new Map<string, SignalTarget & { since: string }>();
  for (const t of targets) {
    const id = signalId(t.propertyId, t.audience);
    const known = latest.get(id);
    if (!known || known.since < t.since) latest.set(id, t);
  }
  const ids = [...latest.keys()];
  const pages = await Promise.all(
    chunks(ids, IN_MOST).map((part) =>
      db.collection('signals').where(byIds(db, part)).field({ _id: true, changedAt: true }).limit(part.length).get(),
    ),
  );
  const changedAt = new Map(pages.flatMap((res) => res.data.map((d) => [(d as { _id: string })._id, String((d as { changedAt?: unknown }).changedAt ?? '')] as const)));
  return [...latest].filter(([id, t]) => (changedAt.get(id) ?? '') < t.since).map(([, { propertyId, audience }]) => ({ propertyId, audience }));
};
