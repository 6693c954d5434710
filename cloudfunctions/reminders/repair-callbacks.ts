import { lastWeek, planRepairCallbacks, type PlannedCallback, type ReturnedOrder } from '@shared/domain/repair-callbacks.rules';
import { repairModel, type RepairDoc } from '@shared/model/repair.model';
import { audienceOfRole } from '@shared/model/signal.model';
import { withinDays } from '@shared/time/shanghai';
import type { Deps } from '../_shared/deps';
import type { Sweep } from '../_shared/sweep';
import { addRepairCallback, byProperty, calledAlready } from './repair-callback-task';
import { enqueueNotice, sendNow } from '../_shared/outbox';
import { loadSettings } from '../_shared/settings';
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
const returnedSince = (sweep: Sweep, from: Date, now: Date): Promise<RepairDoc[]> => {
  const { db } = sweep.deps;
  const _ = db.command;
  return sweep.readAll(repairModel, db.collection('repairs').where({ status: 'signed', completedAt: _.gte(from.toISOString()).and(_.lt(now.toISOString())) }));
};

const asReturned = (r: RepairDoc): ReturnedOrder => ({ id: r._id, priority: r.priority, completedAt: r.completedAt ?? r.updatedAt, rating: r.rating });

/** R10 R13: one property's tasks from its returned orders; answers how many were created. */
const planForProperty = async (deps: Deps, propertyId: string, list: RepairDoc[], called: ReadonlySet<string>): Promise<number> => {
  const now = deps.now();
  const { to } = lastWeek(now);
  const lastWeekOrders = list.filter((o) => (o.completedAt ?? '') < to.toISOString()).map(asReturned);
  const thisWeekOrders = list.filter((o) => (o.completedAt ?? '') >= to.toISOString()).map(asReturned);
  const plan: PlannedCallback[] = [
    ...planRepairCallbacks(lastWeekOrders, called),
    ...planRepairCallbacks(thisWeekOrders, called).filter((p) => p.reason !== 'quota'),
  ];
  const byId = new Map(list.map((o) => [o._id, o]));
  let created = 0;
  const settings = await loadSettings(deps.db, propertyId);
  for (const task of plan) {
    const order = byId.get(task.repairId);
    if (!order) continue;
    const dueAt = task.reason === 'quota' ? new Date(to.getTime() + WEEK_MS) : withinDays(now, 2);
    if (await addRepairCallback(deps, order, task.reason, dueAt, settings)) created++;
  }
  if (created) await sendNow(deps, [await callbacksDue(deps, propertyId, created, now)]);
  return created;
};

/**
 * R10 R13: from the returned work orders, the callback tasks the desk owes: every urgent or
 * low-rated order of this week at once (due in 2 days), and last week's quota up to 50 % (due by
 * the end of this week). A task's id is its order's, so no run creates one twice. Each property is
 * a unit of its own.
 */
export const planRepairCallbackTasks = async (sweep: Sweep): Promise<{ created: number }> => {
  const now = sweep.deps.now();
  const orders = await returnedSince(sweep, lastWeek(now).from, now);
  if (orders.length === 0) return { created: 0 };
  const called = await calledAlready(sweep, orders.map((o) => o._id));
  let created = 0;
  for (const [propertyId, list] of byProperty(orders)) {
    created += (await sweep.unit(`property ${propertyId}`, () => planForProperty(sweep.deps, propertyId, list, called))) ?? 0;
  }
  return { created };
};
