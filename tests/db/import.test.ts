/**
 * A data directory from before the SQLite store (one `<collection>.jsonl` per collection) is imported
 * into a new database once, on the first start, and its files are renamed, never deleted.
 *
 * The fixture `tests/fixtures/jsonl-after-restart` is what the old store left after issue 12's
 * reproduction: 5 repairs filed, the system stopped and started once. The old loader had rewritten
 * outbox.jsonl without the transaction tags, so its next start dropped all 5 repairs.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEngine, DATABASE_FILE, DatabaseUnusable, loadManifest, type Engine } from '../../local/db';

const fixture = path.join(__dirname, '..', 'fixtures', 'jsonl-after-restart');
const manifest = loadManifest();

let dir: string;
const engines: Engine[] = [];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-db-import-'));
  for (const file of fs.readdirSync(fixture)) fs.copyFileSync(path.join(fixture, file), path.join(dir, file));
});
afterEach(() => {
  for (const engine of engines.splice(0)) engine.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const open = (): Engine => {
  const engine = createEngine({ manifest, dataDir: dir });
  engines.push(engine);
  return engine;
};
const closeAll = () => engines.splice(0).forEach((e) => e.close());

describe('importing the old files', () => {
  it('keeps all 5 repairs the old loader dropped, with their events, command records and notices', () => {
    const engine = open();
    const repairs = engine.collection('repairs').all();
    expect(repairs).toHaveLength(5);
    const ids = new Set(repairs.map((r) => r._id));
    expect(engine.collection('events').all().filter((e) => ids.has((e.subject as { id: string }).id))).toHaveLength(5);
    expect(engine.collection('commands').count()).toBe(5);
    expect(engine.collection('outbox').all().every((n) => ids.has((n.subject as { id: string }).id))).toBe(true);
    expect(engine.collection('members').count()).toBe(18);
    expect(engine.isEmpty()).toBe(false);
  });

  it('imports once: the old files are renamed beside the database, byte for byte, and a restart reads the database only', () => {
    const before = new Map(fs.readdirSync(fixture).map((f) => [f, fs.readFileSync(path.join(fixture, f))]));
    open();
    closeAll();
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual([DATABASE_FILE, ...[...before.keys()].map((f) => `${f}.imported`)].sort());
    for (const [name, bytes] of before) expect(fs.readFileSync(path.join(dir, `${name}.imported`))).toEqual(bytes);
    expect(open().collection('repairs').count()).toBe(5);
  });

  it('an append cut short by a crash (a torn last line) is left out; the lines before it are kept', () => {
    fs.appendFileSync(path.join(dir, 'repairs.jsonl'), '{"n":1,"ops":[{"put":{"_id":"rp_torn",');
    expect(open().collection('repairs').count()).toBe(5);
  });

  it('a line that cannot be read in the middle of a file refuses the start, naming the file, and imports nothing', () => {
    const file = path.join(dir, 'repairs.jsonl');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines[1] = 'this line was damaged';
    fs.writeFileSync(file, lines.join('\n'));
    expect(() => open()).toThrow(DatabaseUnusable);
    expect(() => open()).toThrow(`${file} cannot be used: line 2 of this old data file cannot be read`);
    expect(fs.existsSync(path.join(dir, DATABASE_FILE))).toBe(false);
    expect(fs.existsSync(file)).toBe(true);
  });
});
