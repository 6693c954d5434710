import { birth, type TransitionRequest } from '@shared/domain/state-machine';
import { callbackMachine } from '@shared/domain/callback.machine';
import { callbackModel, type CallbackDoc } from '@shared/model/callback.model';
import type { TransitionEvent } from '@shared/domain/state-machine';
import type { Database, Tx } from './database';
import { appendEvent } from './events';
import { createAfter } from './journaled-puts';
import type { Source } from './paging';
import { findById, findInTx, isDuplicateKey, parseAll, readAll, withoutId, readInTx, rewriteStored, storedByIds, type Rewrite, type StoredDoc } from './repo';

/**
 * Issue 15 (3): the callbacks collection's one owner. Every read, query and write of a callback task
 * under cloudfunctions/ is a function here, parsed through `callbackModel`, each query in a shape an
 * index of callbacks/area.json serves. It stays in `_shared/` because the tasks are planned by several
 * areas (complaints, visits, the reminders timer) as well as worked by callbacks, and `_shared/`
 * imports no area.
 */

type By = Omit<TransitionRequest<'plan'>, 'action'>;

export const callbackSubject = (c: CallbackDoc) => ({ kind: 'callback', id: c._id, propertyId: c.propertyId });

/**
 * B1: a callback task is born open, with its birth event, in the transaction that plans it. Issue 16: `afterCommit`, a
 * task nothing reads in its transaction (C7: a complaint's, whose id is the complaint's, resolved once) travels in the
 * command's record with its event and is inserted after the commit, once (journaled-puts.ts `createAfter`): a group's
 * settlement plans one per household, an operation each before. A home visit's is read by the booking's next change
 * in its own transaction, and stays an operation.
 */
export const planCallback = async (tx: Tx, doc: CallbackDoc, by: By, commandId: string, afterCommit = false): Promise<void> => {
  if (afterCommit) await createAfter(tx, 'callbacks', doc);
  else await tx.collection('callbacks').doc(doc._id).set({ data: withoutId(doc) });
  await appendEvent(tx, callbackSubject(doc), birth(callbackMachine, 'plan', by), commandId);
};

/**
 * B1: a task whose id says what it follows, planned once however many runs reach it: the task, its
 * birth event and whatever `also` writes commit together, and a second plan finds the id taken and
 * writes nothing. True when this call planned it; any failure but the taken id is thrown, so the
 * timer's next run plans it (a conflict that outlasted the retries once left a month's routine
 * callback unplanned for good).
 */
export const planCallbackOnce = async (db: Database, doc: CallbackDoc, by: By, also: (tx: Tx) => Promise<void>): Promise<boolean> => {
  try {
    await db.runTransaction(async (tx) => {
      await tx.collection('callbacks').add({ data: { _id: doc._id, ...withoutId(doc) } });
      await appendEvent(tx, callbackSubject(doc), birth(callbackMachine, 'plan', by), `plan:${doc._id}`);
      await also(tx);
    });
    return true;
  } catch (e) {
    if (isDuplicateKey(e)) return false;
    throw e;
  }
};

/** A callback task by id, outside a transaction. */
export const findCallback = (db: Database, id: string): Promise<CallbackDoc | null> => findById(db, callbackModel, id);

/** A callback task read in a transaction. */
/** A callback task the caller names, read in a transaction: null when it is not there. */
export const findCallbackInTx = (tx: Tx, id: string): Promise<CallbackDoc | null> => findInTx(tx, callbackModel, id);

export const readCallbackInTx = async (tx: Tx, id: string): Promise<CallbackDoc> => readInTx(tx, callbackModel, id);

/** A task written with the event of the transition that made its status. `task` is as `callbackModel.toStored` made it. */
export const writeCallbackInTx = async (tx: Tx, task: CallbackDoc, event: TransitionEvent<string, string>, commandId: string): Promise<void> => {
  await tx.collection('callbacks').doc(task._id).set({ data: withoutId(task) });
  await appendEvent(tx, callbackSubject(task), event, commandId);
};

/** A task written back with a change that is no status change (its due time): no event. */
export const saveCallbackInTx = async (tx: Tx, task: CallbackDoc): Promise<void> => {
  await tx.collection('callbacks').doc(task._id).set({ data: withoutId(task) });
};

/** B3: the task records the complaint it became. */
export const markRaisedInTx = async (tx: Tx, id: string, complaintId: string): Promise<void> => {
  await tx.collection('callbacks').doc(id).update({ data: { complaintId } });
};

/** B1: a list's source of the open tasks matching `where`, the soonest due first. */
export const openCallbacksByDue = (where: object): Source<CallbackDoc> => ({
  collection: 'callbacks',
  where,
  sort: [{ field: 'dueAt', order: 'asc' }],
  parse: (raw) => callbackModel.parse(raw),
});

/** The tasks following any of `ids` (at most 100: the `in` operator's limit), every page. */
export const callbacksFollowing = (db: Database, kind: CallbackDoc['kind'], ids: readonly string[]): Promise<CallbackDoc[]> =>
  readAll(callbackModel, db.collection('callbacks').where({ kind, 'subject.id': db.command.in([...ids]) }));

/**
 * The tasks following any of `ids` (at most 100), in one read of 100; `parse` turns the stored ones into
 * tasks (a sweep's sets a malformed one aside).
 */
export const callbacksFollowingOnce = async (
  db: Database,
  kind: CallbackDoc['kind'],
  ids: readonly string[],
  parse: (raws: unknown[]) => CallbackDoc[] | Promise<CallbackDoc[]> = (raws) => parseAll(callbackModel, raws),
): Promise<CallbackDoc[]> => parse((await db.collection('callbacks').where({ kind, 'subject.id': db.command.in([...ids]) }).limit(100).get()).data);

/** B4: the tasks of a property planned within `range` (a `db.command` range on their planning time), in planning order. */
export const callbacksPlannedWithin = (db: Database, propertyId: string, range: unknown): Promise<CallbackDoc[]> =>
  readAll(callbackModel, db.collection('callbacks').where({ propertyId, createdAt: range }).orderBy('createdAt', 'asc'));

/** PIPL: every task about one resident in one property. */
export const callbacksOfResident = (db: Database, propertyId: string, openid: string): Promise<CallbackDoc[]> =>
  readAll(callbackModel, db.collection('callbacks').where({ propertyId, residentOpenid: openid }));

/** PIPL erasure: a task's handwritten signature is no longer named (the file is gone). */
export const eraseCallbackSignature = async (db: Database, id: string): Promise<void> => {
  await db.collection('callbacks').doc(id).update({ data: { 'outcome.signature': '' } });
};

/** PIPL erasure: every task about one resident in one property stops naming them. */
export const anonymiseCallbacksOf = async (db: Database, propertyId: string, openid: string, erasedName: string): Promise<void> => {
  await db.collection('callbacks').where({ propertyId, residentOpenid: openid }).update({ data: { residentName: erasedName, phone: '' } });
};

/** PIPL (erasure): these callbacks, as stored, and their texts rewritten where they name her (`erasure-scrub.ts`). */
export const storedCallbacks = (db: Database, ids: readonly string[]): Promise<StoredDoc[]> => storedByIds(db, 'callbacks', ids);
export const rewriteCallbacks = (db: Database, docs: readonly StoredDoc[], rewrite: Rewrite) => rewriteStored(db, 'callbacks', docs, rewrite);
