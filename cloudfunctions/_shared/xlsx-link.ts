import ExcelJS, { type Workbook } from 'exceljs';
import type { Deps } from './deps';
import { randomId } from './ids';

/**
 * A printable form or report as an .xlsx file in cloud storage, under a random name in `exports/`
 * (clients read no file by id; the storage rule lets them read nothing). The answer's field declared
 * `FileLink` turns the returned file id into a short-lived URL for the caller (file-links.ts), which
 * the client opens with `openXlsx` (client/src/utils/open-xlsx.ts).
 *
 * Only a function that imports this module carries exceljs (≈ 1 MB): keep it out of any function
 * that builds no file (tests/build/package-budgets.test.ts holds the others to their budget).
 */
export const xlsxFile = async (deps: Pick<Deps, 'files'>, folder: string, fill: (book: Workbook) => void): Promise<string> =>
  storeXlsx(deps, folder, await xlsxBytes(fill));

/** The .xlsx file's bytes, made in memory: no round trip. */
export const xlsxBytes = async (fill: (book: Workbook) => void): Promise<Buffer> => {
  const book = new ExcelJS.Workbook();
  fill(book);
  return Buffer.from(await book.xlsx.writeBuffer());
};

/** Made bytes stored under a random name in `exports/<folder>/`: the file's id, for a FileLink. */
export const storeXlsx = (deps: Pick<Deps, 'files'>, folder: string, bytes: Buffer): Promise<string> =>
  deps.files.upload(`exports/${folder}/${randomId('x')}.xlsx`, bytes);

/** A form's look, shared by every sheet: the title over the table, the header row, thin borders, A4 to one page wide. */
export interface SheetLayout {
  title: string;
  /** Lines under the title: the property, the period, when it was made. */
  lines: string[];
  columns: { header: string; width: number }[];
  rows: (string | number | null)[][];
  /** Lines under the table: who signs. */
  footer?: string[];
  landscape?: boolean;
}

const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

/** One sheet laid out like the handbook's paper forms. */
export const addForm = (book: Workbook, name: string, layout: SheetLayout) => {
  const sheet = book.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: layout.landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const width = layout.columns.length;
  sheet.columns = layout.columns.map((c) => ({ width: c.width }));
  const title = sheet.addRow([layout.title]);
  sheet.mergeCells(1, 1, 1, width);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center' };
  title.height = 28;
  for (const line of layout.lines) {
    const row = sheet.addRow([line]);
    sheet.mergeCells(row.number, 1, row.number, width);
  }
  const header = sheet.addRow(layout.columns.map((c) => c.header));
  header.font = { bold: true };
  const first = header.number;
  for (const values of layout.rows) sheet.addRow(values);
  for (let n = first; n <= sheet.rowCount; n++) {
    sheet.getRow(n).eachCell({ includeEmpty: true }, (cell) => {
      cell.border = border;
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    });
  }
  sheet.pageSetup.printTitlesRow = `${first}:${first}`;
  for (const line of layout.footer ?? []) {
    const row = sheet.addRow([line]);
    sheet.mergeCells(row.number, 1, row.number, width);
  }
  return sheet;
};
