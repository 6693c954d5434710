import { complaintModel, type ComplaintDoc } from '@shared/model/complaint.model';
import type { Database, Query, Tx } from './database';
import type { SortKey, Source } from './paging';
import { findById, parseAll, readAll, withoutId, readInTx, findInTx, rewriteStored, storedByIds, type Rewrite, type StoredDoc } from './repo';
import type { Sweep } from './sweep';

/**
 * Issue 15 (3): the `complaints` collection, the households' complaints (C1). Only this module
 * names it: the complaints area files, moves and lists them, other areas read what they need of
 * them (a household's history, the duty log's calls, the reports' and figures' periods, a
 * person's holdings), and the content checks land their verdicts on them. It lives in `_shared/`,
 * not in the complaints area, because the checks (`content-verdicts`, `content-decision`, the
 * timer's `content-sweep`, all `_shared/`, which may import no area) read and write a complaint in
 * their own transactions; handing them the area's functions instead would thread a store through
 * every landing of a verdict and have the pushes and reminders functions import both tickets'
 * areas. Its groups, matters and registers are the area's own: `complaints/complaints.repo.ts`.
 * Every query here is one of the shapes the indexes in `complaints/area.json` serve.
 */

/** The C3 statuses of a complaint not yet answered. */
const unresolved = ['received', 'handling', 'grouped'] as const;

export const findComplaint = (db: Database, id: string): Promise<ComplaintDoc | null> => findById(db, complaintModel, id);

/** A complaint the caller names, read in a transaction: null when it is not there. */
export const findComplaintInTx = (tx: Tx, id: string): Promise<ComplaintDoc | null> => findInTx(tx, complaintModel, id);

export const readComplaintInTx = async (tx: Tx, id: string): Promise<ComplaintDoc> => readInTx(tx, complaintModel, id);

/** Writes the complaint as it is given: its status and version moved by the complaint machine before, if at all. */
export const writeComplaintInTx = async (tx: Tx, complaint: Parameters<typeof complaintModel.toStored>[0]): Promise<ComplaintDoc> => {
  const stored = complaintModel.toStored(complaint);
  await tx.collection('complaints').doc(stored._id).set({ data: withoutId(stored) });
  return stored;
};

/** C3: the household's oldest complaint on a matter that is still unresolved (the `repeat` index). */
export const unresolvedOnMatter = async (db: Database, propertyId: string, roomId: string, matterKey: string): Promise<ComplaintDoc | null> => {
  const res = await db
    .collection('complaints')
    .where({ propertyId, roomId, matterKey, status: db.command.in([...unresolved]) })
    .orderBy('createdAt', 'asc')
    .limit(1)
    .get();
  const [first] = parseAll(complaintModel, res.data);
  return first ?? null;
};

/** C3: a group's households, oldest first: every complaint it took in names it (`groupId`). */
export const householdsOf = async (db: Database, propertyId: string, groupId: string): Promise<ComplaintDoc[]> => {
  const res = await db.collection('complaints').where({ propertyId, groupId }).orderBy('createdAt', 'asc').limit(1000).get();
  return parseAll(complaintModel, res.data);
};

/** Complaints by id (a group's `memberIds`), in no particular order. */
export const complaintsByIds = async (db: Database, ids: readonly string[]): Promise<ComplaintDoc[]> => {
  const res = await db.collection('complaints').where({ _id: db.command.in([...ids]) }).limit(1000).get();
  return parseAll(complaintModel, res.data);
};

/** C3: complaints in handling whose month-unresolved upgrade is due, outside the closed properties, parsed as the sweep parses. */
export const complaintsDueUpgrade = async (sweep: Sweep, now: Date, closed: readonly string[], limit: number): Promise<ComplaintDoc[]> => {
  const { db } = sweep.deps;
  const outside = closed.length ? { propertyId: db.command.nin([...closed]) } : {};
  const res = await db.collection('complaints').where({ status: 'handling', upgradeAt: db.command.lte(now.toISOString()), ...outside }).limit(limit).get();
  return sweep.parse(complaintModel, res.data);
};

/** C6: a day's register lines, in the order they came in. */
export const complaintsOfRegisterDay = (db: Database, propertyId: string, date: string): Promise<ComplaintDoc[]> =>
  readAll(complaintModel, db.collection('complaints').where({ propertyId, registerDate: date }).orderBy('createdAt', 'asc'));

/** C8 B4: every complaint registered from `from` to `to` (calendar dates, both included), in no particular order. */
export const complaintsRegisteredWithin = (db: Database, propertyId: string, from: string, to: string): Promise<ComplaintDoc[]> =>
  readAll(complaintModel, db.collection('complaints').where({ propertyId, registerDate: db.command.gte(from).and(db.command.lte(to)) }));

/** C8: every complaint registered from `from` to `to` (calendar dates, both included), by register date. */
export const complaintsInRegisterOrder = (db: Database, propertyId: string, from: string, to: string): Promise<ComplaintDoc[]> =>
  readAll(complaintModel, db.collection('complaints').where({ propertyId, registerDate: db.command.gte(from).and(db.command.lte(to)) }).orderBy('registerDate', 'asc'));

/** D1: the calls the desk registered as complaints, received within `window` (a condition on `callRecord.receivedAt`). */
export const phoneComplaintsReceived = (db: Database, propertyId: string, window: unknown): Promise<ComplaintDoc[]> =>
  readAll(complaintModel, db.collection('complaints').where({ propertyId, channel: db.command.in(['phone']), 'callRecord.receivedAt': window }));

/** P1: a household's latest complaints, the newest first. */
export const latestComplaintsOfRoom = async (db: Database, propertyId: string, roomId: string, limit: number): Promise<ComplaintDoc[]> =>
  parseAll(complaintModel, (await db.collection('complaints').where({ propertyId, roomId }).orderBy('createdAt', 'desc').limit(limit).get()).data);

/** PIPL: every complaint one person filed in one property, the newest first (the `resident` index). */
export const complaintsOfResident = (db: Database, propertyId: string, residentOpenid: string): Promise<ComplaintDoc[]> =>
  readAll(complaintModel, db.collection('complaints').where({ propertyId, residentOpenid }).orderBy('createdAt', 'desc'));

/** PIPL erasure: the person's complaints keep no name, phone, photos or call record. */
export const eraseResidentFromComplaints = (db: Database, propertyId: string, residentOpenid: string, anonymous: object) =>
  db.collection('complaints').where({ propertyId, residentOpenid }).update({ data: { ...anonymous, callRecord: null } });

/** Issue 14 (2): a property's complaints at a queue rank, to be counted. */
export const complaintsQueued = (db: Database, propertyId: string, rank: unknown): Query => db.collection('complaints').where({ propertyId, queueRank: rank });

/** Issue 14 (2): a resident's resolved complaints not yet rated, to be counted. */
export const complaintsToRate = (db: Database, propertyId: string, residentOpenid: string): Query =>
  db.collection('complaints').where({ propertyId, residentOpenid, status: 'resolved', rating: null });

/** The complaints of a paged list: parsed through the model, or into a line of the list by `parse`. */
export function complaintSource(where: object, sort: SortKey[]): Source<ComplaintDoc>;
export function complaintSource<T>(where: object, sort: SortKey[], parse: (raw: unknown) => T): Source<T>;
export function complaintSource(where: object, sort: SortKey[], parse: (raw: unknown) => unknown = (raw) => complaintModel.parse(raw)): Source<unknown> {
  return { collection: 'complaints', where, sort, parse };
}

/** PIPL (erasure): these complaints, as stored, and their texts rewritten where they name her (`erasure-scrub.ts`). */
export const storedComplaints = (db: Database, ids: readonly string[]): Promise<StoredDoc[]> => storedByIds(db, 'complaints', ids);
export const rewriteComplaints = (db: Database, docs: readonly StoredDoc[], rewrite: Rewrite) => rewriteStored(db, 'complaints', docs, rewrite);
