import type { Workbook } from 'exceljs';
import type { PeriodFigures } from '@shared/domain/report.rules';
import { format } from '@shared/messages/format';
import { reportsTexts as words } from '@shared/messages/reports.zh-CN';
import { periodName } from '@shared/messages/period-name';
import { buildingRows, callbackRows, categoryRows, classRows, summaryRows, technicianRows, type Row } from '@shared/messages/report-rows';
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

export const fileNameOf = (r: Pick<Report, 'property' | 'period'>) => format(words.sheet.fileName, { property: r.property, period: periodName(r.period) });

/** R12 C8 B4 R7: the summary sheet, then one sheet per table, each laid out like the handbook's paper forms. */
export const fillReport = (book: Workbook, r: Report) => {
  const lines = [
    format(words.sheet.lines, { property: r.property, period: periodName(r.period), previous: periodName(r.previous) }),
    format(words.sheet.madeAt, { at: inShanghai(r.madeAt).format('YYYY-MM-DD HH:mm') }),
  ];
  const footer = [words.sheet.signature];
  const title = (section: string) => `${r.property}${periodName(r.period)}${section}`;
  const against = (section: string, first: string, rows: Row[], firstWidth = 22) =>
    addForm(book, section, {
      title: title(section),
      lines,
      columns: [first, words.current, words.previous, words.change].map((header, i) => ({ header, width: i ? 14 : firstWidth })),
      rows,
      footer,
    });
  const { current: c, before: b } = r;
  against(words.sections.summary, words.columns.item, summaryRows(c, b));
  against(words.sections.byCategory, words.columns.category, categoryRows(c, b), 16);
  against(words.sections.byBuilding, words.columns.building, buildingRows(c, b), 16);
  against(words.sections.complaints, words.columns.category, classRows(c, b), 16);
  addForm(book, words.sections.callbacks, {
    title: title(words.sections.callbacks),
    lines,
    columns: [words.columns.kind, words.columns.planned, words.columns.done, words.columns.rate, `${words.previous}${words.columns.rate}`].map((header) => ({ header, width: 14 })),
    rows: callbackRows(c, b).map((row) => [...row]),
    footer,
  });
  addForm(book, words.sections.technicians, {
    title: title(words.sections.technicians),
    lines,
    columns: [words.columns.technician, words.columns.returnedCount, words.columns.ratings, words.columns.quality, words.columns.attitude, words.columns.onTime].map((header) => ({ header, width: 14 })),
    rows: technicianRows(c).map((row) => [...row]),
    footer,
    landscape: true,
  });
};
