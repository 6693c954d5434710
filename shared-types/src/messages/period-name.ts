import { kindOf, spanOf } from '../time/report-period';
import { format } from './format';
import { reportsTexts } from './reports.zh-CN';

/** A report period as people say it: "2026年11月", "2026年第4季度", "11月30日–12月6日". */
export const periodName = (period: string): string => {
  const kind = kindOf(period);
  const words = reportsTexts.periodLabel;
  if (kind === 'month') return format(words.month, { year: period.slice(0, 4), month: Number(period.slice(5, 7)) });
  if (kind === 'quarter') return format(words.quarter, { year: period.slice(0, 4), quarter: period.slice(-1) });
  const span = spanOf(period);
  const day = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
  return format(words.week, { from: day(span.firstDate), to: day(span.lastDate) });
};
