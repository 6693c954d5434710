import { atShanghai, inShanghai, shanghaiDate, startOfWeek } from './shanghai';

/**
 * R12 C8 B4: the periods figures are read over, in the Shanghai calendar. A period names itself: a
 * week by its Monday ("2026-11-30"), a month ("2026-11"), a quarter ("2026-Q4").
 */
export type PeriodKind = 'week' | 'month' | 'quarter';

export const PERIOD_PATTERN = /^\d{4}-(?:(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?|Q[1-4])$/;

export const kindOf = (period: string): PeriodKind => (period.includes('Q') ? 'quarter' : period.length === 7 ? 'month' : 'week');

/** A week is named by its Monday; any other day is not a week's name. */
export const isPeriod = (period: string): boolean =>
  PERIOD_PATTERN.test(period) && (kindOf(period) !== 'week' || shanghaiDate(startOfWeek(atShanghai(period))) === period);

const quarterOf = (month: string) => `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;

/** The period of `kind` that holds `now`. */
export const periodAt = (kind: PeriodKind, now: Date): string => {
  if (kind === 'week') return shanghaiDate(startOfWeek(now));
  const month = inShanghai(now).format('YYYY-MM');
  return kind === 'month' ? month : quarterOf(month);
};

/** R12 C8: the months a month or a quarter covers (a week covers none whole). */
export const monthsOfPeriod = (period: string): string[] => {
  const kind = kindOf(period);
  if (kind === 'week') return [];
  if (kind === 'month') return [period];
  const first = (Number(period.slice(-1)) - 1) * 3 + 1;
  return [0, 1, 2].map((i) => `${period.slice(0, 4)}-${String(first + i).padStart(2, '0')}`);
};

/** The period's instants [from, to) and its calendar dates, first and last inclusive. */
export const spanOf = (period: string): { from: Date; to: Date; firstDate: string; lastDate: string } => {
  const kind = kindOf(period);
  const from = atShanghai(kind === 'week' ? period : `${monthsOfPeriod(period)[0]}-01`);
  const to = inShanghai(from).add(kind === 'week' ? 7 : kind === 'month' ? 1 : 3, kind === 'week' ? 'day' : 'month').toDate();
  return { from, to, firstDate: shanghaiDate(from), lastDate: shanghaiDate(new Date(to.getTime() - 1)) };
};

/** "This period against the last": the period just before. */
export const previousPeriod = (period: string): string => {
  const kind = kindOf(period);
  const before = new Date(spanOf(period).from.getTime() - 1);
  return periodAt(kind, before);
};
