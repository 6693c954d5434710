import { mergeReadMarks, type ReadMark } from '@shared/domain/notice-thread.rules';
import type { MemberDoc } from '@shared/model/member.model';
import { MAX_READ_MARKS, readMarkModel, type ReadMarkDoc } from '@shared/model/read-mark.model';
import type { Database, Tx } from '../_shared/database';
import { derivedId } from '../_shared/ids';
import { addOnce, findById, parseStored, withoutId } from '../_shared/repo';

/** The `readMarks` collection (issue 18, 3): one document per membership, read by its id only. */
const idOf = (member: Pick<MemberDoc, '_id'>) => derivedId('rm', member._id);

/** Her read marks, none when she has never opened a thread. */
export const readMarksOf = async (db: Database, member: Pick<MemberDoc, '_id'>): Promise<ReadMark[]> =>
  (await findById(db, readMarkModel, idOf(member)))?.threads ?? [];

/** Whether her document exists yet. */
export const hasReadMarks = async (db: Database, member: Pick<MemberDoc, '_id'>): Promise<boolean> => (await findById(db, readMarkModel, idOf(member))) !== null;

/** Her document exists before a transaction adds to it (a transaction reads what it updates). */
export const ensureReadMarks = (db: Database, member: Pick<MemberDoc, '_id' | 'propertyId'>, now: Date): Promise<boolean> =>
  addOnce(db, 'readMarks', readMarkModel.toStored({ _id: idOf(member), propertyId: member.propertyId, memberId: member._id, threads: [], updatedAt: now.toISOString() }));

/** Adds the threads she opened, the later mark winning, inside the command's transaction. */
export const addReadMarks = async (tx: Tx, member: Pick<MemberDoc, '_id'>, opened: readonly ReadMark[], now: Date): Promise<void> => {
  const id = idOf(member);
  const doc: ReadMarkDoc = parseStored(readMarkModel, (await tx.collection('readMarks').doc(id).get()).data);
  const next = readMarkModel.toStored({ ...doc, threads: mergeReadMarks(doc.threads, opened, MAX_READ_MARKS), updatedAt: now.toISOString() });
  await tx.collection('readMarks').doc(id).set({ data: withoutId(next) });
};
