import type { TransitionEvent } from '@shared/domain/state-machine';
import {
  depositDayModel,
  keyInventoryModel,
  keyLoanModel,
  keyModel,
  leftKeyModel,
  type DepositDayDoc,
  type LeftKeyDoc,
  type KeyDoc,
  type KeyInventoryDoc,
  type KeyKind,
  type KeyLoanDoc,
} from '@shared/model/key.model';
import type { Database, Tx } from '../_shared/database';
import { appendEvent } from '../_shared/events';
import { createAfter, putAfter } from '../_shared/journaled-puts';
import { derivedId } from '../_shared/ids';
import type { Source } from '../_shared/paging';
import { addInTx, findById, findInTx, parseAll, parseStored, readAll, withoutId, everyPageIn, rewriteStored, type Rewrite, type StoredDoc } from '../_shared/repo';

/**
 * The keys area's collections (keys, keyLoans, keyInventories, keyDepositDays, leftKeys): the only module that
 * names them. Reads parse through the models; ids are derived here; a loan's or an inventory's status
 * is written only with the event of the transition that made it.
 */

export const keyIdOf = (propertyId: string, kind: KeyKind, label: string) => derivedId('key', propertyId, kind, label);
export const loanIdOf = (commandKey: string) => derivedId('kl', commandKey);
export const inventoryIdOf = (propertyId: string, month: string) => derivedId('kinv', propertyId, month);
export const depositDayIdOf = (propertyId: string, date: string) => derivedId('kdd', propertyId, date);

export const loanSubject = (loan: Pick<KeyLoanDoc, '_id' | 'propertyId'>) => ({ kind: 'keyLoan', id: loan._id, propertyId: loan.propertyId });
const inventorySubject = (inv: Pick<KeyInventoryDoc, '_id' | 'propertyId'>) => ({ kind: 'keyInventory', id: inv._id, propertyId: inv.propertyId });

export const findKey = (db: Database, id: string) => findById(db, keyModel, id);
export const findLoan = (db: Database, id: string) => findById(db, keyLoanModel, id);
export const findInventory = (db: Database, propertyId: string, month: string) => findById(db, keyInventoryModel, inventoryIdOf(propertyId, month));
export const findDepositDay = (db: Database, propertyId: string, date: string) => findById(db, depositDayModel, depositDayIdOf(propertyId, date));

/** A key or a loan the caller names, read in a transaction: null when it is not there. */
export const findKeyInTx = (tx: Tx, id: string) => findInTx(tx, keyModel, id);
export const findLoanInTx = (tx: Tx, id: string) => findInTx(tx, keyLoanModel, id);
export const findInventoryInTx = (tx: Tx, propertyId: string, month: string) => findInTx(tx, keyInventoryModel, inventoryIdOf(propertyId, month));

export const readKeyInTx = async (tx: Tx, id: string): Promise<KeyDoc> => parseStored(keyModel, (await tx.collection('keys').doc(id).get()).data);
export const readInventoryInTx = async (tx: Tx, id: string): Promise<KeyInventoryDoc> => parseStored(keyInventoryModel, (await tx.collection('keyInventories').doc(id).get()).data);

/** K1: the keys of these ids the register holds (at most 100 ids: one query). */
export const keysByIds = async (db: Database, ids: readonly string[]): Promise<KeyDoc[]> =>
  parseAll(keyModel, (await db.collection('keys').where({ _id: db.command.in([...ids]) }).limit(ids.length).get()).data);

/** K1: keys an import adds, in one batched insert; a key already held makes the whole insert fail (the caller looks again). */
export const addKeys = async (db: Database, keys: readonly KeyDoc[]): Promise<void> => {
  await db.collection('keys').add({ data: keys.map((k) => ({ _id: k._id, ...withoutId(k) })) });
};

/** K1: the list source of the keys matching `where`, by label. */
export const keysByLabel = (where: object): Source<KeyDoc> => ({ collection: 'keys', where, sort: [{ field: 'label', order: 'asc' }], parse: (raw) => keyModel.parse(raw) });

export const writeKey = async (tx: Tx, key: KeyDoc): Promise<KeyDoc> => {
  const stored = keyModel.toStored(key);
  await tx.collection('keys').doc(stored._id).set({ data: withoutId(stored) });
  return stored;
};

/**
 * K2, issue 16: the loan a key is out on, read with the key in the transaction: the key carries it (`KeyDoc.loan`); a
 * key stored before it did names it only, and its loan is read from `keyLoans` (one more operation, for those alone).
 */
export const openLoanInTx = async (tx: Tx, key: KeyDoc): Promise<KeyLoanDoc | null> => key.loan ?? (key.loanId ? findLoanInTx(tx, key.loanId) : null);

/**
 * A loan's step written with the event of the transition that made its status: on its key, which the transaction read
 * (the loan while out; none once it is closed), and to its copy in `keyLoans` after the commit (`putAfter`; a loan just
 * lent: `createAfter`). The key must be the loan's: free for a loan lent, out on this loan for any later step. Answers the
 * key and the loan as written.
 */
export const writeLoanOnKey = async (
  tx: Tx,
  key: KeyDoc,
  loan: KeyLoanDoc,
  event: TransitionEvent<string, string>,
  commandId: string,
): Promise<{ key: KeyDoc; loan: KeyLoanDoc }> => {
  const stored = keyLoanModel.toStored(loan);
  if (key.loanId !== (event.from === null ? null : stored._id)) throw new Error(`key ${key._id} is not loan ${stored._id}'s to write`);
  const open = (OPEN_STATUSES as readonly string[]).includes(stored.status);
  const written = await writeKey(tx, { ...key, loanId: open ? stored._id : null, loan: open ? stored : null, version: key.version + 1 });
  await (event.from === null ? createAfter(tx, 'keyLoans', stored) : putAfter(tx, 'keyLoans', stored));
  await appendEvent(tx, loanSubject(stored), event, commandId);
  return { key: written, loan: stored };
};

/**
 * An inventory written with the events of its transitions (its birth and first count come in one write). `made`:
 * the command's transaction found none and makes it (`addInTx`: one made meanwhile ends the run, and the rerun
 * reads it and counts on it).
 */
export const writeInventory = async (tx: Tx, inv: KeyInventoryDoc, events: readonly TransitionEvent<string, string>[], commandId: string, made = false): Promise<KeyInventoryDoc> => {
  const stored = keyInventoryModel.toStored(inv);
  if (made) await addInTx(tx, 'keyInventories', stored);
  else await tx.collection('keyInventories').doc(stored._id).set({ data: withoutId(stored) });
  for (const event of events) await appendEvent(tx, inventorySubject(stored), event, commandId);
  return stored;
};

/** The timer's reminder flag on an inventory: no status change, so no event. */
export const markInventoryReminded = async (tx: Tx, id: string, field: 'countRemindedAt' | 'reportRemindedAt', at: Date) => {
  await tx.collection('keyInventories').doc(id).update({ data: { [field]: at.toISOString() } });
};

export const writeDepositDay = async (tx: Tx, day: DepositDayDoc): Promise<DepositDayDoc> => {
  const stored = depositDayModel.toStored(day);
  await tx.collection('keyDepositDays').doc(stored._id).set({ data: withoutId(stored) });
  return stored;
};

/** K3: how many keys of each kind the register holds. */
export const countByKind = async (db: Database, propertyId: string, kinds: readonly KeyKind[]): Promise<Record<KeyKind, number>> => {
  const counts = await Promise.all(kinds.map(async (kind) => [kind, (await db.collection('keys').where({ propertyId, kind }).count()).total] as const));
  return Object.fromEntries(counts) as Record<KeyKind, number>;
};

/** K2: every loan that bears on a day's deposits: taken on or before it, not settled before it. */
export const loansOfDepositDay = (db: Database, propertyId: string, date: string): Promise<KeyLoanDoc[]> => {
  const _ = db.command;
  return readAll(keyLoanModel, db.collection('keyLoans').where({ propertyId, lentDate: _.lte(date), returnedDate: _.eq(null).or(_.gte(date)) }).orderBy('lentDate', 'asc'));
};

export const OPEN_STATUSES = ['pending', 'lent', 'overdue'] as const;

/**
 * What the timer acts on: lent loans past their due time, and overdue ones due for escalation (due
 * back at or before `escalateAt`) not yet escalated (an overdue loan waiting for its escalation is not read every minute).
 */
export const loansToChase = async (db: Database, now: Date, escalateAt: Date, limit: number, closedProperties: readonly string[]): Promise<unknown[]> => {
  const _ = db.command;
  const outside = closedProperties.length ? { propertyId: _.nin([...closedProperties]) } : {};
  const due = (status: string, dueBackAt: object) => db.collection('keyLoans').where({ status, escalatedAt: null, dueBackAt, ...outside }).orderBy('dueBackAt', 'asc').limit(limit).get();
  const [late, toEscalate] = await Promise.all([due('lent', _.lt(now.toISOString())), due('overdue', _.lte(escalateAt.toISOString()))]);
  return [...late.data, ...toEscalate.data];
};

export const leftKeyIdOf = (commandKey: string) => derivedId('lk', commandKey);
/** A left key the caller names, read in her command's transaction: null when it is not there (issue 16). */
export const findLeftKeyInTx = (tx: Tx, id: string) => findInTx(tx, leftKeyModel, id);
export const readLeftKeyInTx = async (tx: Tx, id: string): Promise<LeftKeyDoc> => parseStored(leftKeyModel, (await tx.collection('leftKeys').doc(id).get()).data);

/** A left key written with the event of the transition that made its status. */
export const writeLeftKey = async (tx: Tx, key: LeftKeyDoc, event: TransitionEvent<string, string>, commandId: string): Promise<LeftKeyDoc> => {
  const stored = leftKeyModel.toStored(key);
  await tx.collection('leftKeys').doc(stored._id).set({ data: withoutId(stored) });
  await appendEvent(tx, { kind: 'leftKey', id: stored._id, propertyId: stored.propertyId }, event, commandId);
  return stored;
};

export const LEFT_OPEN = ['held', 'out', 'back'] as const;

/**
 * K2: one page of the open left keys whose desk has not been reminded, outside closed properties (issue 14),
 * by id after `after`: one query the `remind` index serves (status, remindedAt, _id, propertyId).
 */
export const leftKeysToRemind = async (db: Database, after: string | null, limit: number, closedProperties: readonly string[]): Promise<unknown[]> => {
  const _ = db.command;
  const outside = closedProperties.length ? { propertyId: _.nin([...closedProperties]) } : {};
  const cursor = after === null ? {} : { _id: _.gt(after) };
  return (await db.collection('leftKeys').where({ status: _.in([...LEFT_OPEN]), remindedAt: null, ...outside, ...cursor }).orderBy('_id', 'asc').limit(limit).get()).data;
};

/** K2: the list source of loans matching `where`, the earliest due back first. */
export const loansDueFirst = (where: object): Source<KeyLoanDoc> => ({ collection: 'keyLoans', where, sort: [{ field: 'dueBackAt', order: 'asc' }], parse: (raw) => keyLoanModel.parse(raw) });

/** The list source of keys left behind matching `where`, the newest first. */
export const leftKeysNewestFirst = (where: object): Source<LeftKeyDoc> => ({ collection: 'leftKeys', where, sort: [{ field: 'createdAt', order: 'desc' }], parse: (raw: unknown) => leftKeyModel.parse(raw) });

/** PIPL (erasure): the keys left at the desk for these repairs (K2: who left each and who took it back are typed by the desk), as stored. */
export const leftKeysOfRepairs = (db: Database, propertyId: string, repairIds: readonly string[]): Promise<StoredDoc[]> =>
  everyPageIn(db, 'leftKeys', { propertyId }, 'repairId', repairIds);
export const rewriteLeftKeys = (db: Database, docs: readonly StoredDoc[], rewrite: Rewrite) => rewriteStored(db, 'leftKeys', docs, rewrite);
