import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { Checkpointer, WRITER_CHECKPOINT_PAGES } from './checkpointer';
import { SqliteFile } from './sqlite-file';
import { unusable } from './unusable';

export const DATABASE_FILE = 'database.sqlite';
/** PRAGMA application_id of this system's database ("PSDk"): a different SQLite file is refused, not used. */
const APPLICATION_ID = 0x5053446b;
/**
 * 2: documents in one table found by row (SQLite's rowid, in insertion order), no index tables (the
 * engine keeps the indexes in memory, built at start). 1 (until 2026-12-06): documents unique by
 * (collection, id) and one table per declared index, written with every document; migrated on open.
 */
const SCHEMA_VERSION = 2;
const KNOWN_VERSIONS = new Set([1, SCHEMA_VERSION]);
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

const SCHEMA = `
  CREATE TABLE documents (collection TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL);
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

export interface StoredRow {
  /** The document's row: SQLite's rowid, in insertion order. */
  row: number;
  collection: string;
  body: string;
}

/** What a database created by this start holds from the beginning (documents imported from old files). */
export interface InitialContent {
  rows: readonly { collection: string; key: string; body: string }[];
  meta: Readonly<Record<string, string>>;
}


/** A WAL beside the file with at least one frame after its 32-byte header. */
const walHasFrames = (file: string): boolean => {
  try {
    return fs.statSync(`${file}-wal`).size > 32;
  } catch {
    return false;
  }
};

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
  // A checkpoint copies the WAL's pages in page order, the header's page first: one cut off by a
  // kill leaves the file shorter than its header says while the WAL still holds every page, which
  // SQLite reads from (https://www.sqlite.org/walformat.html). Then SQLite's own check below judges.
  if (pages > 0 && !walHasFrames(file) && header.readUInt32BE(24) === header.readUInt32BE(92) && size < pages * pageSize) {
    throw unusable(file, `it is cut short (${size} bytes, its header says ${pages * pageSize})`);
  }
};

/** Every stored document and the meta notes, read through a read-only connection after SQLite's own structural check. */
const readExisting = (file: string): { rows: StoredRow[]; meta: Record<string, string>; version: number } => {
  checkHeader(file);
  const companions = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f));
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const version = Number(db.pragma('user_version', { simple: true }));
    if (!KNOWN_VERSIONS.has(version)) throw new Error('its schema version is not one this system knows');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`SQLite's check failed (${String(check)})`);
    const meta = (db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value] as const);
    return { rows: db.prepare('SELECT rowid AS row, collection, body FROM documents ORDER BY rowid').all() as StoredRow[], meta: Object.fromEntries(meta), version };
  } catch (error) {
    db?.close();
    db = null;
    for (const companion of companions) fs.rmSync(companion, { force: true });
    throw unusable(file, error);
  } finally {
    db?.close();
  }
};

/**
 * WAL, with each commit written (so a killed process loses nothing) and the WAL synced to disk by
 * `SqliteFile.flush()` before a function call's answer leaves (so a machine crash loses nothing
 * acknowledged): one sync for every commit of that call, and of calls finishing together.
 */
const configure = (db: Database.Database): void => {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
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

/**
 * Version 1 → 2, in one SQLite transaction (all or nothing), only after the file passed every check:
 * the documents move to a table without the (collection, id) index, keeping their rows (so their
 * order), and the index tables go.
 */
const migrateFromVersion1 = (db: Database.Database): void => {
  const indexTables = db.prepare('SELECT tbl FROM indexes').pluck().all() as string[];
  db.transaction(() => {
    db.exec('CREATE TABLE documents_v2 (collection TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL)');
    db.exec('INSERT INTO documents_v2 (rowid, collection, id, body) SELECT rowid, collection, id, body FROM documents ORDER BY rowid');
    db.exec('DROP TABLE documents');
    db.exec('ALTER TABLE documents_v2 RENAME TO documents');
    for (const tbl of indexTables) db.exec(`DROP TABLE IF EXISTS "${tbl.replace(/"/g, '""')}"`);
    db.exec('DROP TABLE indexes');
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
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
  const { rows, meta, version } = readExisting(file);
  return {
    file,
    rows,
    meta,
    created,
    open: () => {
      const db = new Database(file, { fileMustExist: true });
      configure(db);
      if (version === 1) migrateFromVersion1(db);
      db.pragma(`wal_autocheckpoint = ${WRITER_CHECKPOINT_PAGES}`);
      const checkpointer = new Checkpointer(file, (reason) => {
        console.warn(`the checkpoint thread failed (${reason}): SQLite checkpoints inside commits again`);
        db.pragma('wal_autocheckpoint = 1000');
      });
      return new SqliteFile(db, file, checkpointer);
    },
  };
};
