import type { ShiftPage } from '@shared/domain/duty-page.rules';
import { dutyDayModel, dutyPageModel, handoverModel, type DutyDayDoc, type DutyPageDoc, type HandoverDoc } from '@shared/model/duty.model';
import type { Database, Tx } from '../_shared/database';
import { addInTx, addOnce, findById, findInTx, parseAll, parseStored, withoutId } from '../_shared/repo';

/**
 * The duty area's collections: `dutyPages` (one per shift and date, entries inside), `handovers`
 * (one per page, under the page's id) and `dutyDays` (a date's signature and flag). Only this
 * module names them.
 */
export const pageIdOf = (propertyId: string, page: Pick<ShiftPage, 'key'>) => `${propertyId}~${page.key}`;
export const dayIdOf = (propertyId: string, date: string) => `${propertyId}~${date}`;

export const emptyPage = (propertyId: string, page: ShiftPage, now: Date): DutyPageDoc =>
  dutyPageModel.toStored({
    _id: pageIdOf(propertyId, page),
    propertyId,
    date: page.date,
    shiftName: page.shiftName,
    shiftStart: page.shiftStart,
    startsAt: page.startsAt.toISOString(),
    endsAt: page.endsAt.toISOString(),
    signedIn: [],
    entries: [],
    handoverLateFlaggedAt: null,
    version: 0,
    updatedAt: now.toISOString(),
  });

export const findPage = (db: Database, id: string) => findById(db, dutyPageModel, id);

/** The stored pages of a date (at most one per shift). */
export const pagesOfDay = async (db: Database, propertyId: string, date: string): Promise<DutyPageDoc[]> =>
  parseAll(dutyPageModel, (await db.collection('dutyPages').where({ propertyId, date }).limit(24).get()).data);

/** A transaction cannot read a missing document: the page is made empty first, once. */
export const ensurePage = (db: Database, propertyId: string, page: ShiftPage, now: Date) => addOnce(db, 'dutyPages', emptyPage(propertyId, page, now));

/** A page read in a command's transaction: null when nobody wrote to it yet (issue 16). */
export const findPageInTx = (tx: Tx, id: string) => findInTx(tx, dutyPageModel, id);

export const pageInTx = async (tx: Tx, id: string): Promise<DutyPageDoc> => parseStored(dutyPageModel, (await tx.collection('dutyPages').doc(id).get()).data);

/**
 * Issue 16: the page a command's transaction starts from, run by run. On its first run a page the
 * first reads did not find starts empty and the transaction adds it (`created`: one document, one
 * operation, nothing written before the transaction); a rerun makes it outside first, as before,
 * and reads it in the transaction.
 */
export const pageEachRun = (db: Database, propertyId: string, page: ShiftPage, stored: boolean, now: Date) => {
  let runs = 0;
  return async (tx: Tx): Promise<{ doc: DutyPageDoc; created: boolean }> => {
    runs += 1;
    if (!stored && runs === 1) return { doc: emptyPage(propertyId, page, now), created: true };
    if (!stored) await ensurePage(db, propertyId, page, now);
    return { doc: await pageInTx(tx, pageIdOf(propertyId, page)), created: false };
  };
};

/** `created`: the page was not there (pageEachRun), so it is added: made meanwhile by another call, this run ends and the next reads it. */
export const savePage = async (tx: Tx, doc: Omit<DutyPageDoc, 'schemaVersion'>, created = false): Promise<DutyPageDoc> => {
  const stored = dutyPageModel.toStored(doc);
  if (created) await addInTx(tx, 'dutyPages', stored);
  else await tx.collection('dutyPages').doc(stored._id).set({ data: withoutId(stored) });
  return stored;
};

export const markHandoverLate = (tx: Tx, id: string, at: Date) => tx.collection('dutyPages').doc(id).update({ data: { handoverLateFlaggedAt: at.toISOString() } });

export const findHandover = (db: Database, id: string) => findById(db, handoverModel, id);

/** The handovers of a date's pages (at most one per shift). */
export const handoversOfDay = async (db: Database, propertyId: string, date: string): Promise<HandoverDoc[]> =>
  parseAll(handoverModel, (await db.collection('handovers').where({ propertyId, date }).limit(24).get()).data);

/** A handover the caller names, read in her command's transaction: null when it is not there (issue 16). */
export const findHandoverInTx = (tx: Tx, id: string) => findInTx(tx, handoverModel, id);

export const saveHandover = async (tx: Tx, doc: Omit<HandoverDoc, 'schemaVersion'>, created: boolean): Promise<HandoverDoc> => {
  const stored = handoverModel.toStored(doc);
  if (created) await tx.collection('handovers').add({ data: { _id: stored._id, ...withoutId(stored) } });
  else await tx.collection('handovers').doc(stored._id).set({ data: withoutId(stored) });
  return stored;
};

export const findDay = (db: Database, propertyId: string, date: string) => findById(db, dutyDayModel, dayIdOf(propertyId, date));

export const ensureDay = (db: Database, propertyId: string, date: string) =>
  addOnce(db, 'dutyDays', dutyDayModel.toStored({ _id: dayIdOf(propertyId, date), propertyId, date, signedBy: null, remarks: '', flaggedAt: null }));

export const dayInTx = async (tx: Tx, id: string): Promise<DutyDayDoc> => parseStored(dutyDayModel, (await tx.collection('dutyDays').doc(id).get()).data);

/** A day no read found, added in the transaction (`addInTx`: one made meanwhile ends the run). */
export const addDay = async (tx: Tx, doc: Omit<DutyDayDoc, 'schemaVersion'>): Promise<DutyDayDoc> => {
  const stored = dutyDayModel.toStored(doc);
  await addInTx(tx, 'dutyDays', stored);
  return stored;
};

export const saveDay = async (tx: Tx, doc: Omit<DutyDayDoc, 'schemaVersion'>): Promise<DutyDayDoc> => {
  const stored = dutyDayModel.toStored(doc);
  await tx.collection('dutyDays').doc(stored._id).set({ data: withoutId(stored) });
  return stored;
};
