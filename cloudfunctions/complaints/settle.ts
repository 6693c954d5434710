import { transition, type Actor } from '@shared/domain/state-machine';
import { complaintMachine } from '@shared/domain/complaint.machine';
import type { ComplaintDoc, ComplaintGroupDoc } from '@shared/model/complaint.model';
import type { OutboxDoc } from '@shared/model/outbox.model';
import type { SettingsDoc } from '@shared/model/settings.model';
import type { Deps } from '../_shared/deps';
import { appendEvent } from '../_shared/events';
import { ActionFailure } from '../_shared/failures';
import { enqueueNotice, sendNow } from '../_shared/outbox';
import { readComplaintInTx, writeComplaintInTx } from '../_shared/complaints.repo';
import { loadSettings } from '../_shared/settings';
import { subjectOf } from './clocks';
import { planComplaintCallback } from './follow-up';
import { residentComplaintNotice } from './resident-notice';
import { findGroup, markGroupSettledInTx } from './complaints.repo';

/** Households settled in one transaction: each costs its read and its write; what they add goes in one insert per collection. */
const HOUSEHOLDS_PER_TRANSACTION = 20;

/** What the replying call already holds: the group as it committed it, and the property's settings. */
export interface Known {
  group: ComplaintGroupDoc;
  settings: SettingsDoc;
}

const chunksOf = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * C3 C7: once a group is resolved, each household's complaint is resolved with the group's reply,
 * gets its own callback and tells its resident. Households are settled twenty to a transaction, so
 * a group of any size fits the cloud's limits; each is read in the transaction and skipped when
 * already settled, and the group is marked settled with the last of them. Runs right after the
 * reply; the reminders timer repeats it for any group left unsettled.
 */
export const settleGroup = async (deps: Deps, groupId: string, by: { actor: string; role: Actor }, known?: Known): Promise<number> => {
  const group = known?.group ?? (await findGroup(deps.db, groupId));
  if (!group || group.status !== 'resolved' || group.settledAt) return 0;
  const now = deps.now();
  const settings = known?.settings ?? (await loadSettings(deps, group.propertyId));
  const queued: OutboxDoc[] = [];
  let settled = 0;
  const chunks = chunksOf(group.memberIds, HOUSEHOLDS_PER_TRANSACTION);
  for (const [index, ids] of chunks.entries()) {
    const { notices, moved } = await deps.db.runTransaction(async (tx) => {
      const out: OutboxDoc[] = [];
      let count = 0;
      for (const id of ids) {
        const c = await readComplaintInTx(tx, id);
        if (c.status !== 'grouped') continue;
        const moved = transition(complaintMachine, c, { action: 'resolveWithGroup', actor: by.actor, role: by.role, now });
        if (!moved.ok) throw new ActionFailure(moved.code);
        const next: ComplaintDoc = { ...c, status: moved.status, version: moved.version, reply: group.reply, resolvedAt: group.resolvedAt, updatedAt: now.toISOString() };
        await writeComplaintInTx(tx, next);
        await appendEvent(tx, subjectOf(c), moved.event, `settle:${group._id}`);
        await planComplaintCallback(tx, next, group.classification?.severity ?? null, { ...by, now }, settings, `settle:${group._id}`);
        out.push(await enqueueNotice(tx, `${id}@${next.version}`, residentComplaintNotice('reply', next, group, now), now));
        count++;
      }
      if (index === chunks.length - 1) await markGroupSettledInTx(tx, group._id, now);
      return { notices: out, moved: count };
    });
    settled += moved;
    queued.push(...notices);
  }
  await sendNow(deps, queued, settings);
  return settled;
};
