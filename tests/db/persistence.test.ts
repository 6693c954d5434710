/**
 * With a dataDir the database is one SQLite file, `database.sqlite`: a new engine on the same
 * directory sees every acknowledged write, with Dates still Dates. Without one nothing touches disk.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEngine, DATABASE_FILE, installLocalDatabase, manifestOf, type Engine } from '../../local/db';
import { COMMITS_PER_CHECKPOINT, WRITER_CHECKPOINT_PAGES } from '../../local/db/checkpointer';
import { START, startCloud, type TestDb } from './harness';

const collections = { tickets: [{ name: 'no', unique: true, keys: [['no', 1]] as [string, 1][] }], notes: [] };
const manifest = manifestOf(collections);

let dir: string;
const opened: Engine[] = [];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-db-'));
});
afterEach(() => {
  for (const engine of opened.splice(0)) engine.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const reopen = (): Engine => {
  const engine = createEngine({ manifest, dataDir: dir, now: () => new Date(START) });
  opened.push(engine);
  return engine;
};
const closeAll = (): void => {
  for (const engine of opened.splice(0)) engine.close();
};

describe('writes made through the SDK are there after a restart', () => {
  it('add, update, set, remove and a committed transaction all survive; Dates stay Dates', async () => {
    const cloud = startCloud(collections, { dataDir: dir });
    try {
      const { db, _ } = cloud;
      const tickets = db.collection('tickets');
      const { _id: first } = await tickets.add({ data: { no: 1, openedAt: new Date('2026-11-02T03:04:05.678Z'), score: 1.5 } });
      await tickets.add({ data: [{ no: 2 }, { no: 3 }] });
      await tickets.doc(first).update({ data: { score: _.inc(1), tags: _.push(['a']), stampedAt: db.serverDate() } });
      await tickets.doc('fixed').set({ data: { no: 4 } });
      await tickets.where({ no: 2 }).remove();
      await db.runTransaction(async (tx) => {
        await tx.collection('tickets').doc('fixed').update({ data: { no: 40 } });
        await tx.collection('notes').add({ data: { text: 'moved to 40' } });
      });
    } finally {
      cloud.uninstall();
    }

    const engine = reopen();
    const docs = engine.collection('tickets').all();
    expect(docs.map((d) => d.no)).toEqual([1, 3, 40]);
    const [firstDoc] = docs;
    expect(firstDoc?.openedAt).toEqual(new Date('2026-11-02T03:04:05.678Z'));
    expect(firstDoc?.stampedAt).toEqual(new Date(START));
    expect(firstDoc).toMatchObject({ score: 2.5, tags: ['a'] });
    expect(engine.collection('notes').all().map((n) => n.text)).toEqual(['moved to 40']);
  });

  it('values JSON cannot carry come back as they went in: -0, NaN, Infinity, a RegExp, an invalid Date', () => {
    reopen().insertRaw('notes', [{ _id: 'v', zero: -0, nan: Number.NaN, inf: -Infinity, re: /a.b/i, nested: [{ at: new Date(0) }] }]);
    closeAll();
    const [doc] = reopen().collection('notes').all();
    expect(Object.is(doc?.zero, -0)).toBe(true);
    expect(doc).toMatchObject({ nan: Number.NaN, inf: -Infinity, re: /a.b/i, nested: [{ at: new Date(0) }] });
  });

  it('the reopened engine serves the SDK and keeps enforcing unique indexes on loaded data', async () => {
    reopen().insertRaw('tickets', [{ _id: 't1', no: 7 }]);
    closeAll();
    const engine = reopen();
    const uninstall = installLocalDatabase(engine);
    try {
      const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk');
      cloud.init({ env: 'local' });
      const db = cloud.database() as unknown as TestDb;
      expect((await db.collection('tickets').doc('t1').get()).data).toEqual({ _id: 't1', no: 7 });
      await expect(db.collection('tickets').add({ data: { no: 7 } })).rejects.toMatchObject({ errCode: -502001 });
    } finally {
      uninstall();
    }
  });
});

describe('the database file', () => {
  it('is one SQLite file in the data directory, in WAL mode, and there is nothing else to lose', () => {
    reopen().insertRaw('tickets', [{ _id: 'a', no: 1 }]);
    expect(fs.readFileSync(path.join(dir, DATABASE_FILE)).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    closeAll();
    expect(fs.readdirSync(dir).sort()).toEqual([DATABASE_FILE]);
  });

  it('the WAL is checkpointed by its own thread while commits go on, stays bounded, and nothing is lost', async () => {
    const engine = reopen();
    const wal = path.join(dir, `${DATABASE_FILE}-wal`);
    let largest = 0;
    for (let i = 0; i < 3000; i++) {
      engine.insertRaw('tickets', [{ _id: `t${i}`, no: i, text: 'x'.repeat(3000) }]);
      if (i % 10 === 9) {
        await engine.flush();
        await new Promise((resolve) => setTimeout(resolve, 1));
        largest = Math.max(largest, fs.statSync(wal).size);
      }
    }
    // ≥ 3000 pages of 4 KiB went through the WAL; it never holds much more than the writer's own checkpoint bound.
    expect(largest).toBeLessThan((WRITER_CHECKPOINT_PAGES + 256) * (4096 + 24));
    expect(engine.checkpoints().copying).toBeGreaterThan(0);
    closeAll();
    expect(fs.readdirSync(dir).sort()).toEqual([DATABASE_FILE]);
    expect(reopen().collection('tickets').count()).toBe(3000);
  }, 60_000);

  it('asks the checkpoint thread once per COMMITS_PER_CHECKPOINT commits, not per commit (issue 16: each checkpoint syncs twice)', async () => {
    const engine = reopen();
    const before = engine.checkpoints().runs;
    for (let i = 0; i < 2 * COMMITS_PER_CHECKPOINT - 1; i++) engine.insertRaw('tickets', [{ _id: `c${i}`, no: i }]);
    await engine.flush();
    for (let waited = 0; engine.checkpoints().runs === before && waited < 5_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    const runs = engine.checkpoints().runs - before;
    expect(runs).toBe(1);
    closeAll();
    expect(reopen().collection('tickets').count()).toBe(2 * COMMITS_PER_CHECKPOINT - 1);
  }, 30_000);

  it('a flush is answered once the commits made before it are synced, however many others keep committing (issue 16)', async () => {
    const engine = reopen();
    engine.insertRaw('tickets', [{ _id: 'mine', no: 0 }]);
    let answered = false;
    const flushed = engine.flush().then(() => {
      answered = true;
    });
    // Another caller commits on every turn of the event loop, so each sync ends with newer commits unsynced.
    let others = 0;
    const started = Date.now();
    while (!answered && Date.now() - started < 3_000) {
      engine.insertRaw('tickets', [{ _id: `other${others}`, no: ++others }]);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(answered).toBe(true);
    await flushed;
    await engine.flush();
    closeAll();
    expect(reopen().collection('tickets').count()).toBe(others + 1);
  });

  it('reset() empties it too', () => {
    const engine = reopen();
    engine.insertRaw('tickets', [{ _id: 'a', no: 1 }]);
    engine.reset();
    closeAll();
    expect(reopen().collection('tickets').count()).toBe(0);
  });

  it('tells a new database (the only time a seed may run) from one that holds documents', () => {
    const engine = reopen();
    expect(engine.isEmpty()).toBe(true);
    engine.insertRaw('notes', [{ text: 'x' }]);
    expect(engine.isEmpty()).toBe(false);
  });

  it('an online backup while in use is a database the engine opens, with everything committed', async () => {
    const engine = reopen();
    engine.insertRaw('tickets', [{ _id: 'a', no: 1 }]);
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'local-db-backup-'));
    try {
      await engine.backup(path.join(copy, DATABASE_FILE));
      const restored = createEngine({ manifest, dataDir: copy });
      expect(restored.collection('tickets').all()).toEqual([{ _id: 'a', no: 1 }]);
      restored.close();
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  it('without a dataDir nothing is written anywhere', () => {
    const engine = createEngine({ manifest, dataDir: null });
    engine.insertRaw('tickets', [{ _id: 'a', no: 1 }]);
    engine.close();
    expect(fs.readdirSync(dir)).toEqual([]);
    const fresh = createEngine({ manifest });
    expect(fresh.collection('tickets').count()).toBe(0);
    fresh.close();
  });
});
