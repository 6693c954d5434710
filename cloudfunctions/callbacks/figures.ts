import type { figures as contract } from '@shared/contracts/callbacks.contract';
import { check, countByKind, monthSpan, taskRowOf, weeksOf } from '@shared/domain/callback-figures.rules';
import { callableOrders, monthTopUp } from '@shared/domain/repair-callbacks.rules';
import { ok } from '@shared/result';
import { repairWhere } from '@shared/messages/place-label';
import type * as z from 'zod/mini';
import type { Deps } from '../_shared/deps';
import { withPrefetch, type Handler } from '../_shared/router';
import { complaintsRegisteredWithin } from '../_shared/complaints.repo';
import { signedRepairsWithin } from '../_shared/repairs.repo';
import { callbacksFollowing, callbacksPlannedWithin } from '../_shared/callbacks';

/**
 * B4 R13 C7: the month's callback report: tasks by kind for the month and each of its weeks, the
 * repair check (the month's returned work orders called back, at least half), the complaint check
 * (every complaint received in the month and handled, called back), and R13's top-up list of
 * satisfied residents to call when the month is short.
 */
const monthRead = (input: z.infer<typeof contract.input>, { db }: Deps) => {
  const _ = db.command;
  const { from, to } = monthSpan(input.month);
  const span = _.gte(from.toISOString()).and(_.lt(to.toISOString()));
  return Promise.all([
    callbacksPlannedWithin(db, input.propertyId, span),
    signedRepairsWithin(db, 'completedAt', span),
    complaintsRegisteredWithin(db, input.propertyId, `${input.month}-01`, `${input.month}-31`),
  ]);
};

/** The month's tasks, returned orders and complaints need only the input: they are read with the caller's membership (issue 16). */
export const figures: Handler<typeof contract> = withPrefetch<typeof contract, Awaited<ReturnType<typeof monthRead>>>(monthRead, async (input, { deps }, [tasks, returned, complaints]) => {
  const { db } = deps;
  const _ = db.command;
  // Issue 18 (5): a public place's repair nobody reported is not called back; it is shown as skipped, with why, outside R13's half.
  const { callable: orders, skipped } = callableOrders(returned.filter((r) => r.propertyId === input.propertyId));
  const doneFor = async (kind: 'repair' | 'complaint', ids: string[]) => {
    const done = new Set<string>();
    for (let i = 0; i < ids.length; i += 100) {
      const chunk = await callbacksFollowing(db, kind, ids.slice(i, i + 100));
      for (const c of chunk) if (c.status === 'done') done.add(c.subject.id);
    }
    return done;
  };
  const handled = complaints.filter((k) => k.resolvedAt);
  const [repairsCalled, complaintsCalled] = await Promise.all([doneFor('repair', orders.map((o) => o._id)), doneFor('complaint', handled.map((k) => k._id))]);
  // V4: a cancelled home visit's task was never owed, so it is not a planned call.
  const rows = tasks.filter((t) => t.status !== 'cancelled').map(taskRowOf);
  const byId = new Map(orders.map((o) => [o._id, o]));
  const topUp = monthTopUp(
    orders.map((o) => ({ id: o._id, priority: o.priority, completedAt: o.completedAt ?? o.updatedAt, rating: o.rating })),
    repairsCalled,
  ).flatMap((p) => {
    const o = byId.get(p.repairId);
    return o ? [{ repairId: o._id, address: repairWhere(o), residentName: o.residentName, completedAt: o.completedAt ?? o.updatedAt }] : [];
  });
  return ok({
    month: input.month,
    byKind: countByKind(rows),
    weeks: weeksOf(input.month).map((w) => ({
      from: w.from.toISOString(),
      to: w.to.toISOString(),
      byKind: countByKind(rows.filter((r) => r.createdAt >= w.from.toISOString() && r.createdAt < w.to.toISOString())),
    })),
    repairCheck: { returned: orders.length, calledBack: repairsCalled.size, ...check(orders.length, repairsCalled.size, 0.5), skipped },
    complaintCheck: { handled: handled.length, calledBack: complaintsCalled.size, ...check(handled.length, complaintsCalled.size, 1) },
    topUp,
  });
});
