import type { MatterEntry } from '@shared/domain/group-complaint.rules';
import {
  complaintGroupModel,
  complaintMatterModel,
  complaintRegisterModel,
  type ComplaintGroupDoc,
  type ComplaintMatterDoc,
  type ComplaintRegisterDoc,
} from '@shared/model/complaint.model';
import type { Database, Query, Tx } from '../_shared/database';
import { derivedId } from '../_shared/ids';
import type { SortKey, Source } from '../_shared/paging';
import { addInTx, addOnce, findById, parseAll, parseStored, withoutId, findInTx } from '../_shared/repo';
import type { Sweep } from '../_shared/sweep';

/**
 * Issue 15 (3): the complaints area's own collections: `complaintGroups` (C3's group cases),
 * `complaintMatters` (one per property and matter, through which every filing on it passes) and
 * `complaintRegisters` (C6: a day's signature and flag). Only this module names them; other areas
 * reach them through `exports.ts`. (The households' complaints themselves are read and written in
 * `_shared/complaints.repo.ts`, since the content checks in `_shared/` land on them too.)
 */

// ---- groups (C3) ----

export const findGroup = (db: Database, id: string): Promise<ComplaintGroupDoc | null> => findById(db, complaintGroupModel, id);

/** Groups by id, each once, in one read. */
export const groupsByIds = async (db: Database, ids: readonly string[]): Promise<Map<string, ComplaintGroupDoc>> => {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const res = await db.collection('complaintGroups').where({ _id: db.command.in(unique) }).limit(unique.length).get();
  return new Map(parseAll(complaintGroupModel, res.data).map((g) => [g._id, g]));
};

/** A group the caller names, read in a transaction: null when it is not there. */
export const findGroupInTx = (tx: Tx, id: string): Promise<ComplaintGroupDoc | null> => findInTx(tx, complaintGroupModel, id);

export const readGroupInTx = async (tx: Tx, id: string): Promise<ComplaintGroupDoc> => parseStored(complaintGroupModel, (await tx.collection('complaintGroups').doc(id).get()).data);

/** Writes the group as it is given (its status moved by the complaint machine before, if at all). */
export const writeGroupInTx = async (tx: Tx, group: Parameters<typeof complaintGroupModel.toStored>[0]): Promise<ComplaintGroupDoc> => {
  const stored = complaintGroupModel.toStored(group);
  await tx.collection('complaintGroups').doc(stored._id).set({ data: withoutId(stored) });
  return stored;
};

/** C3: the group's households are all settled. */
export const markGroupSettledInTx = (tx: Tx, id: string, at: Date) => tx.collection('complaintGroups').doc(id).update({ data: { settledAt: at.toISOString() } });

/** C3: resolved groups whose households were not all settled, parsed as the sweep parses. */
export const unsettledGroups = async (sweep: Sweep, limit: number): Promise<ComplaintGroupDoc[]> => {
  const res = await sweep.deps.db.collection('complaintGroups').where({ status: 'resolved', settledAt: null }).limit(limit).get();
  return sweep.parse(complaintGroupModel, res.data);
};

/** C4 C9: the groups of a merged list of cases (the desk's inbox). */
export const groupSource = (where: object, sort: SortKey[]): Source<ComplaintGroupDoc> => ({ collection: 'complaintGroups', where, sort, parse: (raw) => complaintGroupModel.parse(raw) });

/** Issue 14 (2): a property's groups at a queue rank, to be counted. */
export const groupsQueued = (db: Database, propertyId: string, rank: unknown): Query => db.collection('complaintGroups').where({ propertyId, queueRank: rank });

// ---- matters (C3) ----

export const matterIdOf = (propertyId: string, matterKey: string) => derivedId('cm', propertyId, matterKey);

/** Whether the matter's document is there yet. */
export const matterExists = (db: Database, propertyId: string, matterKey: string): Promise<boolean> =>
  findById(db, complaintMatterModel, matterIdOf(propertyId, matterKey)).then((m) => m !== null);

/**
 * The matter's document exists before any transaction reads it (a transaction cannot query or
 * tolerate a missing id): `found` is whether the filing's first reads saw it, so only the first
 * filing on a matter pays a wait for it, and a refused filing writes nothing.
 */
export const ensureMatter = async (db: Database, propertyId: string, matterKey: string, found: boolean): Promise<string> => {
  const id = matterIdOf(propertyId, matterKey);
  if (!found) await addOnce(db, 'complaintMatters', complaintMatterModel.toStored({ _id: id, propertyId, matterKey, recent: [], openGroupId: null }));
  return id;
};

/**
 * Issue 16: the matter a filing's transaction passes through, run by run. On its first run a matter
 * the first reads did not find starts empty (`created`) and `recordMatterInTx` adds it: one document,
 * one operation, nothing written before the transaction. A rerun makes it outside first, as before,
 * and reads it in the transaction.
 */
export const matterEachRun = (db: Database, propertyId: string, matterKey: string, found: boolean) => {
  const id = matterIdOf(propertyId, matterKey);
  let runs = 0;
  return async (tx: Tx): Promise<{ matter: ComplaintMatterDoc; created: boolean }> => {
    runs += 1;
    if (!found && runs === 1) return { matter: complaintMatterModel.toStored({ _id: id, propertyId, matterKey, recent: [], openGroupId: null }), created: true };
    if (!found) await ensureMatter(db, propertyId, matterKey, false);
    return { matter: await readMatterInTx(tx, id), created: false };
  };
};

export const readMatterInTx = async (tx: Tx, id: string): Promise<ComplaintMatterDoc> => parseStored(complaintMatterModel, (await tx.collection('complaintMatters').doc(id).get()).data);

/** C3: a filing passes through its matter: the recent filings, and the group open on it. */
export const recordMatterInTx = async (tx: Tx, matter: ComplaintMatterDoc, created: boolean, recent: MatterEntry[], openGroupId: string | null): Promise<void> => {
  if (created) await addInTx(tx, 'complaintMatters', complaintMatterModel.toStored({ ...matter, recent, openGroupId }));
  else await tx.collection('complaintMatters').doc(matter._id).update({ data: { recent, openGroupId } });
};

/** C3: the group answered every complaint in the window: later ones start a new count. */
export const freeMatterInTx = (tx: Tx, matter: ComplaintMatterDoc) =>
  tx.collection('complaintMatters').doc(matter._id).set({ data: withoutId({ ...matter, recent: [], openGroupId: null }) });

// ---- registers (C6) ----

export const registerIdOf = (propertyId: string, date: string) => `${propertyId}~${date}`;

export const findRegister = (db: Database, propertyId: string, date: string): Promise<ComplaintRegisterDoc | null> =>
  findById(db, complaintRegisterModel, registerIdOf(propertyId, date));

/** A day's register made empty, once, so the flag's transaction can read it. */
export const ensureRegister = (db: Database, propertyId: string, date: string) =>
  addOnce(db, 'complaintRegisters', complaintRegisterModel.toStored({ _id: registerIdOf(propertyId, date), propertyId, date, signedBy: null, remarks: '', count: 0, flaggedAt: null }));

export const readRegisterInTx = async (tx: Tx, id: string): Promise<ComplaintRegisterDoc> =>
  parseStored(complaintRegisterModel, (await tx.collection('complaintRegisters').doc(id).get()).data);

export const writeRegisterInTx = (tx: Tx, register: ComplaintRegisterDoc) => tx.collection('complaintRegisters').doc(register._id).set({ data: withoutId(register) });

/** C6: flagged unsigned to the supervisor and the manager. */
export const flagRegisterInTx = (tx: Tx, id: string, at: Date) => tx.collection('complaintRegisters').doc(id).update({ data: { flaggedAt: at.toISOString() } });

/** Issue 14 (1): how many of a property's registers were flagged and are still unsigned. */
export const unsignedFlaggedRegisters = async (db: Database, propertyId: string): Promise<number> =>
  (await db.collection('complaintRegisters').where({ propertyId, signedBy: null, flaggedAt: db.command.neq(null) }).count()).total;
