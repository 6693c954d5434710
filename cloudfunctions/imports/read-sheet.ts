import ExcelJS from 'exceljs';
import { parseCsv } from '@shared/domain/room-import.rules';

/** The cell text of a sheet's cell, whatever its type (numbers such as 101 included). */
const textOf = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  return String(value);
};

/** The first sheet of an .xlsx (its first `columns` columns), or a CSV file, as rows of cell text; null when it cannot be read. */
export const readSheet = async (fileName: string, content: Buffer, columns = 3): Promise<string[][] | null> => {
  if (/\.csv$/i.test(fileName)) return parseCsv(content.toString('utf8'));
  try {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(content as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (!sheet) return null;
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      rows[number - 1] = Array.from({ length: columns }, (_, i) => textOf(row.getCell(i + 1).value));
    });
    return Array.from(rows, (row) => row ?? []);
  } catch {
    return null;
  }
};

/** The template as an .xlsx workbook. */
export const templateXlsx = async (header: readonly string[], examples: readonly (readonly string[])[], sheetName = '房屋'): Promise<Buffer> => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  sheet.addRow([...header]);
  for (const row of examples) sheet.addRow([...row]);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => {
    column.width = 12;
    column.numFmt = '@';
  });
  return Buffer.from(await book.xlsx.writeBuffer());
};
