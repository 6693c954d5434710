import type { ComplaintClass, Severity } from '../model/complaint.model';
import { atShanghai, inShanghai } from '../time/shanghai';

export interface ComplaintRow {
  id: string;
  registerDate: string;
  classification: { class: ComplaintClass; severity: Severity | null } | null;
  dueAt: string | null;
  /** When the time limit was met (the manager took a major one up; the reply otherwise); the reply when absent. */
  dueMetAt?: string | null;
  resolvedAt: string | null;
}

export interface ComplaintFigures {
  total: number;
  byClass: { major: number; general: number; non_responsible: number; assistance: number; unclassified: number };
  handled: number;
  /** Handled out of received, or null with none received. */
  handlingRate: number | null;
  /** Handled that met their C4 time limit (those without one count as on time), out of handled. */
  onTime: number;
  onTimeRate: number | null;
  /** C7: handled complaints with a recorded callback, out of handled. */
  calledBack: number;
  callbackRate: number | null;
}

const rate = (part: number, whole: number) => (whole ? part / whole : null);

const classKey = (row: ComplaintRow): keyof ComplaintFigures['byClass'] => {
  const c = row.classification;
  if (!c) return 'unclassified';
  if (c.class === 'responsible') return c.severity === 'major' ? 'major' : 'general';
  return c.class;
};

/** C8: a period's complaints by class, handling rate, on-time rate and callbacks. */
export const complaintFigures = (rows: readonly ComplaintRow[], calledBack: ReadonlySet<string>): ComplaintFigures => {
  const byClass = { major: 0, general: 0, non_responsible: 0, assistance: 0, unclassified: 0 };
  for (const row of rows) byClass[classKey(row)]++;
  const handled = rows.filter((r) => r.resolvedAt);
  const onTime = handled.filter((r) => !r.dueAt || Date.parse(r.dueMetAt ?? (r.resolvedAt as string)) <= Date.parse(r.dueAt)).length;
  const called = handled.filter((r) => calledBack.has(r.id)).length;
  return {
    total: rows.length,
    byClass,
    handled: handled.length,
    handlingRate: rate(handled.length, rows.length),
    onTime,
    onTimeRate: rate(onTime, handled.length),
    calledBack: called,
    callbackRate: rate(called, handled.length),
  };
};

/** C8: the months a report covers: one month ("2026-11") or a quarter ("2026-Q4"). */
export const monthsOf = (period: string): string[] => {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!quarter) return [period];
  const first = (Number(quarter[2]) - 1) * 3 + 1;
  return [0, 1, 2].map((i) => `${quarter[1]}-${String(first + i).padStart(2, '0')}`);
};

/** The register dates a period spans, as an inclusive range of "YYYY-MM-DD". */
export const dateRangeOf = (period: string): { from: string; to: string } => {
  const months = monthsOf(period);
  const first = months[0] as string;
  const last = months[months.length - 1] as string;
  return { from: `${first}-01`, to: inShanghai(atShanghai(`${last}-01`)).endOf('month').format('YYYY-MM-DD') };
};
