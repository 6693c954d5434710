import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { unusable } from './unusable';

export const DATABASE_FILE = 'database.sqlite';
/** PRAGMA application_id of this system's database ("PSDk"): a different SQLite file is refused, not used. */
const APPLICATION_ID = 0x5053446b;
const SCHEMA_VERSION = 1;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

const SCHEMA = `
  CREATE TABLE documents (collection TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, UNIQUE (collection, id));
  CREATE TABLE indexes (tbl TEXT PRIMARY KEY, collection TEXT NOT NULL, name TEXT NOT NULL, fields TEXT NOT NULL);
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

export interface StoredRow {
  collection: string;
  body: string;
}

/** What a database created by this start holds from the beginning (documents imported from old files). */
export interface InitialContent {
  rows: readonly { collection: string; key: string; body: string }[];
  meta: Readonly<Record<string, string>>;
}

export interface IndexTable {
  collection: string;
  name: string;
  fields: readonly string[];
}

/** A document's new stored text (null: removed) and the index rows it leaves and gains, in one commit. */
export interface RowWrite {
  collection: string;
  key: string;
  body: string | null;
  indexRows: { table: string; remove: string[][]; add: string[][] }[];
}

export interface KeySlice {
  prefix: readonly string[];
  lower?: { key: string; inclusive: boolean };
  upper?: { key: string; inclusive: boolean };
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const tableOf = (index: IndexTable): string => `ix:${index.collection}:${index.name}`;

/** Checks the file's header without writing to it: is it SQLite, whole pages, this system's? */
const checkHeader = (file: string): void => {
  const size = fs.statSync(file).size;
  if (size === 0) throw unusable(file, 'the file is empty');
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!header.subarray(0, 16).equals(SQLITE_HEADER)) throw unusable(file, 'it is not an SQLite database');
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  if (pageSize < 512 || size % pageSize !== 0) throw unusable(file, `it is cut short (${size} bytes is not a whole number of ${pageSize}-byte pages)`);
  if (header.readUInt32BE(68) !== APPLICATION_ID) throw unusable(file, 'it is an SQLite database of some other program');
  const pages = header.readUInt32BE(28);
  if (pages > 0 && header.readUInt32BE(24) === header.readUInt32BE(92) && size < pages * pageSize) {
    throw unusable(file, `it is cut short (${size} bytes, its header says ${pages * pageSize})`);
  }
};

/** Every stored document and the meta notes, read through a read-only connection after SQLite's own structural check. */
const readExisting = (file: string): { rows: StoredRow[]; meta: Record<string, string> } => {
  checkHeader(file);
  const companions = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f));
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    if (db.pragma('user_version', { simple: true }) !== SCHEMA_VERSION) throw new Error('its schema version is not one this system knows');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`SQLite's check failed (${String(check)})`);
    const meta = (db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value] as const);
    return { rows: db.prepare('SELECT collection, body FROM documents ORDER BY rowid').all() as StoredRow[], meta: Object.fromEntries(meta) };
  } catch (error) {
    db?.close();
    db = null;
    for (const companion of companions) fs.rmSync(companion, { force: true });
    throw unusable(file, error);
  } finally {
    db?.close();
  }
};

const configure = (db: Database.Database): void => {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
};

/**
 * A new database is built beside its final name and renamed into place, so the file at the final
 * name is always a whole database of this system (a crash while creating it leaves only the draft).
 */
const createFile = (file: string, initial: InitialContent): void => {
  const draft = `${file}.new`;
  for (const leftover of [draft, `${draft}-wal`, `${draft}-shm`]) fs.rmSync(leftover, { force: true });
  const db = new Database(draft);
  try {
    configure(db);
    db.transaction(() => {
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
      db.exec(SCHEMA);
      const insert = db.prepare('INSERT INTO documents (collection, id, body) VALUES (?, ?, ?)');
      for (const row of initial.rows) insert.run(row.collection, row.key, row.body);
      const note = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      for (const [key, value] of Object.entries(initial.meta)) note.run(key, value);
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  fs.renameSync(draft, file);
  const dir = fs.openSync(path.dirname(file), 'r');
  try {
    fs.fsyncSync(dir);
  } finally {
    fs.closeSync(dir);
  }
};

/**
 * SQLite's online backup of the database under `dataDir` into `destination`, from another process
 * while the system runs (a WAL database allows a reader beside its writer). The source is checked
 * first and opened read-only.
 */
export const backupDatabaseFile = async (dataDir: string, destination: string): Promise<void> => {
  const file = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(file)) throw new Error(`there is no database at ${file}`);
  checkHeader(file);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await db.backup(destination);
  } finally {
    db.close();
  }
};

export interface OpenedFile {
  /** The database file; null for an in-memory database. */
  file: string | null;
  rows: StoredRow[];
  meta: Record<string, string>;
  /** True when this call created the database (nothing was stored before). */
  created: boolean;
  /** Opens the file for writing; call only once the rows have been read without error. */
  open(): SqliteFile;
}

/**
 * The database under `dataDir` (`database.sqlite`), or an in-memory one for `null`. An existing file
 * is checked and read without being written to; `initial` fills a database created by this call.
 */
export const openDatabaseFile = (dataDir: string | null, initial: () => InitialContent): OpenedFile => {
  if (dataDir === null) {
    return {
      file: null,
      rows: [],
      meta: {},
      created: true,
      open: () => {
        const db = new Database(':memory:');
        db.exec(SCHEMA);
        return new SqliteFile(db, null);
      },
    };
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATABASE_FILE);
  const created = !fs.existsSync(file);
  if (created) createFile(file, initial());
  const { rows, meta } = readExisting(file);
  return {
    file,
    rows,
    meta,
    created,
    open: () => {
      const db = new Database(file, { fileMustExist: true });
      configure(db);
      return new SqliteFile(db, file);
    },
  };
};

/** The open database: one SQLite transaction per commit, index tables kept in the same transaction. */
export class SqliteFile {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly tables = new Map<string, number>();

  constructor(
    private readonly db: Database.Database,
    readonly file: string | null,
  ) {}

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Makes the manifest's indexes the file's index tables; returns the tables that are new and must be filled. */
  declareIndexes(indexes: readonly IndexTable[]): string[] {
    const existing = new Map(
      (this.db.prepare('SELECT tbl, fields FROM indexes').all() as { tbl: string; fields: string }[]).map((r) => [r.tbl, r.fields]),
    );
    const wanted = new Map(indexes.map((index) => [tableOf(index), index]));
    const fresh: string[] = [];
    this.db.transaction(() => {
      for (const [tbl] of existing) {
        if (wanted.get(tbl) && JSON.stringify(wanted.get(tbl)?.fields) === existing.get(tbl)) continue;
        this.db.exec(`DROP TABLE IF EXISTS ${quote(tbl)}`);
        this.db.prepare('DELETE FROM indexes WHERE tbl = ?').run(tbl);
      }
      for (const [tbl, index] of wanted) {
        this.tables.set(tbl, index.fields.length);
        if (existing.get(tbl) === JSON.stringify(index.fields)) continue;
        const columns = index.fields.map((_, i) => `k${i}`);
        this.db.exec(`CREATE TABLE ${quote(tbl)} (${columns.map((c) => `${c} TEXT NOT NULL`).join(', ')}, id TEXT NOT NULL, PRIMARY KEY (${[...columns, 'id'].join(', ')})) WITHOUT ROWID`);
        this.db.prepare('INSERT INTO indexes (tbl, collection, name, fields) VALUES (?, ?, ?, ?)').run(tbl, index.collection, index.name, JSON.stringify(index.fields));
        fresh.push(tbl);
      }
    })();
    return fresh;
  }

  private insertRow(table: string): Database.Statement {
    const width = this.tables.get(table) ?? 0;
    return this.statement(`INSERT OR IGNORE INTO ${quote(table)} VALUES (${Array.from({ length: width + 1 }, () => '?').join(', ')})`);
  }

  private deleteRow(table: string): Database.Statement {
    const width = this.tables.get(table) ?? 0;
    return this.statement(`DELETE FROM ${quote(table)} WHERE ${[...Array.from({ length: width }, (_, i) => `k${i} = ?`), 'id = ?'].join(' AND ')}`);
  }

  fillIndex(table: string, rows: readonly { key: string; entries: string[][] }[]): void {
    this.db.transaction(() => {
      const insert = this.insertRow(table);
      for (const row of rows) for (const entry of row.entries) insert.run(...entry, row.key);
    })();
  }

  /** One atomic, durable SQLite transaction: documents and their index rows. */
  commit(writes: readonly RowWrite[]): void {
    const upsert = this.statement('INSERT INTO documents (collection, id, body) VALUES (?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET body = excluded.body');
    const remove = this.statement('DELETE FROM documents WHERE collection = ? AND id = ?');
    this.db.transaction(() => {
      for (const write of writes) {
        if (write.body === null) remove.run(write.collection, write.key);
        else upsert.run(write.collection, write.key, write.body);
        for (const { table, remove: gone, add } of write.indexRows) {
          const del = this.deleteRow(table);
          for (const entry of gone) del.run(...entry, write.key);
          const insert = this.insertRow(table);
          for (const entry of add) insert.run(...entry, write.key);
        }
      }
    })();
  }

  /** Document keys whose index entry starts with `prefix` (and whose next key lies in the bounds). */
  lookup(table: string, slice: KeySlice): string[] {
    const at = slice.prefix.length;
    const clauses = slice.prefix.map((_, i) => `k${i} = ?`);
    const params: string[] = [...slice.prefix];
    if (slice.lower) {
      clauses.push(`k${at} ${slice.lower.inclusive ? '>=' : '>'} ?`);
      params.push(slice.lower.key);
    }
    if (slice.upper) {
      clauses.push(`k${at} ${slice.upper.inclusive ? '<=' : '<'} ?`);
      params.push(slice.upper.key);
    }
    const where = clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '';
    return this.statement(`SELECT DISTINCT id FROM ${quote(table)}${where}`).pluck().all(...params) as string[];
  }

  clear(): void {
    this.db.transaction(() => {
      this.db.exec('DELETE FROM documents');
      for (const tbl of this.tables.keys()) this.db.exec(`DELETE FROM ${quote(tbl)}`);
    })();
  }

  /** SQLite's online backup: a consistent copy while the database stays in use. */
  backup(destination: string): Promise<unknown> {
    return this.db.backup(destination);
  }

  close(): void {
    this.db.close();
  }
}
