import type { ComplaintDoc, ComplaintGroupDoc } from '@shared/model/complaint.model';
import type { Tx } from '../_shared/database';
import { cancelDeadline, meetDeadline } from '../_shared/deadlines';

type Case = ComplaintDoc | ComplaintGroupDoc;

export const subjectOf = (c: Case) => ({
  kind: 'memberIds' in c ? 'complaintGroup' : 'complaint',
  id: c._id,
  propertyId: c.propertyId,
});

/**
 * C4: a case runs one clock at a time, the one its `dueRule` names (same-day classification, then
 * the class's time limit), so stopping it touches only a document known to exist.
 */
const stopClock = async (tx: Tx, c: Case, stop: typeof meetDeadline, now: Date): Promise<void> => {
  if (!c.dueRule || c.dueMetAt) return;
  await stop(tx, c._id, c.dueRule, now);
};

export const meetClock = (tx: Tx, c: Case, now: Date) => stopClock(tx, c, meetDeadline, now);
export const cancelClock = (tx: Tx, c: Case, now: Date) => stopClock(tx, c, cancelDeadline, now);
