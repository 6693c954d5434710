import type { KeyKind, KeySet } from '../model/key.model';

/**
 * K1: the key register from a spreadsheet, one key a row: its kind (resident keys by room, public
 * doors and windows by floor, equipment rooms by equipment, water-meter boxes), what it opens, its
 * cabinet label, working or the kind's emergency spare set, and the deposit an outsider pays.
 * Every row is checked, column by column, before anything is written.
 */
export const KEY_TEMPLATE_HEADER = ['类别', '开启位置', '钥匙编号', '组别', '押金（元）'] as const;

export const KEY_COLUMNS = ['kind', 'opens', 'label', 'set', 'deposit'] as const;
export type KeyColumn = (typeof KEY_COLUMNS)[number];

const HEADER_WORDS: readonly (readonly string[])[] = [
  ['类别', '钥匙类别', 'kind'],
  ['开启位置', '位置', '房号/楼层/设备', 'opens'],
  ['钥匙编号', '编号', 'label'],
  ['组别', '常用/备用', 'set'],
  ['押金（元）', '押金(元)', '押金', 'deposit'],
];

/** The words a sheet may use for each kind and set (the desk's own, as on the cabinet). */
const KIND_WORDS: Readonly<Record<string, KeyKind>> = {
  住户钥匙: 'resident',
  住户: 'resident',
  公共门窗: 'public',
  公共: 'public',
  设备房: 'equipment',
  设备: 'equipment',
  水表箱: 'meter_box',
};
const SET_WORDS: Readonly<Record<string, KeySet>> = { 常用: 'working', 常用钥匙: 'working', 备用: 'spare', 应急备用: 'spare', 备用钥匙: 'spare' };

/** As keys.add allows: what it opens and its label up to 40 characters, a deposit up to ¥10,000. */
const MAX_TEXT = 40;
const MAX_DEPOSIT_FEN = 1_000_000;
/** The most keys one file may hold (a property's cabinet, with room to spare). */
export const MAX_KEY_ROWS = 1000;

/** A resident key opens a room, written as its label: building-unit-room (3-2-1502). */
const ROOM = /^([A-Za-z0-9]{1,10})-([A-Za-z0-9]{1,10})-([A-Za-z0-9]{1,10})$/;
const DEPOSIT = /^\d{1,5}(\.\d{1,2})?$/;

export type KeyRowProblem = 'missing' | 'unknown_kind' | 'unknown_set' | 'too_long' | 'bad_room' | 'bad_deposit' | 'duplicate' | 'no_such_room';

export interface KeyRowReport {
  /** The row's number as the spreadsheet shows it (the header is row 1). */
  line: number;
  column: KeyColumn;
  problem: KeyRowProblem;
  /** For a duplicate, the row it repeats. */
  firstLine: number | null;
}

export interface KeyRow {
  line: number;
  kind: KeyKind;
  opens: string;
  label: string;
  set: KeySet;
  depositFen: number;
  /** A resident key's room as building, unit and room; null for the other kinds. */
  room: { building: string; unit: string; room: string } | null;
}

export interface CheckedKeys {
  rows: KeyRow[];
  problems: KeyRowReport[];
  /** K1: kinds the file lists with no key of their emergency spare set. */
  sparesMissing: KeyKind[];
}

export type KeyFileProblem = 'bad_header' | 'empty' | 'too_many';

const normalise = (cell: string | undefined) => (cell ?? '').replace(/\u3000/g, ' ').trim();

const headerFits = (row: readonly string[]) => HEADER_WORDS.every((words, i) => words.includes(normalise(row[i]).toLowerCase()));

/** "200" or "200.5" yuan → fen, without floating point; an empty cell is no deposit. */
const depositFen = (text: string): number | null => {
  if (!text) return 0;
  if (!DEPOSIT.test(text)) return null;
  const [whole = '0', part = ''] = text.split('.');
  const fen = Number(whole) * 100 + Number(part.padEnd(2, '0'));
  return fen <= MAX_DEPOSIT_FEN ? fen : null;
};

type Cells = Record<KeyColumn, string>;

/** One row's problems, a column each, and the key it names when it has none. */
const checkRow = (line: number, c: Cells): { row: KeyRow | null; problems: KeyRowReport[] } => {
  const problems: KeyRowReport[] = [];
  const problem = (column: KeyColumn, p: KeyRowProblem) => problems.push({ line, column, problem: p, firstLine: null });
  const kind = KIND_WORDS[c.kind];
  const set = SET_WORDS[c.set];
  const fen = depositFen(c.deposit);
  if (!c.kind) problem('kind', 'missing');
  else if (!kind) problem('kind', 'unknown_kind');
  if (!c.opens) problem('opens', 'missing');
  else if (c.opens.length > MAX_TEXT) problem('opens', 'too_long');
  const room = kind === 'resident' ? ROOM.exec(c.opens.toUpperCase()) : null;
  if (kind === 'resident' && c.opens && !room) problem('opens', 'bad_room');
  if (!c.label) problem('label', 'missing');
  else if (c.label.length > MAX_TEXT) problem('label', 'too_long');
  if (!c.set) problem('set', 'missing');
  else if (!set) problem('set', 'unknown_set');
  if (fen === null) problem('deposit', 'bad_deposit');
  if (problems.length || !kind || !set || fen === null) return { row: null, problems };
  const parts = room ? { building: room[1] as string, unit: room[2] as string, room: room[3] as string } : null;
  const opens = parts ? `${parts.building}-${parts.unit}-${parts.room}` : c.opens;
  return { row: { line, kind, opens, label: c.label, set, depositFen: fen, room: parts }, problems };
};

/**
 * K1: every row checked, each problem named by its row and column; blank rows are skipped, a label
 * listed twice within its kind is reported at its second row naming the first, and a kind the file
 * lists without a spare key is named (one emergency spare set per kind).
 */
export const checkKeyRows = (cells: readonly (readonly string[])[]): CheckedKeys | KeyFileProblem => {
  const [header, ...body] = cells;
  if (!header) return 'empty';
  if (!headerFits(header)) return 'bad_header';
  const rows: KeyRow[] = [];
  const problems: KeyRowReport[] = [];
  const seen = new Map<string, number>();
  let listed = 0;
  body.forEach((cellsOfRow, i) => {
    const line = i + 2;
    const c = Object.fromEntries(KEY_COLUMNS.map((col, n) => [col, normalise(cellsOfRow[n])])) as Cells;
    if (KEY_COLUMNS.every((col) => !c[col])) return;
    listed++;
    const checked = checkRow(line, c);
    problems.push(...checked.problems);
    if (!checked.row) return;
    const key = `${checked.row.kind}|${checked.row.label}`;
    const first = seen.get(key);
    if (first !== undefined) return void problems.push({ line, column: 'label', problem: 'duplicate', firstLine: first });
    seen.set(key, line);
    rows.push(checked.row);
  });
  if (!listed) return 'empty';
  if (listed > MAX_KEY_ROWS) return 'too_many';
  const kinds = [...new Set(rows.map((r) => r.kind))];
  return { rows, problems, sparesMissing: kinds.filter((kind) => !rows.some((r) => r.kind === kind && r.set === 'spare')) };
};

/** The template's example rows: one of each kind, and each kind's spare. */
export const KEY_TEMPLATE_EXAMPLES = [
  ['住户钥匙', '1-1-101', 'Z-1-1-101', '常用', '0'],
  ['住户钥匙', '1-1-101', 'Z-1-1-101-备', '备用', '0'],
  ['公共门窗', '1号楼3层', 'G1-3-01', '常用', '0'],
  ['公共门窗', '1号楼3层', 'G1-3-01-备', '备用', '0'],
  ['设备房', '2号楼水泵房', 'SB-02', '常用', '200'],
  ['设备房', '2号楼水泵房', 'SB-02-备', '备用', '200'],
  ['水表箱', '1号楼1单元', 'SX-1-1', '常用', '0'],
  ['水表箱', '1号楼1单元', 'SX-1-1-备', '备用', '0'],
] as const;
