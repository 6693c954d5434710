import type { TransitionEvent } from '@shared/domain/state-machine';
import { repairModel, type RepairDoc } from '@shared/model/repair.model';
import type { Database, Query, Tx } from './database';
import { appendEvent } from './events';
import type { SortKey, Source } from './paging';
import { findById, findInTx, parseAll, readAll, withoutId, readInTx, rewriteStored, storedByIds, type Rewrite, type StoredDoc } from './repo';
import * as z from 'zod/mini';
import { lazySchema } from '@shared/model/lazy-schema';

/**
 * Issue 15 (3): the repairs collection's owner, with `repairs.counts.ts` (the counts, which read no
 * document and so import no model). Every read, query and write of a work order under cloudfunctions/
 * is a function here, each parsing through `repairModel` and asking in a shape an index of
 * repairs/area.json serves. It lives in `_shared/` because `_shared/` itself reads and writes orders
 * (the content checks' screening, run by the pushes and the timer as well as by repairs), and `_shared/`
 * imports no area; the areas call it directly, as they call the outbox or the deadlines.
 */

/** How a caller reads every page of a query: `readAll`, or a sweep's, which sets a malformed order aside. */
type ReadAll = (model: typeof repairModel, query: Query) => Promise<RepairDoc[]>;

export const repairSubject = (r: Pick<RepairDoc, '_id' | 'propertyId'>) => ({ kind: 'repair', id: r._id, propertyId: r.propertyId });

/** A work order by id, outside a transaction. */
export const findRepair = (db: Database, id: string): Promise<RepairDoc | null> => findById(db, repairModel, id);

/** What `roomOfRepair` reads of an order: its room (null for a public place's), as every version of the model stores it. */
const RepairRoom = lazySchema(() => z.object({ roomId: z.nullable(z.string()) }));

/**
 * The room of a work order (null: gone, or a public place's), read alone: a function that needs only this
 * (callbacks.raiseComplaint, in callbacks-complaints) carries no repair model (issue 16: 3.7 KB of a bundle).
 */
export const roomOfRepair = async (db: Database, id: string): Promise<string | null> => {
  const res = await db.collection('repairs').where({ _id: id }).field({ roomId: true }).limit(1).get();
  return res.data[0] ? RepairRoom.parse(res.data[0]).roomId : null;
};

/** A work order named by the caller, read in a transaction: null when it is not there. */
export const findRepairInTx = (tx: Tx, id: string): Promise<RepairDoc | null> => findInTx(tx, repairModel, id);

/** A work order read in a transaction (it must exist: a transaction cannot read a missing id). */
export const readRepairInTx = async (tx: Tx, id: string): Promise<RepairDoc> => readInTx(tx, repairModel, id);

/**
 * A work order written with the event that made its status: the machine's transition (or its birth).
 * `repair` is as `repairModel.toStored` made it.
 */
export const writeRepairInTx = async (tx: Tx, repair: RepairDoc, event: TransitionEvent<string, string>, commandId: string): Promise<void> => {
  await tx.collection('repairs').doc(repair._id).set({ data: withoutId(repair) });
  await appendEvent(tx, repairSubject(repair), event, commandId);
};

/**
 * A work order written back with a change that is no status change (its screening, its booked
 * window): no event. `repair` is as `repairModel.toStored` made it.
 */
export const saveRepairInTx = async (tx: Tx, repair: RepairDoc): Promise<void> => {
  await tx.collection('repairs').doc(repair._id).set({ data: withoutId(repair) });
};

/** A list's source of work orders matching `where`, in `sort`'s order. */
export const repairsSource = (where: object, sort: SortKey[]): Source<RepairDoc> => ({ collection: 'repairs', where, sort, parse: (raw) => repairModel.parse(raw) });

/** A list's source of work orders matching `where`, each shown as `line` makes it from the stored order. */
export const repairLinesSource = <D>(where: object, sort: SortKey[], line: (raw: unknown) => D): Source<D> => ({ collection: 'repairs', where, sort, parse: line });

/** A technician's orders in any of `statuses`. */
export const technicianRepairs = (db: Database, propertyId: string, openid: string, statuses: readonly string[]): Promise<RepairDoc[]> =>
  readAll(repairModel, db.collection('repairs').where({ propertyId, 'technician.openid': openid, status: db.command.in([...statuses]) }));

/** R11: the orders that count for a month, or for any of several (`month`: a month, or `db.command.in` of months). */
export const repairsCountingFor = (db: Database, propertyId: string, month: unknown): Promise<RepairDoc[]> =>
  readAll(repairModel, db.collection('repairs').where({ propertyId, countsFor: month }));

/** The orders filed within `range` (a `db.command` range on the filing time). */
export const repairsFiledWithin = (db: Database, propertyId: string, range: unknown): Promise<RepairDoc[]> =>
  readAll(repairModel, db.collection('repairs').where({ propertyId, createdAt: range }));

/** Returned (signed) orders of every property whose `field` is within `range` (a `db.command` range). */
export const signedRepairsWithin = (db: Database, field: 'completedAt' | 'updatedAt', range: unknown, read: ReadAll = readAll): Promise<RepairDoc[]> =>
  read(repairModel, db.collection('repairs').where({ status: 'signed', [field]: range }));

/** Of these orders, the ids of the ones signed off: one query by id, whatever their number. */
export const signedRepairIds = async (db: Database, ids: readonly string[]): Promise<Set<string>> => {
  const res = await db.collection('repairs').where({ _id: db.command.in([...ids]), status: 'signed' }).field({ _id: true }).limit(ids.length).get();
  return new Set(res.data.map((r) => String((r as { _id: unknown })._id)));
};

/** P1: a room's latest `limit` orders, the newest first. */
export const latestRepairsOfRoom = async (db: Database, propertyId: string, roomId: string, limit: number): Promise<RepairDoc[]> =>
  parseAll(repairModel, (await db.collection('repairs').where({ propertyId, roomId }).orderBy('createdAt', 'desc').limit(limit).get()).data);

/** PIPL: every order one resident filed in one property, the newest first. */
export const repairsOfResident = (db: Database, propertyId: string, openid: string): Promise<RepairDoc[]> =>
  readAll(repairModel, db.collection('repairs').where({ propertyId, residentOpenid: openid }).orderBy('createdAt', 'desc'));

/** PIPL erasure: an order's handwritten signatures are no longer named (the files are gone). */
export const eraseRepairSignatures = async (db: Database, r: RepairDoc): Promise<void> => {
  await db.collection('repairs').doc(r._id).update({
    data: { ...(r.acceptance?.signature ? { 'acceptance.signature': null } : {}), ...(r.signOff ? { 'signOff.signature': '' } : {}) },
  });
};

/**
 * PIPL erasure: the call record of an order the desk registered for her names whoever called (she, as a rule):
 * `rewrite` says what of it changes (cloudfunctions/_shared/erasure-scrub.ts). One update per order it changes,
 * together; repeated, it changes nothing more.
 */
export const eraseRepairCallers = async (db: Database, repairs: readonly RepairDoc[], rewrite: (doc: Record<string, unknown>) => Record<string, unknown> | null): Promise<void> => {
  const updates = repairs.flatMap((r) => {
    const data = r.callRecord ? rewrite({ callRecord: r.callRecord }) : null;
    return data ? [db.collection('repairs').doc(r._id).update({ data })] : [];
  });
  await Promise.all(updates);
};

/** PIPL erasure: every order one resident filed in one property stops naming them (`anonymous`: the fields as erased). */
export const anonymiseRepairsOf = async (db: Database, propertyId: string, openid: string, anonymous: object): Promise<void> => {
  await db.collection('repairs').where({ propertyId, residentOpenid: openid }).update({ data: anonymous });
};

/** PIPL (erasure): these repairs, as stored, and their texts rewritten where they name her (`erasure-scrub.ts`). */
export const storedRepairs = (db: Database, ids: readonly string[]): Promise<StoredDoc[]> => storedByIds(db, 'repairs', ids);
export const rewriteRepairs = (db: Database, docs: readonly StoredDoc[], rewrite: Rewrite) => rewriteStored(db, 'repairs', docs, rewrite);
