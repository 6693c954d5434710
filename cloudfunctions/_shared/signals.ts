import { signalId, signalModel } from '@shared/model/signal.model';
import type { Database } from './deps';
import { withoutId } from './repo';

/** Tells every watcher of `audience` in a property that something changed; they fetch through a function. */
export const bumpSignal = async (db: Database, propertyId: string, audience: string, now: Date): Promise<void> => {
  const id = signalId(propertyId, audience);
  const _ = db.command;
  const res = await db.collection('signals').where({ _id: id }).update({ data: { seq: _.inc(1), changedAt: now.toISOString() } });
  if (res.stats.updated) return;
  const doc = signalModel.toStored({ _id: id, propertyId, audience, seq: 1, changedAt: now.toISOString() });
  try {
    await db.collection('signals').add({ data: { _id: id, ...withoutId(doc) } });
  } catch {
    await db.collection('signals').where({ _id: id }).update({ data: { seq: _.inc(1), changedAt: now.toISOString() } });
  }
};

export const readSignals = async (db: Database, ids: readonly string[]): Promise<{ id: string; seq: number }[]> => {
  if (ids.length === 0) return [];
  const res = await db.collection('signals').where({ _id: db.command.in([...ids]) }).limit(ids.length).get();
  const seqs = new Map(res.data.map((raw) => signalModel.parse(raw)).map((s) => [s._id, s.seq]));
  return ids.map((id) => ({ id, seq: seqs.get(id) ?? 0 }));
};
