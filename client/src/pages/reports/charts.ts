import type { PeriodFigures } from '@shared/domain/report.rules';
import type { Row } from '@shared/messages/report-rows';
import { words as reportsUi } from './words';
import type { ChartData } from './ReportChart';

const pct = (rate: number | null) => (rate === null ? 0 : Math.round(rate * 1000) / 10);

/** Counts this period and last, from a table's rows (name, this, last, change). */
export const seriesOf = (rows: readonly Row[]): ChartData => ({
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
    categories: items.map((p) => p.name),
    series: [
      { name: n.sla, data: items.map((p) => pct(p.current.slaRate)) },
      { name: n.repairCallback, data: items.map((p) => pct(p.current.repairCallbackRate)) },
      { name: n.complaintCallback, data: items.map((p) => pct(p.current.complaintCallbackRate)) },
    ],
  };
};
