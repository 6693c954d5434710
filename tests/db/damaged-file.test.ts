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
