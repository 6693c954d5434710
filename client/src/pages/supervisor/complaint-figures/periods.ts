import { fill } from '../../../i18n/ui.zh-CN';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import { shanghaiDate } from '../../../utils/time';

export type PeriodKind = 'month' | 'quarter';

const yearMonth = (now: Date): { y: number; m: number } => {
  const [y, m] = shanghaiDate(now).split('-').map(Number);
  return { y: y ?? 0, m: m ?? 1 };
};

/** C8: the Shanghai month holding `now` and the ones before it, newest first ("2026-11", "2026-10", …). */
export const recentMonths = (now: Date, count = 12): string[] => {
  const { y, m } = yearMonth(now);
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + (m - 1) - i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
};

/** C8: the Shanghai quarter holding `now` and the ones before it, newest first ("2026-Q4", "2026-Q3", …). */
export const recentQuarters = (now: Date, count = 8): string[] => {
  const { y, m } = yearMonth(now);
  return Array.from({ length: count }, (_, i) => {
    const index = y * 4 + Math.floor((m - 1) / 3) - i;
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  });
};

/** "2026年11月", "2026年第4季度". */
export const periodLabel = (period: string): string => {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return fill(supervisorUi.complaintFigures.quarterLabel, { y: quarter[1] ?? '', q: quarter[2] ?? '' });
  const [y, m] = period.split('-').map(Number);
  return fill(supervisorUi.complaintFigures.monthLabel, { y: y ?? 0, m: m ?? 0 });
};

/** "92%（11/12）", or "—" with nothing to count. */
export const rateText = (rate: number | null, part: number, whole: number): string =>
  rate === null ? supervisorUi.complaintFigures.none : fill(supervisorUi.complaintFigures.rate, { rate: Math.round(rate * 100), part, whole });
