import type { RepairCategory } from '../model/repair.model';
import { countByKind, type KindCount, type TaskRow } from './callback-figures.rules';
import { complaintFigures, type ComplaintFigures, type ComplaintRow } from './complaint-figures.rules';
import { elapsedOut, RETURN_WITHIN_MS } from './return.rules';
import { scorecard, type Rating, type Scorecard } from './scorecard.rules';

/** One work order as the reports read it. */
export interface ReportRepair {
  id: string;
  category: RepairCategory;
  building: string;
  status: string;
  dispatchedAt: string | null;
  completedAt: string | null;
  pausedMs: number;
  technician: { memberId: string; name: string } | null;
  rating: Rating | null;
}

export interface RepairFigures {
  total: number;
  byCategory: Record<string, number>;
  byBuilding: Record<string, number>;
  /** R9: orders back (signed off) and those back within 3 days of dispatch, blockers excluded. */
  returned: number;
  returnedOnTime: number;
  /** SLA attainment: on time out of returned, or null with none returned. */
  slaRate: number | null;
  /** R13: returned orders called back, out of returned (at least half). */
  calledBack: number;
  callbackRate: number | null;
}

export interface TechnicianCard extends Scorecard {
  memberId: string;
  name: string;
}

export interface PeriodFigures {
  repairs: RepairFigures;
  complaints: ComplaintFigures;
  /** B4: callbacks planned in the period, by kind. */
  callbacks: KindCount[];
  technicians: TechnicianCard[];
}

const rate = (part: number, whole: number) => (whole ? part / whole : null);

const tally = (keys: readonly string[]) => {
  const out: Record<string, number> = {};
  for (const key of keys) out[key] = (out[key] ?? 0) + 1;
  return out;
};

const isReturned = (r: ReportRepair) => r.status === 'signed' && !!r.completedAt && !!r.dispatchedAt;

/** R9: back within 3 days of dispatch, the time a blocker held it excluded. */
export const returnedOnTime = (r: ReportRepair): boolean =>
  isReturned(r) && elapsedOut({ dispatchedAt: r.dispatchedAt ?? '', pausedMs: r.pausedMs, blockedSince: null }, new Date(r.completedAt ?? '')) <= RETURN_WITHIN_MS;

/** R11 R12 R9 R13: the period's work orders by category and building, SLA attainment and the callback rate. */
export const repairFigures = (orders: readonly ReportRepair[], calledBack: ReadonlySet<string>): RepairFigures => {
  const returned = orders.filter(isReturned);
  const onTime = returned.filter(returnedOnTime).length;
  const called = returned.filter((r) => calledBack.has(r.id)).length;
  return {
    total: orders.length,
    byCategory: tally(orders.map((o) => o.category)),
    byBuilding: tally(orders.map((o) => o.building)),
    returned: returned.length,
    returnedOnTime: onTime,
    slaRate: rate(onTime, returned.length),
    calledBack: called,
    callbackRate: rate(called, returned.length),
  };
};

/** R7 R9: each technician's scorecard over the period's returned orders, by name. */
export const technicianCards = (orders: readonly ReportRepair[]): TechnicianCard[] => {
  const byTechnician = new Map<string, { name: string; orders: ReportRepair[] }>();
  for (const o of orders) {
    if (!o.technician) continue;
    const entry = byTechnician.get(o.technician.memberId) ?? { name: o.technician.name, orders: [] };
    entry.orders.push(o);
    byTechnician.set(o.technician.memberId, entry);
  }
  return [...byTechnician.entries()]
    .map(([memberId, { name, orders: mine }]) => {
      const returned = mine.filter(isReturned);
      const ratings = returned.flatMap((o) => (o.rating ? [o.rating] : []));
      const open = mine.filter((o) => o.status !== 'signed' && o.status !== 'cancelled').length;
      return { memberId, name, ...scorecard(ratings, returned.map(returnedOnTime), open) };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
};

/** R12 C8 B4 R7: a period's figures from its orders, complaints and callback tasks, and which were called back. */
export const periodFigures = (input: {
  repairs: readonly ReportRepair[];
  complaints: readonly ComplaintRow[];
  tasks: readonly TaskRow[];
  repairsCalledBack: ReadonlySet<string>;
  complaintsCalledBack: ReadonlySet<string>;
}): PeriodFigures => ({
  repairs: repairFigures(input.repairs, input.repairsCalledBack),
  complaints: complaintFigures(input.complaints, input.complaintsCalledBack),
  callbacks: countByKind(input.tasks),
  technicians: technicianCards(input.repairs),
});

/** "This period against the last": the change of a count or a rate, or null where either side has none. */
export const change = (current: number | null, previous: number | null): number | null =>
  current === null || previous === null ? null : current - previous;

/** Issue 14 (3): what the administrator compares across properties. */
export interface PropertyFigures {
  repairs: number;
  slaRate: number | null;
  /** B4: repair and complaint callbacks done out of planned. */
  repairCallbackRate: number | null;
  complaintCallbackRate: number | null;
  complaints: ComplaintFigures['byClass'];
  complaintsOnTimeRate: number | null;
  quality: number | null;
  attitude: number | null;
}

/** Issue 14 (3): one property's figures for the comparison, from the same reads as a period's report. */
export const propertyFigures = (figures: PeriodFigures): PropertyFigures => {
  const ratings = figures.technicians.flatMap((t) => (t.ratings ? [t] : []));
  const weighted = (key: 'quality' | 'attitude') => {
    const count = ratings.reduce((n, t) => n + t.ratings, 0);
    return count ? ratings.reduce((sum, t) => sum + (t[key] ?? 0) * t.ratings, 0) / count : null;
  };
  const kind = (k: 'repair' | 'complaint') => figures.callbacks.find((c) => c.kind === k)?.rate ?? null;
  return {
    repairs: figures.repairs.total,
    slaRate: figures.repairs.slaRate,
    repairCallbackRate: kind('repair'),
    complaintCallbackRate: kind('complaint'),
    complaints: figures.complaints.byClass,
    complaintsOnTimeRate: figures.complaints.onTimeRate,
    quality: weighted('quality'),
    attitude: weighted('attitude'),
  };
};
