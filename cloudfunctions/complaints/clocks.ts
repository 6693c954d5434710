import type { ComplaintDoc, ComplaintGroupDoc } from '@shared/model/complaint.model';
import type { Tx } from '../_shared/database';
import { derivedId } from '../_shared/ids';

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
const stopClock = async (tx: Tx, c: Case, status: 'met' | 'cancelled'): Promise<void> => {
  if (!c.dueRule || c.dueMetAt) return;
  await tx.collection('deadlines').doc(derivedId('dl', c._id, c.dueRule)).update({ data: { status } });
};

export const meetClock = (tx: Tx, c: Case) => stopClock(tx, c, 'met');
export const cancelClock = (tx: Tx, c: Case) => stopClock(tx, c, 'cancelled');
