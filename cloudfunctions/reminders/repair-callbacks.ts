import { callableOrders, lastWeek, planRepairCallbacks, type PlannedCallback, type Reported, type ReturnedOrder } from '@shared/domain/repair-callbacks.rules';
import type { RepairDoc } from '@shared/model/repair.model';
import { audienceOfRole } from '@shared/model/signal.model';
import { withinDays } from '@shared/time/shanghai';
import type { Deps } from '../_shared/deps';
import { findRepairCallbackPlan, writeRepairCallbackPlan } from '../_shared/environment';
import type { Sweep } from '../_shared/sweep';
import { addRepairCallback, byProperty, calledAlready } from './repair-callback-task';
import { enqueueNotice, sendNow } from '../_shared/outbox';
import { loadSettings } from '../_shared/settings';
import type { OutboxDoc } from '@shared/model/outbox.model';
import { format } from '@shared/messages/format';
import * as messages from '@shared/messages/words';
import { signedRepairsWithin } from '../_shared/repairs.repo';

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
const MINUTE_MS = 60 * 1000;
/**
 * Changes are read again from this long before the last run's end: an order a slow call stamped
 * before that instant may commit after the run read, and planning twice plans nothing twice.
 */
const OVERLAP_MS = 5 * MINUTE_MS;
/**
 * Last week's list is read again this often during the week: a technician's sign-off queued
 * offline on Sunday reaches the server on Monday, stamped with Sunday's time, and counts toward
 * last week's half.
 */
const QUOTA_RECHECK_MS = 60 * MINUTE_MS;

/** Returned orders whose `field` is in [from, to), or [from, to] with `through`; those with nobody to call back are left out (issue 18, 5). */
const signed = async (sweep: Sweep, field: 'completedAt' | 'updatedAt', from: Date, to: Date, through = false): Promise<Reported<RepairDoc>[]> => {
  const { db } = sweep.deps;
  const _ = db.command;
  const end = through ? _.lte(to.toISOString()) : _.lt(to.toISOString());
  return callableOrders(await signedRepairsWithin(db, field, _.gte(from.toISOString()).and(end), sweep.readAll)).callable;
};

const asReturned = (r: RepairDoc): ReturnedOrder => ({ id: r._id, priority: r.priority, completedAt: r.completedAt ?? r.updatedAt, rating: r.rating });

/** What one run plans from: the orders that changed since the last, and last week's whole list when its quota is due a check. */
interface Reading {
  changed: Reported<RepairDoc>[];
  lastWeek: Reported<RepairDoc>[] | null;
}

/** R10 R13: one property's tasks from its returned orders; answers how many were created. */
const planForProperty = async (deps: Deps, propertyId: string, read: Reading, called: ReadonlySet<string>): Promise<number> => {
  const now = deps.now();
  const { to } = lastWeek(now);
  const plan: PlannedCallback[] = [
    ...(read.lastWeek ? planRepairCallbacks(read.lastWeek.map(asReturned), called) : []),
    ...planRepairCallbacks(read.changed.map(asReturned), called).filter((p) => p.reason !== 'quota'),
  ];
  const byId = new Map([...read.changed, ...(read.lastWeek ?? [])].map((o) => [o._id, o]));
  const planned = new Set<string>();
  let created = 0;
  const settings = await loadSettings(deps, propertyId);
  for (const task of plan) {
    const order = byId.get(task.repairId);
    if (!order || planned.has(order._id)) continue;
    planned.add(order._id);
    const dueAt = task.reason === 'quota' ? new Date(to.getTime() + WEEK_MS) : withinDays(now, 2);
    if (await addRepairCallback(deps, order, task.reason, dueAt, settings)) created++;
  }
  if (created) await sendNow(deps, [await callbacksDue(deps, propertyId, created, now)]);
  return created;
};

/**
 * R10 R13: from the returned work orders, the callback tasks the desk owes: every urgent or
 * low-rated order of this week or last at once (due in 2 days), and last week's quota up to 50 %
 * (due by the end of this week). A task's id is its order's, so no run creates one twice. Each
 * property is a unit of its own.
 *
 * Incremental (issue 16): a run reads the returned orders changed (signed or rated) since the last
 * run, and last week's whole list only at the week's first run and then hourly; the mark moves on
 * only when every property's unit finished, so a failed one is read again next minute.
 */
export const planRepairCallbackTasks = async (sweep: Sweep): Promise<{ created: number }> => {
  const { db } = sweep.deps;
  const now = sweep.deps.now();
  const week = lastWeek(now);
  // A mark that does not parse is quarantined and the run reads as the first would: more, never less.
  const mark = (await sweep.unit('plan mark', () => findRepairCallbackPlan(db))) ?? null;
  const changedFrom = mark ? new Date(Math.max(week.from.getTime(), new Date(mark.changesThrough).getTime() - OVERLAP_MS)) : week.from;
  const quotaDue = !mark || mark.quotaWeek !== week.to.toISOString() || now.getTime() - new Date(mark.quotaCheckedAt).getTime() >= QUOTA_RECHECK_MS;
  const [changedAll, lastWeekAll] = await Promise.all([signed(sweep, 'updatedAt', changedFrom, now, true), quotaDue ? signed(sweep, 'completedAt', week.from, week.to) : Promise.resolve(null)]);
  const changed = changedAll.filter((o) => (o.completedAt ?? '') >= week.from.toISOString());
  const orders = [...changed, ...(lastWeekAll ?? [])];
  let created = 0;
  let finished = true;
  if (orders.length) {
    const called = await calledAlready(sweep, [...new Set(orders.map((o) => o._id))]);
    const changedBy = byProperty(changed);
    const lastWeekBy = lastWeekAll ? byProperty(lastWeekAll) : null;
    const { closed } = await sweep.properties();
    for (const propertyId of new Set(orders.map((o) => o.propertyId))) {
      if (closed.includes(propertyId)) continue;
      const read = { changed: changedBy.get(propertyId) ?? [], lastWeek: lastWeekBy ? (lastWeekBy.get(propertyId) ?? []) : null };
      const done = await sweep.unit(`property ${propertyId}`, () => planForProperty(sweep.deps, propertyId, read, called));
      if (done === undefined) finished = false;
      created += done ?? 0;
    }
  }
  if (finished) {
    await writeRepairCallbackPlan(db, {
      changesThrough: now.toISOString(),
      quotaWeek: quotaDue ? week.to.toISOString() : (mark?.quotaWeek ?? week.to.toISOString()),
      quotaCheckedAt: quotaDue ? now.toISOString() : (mark?.quotaCheckedAt ?? now.toISOString()),
    });
  }
  return { created };
};
