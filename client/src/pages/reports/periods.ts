import { periodAt, previousPeriod, spanOf, type PeriodKind } from '@shared/time/report-period';

/** The period after, or null when it has not begun (a report of the future shows nothing). */
export const nextPeriod = (period: string, kind: PeriodKind, now: Date): string | null => {
  const next = periodAt(kind, spanOf(period).to);
  return spanOf(next).from.getTime() > now.getTime() ? null : next;
};

export { periodAt, previousPeriod };
