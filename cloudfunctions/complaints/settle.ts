import { transition, type Actor } from '@shared/domain/state-machine';
import { complaintMachine } from '@shared/domain/complaint.machine';
import type { ComplaintDoc, ComplaintGroupDoc } from '@shared/model/complaint.model';
import type { CallbackDoc } from '@shared/model/callback.model';
import type { OutboxDoc } from '@shared/model/outbox.model';
import type { SettingsDoc } from '@shared/model/settings.model';
import type { Deps } from '../_shared/deps';
import { appendEvent } from '../_shared/events';
import { ActionFailure } from '../_shared/failures';
import { journaledTransaction } from '../_shared/commands';
import { enqueueNotice, sendNow } from '../_shared/outbox';
import { complaintsByIds, writeComplaintInTx } from '../_shared/complaints.repo';
import { loadSettings } from '../_shared/settings';
import { subjectOf } from './clocks';
import { callbackDueNotice, planComplaintCallback } from './follow-up';
import { residentComplaintNotice } from './resident-notice';
import { findGroup, markGroupSettledInTx, readGroupInTx } from './complaints.repo';

/** Households settled in one transaction: the cloud rolls back a transaction not committed within 10 s, and each household is two writes in it, one at a time. */
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
 * a group of any size fits the cloud's limits; a chunk's households are read together once its
 * transaction has begun, each skipped when already settled, and the group is marked settled with
 * the last of them. Runs right after the
 * reply; the reminders timer repeats it for any group left unsettled. Issue 16: what a chunk only
 * creates (each household's event, its callback task with its birth event and its clock: `planCallback`'s
 * `afterCommit`, `openNewSubjectClock`; the residents' notices, the callers' notice) travels in the
 * chunk's journal record (`journaledTransaction`) and is inserted in batches after the commit, or by
 * the timer's journal step; what later transactions read and change (each household's complaint) is
 * written in the transaction: one write per household. A callback recorded before its clock is inserted
 * leaves the clock to the timer, which finds the task done before it would warn.
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
    const record = { id: `settle~${group._id}#${index}`, propertyId: group.propertyId, openid: by.actor, call: 'complaints.reply', action: 'complaints.settle' } as const;
    const { notices, moved } = await journaledTransaction(deps.db, record, now, async (tx) => {
      const out: OutboxDoc[] = [];
      const tasks: CallbackDoc[] = [];
      // Issue 16: the chunk's households in one query, not one read each in the transaction. The
      // group's read comes first and fixes the transaction's snapshot, so whatever committed before
      // it is in the query's answer, and a household written after it refuses this transaction's
      // write of it (snapshot isolation: developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/database/transaction.html),
      // which runs again: it is never settled twice, nor over a change it did not see.
      if ((await readGroupInTx(tx, group._id)).settledAt) return { notices: out, moved: 0 };
      const found = new Map((await complaintsByIds(deps.db, ids)).map((c) => [c._id, c]));
      for (const id of ids) {
        const c = found.get(id);
        if (!c) throw new Error(`complaint ${id} of group ${group._id} is missing`);
        if (c.status !== 'grouped') continue;
        const moved = transition(complaintMachine, c, { action: 'resolveWithGroup', actor: by.actor, role: by.role, now });
        if (!moved.ok) throw new ActionFailure(moved.code);
        const next: ComplaintDoc = { ...c, status: moved.status, version: moved.version, reply: group.reply, resolvedAt: group.resolvedAt, updatedAt: now.toISOString() };
        await writeComplaintInTx(tx, next);
        await appendEvent(tx, subjectOf(c), moved.event, `settle:${group._id}`);
        tasks.push(await planComplaintCallback(tx, next, group.classification?.severity ?? null, { ...by, now }, settings, `settle:${group._id}`, false));
        out.push(await enqueueNotice(tx, `${id}@${next.version}`, residentComplaintNotice('reply', next, group, now), now));
      }
      // Issue 16: whoever calls back is told of the chunk's tasks in one notice, not one each.
      const [first, ...rest] = tasks;
      if (first) await enqueueNotice(tx, `settle:${group._id}#${index}`, callbackDueNotice([first, ...rest]), now);
      if (index === chunks.length - 1) await markGroupSettledInTx(tx, group._id, now);
      return { notices: out, moved: tasks.length };
    });
    settled += moved;
    queued.push(...notices);
  }
  await sendNow(deps, queued, settings);
  return settled;
};
