/**
 * Issue 7 (2): a property's buildings, units and rooms from a spreadsheet, checked row by row before
 * anything is written. Parts are letters and digits only: a room's id is made of them
 * (`<property>:<building>-<unit>-<room>`), so a dash or a colon would make two rooms one.
 */
export interface RoomRow {
  /** The row's number as the spreadsheet shows it (the header is row 1). */
  line: number;
  building: string;
  unit: string;
  room: string;
}

export type RowProblem = 'missing_building' | 'missing_unit' | 'missing_room' | 'too_long' | 'bad_characters' | 'duplicate';

export interface RowReport {
  line: number;
  problem: RowProblem;
  /** For a duplicate, the row it repeats. */
  firstLine: number | null;
}

export type HeaderProblem = 'bad_header' | 'empty';

export const TEMPLATE_HEADER = ['楼栋', '单元', '房号'] as const;
const HEADER_WORDS = [
  ['楼栋', '楼号', '栋', 'building'],
  ['单元', 'unit'],
  ['房号', '房间', '室', 'room'],
] as const;

const PART = /^[A-Za-z0-9]+$/;
const MAX = 10;

const normalise = (cell: string | undefined) => (cell ?? '').replace(/\u3000/g, ' ').trim();

const headerFits = (row: readonly string[]) =>
  HEADER_WORDS.every((words, i) => (words as readonly string[]).includes(normalise(row[i]).toLowerCase()));

const problemOf = (building: string, unit: string, room: string): RowProblem | null => {
  if (!building) return 'missing_building';
  if (!unit) return 'missing_unit';
  if (!room) return 'missing_room';
  if ([building, unit, room].some((p) => p.length > MAX)) return 'too_long';
  if (![building, unit, room].every((p) => PART.test(p))) return 'bad_characters';
  return null;
};

/**
 * Every row checked: the rooms to write, or every bad row by its number. Blank rows are skipped; a
 * room listed twice is reported at its second row, naming the first.
 */
export const checkRoomRows = (cells: readonly (readonly string[])[]): { rows: RoomRow[]; problems: RowReport[] } | HeaderProblem => {
  const [header, ...body] = cells;
  if (!header) return 'empty';
  if (!headerFits(header)) return 'bad_header';
  const rows: RoomRow[] = [];
  const problems: RowReport[] = [];
  const seen = new Map<string, number>();
  body.forEach((cellsOfRow, i) => {
    const line = i + 2;
    const [building, unit, room] = [0, 1, 2].map((c) => normalise(cellsOfRow[c]).toUpperCase()) as [string, string, string];
    if (!building && !unit && !room) return;
    const problem = problemOf(building, unit, room);
    if (problem) return void problems.push({ line, problem, firstLine: null });
    const key = `${building}-${unit}-${room}`;
    const first = seen.get(key);
    if (first !== undefined) return void problems.push({ line, problem: 'duplicate', firstLine: first });
    seen.set(key, line);
    rows.push({ line, building, unit, room });
  });
  if (!rows.length && !problems.length) return 'empty';
  return { rows, problems };
};

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; a UTF-8 BOM is dropped. */
export const parseCsv = (text: string): string[][] => {
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      out.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    out.push(row);
  }
  return out;
};

export const templateCsv = (): string => `\uFEFF${TEMPLATE_HEADER.join(',')}\r\n1,1,101\r\n1,1,102\r\n`;
