import { monthsOfPeriod, kindOf, spanOf } from '@shared/time/report-period';
import { periodFigures, type PeriodFigures, type ReportRepair } from '@shared/domain/report.rules';
import type { ComplaintRow } from '@shared/domain/complaint-figures.rules';
import { taskRowOf } from '@shared/domain/callback-figures.rules';
import type { CallbackDoc } from '@shared/model/callback.model';
import type { ComplaintDoc } from '@shared/model/complaint.model';
import type { RepairDoc } from '@shared/model/repair.model';
import type { Database } from '../_shared/database';
import { complaintsRegisteredWithin } from '../_shared/complaints.repo';
import { repairsCountingFor, repairsFiledWithin } from '../_shared/repairs.repo';
import { callbacksFollowing, callbacksPlannedWithin } from '../_shared/callbacks';

/** The `in` operator takes at most 100 values a query in CloudBase, as the other figures read them. */
const CHUNK = 100;

interface Stored {
  repairs: RepairDoc[];
  complaints: ComplaintDoc[];
  tasks: CallbackDoc[];
}

/**
 * One property's orders, complaints and callback tasks over two adjoining periods, in one round of
 * indexed reads: orders by R11's counting month (a week's by the day they came in), complaints by
 * register date, tasks by the day they were planned.
 */
const readStored = async (db: Database, propertyId: string, earlier: string, later: string): Promise<Stored> => {
  const _ = db.command;
  const from = spanOf(earlier);
  const to = spanOf(later);
  const within = _.gte(from.from.toISOString()).and(_.lt(to.to.toISOString()));
  const months = [...monthsOfPeriod(earlier), ...monthsOfPeriod(later)];
  const [r, c, t] = await Promise.all([
    months.length ? repairsCountingFor(db, propertyId, _.in(months)) : repairsFiledWithin(db, propertyId, within),
    complaintsRegisteredWithin(db, propertyId, from.firstDate, to.lastDate),
    callbacksPlannedWithin(db, propertyId, within),
  ]);
  return { repairs: r, complaints: c, tasks: t };
};

const inPeriod = (period: string) => {
  const span = spanOf(period);
  const months = monthsOfPeriod(period);
  const instant = (at: string) => at >= span.from.toISOString() && at < span.to.toISOString();
  return {
    repair: (r: RepairDoc) => (kindOf(period) === 'week' ? instant(r.createdAt) : months.includes(r.countsFor)),
    complaint: (c: ComplaintDoc) => c.registerDate >= span.firstDate && c.registerDate <= span.lastDate,
    task: (t: CallbackDoc) => instant(t.createdAt),
  };
};

/** Which of `ids` have a callback of `kind` recorded as done. */
const calledBack = async (db: Database, kind: 'repair' | 'complaint', ids: string[]): Promise<Set<string>> => {
  const chunks = Array.from({ length: Math.ceil(ids.length / CHUNK) }, (_x, i) => ids.slice(i * CHUNK, (i + 1) * CHUNK));
  const found = await Promise.all(chunks.map((chunk) => callbacksFollowing(db, kind, chunk)));
  return new Set(found.flat().flatMap((c) => (c.status === 'done' ? [c.subject.id] : [])));
};

const repairRow = (r: RepairDoc): ReportRepair => ({
  id: r._id,
  category: r.category,
  // A public area's repair counts under 公共区域 (the empty building).
  building: r.address?.building ?? (r.place?.scope === 'building' ? r.place.building : ''),
  status: r.status,
  dispatchedAt: r.dispatchedAt,
  completedAt: r.completedAt,
  pausedMs: r.pausedMs,
  technician: r.technician ? { memberId: r.technician.memberId, name: r.technician.name } : null,
  rating: r.rating,
});

const complaintRow = (c: ComplaintDoc): ComplaintRow => ({
  id: c._id,
  registerDate: c.registerDate,
  classification: c.classification,
  dueAt: c.dueAt,
  dueMetAt: c.dueMetAt,
  resolvedAt: c.resolvedAt,
});

const figuresOf = (stored: Stored, period: string, repairsCalled: Set<string>, complaintsCalled: Set<string>): PeriodFigures => {
  const holds = inPeriod(period);
  return periodFigures({
    repairs: stored.repairs.filter(holds.repair).map(repairRow),
    complaints: stored.complaints.filter(holds.complaint).map(complaintRow),
    // V4: a cancelled home visit's task was never owed, so it is not a planned call.
    tasks: stored.tasks.filter((t) => holds.task(t) && t.status !== 'cancelled').map(taskRowOf),
    repairsCalledBack: repairsCalled,
    complaintsCalledBack: complaintsCalled,
  });
};

/** R12 C8 B4 R13 R7: a period's figures and the period before's, in two rounds of reads. */
export const readReport = async (db: Database, propertyId: string, period: string, previous: string) => {
  const stored = await readStored(db, propertyId, previous, period);
  const [repairs, complaints] = await Promise.all([
    calledBack(db, 'repair', stored.repairs.filter((r) => r.status === 'signed').map((r) => r._id)),
    calledBack(db, 'complaint', stored.complaints.filter((c) => c.resolvedAt).map((c) => c._id)),
  ]);
  return { current: figuresOf(stored, period, repairs, complaints), before: figuresOf(stored, previous, repairs, complaints) };
};

/**
 * Issue 14 (3): the figures the administrator compares, in one round of reads: callback rates as
 * B4 counts them (done out of planned), which needs no look-up of each order's callback.
 */
export const readComparable = async (db: Database, propertyId: string, period: string, previous: string) => {
  const stored = await readStored(db, propertyId, previous, period);
  const none = new Set<string>();
  return { current: figuresOf(stored, period, none, none), before: figuresOf(stored, previous, none, none) };
};
