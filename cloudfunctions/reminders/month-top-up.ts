import { monthTopUp } from '@shared/domain/repair-callbacks.rules';
import { monthSpan } from '@shared/domain/callback-figures.rules';
import { callbackDeadline } from '@shared/domain/deadline.rules';
import { callbackModel } from '@shared/model/callback.model';
import { roomLabel } from '@shared/model/property.model';
import { repairModel, type RepairDoc } from '@shared/model/repair.model';
import { inShanghai } from '@shared/time/shanghai';
import type { Deps } from '../_shared/deps';
import { openDeadline } from '../_shared/deadlines';
import { derivedId } from '../_shared/ids';
import { parseAll, readAll, addOnce } from '../_shared/repo';
import { loadSettings } from '../_shared/settings';

const markerOf = (month: string) => `topup-${month}`;

/**
 * R13: on a month's last day, a month still below 50 % of its returned work orders called back gets
 * its top-up as callback tasks: satisfied residents, most recent first, due by the month's end. A
 * work order already having a task (done or not) counts toward the half, and the task's id is the
 * order's, so nothing is planned twice; a marker makes the month's plan a single pass.
 */
export const planMonthTopUp = async (deps: Deps): Promise<{ created: number }> => {
  const { db } = deps;
  const _ = db.command;
  const now = deps.now();
  const local = inShanghai(now);
  if (local.date() !== local.daysInMonth()) return { created: 0 };
  const month = local.format('YYYY-MM');
  const marker = await db.collection('environment').where({ _id: markerOf(month) }).limit(1).get();
  if (marker.data.length) return { created: 0 };
  const { from, to } = monthSpan(month);
  const orders = await readAll(repairModel, db.collection('repairs').where({ status: 'signed', completedAt: _.gte(from.toISOString()).and(_.lt(to.toISOString())) }));
  const tasked = new Set<string>();
  for (let i = 0; i < orders.length; i += 100) {
    const res = await db.collection('callbacks').where({ kind: 'repair', 'subject.id': _.in(orders.slice(i, i + 100).map((o) => o._id)) }).limit(100).get();
    for (const c of parseAll(callbackModel, res.data)) tasked.add(c.subject.id);
  }
  const byProperty = new Map<string, RepairDoc[]>();
  for (const o of orders) byProperty.set(o.propertyId, [...(byProperty.get(o.propertyId) ?? []), o]);
  let created = 0;
  for (const [propertyId, list] of byProperty) {
    const settings = await loadSettings(db, propertyId);
    const byId = new Map(list.map((o) => [o._id, o]));
    const plan = monthTopUp(
      list.map((o) => ({ id: o._id, priority: o.priority, completedAt: o.completedAt ?? o.updatedAt, rating: o.rating })),
      tasked,
    );
    for (const { repairId } of plan) {
      const order = byId.get(repairId);
      if (!order) continue;
      const doc = callbackModel.toStored({
        _id: derivedId('cb', 'repair', order._id),
        propertyId,
        kind: 'repair',
        assignee: 'desk',
        reason: 'quota',
        subject: { kind: 'repair', id: order._id },
        status: 'open',
        version: 1,
        residentOpenid: order.residentOpenid,
        residentName: order.residentName,
        phone: order.phone,
        address: roomLabel(order.address),
        dueAt: to.toISOString(),
        outcome: null,
        createdAt: now.toISOString(),
      });
      // The id is the task's own (its order's, or the month's and the member's): planned once, however many runs.
      if (!(await addOnce(db, 'callbacks', doc))) continue;
      await openDeadline(db, { kind: 'callback', id: doc._id, propertyId }, callbackDeadline(now, to, 'desk', settings), now);
      created++;
    }
  }
  await db.collection('environment').doc(markerOf(month)).set({ data: { schemaVersion: 1, kind: 'topup', at: now.toISOString(), created } });
  return { created };
};
