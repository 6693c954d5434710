import type { TransitionEvent } from '@shared/domain/state-machine';
import {
  fileGrantModel,
  fileReadModel,
  residentFileModel,
  type FileGrantDoc,
  type FileReadDoc,
  type ResidentFileDoc,
} from '@shared/model/resident-file.model';
import type { Database, Tx } from '../_shared/database';
import { journalOf } from '../_shared/commands';
import { appendEvent } from '../_shared/events';
import { derivedId } from '../_shared/ids';
import type { Source } from '../_shared/paging';
import { findById, findInTx, parseAll, parseStored, withoutId } from '../_shared/repo';
import { activeResidentsWhere } from '../_shared/membership';
import { latestComplaintsOfRoom } from '../_shared/complaints.repo';
import { latestRepairsOfRoom } from '../_shared/repairs.repo';

/**
 * The resident files' collections (residentFiles, fileGrants, fileReads): the only module that names
 * them. A household's residents, repairs and complaints are read from their own areas' collections,
 * each through its model and an index declared for the read, so the file is as current as they are.
 */

export const grantIdOf = (commandKey: string) => derivedId('fg', commandKey);
export const readIdOf = (commandKey: string) => derivedId('fr', commandKey);
const fileIdOf = (roomId: string) => derivedId('rf', roomId);

export const findFile = (db: Database, roomId: string) => findById(db, residentFileModel, fileIdOf(roomId));

/** A grant the caller names, read in her command's transaction: null when it is not there (issue 16). */
export const findGrantInTx = (tx: Tx, id: string) => findInTx(tx, fileGrantModel, id);
export const readFileInTx = async (tx: Tx, roomId: string): Promise<ResidentFileDoc> => parseStored(residentFileModel, (await tx.collection('residentFiles').doc(fileIdOf(roomId)).get()).data);

/** A grant written with the event of the transition that made its status. */
export const writeGrant = async (tx: Tx, grant: FileGrantDoc, event: TransitionEvent<string, string>, commandId: string): Promise<FileGrantDoc> => {
  const stored = fileGrantModel.toStored(grant);
  await tx.collection('fileGrants').doc(stored._id).set({ data: withoutId(stored) });
  await appendEvent(tx, { kind: 'fileGrant', id: stored._id, propertyId: stored.propertyId }, event, commandId);
  return stored;
};

export const writeFile = async (tx: Tx, file: Omit<ResidentFileDoc, '_id' | 'schemaVersion'>): Promise<ResidentFileDoc> => {
  const stored = residentFileModel.toStored({ ...file, _id: fileIdOf(file.roomId) });
  // The first save inserts: of two made at once, the second finds the id taken instead of writing over the first.
  if (stored.version === 1) await tx.collection('residentFiles').add({ data: stored });
  else await tx.collection('residentFiles').doc(stored._id).set({ data: withoutId(stored) });
  return stored;
};

/**
 * An entry of the access log: a read, or a revoke, committed with what it logs. Issue 16: in a command's
 * transaction it is new (its id is the command's) and nothing changes it, so it travels in the command's
 * record (`JournalTx`), one operation fewer before the commit; the call inserts it after the commit, before it
 * answers, and the timer's journal step should the call die first (the log shows it within its minute).
 */
export const writeRead = async (tx: Tx, read: Omit<FileReadDoc, 'schemaVersion'>): Promise<void> => {
  const stored = fileReadModel.toStored(read);
  const journal = journalOf(tx);
  if (journal) journal.create('fileReads', stored);
  else await tx.collection('fileReads').doc(stored._id).set({ data: withoutId(stored) });
};

/**
 * P1: the caller's latest grant for one household that the supervisor granted: the one reaching
 * furthest (it may have run out, or been revoked, since). A request not yet granted, or refused,
 * has no end, and sorts after every grant.
 */
export const latestGrant = async (db: Database, propertyId: string, memberId: string, roomId: string): Promise<FileGrantDoc | null> => {
  const res = await db.collection('fileGrants').where({ propertyId, 'askedBy.memberId': memberId, roomId }).orderBy('until', 'desc').limit(1).get();
  const grant = parseAll(fileGrantModel, res.data)[0];
  return grant?.until ? grant : null;
};

/** A household's history shown on its file: the latest of each. */
const HISTORY = 20;

/** P1: the active residents of a household, as their bindings made them. */
export const residentsOf = async (db: Database, propertyId: string, roomId: string) =>
  activeResidentsWhere(db, propertyId, { roomIds: roomId }, HISTORY);

/** P1: what the other areas know of a household: its residents (as bindings made them), its repairs and its complaints. */
export const householdOf = async (db: Database, propertyId: string, roomId: string) => {
  const [residents, repairs, complaints] = await Promise.all([
    residentsOf(db, propertyId, roomId),
    latestRepairsOfRoom(db, propertyId, roomId, HISTORY),
    latestComplaintsOfRoom(db, propertyId, roomId, HISTORY),
  ]);
  return { residents, repairs, complaints };
};

/** P1: the list source of grants matching `where` (the desk's own, or a property's), the newest first. */
export const grantsNewestFirst = (where: object): Source<FileGrantDoc> => ({ collection: 'fileGrants', where, sort: [{ field: 'createdAt', order: 'desc' }], parse: (raw: unknown) => fileGrantModel.parse(raw) });

/** P1: the list source of a property's file reads, the newest first. */
export const readsNewestFirst = (propertyId: string): Source<FileReadDoc> => ({ collection: 'fileReads', where: { propertyId }, sort: [{ field: 'at', order: 'desc' }], parse: (raw: unknown) => fileReadModel.parse(raw) });
