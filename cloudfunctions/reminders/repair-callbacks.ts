import { lastWeek, planRepairCallbacks, type PlannedCallback, type ReturnedOrder } from '@shared/domain/repair-callbacks.rules';
import { callbackModel } from '@shared/model/callback.model';
import { repairModel, type RepairDoc } from '@shared/model/repair.model';
import { roomLabel } from '@shared/model/property.model';
import { audienceOfRole } from '@shared/model/signal.model';
import { withinDays } from '@shared/time/shanghai';
import type { Deps } from '../_shared/deps';
import { derivedId } from '../_shared/ids';
import { parseAll, readAll, addOnce } from '../_shared/repo';
import { enqueueNotice, sendNow } from '../_shared/outbox';
import { openDeadline } from '../_shared/deadlines';
import { loadSettings } from '../_shared/settings';
import { callbackDeadline } from '@shared/domain/deadline.rules';
import type { OutboxDoc } from '@shared/model/outbox.model';
import { format, messages } from '@shared/messages';

/** Issue 5: the desk is told of the callbacks just planned, in the app and, with a send left, pushed. */
const callbacksDue = (deps: Deps, propertyId: string, count: number, now: Date): Promise<OutboxDoc> =>
  deps.db.runTransaction((tx) =>
    enqueueNotice(
      tx,
      `callbacks-due:${propertyId}:${now.toISOString()}`,
      {
        propertyId,
        kind: 'callback.due',
        channel: 'inbox',
        recipient: audienceOfRole('desk'),
        subject: { kind: 'callback', id: propertyId },
        title: messages.notices['callback.due'],
        body: format(messages.callbackTexts.planned, { n: count }),
        urgent: false,
      },
      now,
    ),
  );

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** Returned orders from the start of last week until now: all the plan reads. */
const returnedSince = (deps: Deps, from: Date, now: Date): Promise<RepairDoc[]> => {
  const _ = deps.db.command;
  return readAll(repairModel, deps.db.collection('repairs').where({ status: 'signed', completedAt: _.gte(from.toISOString()).and(_.lt(now.toISOString())) }));
};

const calledAlready = async (deps: Deps, ids: string[]): Promise<Set<string>> => {
  const called = new Set<string>();
  for (let i = 0; i < ids.length; i += 100) {
    const res = await deps.db.collection('callbacks').where({ kind: 'repair', 'subject.id': deps.db.command.in(ids.slice(i, i + 100)) }).limit(100).get();
    for (const c of parseAll(callbackModel, res.data)) called.add(c.subject.id);
  }
  return called;
};

const asReturned = (r: RepairDoc): ReturnedOrder => ({ id: r._id, priority: r.priority, completedAt: r.completedAt ?? r.updatedAt, rating: r.rating });

/**
 * R10 R13: from the returned work orders, the callback tasks the desk owes: every urgent or
 * low-rated order of this week at once (due in 2 days), and last week's quota up to 50 % (due by
 * the end of this week). A task's id is its order's, so no run creates one twice.
 */
export const planRepairCallbackTasks = async (deps: Deps): Promise<{ created: number }> => {
  const now = deps.now();
  const { from, to } = lastWeek(now);
  const orders = await returnedSince(deps, from, now);
  if (orders.length === 0) return { created: 0 };
  const called = await calledAlready(deps, orders.map((o) => o._id));
  const byProperty = new Map<string, RepairDoc[]>();
  for (const o of orders) byProperty.set(o.propertyId, [...(byProperty.get(o.propertyId) ?? []), o]);

  let created = 0;
  const queued: OutboxDoc[] = [];
  for (const [propertyId, list] of byProperty) {
    const lastWeekOrders = list.filter((o) => (o.completedAt ?? '') < to.toISOString()).map(asReturned);
    const thisWeekOrders = list.filter((o) => (o.completedAt ?? '') >= to.toISOString()).map(asReturned);
    const plan: PlannedCallback[] = [
      ...planRepairCallbacks(lastWeekOrders, called),
      ...planRepairCallbacks(thisWeekOrders, called).filter((p) => p.reason !== 'quota'),
    ];
    const byId = new Map(list.map((o) => [o._id, o]));
    let createdHere = 0;
    const settings = await loadSettings(deps.db, propertyId);
    for (const task of plan) {
      const order = byId.get(task.repairId);
      if (!order) continue;
      const dueAt = task.reason === 'quota' ? new Date(to.getTime() + WEEK_MS) : withinDays(now, 2);
      const doc = callbackModel.toStored({
        _id: derivedId('cb', 'repair', order._id),
        propertyId,
        kind: 'repair',
        assignee: 'desk',
        reason: task.reason,
        subject: { kind: 'repair', id: order._id },
        status: 'open',
        version: 1,
        residentOpenid: order.residentOpenid,
        residentName: order.residentName,
        phone: order.phone,
        address: roomLabel(order.address),
        dueAt: dueAt.toISOString(),
        outcome: null,
        createdAt: now.toISOString(),
      });
      // The id is the task's own (its order's, or the month's and the member's): planned once, however many runs.
      if (!(await addOnce(deps.db, 'callbacks', doc))) continue;
      await openDeadline(deps.db, { kind: 'callback', id: doc._id, propertyId }, callbackDeadline(now, dueAt, 'desk', settings), now);
      created++;
      createdHere++;
    }
    if (createdHere) queued.push(await callbacksDue(deps, propertyId, createdHere, now));
  }
  await sendNow(deps, queued);
  return { created };
};
