import { mergeReadMarks, type ReadMark } from '@shared/domain/notice-thread.rules';
import type { MemberDoc } from '@shared/model/member.model';
import { MAX_READ_MARKS, readMarkModel } from '@shared/model/read-mark.model';
import type { Database, Tx } from '../_shared/database';
import { derivedId } from '../_shared/ids';
import { parseStored, withoutId } from '../_shared/repo';

/** The `readMarks` collection (issue 18, 3): one document per membership, read by its id only. */
const idOf = (member: Pick<MemberDoc, '_id'>) => derivedId('rm', member._id);

/**
 * Her read marks, by her document's id, in a transaction or outside one; null before she first
 * opened a thread. wx-server-sdk answers the read of a missing document by throwing "document with
 * _id … does not exist" after the server answered an empty list, so a transaction goes on after it
 * (as `_shared/quarantine.ts` reads).
 */
export const readMarksOf = async (from: Pick<Database, 'collection'> | Tx, member: Pick<MemberDoc, '_id'>): Promise<ReadMark[] | null> => {
  try {
    const raw: unknown = (await from.collection('readMarks').doc(idOf(member)).get()).data;
    return raw === null || raw === undefined ? null : parseStored(readMarkModel, raw).threads;
  } catch (e) {
    if (String(e).includes('does not exist')) return null;
    throw e;
  }
};

/**
 * Writes her marks with the threads she opened (the later mark winning) in the command's
 * transaction, whole: `set` makes her document the first time. Two first marks at once both write a
 * document the other is making: the later write is refused as a transaction conflict and its
 * transaction runs again, reading the first one's marks.
 */
export const writeReadMarks = async (tx: Tx, member: Pick<MemberDoc, '_id' | 'propertyId'>, kept: readonly ReadMark[] | null, opened: readonly ReadMark[], now: Date): Promise<void> => {
  const id = idOf(member);
  const next = readMarkModel.toStored({ _id: id, propertyId: member.propertyId, memberId: member._id, threads: mergeReadMarks(kept ?? [], opened, MAX_READ_MARKS), updatedAt: now.toISOString() });
  await tx.collection('readMarks').doc(id).set({ data: withoutId(next) });
};
