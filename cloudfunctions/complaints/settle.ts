import { transition, type Actor } from '@shared/domain/state-machine';
import { complaintMachine } from '@shared/domain/complaint.machine';
import { complaintGroupModel, complaintModel, type ComplaintDoc } from '@shared/model/complaint.model';
import type { OutboxDoc } from '@shared/model/outbox.model';
import type { Deps } from '../_shared/deps';
import { appendEvent } from '../_shared/events';
import { ActionFailure } from '../_shared/failures';
import { enqueueNotice, sendNow } from '../_shared/outbox';
import { findById, parseStored, withoutId } from '../_shared/repo';
import { loadSettings } from '../_shared/settings';
import { subjectOf } from './clocks';
import { planComplaintCallback } from './follow-up';
import { complaintNotices } from './notices';

/**
 * C3 C7: once a group is resolved, each household's complaint is resolved with the group's reply,
 * gets its own callback and tells its resident, one transaction per household so a group of any
 * size fits the cloud's limits. Runs right after the reply; the reminders timer repeats it for any
 * group left unsettled, and a household already settled is skipped.
 */
export const settleGroup = async (deps: Deps, groupId: string, by: { actor: string; role: Actor }): Promise<number> => {
  const group = await findById(deps.db, complaintGroupModel, groupId);
  if (!group || group.status !== 'resolved' || group.settledAt) return 0;
  const now = deps.now();
  const settings = await loadSettings(deps, group.propertyId);
  const queued: OutboxDoc[] = [];
  let settled = 0;
  for (const id of group.memberIds) {
    const notices = await deps.db.runTransaction(async (tx) => {
      const c = parseStored(complaintModel, (await tx.collection('complaints').doc(id).get()).data);
      if (c.status !== 'grouped') return [];
      const moved = transition(complaintMachine, c, { action: 'resolveWithGroup', actor: by.actor, role: by.role, now });
      if (!moved.ok) throw new ActionFailure(moved.code);
      const next: ComplaintDoc = { ...c, status: moved.status, version: moved.version, reply: group.reply, resolvedAt: group.resolvedAt, updatedAt: now.toISOString() };
      await tx.collection('complaints').doc(id).set({ data: withoutId(complaintModel.toStored(next)) });
      await appendEvent(tx, subjectOf(c), moved.event, `settle:${group._id}`);
      await planComplaintCallback(tx, next, group.classification?.severity ?? null, { ...by, now }, settings, `settle:${group._id}`);
      const told = complaintNotices(next, 'complaint.changed', group.reply?.content ?? '', { inbox: [c.residentOpenid], group: false }, false);
      const out: OutboxDoc[] = [];
      for (const notice of told) out.push(await enqueueNotice(tx, `${id}@${next.version}`, notice, now));
      return out;
    });
    if (notices.length) settled++;
    queued.push(...notices);
  }
  await deps.db.collection('complaintGroups').doc(group._id).update({ data: { settledAt: now.toISOString() } });
  await sendNow(deps, queued);
  return settled;
};

