/**
 * Issue 12 §1, from outside: `local/main.ts` on a database file that was cut short, garbled or
 * replaced refuses to start with one line naming the file and what to do, exits non-zero, and
 * leaves the file byte-identical (no repair, no reseed over it).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../local/db';
import { call, repairInput, startRefused, startSystem } from './system-process';

let work: string;
let healthy: string;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'damaged-'));
  const dataDir = join(work, 'healthy');
  const system = await startSystem(dataDir);
  try {
    expect(await call(system.url, 'repairs', 'create', repairInput('damaged-1', 'demo:1-1-101'), 'o-res-wang')).toMatchObject({ ok: true });
  } finally {
    expect(await system.stop()).toBe(0);
  }
  healthy = join(dataDir, DATABASE_FILE);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const damagedCopy = (name: string, damage: (file: string) => void): { dataDir: string; file: string } => {
  const dataDir = join(work, name);
  mkdirSync(dataDir);
  const file = join(dataDir, DATABASE_FILE);
  copyFileSync(healthy, file);
  damage(file);
  return { dataDir, file };
};

it.each([
  ['cut short', (file: string) => truncateSync(file, Math.floor(readFileSync(file).length / 2) + 7)],
  [
    'garbled',
    (file: string) => {
      const bytes = readFileSync(file);
      const page = bytes.readUInt16BE(16);
      bytes.fill(0xa5, page * 2, page * 3);
      writeFileSync(file, bytes);
    },
  ],
  ['replaced', (file: string) => writeFileSync(file, 'notes.txt: the database was here\n')],
])('a database file %s: the system refuses to start with one line naming it, and the file is untouched', async (name, damage) => {
  const { dataDir, file } = damagedCopy(name.replace(' ', '-'), damage);
  const before = readFileSync(file);
  const run = await startRefused(dataDir);
  expect(run.code).toBe(2);
  expect(run.stdout).not.toContain('running locally');
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(`The local database ${file} cannot be used`);
  expect(lines[0]).toContain('Restore it from a backup');
  expect(lines[0]).toContain(`delete ${dataDir} to start again with the demo data`);
  expect(readFileSync(file)).toEqual(before);
}, 120_000);
