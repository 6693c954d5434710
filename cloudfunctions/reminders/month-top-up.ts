import { callableOrders, monthTopUp, type Reported } from '@shared/domain/repair-callbacks.rules';
import { monthSpan } from '@shared/domain/callback-figures.rules';
import type { RepairDoc } from '@shared/model/repair.model';
import { inShanghai } from '@shared/time/shanghai';
import type { Deps } from '../_shared/deps';
import type { Sweep } from '../_shared/sweep';
import { addRepairCallback, byProperty, calledAlready } from './repair-callback-task';
import { loadSettings } from '../_shared/settings';
import { hasMarker, writeMarker } from '../_shared/environment';
import { signedRepairsWithin } from '../_shared/repairs.repo';

const markerOf = (month: string) => `topup-${month}`;

/** R13: one property's top-up tasks, due by the month's end; answers how many were created. */
const topUpProperty = async (deps: Deps, propertyId: string, list: Reported<RepairDoc>[], tasked: ReadonlySet<string>, to: Date): Promise<number> => {
  const settings = await loadSettings(deps, propertyId);
  const byId = new Map(list.map((o) => [o._id, o]));
  const plan = monthTopUp(
    list.map((o) => ({ id: o._id, priority: o.priority, completedAt: o.completedAt ?? o.updatedAt, rating: o.rating })),
    tasked,
  );
  let created = 0;
  for (const { repairId } of plan) {
    const order = byId.get(repairId);
    if (!order) continue;
    if (await addRepairCallback(deps, order, 'quota', to, settings)) created++;
  }
  return created;
};

/**
 * R13: on a month's last day, a month still below 50 % of its returned work orders called back gets
 * its top-up as callback tasks: satisfied residents, most recent first, due by the month's end. A
 * work order already having a task (done or not) counts toward the half, and the task's id is the
 * order's, so nothing is planned twice; a marker, written once every property is done, makes the
 * month's plan a single pass. Each property is a unit of its own.
 */
export const planMonthTopUp = async (sweep: Sweep): Promise<{ created: number }> => {
  const { db } = sweep.deps;
  const _ = db.command;
  const local = inShanghai(sweep.deps.now());
  if (local.date() !== local.daysInMonth()) return { created: 0 };
  const month = local.format('YYYY-MM');
  if (await hasMarker(db, markerOf(month))) return { created: 0 };
  const { from, to } = monthSpan(month);
  const { callable: orders } = callableOrders(
    await signedRepairsWithin(db, 'completedAt', _.gte(from.toISOString()).and(_.lt(to.toISOString())), sweep.readAll),
  );
  const tasked = await calledAlready(sweep, orders.map((o) => o._id));
  let created = 0;
  let unfinished = false;
  const { closed } = await sweep.properties();
  for (const [propertyId, list] of byProperty(orders)) {
    if (closed.includes(propertyId)) continue;
    const done = await sweep.unit(`property ${propertyId}`, () => topUpProperty(sweep.deps, propertyId, list, tasked, to));
    if (done === undefined) unfinished = true;
    created += done ?? 0;
  }
  if (!unfinished) await writeMarker(db, markerOf(month), { kind: 'topup', at: sweep.deps.now().toISOString(), created });
  return { created };
};
