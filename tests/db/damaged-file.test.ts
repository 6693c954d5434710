/**
 * A database file that is cut short, garbled or replaced is refused with one line that names the
 * file and what to do; it is never written to (byte-identical afterwards), never reseeded over.
 * (The same, from outside through `local/main.ts`: tests/local/damaged-database.test.ts.)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { createEngine, DATABASE_FILE, DatabaseUnusable, loadManifest } from '../../local/db';

const manifest = loadManifest();
let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-db-damaged-'));
  file = path.join(dir, DATABASE_FILE);
  const engine = createEngine({ manifest, dataDir: dir });
  engine.insertRaw('notes' in manifest.collections ? 'notes' : 'events', Array.from({ length: 400 }, (_, n) => ({ _id: `e${n}`, propertyId: 'p', text: 'x'.repeat(200), n })));
  engine.close();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const refusal = (): DatabaseUnusable => {
  try {
    createEngine({ manifest, dataDir: dir }).close();
  } catch (error) {
    if (error instanceof DatabaseUnusable) return error;
    throw error;
  }
  throw new Error('expected the database to be refused');
};

const expectRefusedUntouched = (reason: RegExp): void => {
  const before = fs.readFileSync(file);
  const error = refusal();
  expect(error.message).not.toContain('\n');
  expect(error.message).toContain(file);
  expect(error.message).toMatch(reason);
  expect(error.message).toContain('Restore it from a backup');
  expect(error.message).toContain(`delete ${dir} to start again`);
  expect(fs.readFileSync(file)).toEqual(before);
  expect(fs.readdirSync(dir)).not.toContain(`${DATABASE_FILE}-wal`);
};

describe('a damaged or foreign database file is refused, untouched', () => {
  it('cut short in the middle of a page', () => {
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2) + 100);
    expectRefusedUntouched(/cut short/);
  });

  it('cut short at a page boundary', () => {
    const pageSize = fs.readFileSync(file).readUInt16BE(16);
    fs.truncateSync(file, pageSize * 3);
    expectRefusedUntouched(/cut short|check failed|malformed/);
  });

  it('emptied', () => {
    fs.truncateSync(file, 0);
    expectRefusedUntouched(/empty/);
  });

  it('garbled: a page in the middle overwritten', () => {
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0x5a, pageSize * 3, pageSize * 4);
    fs.writeFileSync(file, bytes);
    expectRefusedUntouched(/check failed|malformed|cannot be read/);
  });

  it('replaced by a text file', () => {
    fs.writeFileSync(file, 'these are my notes, not a database\n');
    expectRefusedUntouched(/not an SQLite database/);
  });

  it("replaced by another program's SQLite database", () => {
    fs.rmSync(file);
    const other = new Database(file);
    other.exec('CREATE TABLE photos (name TEXT); INSERT INTO photos VALUES (\'holiday.jpg\')');
    other.close();
    expectRefusedUntouched(/some other program/);
  });
});

/**
 * A WAL checkpoint copies the WAL's pages into the file in page order, the first page (whose header
 * counts the file's pages) first (https://www.sqlite.org/walformat.html, https://www.sqlite.org/fileformat2.html#database_header):
 * a process killed during one leaves a file shorter than its header says, and a WAL that still holds
 * every page, which SQLite reads from. That is a whole database, not one cut short: a kill -9 round
 * refused to start on it (tests/local/kill-during-creates.test.ts).
 */
describe('a checkpoint cut off by kill -9 is not damage', () => {
  it('the file already counts pages only the WAL holds: the database opens with every document', () => {
    const crash = fs.mkdtempSync(path.join(os.tmpdir(), 'local-db-checkpoint-'));
    try {
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.pragma('wal_autocheckpoint = 0');
      const insert = db.prepare('INSERT INTO documents (collection, id, body) VALUES (?, ?, ?)');
      db.transaction(() => {
        for (let n = 0; n < 400; n++) insert.run('events', `w${n}`, JSON.stringify({ _id: `w${n}`, propertyId: 'p', text: 'y'.repeat(400), n }));
      })();
      // The process dies here: the file and its WAL as they are on disk, the connection never closed.
      for (const name of [DATABASE_FILE, `${DATABASE_FILE}-wal`]) fs.copyFileSync(path.join(dir, name), path.join(crash, name));
      db.close();

      const image = path.join(crash, DATABASE_FILE);
      const wal = fs.readFileSync(`${image}-wal`);
      const pageSize = wal.readUInt32BE(8);
      let firstPage: Buffer | null = null;
      for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) if (wal.readUInt32BE(at) === 1) firstPage = wal.subarray(at + 24, at + 24 + pageSize);
      expect(firstPage).not.toBeNull();
      // The checkpoint's first write: page 1 from the WAL, the later pages not yet copied.
      const fd = fs.openSync(image, 'r+');
      fs.writeSync(fd, firstPage as Buffer, 0, pageSize, 0);
      fs.closeSync(fd);
      expect(fs.statSync(image).size).toBeLessThan((firstPage as Buffer).readUInt32BE(28) * pageSize);

      const engine = createEngine({ manifest, dataDir: crash });
      try {
        expect(engine.collection('events').count()).toBe(800);
      } finally {
        engine.close();
      }
    } finally {
      fs.rmSync(crash, { recursive: true, force: true });
    }
  });
});
