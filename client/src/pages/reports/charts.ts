import type { PeriodFigures } from '@shared/domain/report.rules';
import type { Row } from '@shared/messages/report-rows';
import { words as reportsUi } from './words';
import type { ChartData } from './ReportChart';

const pct = (rate: number | null) => (rate === null ? 0 : Math.round(rate * 1000) / 10);

/** Counts this period and last, from a table's rows (name, this, last, change). */
export const seriesOf = (rows: readonly Row[]): ChartData => ({
  scale: 'count',
  categories: rows.map((r) => r[0]),
  series: [
    { name: reportsUi.current, data: rows.map((r) => Number(r[1])) },
    { name: reportsUi.previous, data: rows.map((r) => Number(r[2])) },
  ],
});

const rates = (f: PeriodFigures) => [pct(f.repairs.slaRate), pct(f.repairs.callbackRate), pct(f.complaints.onTimeRate), pct(f.complaints.callbackRate)];

/** R9 R13 C8 C7: the four rates, this period and last, in per cent. */
export const rateChart = (c: PeriodFigures, b: PeriodFigures): ChartData => {
  const n = reportsUi.rateNames;
  return {
    scale: 'percent',
    categories: [n.sla, n.repairCallback, n.complaintOnTime, n.complaintCallback],
    series: [
      { name: reportsUi.current, data: rates(c) },
      { name: reportsUi.previous, data: rates(b) },
    ],
  };
};

/** Issue 14 (3): each property's SLA and callback rates this period, in per cent. */
export const compareChart = (items: readonly { name: string; current: { slaRate: number | null; repairCallbackRate: number | null; complaintCallbackRate: number | null } }[]): ChartData => {
  const n = reportsUi.rateNames;
  return {
    scale: 'percent',
    categories: items.map((p) => p.name),
    series: [
      { name: n.sla, data: items.map((p) => pct(p.current.slaRate)) },
      { name: n.repairCallback, data: items.map((p) => pct(p.current.repairCallbackRate)) },
      { name: n.complaintCallback, data: items.map((p) => pct(p.current.complaintCallbackRate)) },
    ],
  };
};

/**
 * The value axis a chart's figures read on: per cent from 0 to 100 in steps of 20; counts in whole
 * steps (uCharts splits the axis into `splitNumber` equal parts, 5 by default, so 2 repairs read
 * 0, 0.4, 0.8 … 2 and an empty period 0 … 10): at most 5 steps, each a whole number, the top the
 * first multiple of the step at or above the largest figure.
 */
export const axisOf = (data: ChartData): { min: number; max: number; splitNumber: number } => {
  if (data.scale === 'percent') return { min: 0, max: 100, splitNumber: 5 };
  const largest = Math.max(1, ...data.series.flatMap((s) => s.data));
  const step = Math.ceil(largest / 5);
  const max = step * Math.ceil(largest / step);
  return { min: 0, max, splitNumber: max / step };
};
