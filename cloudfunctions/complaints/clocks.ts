import { caseSays } from '@shared/domain/deadline.rules';
import type { ComplaintDoc, ComplaintGroupDoc } from '@shared/model/complaint.model';
import type { Tx } from '../_shared/database';
import { cancelDeadline, moveJournaledDeadline, type SubjectSays, type SubjectVersion } from '../_shared/deadlines';
import { findGroupInTx } from './complaints.repo';

type Case = ComplaintDoc | ComplaintGroupDoc;

export const subjectOf = (c: Case) => ({
  kind: 'memberIds' in c ? 'complaintGroup' : 'complaint',
  id: c._id,
  propertyId: c.propertyId,
});

/**
 * C4: a case runs one clock at a time, the one its `dueRule` names (same-day classification, then the class's
 * time limit), so cancelling it touches only a document known to exist. A case meets its clock by recording it
 * (`dueMetAt`, or a new `dueRule`): the timer reads that before it warns (`caseMeets`; issue 16: two operations
 * fewer in the classification, the manager's acknowledgement and the reply).
 */
export const cancelClock = async (tx: Tx, c: Case, now: Date, subjectVersion?: number): Promise<void> => {
  if (!c.dueRule || c.dueMetAt) return;
  await cancelDeadline(tx, c._id, c.dueRule, now, subjectVersion);
};

/** Issue 16: `cancelClock` after the commit of the write that causes it, a command's (deadlines.ts `journaledMove`). */
export const cancelClockAfter = (tx: Tx, c: Case, now: Date, at: SubjectVersion): void => {
  if (c.dueRule && !c.dueMetAt) moveJournaledDeadline(tx, c._id, c.dueRule, 'cancel', now, at);
};

/** C4: whether a group, read in the timer's transaction, has met its clock of `rule` (the timer asks before it warns). */
export const groupMeets: SubjectSays = async (tx, id, rule) => caseSays(rule, await findGroupInTx(tx, id));
