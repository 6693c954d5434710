import { birth, type TransitionRequest } from '@shared/domain/state-machine';
import { callbackMachine } from '@shared/domain/callback.machine';
import type { CallbackDoc } from '@shared/model/callback.model';
import type { Database, Tx } from './database';
import { appendEvent } from './events';
import { isDuplicateKey, withoutId } from './repo';

type By = Omit<TransitionRequest<'plan'>, 'action'>;

export const callbackSubject = (c: CallbackDoc) => ({ kind: 'callback', id: c._id, propertyId: c.propertyId });

/** B1: a callback task is born open, with its birth event, in the transaction that plans it. */
export const planCallback = async (tx: Tx, doc: CallbackDoc, by: By, commandId: string): Promise<void> => {
  await tx.collection('callbacks').doc(doc._id).set({ data: withoutId(doc) });
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
