import type { JournalCollection, JournalEntry } from '@shared/model/command.model';
import { journalOf } from './commands';
import type { Database, Tx } from './database';
import { addOnce, withoutId, type StoredDoc } from './repo';

/** A document that carries its own version: each write of it a newer one. */
type Versioned = StoredDoc & { version: number };

/**
 * Issue 16: the new state of a document whose authority is another document, written after the commit of the write
 * that made it rather than as an operation of its transaction. A key's open loan lives on the key (K2: the transaction
 * reads and writes the key alone); the loan's own document, which the lists, the forms and the day's deposits read, is
 * its copy. The state travels in the command's record (`JournalTx.move`, action `put`) and is written by the call
 * beside its journal's insert, before it answers, and again by the timer's journal step should the call have died.
 * A put lands where the stored copy is no newer (`version`), so in whatever order several writes' puts land, the copy
 * ends as the newest said; where none is stored it is inserted. Outside a command's transaction (the timer's own) it
 * is an operation, as it was.
 */
export const putAfter = async (tx: Tx, collection: JournalCollection, doc: Versioned): Promise<void> => {
  const journal = journalOf(tx);
  if (!journal) {
    await tx.collection(collection).doc(doc._id).set({ data: withoutId(doc) });
    return;
  }
  journal.move(collection, doc, { action: 'put', subjectVersion: doc.version });
  journal.beside(putsBeside);
};

/**
 * One put (`putAfter`): one guarded update where the stored copy is at most as new (the same version again is the same
 * state: a second landing changes nothing and costs one round trip). An object field is replaced whole (`_.set`: an
 * update's plain object would set its fields one by one, and cannot set them under a null:
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/command/Command.set.html).
 * None stored: the copy is inserted; should another landing have inserted it meanwhile, the guarded update runs once more.
 */
const applyPut = async (db: Database, entry: JournalEntry): Promise<void> => {
  const _ = db.command;
  const { _id, ...fields } = entry.doc;
  const data = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v !== null && typeof v === 'object' ? _.set(v) : v]));
  const guarded = async () =>
    ((await db.collection(entry.collection).where({ _id, version: _.lte(entry.move!.subjectVersion) }).update({ data })).stats.updated ?? 0) > 0;
  if (!(await guarded()) && !(await addOnce(db, entry.collection, entry.doc))) await guarded();
};

/** The puts of journals: each document's one after another, oldest first; the documents side by side. The call's and the timer's. */
export const applyPuts = async (db: Database, journal: readonly JournalEntry[]): Promise<void> => {
  const byDoc = new Map<string, JournalEntry[]>();
  for (const e of journal) if (e.move?.action === 'put') byDoc.set(`${e.collection}\u0000${e.doc._id}`, [...(byDoc.get(`${e.collection}\u0000${e.doc._id}`) ?? []), e]);
  await Promise.all(
    [...byDoc.values()].map(async (puts) => {
      for (const e of puts.sort((a, b) => a.move!.subjectVersion - b.move!.subjectVersion)) await applyPut(db, e);
    }),
  );
};

const putsBeside = (deps: { db: Database }, journal: readonly JournalEntry[]): Promise<void> =>
  applyPuts(deps.db, journal).catch((e: unknown) => console.warn('copies not written after the commit; the timer will', e));

/**
 * Issue 16: a copy born in this transaction (a loan lent: its id derives from the command), so none of its id is
 * stored yet: it travels in the command's record and is inserted with the journal's other documents after the commit,
 * once (a later write's put that lands first inserts its newer state, and this insert then finds it stored and leaves
 * it). Outside a command's transaction it is an operation.
 */
export const createAfter = async (tx: Tx, collection: JournalCollection, doc: StoredDoc): Promise<void> => {
  const journal = journalOf(tx);
  if (journal) journal.create(collection, doc);
  else await tx.collection(collection).doc(doc._id).set({ data: withoutId(doc) });
};
