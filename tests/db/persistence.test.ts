/**
 * With a dataDir the database survives a restart: a new engine on the same directory sees every
 * acknowledged write, with Dates still Dates.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEngine, installLocalDatabase, manifestOf, type Engine } from '../../local/db';
import { START, startCloud } from './harness';

const manifest = manifestOf({ tickets: [{ name: 'no', unique: true, keys: [['no', 1]] }], notes: [] });

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-db-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const reopen = (): Engine => createEngine({ manifest, dataDir: dir, now: () => new Date(START) });

describe('writes made through the SDK are there after a restart', () => {
  it('add, update, set, remove and a committed transaction all survive; Dates stay Dates', async () => {
    const cloud = startCloud({ tickets: [{ name: 'no', unique: true, keys: [['no', 1]] }], notes: [] }, { dataDir: dir });
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
    expect(firstDoc?.openedAt).toBeInstanceOf(Date);
    expect(firstDoc?.openedAt).toEqual(new Date('2026-11-02T03:04:05.678Z'));
    expect(firstDoc?.stampedAt).toEqual(new Date(START));
    expect(firstDoc).toMatchObject({ score: 2.5, tags: ['a'] });
    expect(engine.collection('notes').all().map((n) => n.text)).toEqual(['moved to 40']);
  });

  it('the reopened engine serves the SDK and keeps enforcing unique indexes on loaded data', async () => {
    const first = reopen();
    first.insertRaw('tickets', [{ _id: 't1', no: 7 }]);
    const engine = reopen();
    const uninstall = installLocalDatabase(engine);
    try {
      const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk');
      cloud.init({ env: 'local' });
      const db = cloud.database() as unknown as import('./harness').TestDb;
      expect((await db.collection('tickets').doc('t1').get()).data).toEqual({ _id: 't1', no: 7 });
      await expect(db.collection('tickets').add({ data: { no: 7 } })).rejects.toMatchObject({ errCode: -502001 });
    } finally {
      uninstall();
    }
  });
});

describe('the log files', () => {
  const file = (name: string): string => path.join(dir, `${name}.jsonl`);
  const lines = (name: string): string[] => fs.readFileSync(file(name), 'utf8').split('\n').filter((l) => l !== '');

  it('are appended before the call returns and compacted to one line per record on load', async () => {
    const engine = reopen();
    engine.insertRaw('tickets', [{ _id: 'a', no: 1 }]);
    expect(lines('tickets')).toHaveLength(1);
    engine.insertRaw('tickets', [{ _id: 'b', no: 2 }]);
    expect(lines('tickets')).toHaveLength(2);
    await engine.handle('database.modifyDocument', {
      collectionName: 'tickets',
      queryType: 'DOC',
      query: '{"_id":"a"}',
      data: '{"$set":{"no":{"$numberInt":"9"}}}',
      multi: false,
      merge: true,
      upsert: false,
    });
    expect(lines('tickets')).toHaveLength(3);
    reopen();
    expect(lines('tickets')).toHaveLength(2);
    expect(reopen().collection('tickets').all()).toEqual([{ _id: 'a', no: 9 }, { _id: 'b', no: 2 }]);
  });

  it('a torn last line (crash mid-append) is ignored', () => {
    reopen().insertRaw('tickets', [{ _id: 'a', no: 1 }]);
    fs.appendFileSync(file('tickets'), '{"n":1,"ops":[{"put":{"_id":"b",');
    expect(reopen().collection('tickets').all()).toEqual([{ _id: 'a', no: 1 }]);
  });

  it('a transaction whose lines did not all reach disk is dropped as a whole', () => {
    reopen().insertRaw('tickets', [{ _id: 'a', no: 1 }]);
    fs.appendFileSync(file('tickets'), '{"n":2,"t":"txlost","ops":[{"put":{"_id":"a","no":{"$numberInt":"2"}}}]}\n');
    expect(reopen().collection('tickets').all()).toEqual([{ _id: 'a', no: 1 }]);
  });

  it('reset() empties the files too', () => {
    const engine = reopen();
    engine.insertRaw('tickets', [{ _id: 'a', no: 1 }]);
    engine.reset();
    expect(reopen().collection('tickets').count()).toBe(0);
  });

  it('without a dataDir nothing is written anywhere', () => {
    const engine = createEngine({ manifest, dataDir: null });
    engine.insertRaw('tickets', [{ _id: 'a', no: 1 }]);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(createEngine({ manifest }).collection('tickets').count()).toBe(0);
  });
});
