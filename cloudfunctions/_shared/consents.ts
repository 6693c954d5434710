import { consentModel, type ConsentDoc } from '@shared/model/consent.model';
import type { Database, Tx } from './database';
import { derivedId } from './ids';
import { addInTx, findInTx, parseAll, withoutId } from './repo';

/**
 * Issue 5: the consent ledger (the `consents` collection), one document per person and template: the only
 * module that names it. In `_shared/` because delivery (the outbox and its channels, which import no area)
 * spends and gives back its sends; `session` records acceptances through it.
 */

export const consentIdOf = (openid: string, templateId: string) => derivedId('cs', openid, templateId);

/** The ledger documents of these ids that exist (one read). */
export const consentsByIds = async (db: Database, ids: readonly string[]): Promise<ConsentDoc[]> =>
  ids.length ? parseAll(consentModel, (await db.collection('consents').where({ _id: db.command.in([...ids]) }).limit(ids.length).get()).data) : [];

/**
 * Issue 16: one acceptance adds one send, inside the command's transaction, making the person's ledger document
 * for the template as one of its operations when there is none yet (`addInTx`: another acceptance making it
 * meanwhile ends the run, and the rerun adds to it): the sends left after it.
 */
export const acceptSendInTx = async (tx: Tx, doc: Omit<ConsentDoc, 'schemaVersion' | 'remaining'>): Promise<number> => {
  const stored = await findInTx(tx, consentModel, doc._id);
  if (!stored) {
    await addInTx(tx, 'consents', consentModel.toStored({ ...doc, remaining: 1 }));
    return 1;
  }
  await tx.collection('consents').doc(doc._id).set({ data: withoutId({ ...stored, remaining: stored.remaining + 1, updatedAt: doc.updatedAt }) });
  return stored.remaining + 1;
};

/** The consents (person and template) with a send left, of all those asked about: one read. */
export const consentsWithSendsLeft = async (db: Database, ids: readonly string[]): Promise<Set<string>> => {
  if (!ids.length) return new Set();
  const _ = db.command;
  const res = await db.collection('consents').where({ _id: _.in([...ids]), remaining: _.gt(0) }).limit(ids.length).get();
  return new Set(parseAll(consentModel, res.data).map((c) => c._id));
};

/** Takes one send, by one atomic conditional update: false when none was left. */
export const claimConsentSend = async (db: Database, id: string, now: Date): Promise<boolean> => {
  const _ = db.command;
  const claimed = await db.collection('consents').where({ _id: id, remaining: _.gt(0) }).update({ data: { remaining: _.inc(-1), updatedAt: now.toISOString() } });
  return Boolean(claimed.stats.updated);
};

/** A send taken for a message that did not go out is given back. */
export const giveConsentSendBack = async (db: Database, id: string): Promise<void> => {
  await db.collection('consents').where({ _id: id }).update({ data: { remaining: db.command.inc(1) } });
};

/** WeChat says the person is not subscribed after all: the ledger is emptied. */
export const emptyConsent = async (db: Database, id: string): Promise<void> => {
  await db.collection('consents').where({ _id: id }).update({ data: { remaining: 0 } });
};
