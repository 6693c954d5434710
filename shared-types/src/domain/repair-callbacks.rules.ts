import { startOfWeek } from '../time/shanghai';

export interface ReturnedOrder {
  id: string;
  priority: 'urgent' | 'normal';
  /** R8: when the signed order came back. */
  completedAt: string;
  rating: { quality: number; attitude: number } | null;
}

export type CallbackReason = 'urgent' | 'low_rating' | 'quota';

export interface PlannedCallback {
  repairId: string;
  reason: CallbackReason;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** R13: "last week" is the Monday-to-Sunday week (Asia/Shanghai) before the one holding `now`. */
export const lastWeek = (now: Date): { from: Date; to: Date } => {
  const to = startOfWeek(now);
  return { from: new Date(to.getTime() - WEEK_MS), to };
};

const lowRated = (o: ReturnedOrder) => !!o.rating && Math.min(o.rating.quality, o.rating.attitude) <= 3;

/**
 * R10 R13: which of last week's returned work orders the desk calls back. Every urgent order and
 * every order rated 3 or below, then the oldest others until at least half of the week's orders
 * are covered (rounded up). Orders already called back count toward the half and are not planned
 * again, so running the plan twice plans nothing twice.
 */
export const planRepairCallbacks = (weekOrders: readonly ReturnedOrder[], alreadyCalled: ReadonlySet<string>): PlannedCallback[] => {
  const needed = Math.ceil(weekOrders.length / 2);
  const byAge = [...weekOrders].sort((a, b) => a.completedAt.localeCompare(b.completedAt));
  const planned: PlannedCallback[] = [];
  const covered = new Set(alreadyCalled);
  for (const o of byAge) {
    const reason: CallbackReason | null = o.priority === 'urgent' ? 'urgent' : lowRated(o) ? 'low_rating' : null;
    if (reason && !covered.has(o.id)) {
      planned.push({ repairId: o.id, reason });
      covered.add(o.id);
    }
  }
  const coveredInWeek = () => weekOrders.filter((o) => covered.has(o.id)).length;
  for (const o of byAge) {
    if (coveredInWeek() >= needed) break;
    if (covered.has(o.id)) continue;
    planned.push({ repairId: o.id, reason: 'quota' });
    covered.add(o.id);
  }
  return planned;
};

/**
 * R13: a month that ends below 50 % gets more calls, chosen among the satisfied residents
 * (both ratings 4 or more), the most recent first.
 */
export const monthTopUp = (monthOrders: readonly ReturnedOrder[], called: ReadonlySet<string>): PlannedCallback[] => {
  const needed = Math.ceil(monthOrders.length / 2) - monthOrders.filter((o) => called.has(o.id)).length;
  if (needed <= 0) return [];
  return monthOrders
    .filter((o) => !called.has(o.id) && o.rating && Math.min(o.rating.quality, o.rating.attitude) >= 4)
    .sort((a, b) => b.completedAt.localeCompare(a.completedAt))
    .slice(0, needed)
    .map((o) => ({ repairId: o.id, reason: 'quota' }));
};

/** Why a returned order gets no callback (R10): a public place's repair nobody reported has nobody to call (issue 18, 5). */
export type CallbackSkip = 'no_resident';

interface Reporter {
  residentOpenid: string | null;
  residentName: string | null;
}
/** An order with a resident to call back. */
export type Reported<T extends Reporter> = T & { residentOpenid: string; residentName: string };

/**
 * R10 R13 issue 18 (5): the returned orders the desk can call back, and how many it skips by reason.
 * R13's half is of the callable ones: an order with nobody to call is neither owed a call nor
 * counted against the rate.
 */
export const callableOrders = <T extends Reporter>(orders: readonly T[]): { callable: Reported<T>[]; skipped: { reason: CallbackSkip; count: number }[] } => {
  const callable = orders.filter((o): o is Reported<T> => o.residentOpenid !== null && o.residentName !== null);
  const noResident = orders.length - callable.length;
  return { callable, skipped: noResident ? [{ reason: 'no_resident', count: noResident }] : [] };
};
