import { change, type PeriodFigures, type PropertyFigures } from '../domain/report.rules';
import { format } from './format';
import { reportsTexts as words } from './reports.zh-CN';
import { categories as categoryWords } from './zh-CN';

/** The reports' figures as the pages and the Excel files write them: "66.7%", "4.33", "+3", "—". */
export const percent = (rate: number | null) => (rate === null ? words.none : `${(rate * 100).toFixed(1)}%`);
export const score = (value: number | null) => (value === null ? words.none : value.toFixed(2));
const signed = (value: number | null, show: (v: number) => string) => (value === null ? words.none : `${value > 0 ? '+' : ''}${show(value)}`);
export const countChange = (a: number, b: number) => signed(change(a, b), String);
export const rateChange = (a: number | null, b: number | null) => signed(change(a, b), (v) => `${(v * 100).toFixed(1)}%`);

export type Row = [string, string | number, string | number, string];

const countRow = (label: string, a: number, b: number): Row => [label, a, b, countChange(a, b)];
const rateRow = (label: string, a: number | null, b: number | null): Row => [label, percent(a), percent(b), rateChange(a, b)];

/** R12 C8 R9 R13 C7: the summary, this period against the last. */
export const summaryRows = (c: PeriodFigures, b: PeriodFigures): Row[] => [
  countRow(words.rows.repairs, c.repairs.total, b.repairs.total),
  countRow(words.rows.returned, c.repairs.returned, b.repairs.returned),
  rateRow(words.rows.slaRate, c.repairs.slaRate, b.repairs.slaRate),
  rateRow(words.rows.repairCallbackRate, c.repairs.callbackRate, b.repairs.callbackRate),
  countRow(words.rows.complaints, c.complaints.total, b.complaints.total),
  rateRow(words.rows.handlingRate, c.complaints.handlingRate, b.complaints.handlingRate),
  rateRow(words.rows.complaintsOnTimeRate, c.complaints.onTimeRate, b.complaints.onTimeRate),
  rateRow(words.rows.complaintCallbackRate, c.complaints.callbackRate, b.complaints.callbackRate),
];

/** Every key either period has: the catalogue's order where it names them, then the rest by name. */
const keysOf = (a: Record<string, number>, z: Record<string, number>, order: readonly string[] = []) =>
  [...new Set([...order.filter((k) => k in a || k in z), ...Object.keys(a).sort(), ...Object.keys(z).sort()])];

const countRows = (a: Record<string, number>, z: Record<string, number>, label: (k: string) => string, order?: readonly string[]): Row[] =>
  keysOf(a, z, order).map((k) => countRow(label(k), a[k] ?? 0, z[k] ?? 0));

const categories = categoryWords as Record<string, string>;

/** R12: orders by category. */
export const categoryRows = (c: PeriodFigures, b: PeriodFigures) => countRows(c.repairs.byCategory, b.repairs.byCategory, (k) => categories[k] ?? k, Object.keys(categories));

/** R12: orders by building. */
export const buildingRows = (c: PeriodFigures, b: PeriodFigures) => countRows(c.repairs.byBuilding, b.repairs.byBuilding, (k) => (k ? format(words.building, { building: k }) : words.publicAreas));

/** C8: complaints by class. */
export const classRows = (c: PeriodFigures, b: PeriodFigures) =>
  countRows(c.complaints.byClass, b.complaints.byClass, (k) => words.classes[k as keyof typeof words.classes], Object.keys(words.classes));

/** B4: callbacks by kind: planned, done, the rate and last period's rate. */
export const callbackRows = (c: PeriodFigures, b: PeriodFigures) =>
  c.callbacks.map((k) => [words.callbackKinds[k.kind], k.planned, k.done, percent(k.rate), percent(b.callbacks.find((p) => p.kind === k.kind)?.rate ?? null)] as const);

/** R7: each technician's returned orders, ratings, quality and attitude means and on-time rate. */
export const technicianRows = (c: PeriodFigures) =>
  c.technicians.map((t) => [t.name, t.returned, t.ratings, score(t.quality), score(t.attitude), percent(t.onTimeRate)] as const);

/** Issue 14 (3): one property's figures, this period against the last. */
export const propertyRows = (c: PropertyFigures, b: PropertyFigures): Row[] => [
  countRow(words.rows.repairs, c.repairs, b.repairs),
  rateRow(words.rows.slaRate, c.slaRate, b.slaRate),
  rateRow(words.rows.repairCallbackRate, c.repairCallbackRate, b.repairCallbackRate),
  rateRow(words.rows.complaintCallbackRate, c.complaintCallbackRate, b.complaintCallbackRate),
  rateRow(words.rows.complaintsOnTimeRate, c.complaintsOnTimeRate, b.complaintsOnTimeRate),
  ...countRows(c.complaints, b.complaints, (k) => words.classes[k as keyof typeof words.classes], Object.keys(words.classes)),
  [words.rows.quality, score(c.quality), score(b.quality), signed(change(c.quality, b.quality), (v) => v.toFixed(2))],
  [words.rows.attitude, score(c.attitude), score(b.attitude), signed(change(c.attitude, b.attitude), (v) => v.toFixed(2))],
];
