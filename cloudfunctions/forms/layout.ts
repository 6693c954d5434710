import type { Workbook, Worksheet } from 'exceljs';
import { format } from '@shared/messages/format';
import { formsTexts as words } from '@shared/messages/forms.zh-CN';
import { inShanghai } from '@shared/time/shanghai';

const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const FONT = '宋体';
/** Points a printed line of 11 pt text takes, and how many CJK characters a column width unit holds. */
const LINE = 15;
const CJK_PER_UNIT = 0.5;

export interface FormStart {
  /** The sheet's tab name. */
  name: string;
  title: string;
  /** Lines under the title (the shift, the date); the printing time is added after them. */
  lines: string[];
  widths: number[];
  landscape?: boolean;
  madeAt: Date;
}

export type Cell = string | number;

/** The lines a text takes in a box `width` units wide, for a row tall enough to print it whole. */
const linesOf = (text: Cell, width: number) =>
  String(text)
    .split('\n')
    .reduce((n, part) => n + Math.max(1, Math.ceil(part.length / Math.max(1, Math.floor(width * CJK_PER_UNIT)))), 0);

/**
 * A sheet laid out like a paper form: the title merged across the form, the lines under it, then boxed
 * rows of labels and values, tables and signature lines; A4 (paper size 9), fitted to one page wide,
 * its print area the form and its title rows repeated on every printed page.
 */
export const formSheet = (book: Workbook, start: FormStart) => {
  const sheet: Worksheet = book.addWorksheet(start.name, {
    pageSetup: {
      paperSize: 9,
      orientation: start.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  const widths = start.widths;
  const last = widths.length;
  sheet.columns = widths.map((width) => ({ width }));
  const spanWidth = (from: number, to: number) => widths.slice(from - 1, to).reduce((a, b) => a + b, 0);

  const across = (text: string, style: { bold?: boolean; size?: number; align?: 'center' | 'left' | 'right'; boxed?: boolean; height?: number }) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, last);
    const cell = row.getCell(1);
    cell.font = { name: FONT, bold: style.bold ?? false, size: style.size ?? 11 };
    cell.alignment = { horizontal: style.align ?? 'left', vertical: 'middle', wrapText: true };
    if (style.boxed) for (let c = 1; c <= last; c++) row.getCell(c).border = border;
    row.height = style.height ?? Math.max(20, linesOf(text, spanWidth(1, last)) * LINE + 6);
    return row.number;
  };

  across(start.title, { bold: true, size: 18, align: 'center', height: 34 });
  for (const line of start.lines) across(line, { align: 'center' });
  across(format(words.printedAt, { at: inShanghai(start.madeAt).format('YYYY-MM-DD HH:mm') }), { align: 'right' });
  const titleRows = `1:${sheet.rowCount}`;

  /** A boxed row: each cell's own value, label cells (the `labels` columns) bold; values merged where `spans` says. */
  const boxed = (values: Cell[], options: { labels?: number[]; spans?: [number, number][]; bold?: boolean; minLines?: number } = {}) => {
    const row = sheet.addRow(values);
    const spans = options.spans ?? [];
    for (const [from, to] of spans) sheet.mergeCells(row.number, from, row.number, to);
    let lines = options.minLines ?? 1;
    for (let c = 1; c <= last; c++) {
      const cell = row.getCell(c);
      const bold = options.bold || (options.labels ?? []).includes(c);
      cell.border = border;
      cell.font = { name: FONT, size: 11, bold };
      cell.alignment = { vertical: 'middle', horizontal: bold ? 'center' : 'left', wrapText: true };
      const span = spans.find(([from]) => from === c);
      const value = values[c - 1];
      if (value !== undefined) lines = Math.max(lines, linesOf(value, span ? spanWidth(span[0], span[1]) : spanWidth(c, c)));
    }
    row.height = lines * LINE + 8;
    return row.number;
  };

  return {
    sheet,
    /** Label, value, label, value: a row of a four-column form. */
    pairs: (a: string, av: Cell, b: string, bv: Cell) => boxed([a, av, b, bv], { labels: [1, 3] }),
    /** A label and its value across the rest of the row; `minLines` leaves room to write by hand. */
    wide: (label: string, value: Cell, minLines = 1) => boxed([label, value], { labels: [1], spans: [[2, last]], minLines }),
    /** A boxed heading across the form (a shift of the duty log). */
    band: (text: string) => across(text, { bold: true, boxed: true }),
    header: (cells: Cell[]) => boxed(cells, { bold: true }),
    row: (cells: Cell[]) => boxed(cells),
    /** A line under the form, unboxed: who signs. */
    note: (text: string) => across(text, { height: 30 }),
    /** The print area is the whole form; `titles` (the form's title rows by default) repeat on each printed page. */
    finish: (titles = titleRows) => {
      sheet.pageSetup.printArea = `A1:${sheet.getColumn(last).letter}${sheet.rowCount}`;
      sheet.pageSetup.printTitlesRow = titles;
      return sheet;
    },
  };
};

export type Form = ReturnType<typeof formSheet>;

/** A Shanghai wall-clock time on a form, or a dash. */
export const when = (at: string | Date | null | undefined) => (at ? inShanghai(at).format('YYYY-MM-DD HH:mm') : words.none);
