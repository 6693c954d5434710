import { callbackDeadline } from '@shared/domain/deadline.rules';
import { callbackModel, type CallbackDoc } from '@shared/model/callback.model';
import { repairWhere } from '@shared/messages/place-label';
import type { RepairDoc } from '@shared/model/repair.model';
import type { Reported } from '@shared/domain/repair-callbacks.rules';
import type { SettingsDoc } from '@shared/model/settings.model';
import type { Deps } from '../_shared/deps';
import { openDeadline } from '../_shared/deadlines';
import { derivedId } from '../_shared/ids';
import { planCallbackOnce } from '../_shared/callbacks';
import { TIMER } from '../_shared/timer-actor';
import type { Sweep } from '../_shared/sweep';
import { callbacksFollowingOnce } from '../_shared/callbacks';

/** The orders among `ids` that already have a callback task (done or not). */
export const calledAlready = async (sweep: Sweep, ids: readonly string[]): Promise<Set<string>> => {
  const { db } = sweep.deps;
  const called = new Set<string>();
  for (let i = 0; i < ids.length; i += 100) {
    for (const c of await callbacksFollowingOnce(db, 'repair', ids.slice(i, i + 100), (raws) => sweep.parse(callbackModel, raws))) called.add(c.subject.id);
  }
  return called;
};

/** Orders by the property they belong to. */
export const byProperty = <T extends RepairDoc>(orders: readonly T[]): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const o of orders) out.set(o.propertyId, [...(out.get(o.propertyId) ?? []), o]);
  return out;
};

/**
 * R10 R13: a returned order's callback task for the desk, with its clock. The id is the order's, so
 * it is planned once however many runs (or plans) reach it: true when this call created it.
 */
export const addRepairCallback = async (deps: Deps, order: Reported<RepairDoc>, reason: CallbackDoc['reason'], dueAt: Date, settings: SettingsDoc): Promise<boolean> => {
  const now = deps.now();
  const doc = callbackModel.toStored({
    _id: derivedId('cb', 'repair', order._id),
    propertyId: order.propertyId,
    kind: 'repair',
    assignee: 'desk',
    reason,
    subject: { kind: 'repair', id: order._id },
    status: 'open',
    version: 1,
    residentOpenid: order.residentOpenid,
    residentName: order.residentName,
    phone: order.phone,
    address: repairWhere(order),
    dueAt: dueAt.toISOString(),
    outcome: null,
    createdAt: now.toISOString(),
  });
  return planCallbackOnce(deps.db, doc, { ...TIMER, now }, (tx) =>
    openDeadline(tx, { kind: 'callback', id: doc._id, propertyId: order.propertyId }, callbackDeadline(now, dueAt, 'desk', settings), now),
  );
};
