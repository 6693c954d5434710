import type { Workbook } from 'exceljs';
import type { PeriodFigures } from '@shared/domain/report.rules';
import { change } from '@shared/domain/report.rules';
import { format, messages } from '@shared/messages';
import { periodName } from '@shared/messages/period-name';
import { inShanghai } from '@shared/time/shanghai';
import { addForm } from '../_shared/xlsx-link';

export interface Report {
  property: string;
  period: string;
  previous: string;
  madeAt: Date;
  current: PeriodFigures;
  before: PeriodFigures;
}

const words = messages.reports;
const percent = (rate: number | null) => (rate === null ? words.none : `${(rate * 100).toFixed(1)}%`);
const score = (value: number | null) => (value === null ? words.none : value.toFixed(2));
const signed = (value: number | null, show: (v: number) => string) => (value === null ? words.none : `${value > 0 ? '+' : ''}${show(value)}`);
const countChange = (a: number, b: number) => signed(change(a, b), String);
const rateChange = (a: number | null, b: number | null) => signed(change(a, b), (v) => `${(v * 100).toFixed(1)}%`);

export const fileNameOf = (r: Pick<Report, 'property' | 'period'>) => format(words.sheet.fileName, { property: r.property, period: periodName(r.period) });

/** Every key either period has, in the order of the catalogue where it names them, then the rest by name. */
const keysOf = (a: Record<string, number>, b: Record<string, number>, order: readonly string[] = []) =>
  [...new Set([...order.filter((k) => k in a || k in b), ...Object.keys(a).sort(), ...Object.keys(b).sort()])];

/** R12 C8 B4 R7: the summary sheet, then one sheet per table, each like the handbook's paper forms. */
export const fillReport = (book: Workbook, r: Report) => {
  const lines = [
    format(words.sheet.lines, { property: r.property, period: periodName(r.period), previous: periodName(r.previous) }),
    format(words.sheet.madeAt, { at: inShanghai(r.madeAt).format('YYYY-MM-DD HH:mm') }),
  ];
  const footer = [words.sheet.signature];
  const cols = [words.columns.item, words.current, words.previous, words.change];
  const columns = (first: string, widths = [22, 14, 14, 14]) => [first, ...cols.slice(1)].map((header, i) => ({ header, width: widths[i] ?? 14 }));
  const { current: c, before: b } = r;
  const title = (section: string) => `${r.property}${periodName(r.period)}${section}`;

  addForm(book, words.sections.summary, {
    title: title(words.sections.summary),
    lines,
    columns: columns(words.columns.item),
    rows: [
      [words.rows.repairs, c.repairs.total, b.repairs.total, countChange(c.repairs.total, b.repairs.total)],
      [words.rows.returned, c.repairs.returned, b.repairs.returned, countChange(c.repairs.returned, b.repairs.returned)],
      [words.rows.slaRate, percent(c.repairs.slaRate), percent(b.repairs.slaRate), rateChange(c.repairs.slaRate, b.repairs.slaRate)],
      [words.rows.repairCallbackRate, percent(c.repairs.callbackRate), percent(b.repairs.callbackRate), rateChange(c.repairs.callbackRate, b.repairs.callbackRate)],
      [words.rows.complaints, c.complaints.total, b.complaints.total, countChange(c.complaints.total, b.complaints.total)],
      [words.rows.handlingRate, percent(c.complaints.handlingRate), percent(b.complaints.handlingRate), rateChange(c.complaints.handlingRate, b.complaints.handlingRate)],
      [words.rows.complaintsOnTimeRate, percent(c.complaints.onTimeRate), percent(b.complaints.onTimeRate), rateChange(c.complaints.onTimeRate, b.complaints.onTimeRate)],
      [words.rows.complaintCallbackRate, percent(c.complaints.callbackRate), percent(b.complaints.callbackRate), rateChange(c.complaints.callbackRate, b.complaints.callbackRate)],
    ],
    footer,
  });

  const counts = (section: string, first: string, a: Record<string, number>, z: Record<string, number>, label: (k: string) => string, order?: readonly string[]) =>
    addForm(book, section, {
      title: title(section),
      lines,
      columns: columns(first),
      rows: keysOf(a, z, order).map((k) => [label(k), a[k] ?? 0, z[k] ?? 0, countChange(a[k] ?? 0, z[k] ?? 0)]),
      footer,
    });
  const categories = messages.categories as Record<string, string>;
  counts(words.sections.byCategory, words.columns.category, c.repairs.byCategory, b.repairs.byCategory, (k) => categories[k] ?? k, Object.keys(categories));
  counts(words.sections.byBuilding, words.columns.building, c.repairs.byBuilding, b.repairs.byBuilding, (k) => format(words.building, { building: k }));
  counts(words.sections.complaints, words.columns.category, c.complaints.byClass, b.complaints.byClass, (k) => words.classes[k as keyof typeof words.classes], Object.keys(words.classes));

  addForm(book, words.sections.callbacks, {
    title: title(words.sections.callbacks),
    lines,
    columns: [words.columns.kind, words.columns.planned, words.columns.done, words.columns.rate, `${words.previous}${words.columns.rate}`].map((header) => ({ header, width: 14 })),
    rows: c.callbacks.map((k) => [words.callbackKinds[k.kind], k.planned, k.done, percent(k.rate), percent(b.callbacks.find((p) => p.kind === k.kind)?.rate ?? null)]),
    footer,
  });

  addForm(book, words.sections.technicians, {
    title: title(words.sections.technicians),
    lines,
    columns: [words.columns.technician, words.columns.returnedCount, words.columns.ratings, words.columns.quality, words.columns.attitude, words.columns.onTime].map((header) => ({ header, width: 14 })),
    rows: c.technicians.map((t) => [t.name, t.returned, t.ratings, score(t.quality), score(t.attitude), percent(t.onTimeRate)]),
    footer,
    landscape: true,
  });
};
