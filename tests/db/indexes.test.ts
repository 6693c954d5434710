/**
 * Issue 12 §1: the manifest's indexes serve queries. A query whose leading index fields are pinned
 * by equality (and the next by a range) reads only the documents those keys select; the result is
 * always the one a full scan gives; filters are compiled once per shape.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Query } from 'mingo';
import { createEngine, manifestOf, type Doc, type Engine, type IndexSpec } from '../../local/db';
import { matcherCompilations } from '../../local/db/matcher';
import { startCloud, type Cloud } from './harness';

const indexes: Record<string, IndexSpec[]> = {
  deadlines: [{ name: 'due', keys: [['status', 1], ['nextCheckAt', 1]] }],
  members: [{ name: 'rooms', keys: [['propertyId', 1], ['role', 1], ['roomIds', 1]] }],
  items: [
    { name: 'ab', keys: [['a', 1], ['b', 1]] },
    { name: 'nested', keys: [['sub.x', 1]] },
  ],
};

let cloud: Cloud;
beforeAll(() => {
  cloud = startCloud(indexes);
});
afterAll(() => cloud.uninstall());
beforeEach(() => cloud.engine.reset());

const reads = async (run: () => Promise<unknown>): Promise<number> => {
  cloud.engine.stats.reset();
  await run();
  return cloud.engine.stats.documentsRead;
};

describe('an indexed query reads only the documents its keys select', () => {
  beforeEach(() => {
    cloud.engine.insertRaw(
      'deadlines',
      Array.from({ length: 2000 }, (_, n) => ({
        _id: `d${n}`,
        status: n % 100 === 0 ? 'open' : 'closed',
        nextCheckAt: new Date(Date.UTC(2026, 10, 1) + n * 60_000).toISOString(),
      })),
    );
  });

  it('equality and a range on the next field (the reminder sweep): 2000 stored, 20 open, 5 due, 5 read', async () => {
    const { db, _ } = cloud;
    const due = () => db.collection('deadlines').where({ status: 'open', nextCheckAt: _.lte('2026-11-01T07:00:00.000Z') }).orderBy('nextCheckAt', 'asc').get();
    expect((await due()).data.map((d) => d._id)).toEqual(['d0', 'd100', 'd200', 'd300', 'd400']);
    expect(await reads(due)).toBe(5);
  });

  it('equality on the leading field alone reads the documents with that value', async () => {
    expect(await reads(() => cloud.db.collection('deadlines').where({ status: 'open' }).count())).toBe(20);
  });

  it('a query no index serves reads the whole collection (and still answers right)', async () => {
    const { db, _ } = cloud;
    expect(await reads(() => db.collection('deadlines').where({ nextCheckAt: _.lte('2026-11-01T00:04:00.000Z') }).get())).toBe(2000);
  });

  it('_id equality and $in read just those documents', async () => {
    const { db, _ } = cloud;
    expect(await reads(() => db.collection('deadlines').where({ _id: _.in(['d1', 'd2', 'nope']) }).get())).toBe(2);
  });

  it('updates and removes keep the index: a document moves from one key to another, and leaves it', async () => {
    const { db } = cloud;
    await db.collection('deadlines').doc('d1').update({ data: { status: 'open' } });
    await db.collection('deadlines').doc('d0').remove();
    const open = await db.collection('deadlines').where({ status: 'open' }).limit(1000).get();
    expect(open.data).toHaveLength(20);
    expect(open.data.map((d) => d._id)).toContain('d1');
    expect(open.data.map((d) => d._id)).not.toContain('d0');
  });
});

describe('arrays are indexed by element (multikey), as MongoDB does', () => {
  beforeEach(() => {
    cloud.engine.insertRaw('members', [
      { _id: 'm1', propertyId: 'p', role: 'resident', roomIds: ['r1', 'r2'] },
      { _id: 'm2', propertyId: 'p', role: 'resident', roomIds: [] },
      { _id: 'm3', propertyId: 'p', role: 'desk', roomIds: ['r1'] },
      { _id: 'm4', propertyId: 'p', role: 'resident' },
    ]);
  });

  it('an element of the array finds the document; an empty or missing array still has its key for the leading fields', async () => {
    const members = cloud.db.collection('members');
    expect((await members.where({ propertyId: 'p', role: 'resident', roomIds: 'r2' }).get()).data.map((m) => m._id)).toEqual(['m1']);
    expect(await reads(() => members.where({ propertyId: 'p', role: 'resident', roomIds: 'r2' }).get())).toBe(1);
    expect((await members.where({ propertyId: 'p', role: 'resident' }).get()).data.map((m) => m._id)).toEqual(['m1', 'm2', 'm4']);
  });

  it('a range on a field holding arrays keeps one bound: elements on either side still match, as MongoDB matches them', async () => {
    const { _ } = cloud;
    cloud.engine.insertRaw('items', [
      { _id: 'spread', a: 1, b: [1, 20] },
      { _id: 'inside', a: 1, b: 7 },
      { _id: 'below', a: 1, b: 2 },
    ]);
    const found = await cloud.db.collection('items').where({ a: 1, b: _.gte(5).and(_.lt(10)) }).get();
    expect(found.data.map((d) => d._id)).toEqual(['spread', 'inside']);
  });
});

/** A small deterministic generator, so a failing case can be replayed. */
const random = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

describe('an index never changes a result: the engine answers every query as mingo does over all documents', () => {
  const next = random(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  // Strings with \u0000 and \u0001 and strings that begin others: the in-memory index escapes keys and separates them with \u0000.
  const values = [null, 0, 1, 2, -1.5, 10, 'a', 'b', 'ab', '', 'a\u0000', '\u0000', 'a\u0001b', '\u0001', true, false, new Date(0), new Date(86_400_000), [1, 'a'], [], [2, [3]], { x: 1 }];
  const field = () => (next() < 0.15 ? undefined : pick(values));

  const randomDoc = (id: string): Doc => {
    const doc: Doc = { _id: id };
    for (const [key, value] of [['a', field()], ['b', field()], ['sub', next() < 0.5 ? { x: field() } : field()]] as const) if (value !== undefined) doc[key] = value;
    return doc;
  };

  it('600 random documents (mixed types, arrays, nested, missing fields), 200 of them then replaced and 60 removed, and 400 random filters', async () => {
    let docs: Doc[] = Array.from({ length: 600 }, (_, n) => randomDoc(`i${n}`));
    cloud.engine.insertRaw('items', docs);
    // Replacing and removing documents moves and drops their index entries.
    for (let n = 0; n < 200; n++) {
      const id = `i${Math.floor(next() * 600)}`;
      const { _id, ...data } = randomDoc(id);
      await cloud.db.collection('items').doc(String(_id)).set({ data });
      docs = docs.map((d) => (d._id === id ? { _id, ...data } : d));
    }
    for (let n = 0; n < 60; n++) {
      const id = `i${Math.floor(next() * 600)}`;
      await cloud.db.collection('items').doc(id).remove();
      docs = docs.filter((d) => d._id !== id);
    }
    const operators = ['$eq', '$in', '$gt', '$gte', '$lt', '$lte', '$ne', '$nin'];
    const condition = (): unknown => {
      const op = pick(operators);
      const operand = op === '$in' || op === '$nin' ? [pick(values), pick(values)] : pick(values);
      return next() < 0.3 ? operand : { [op]: operand, ...(next() < 0.3 ? { $lte: pick(values) } : {}) };
    };
    for (let i = 0; i < 400; i++) {
      const filter: Doc = {};
      for (const key of ['a', 'b', 'sub.x']) if (next() < 0.6) filter[key] = condition();
      const reference = new Query(filter);
      const expected = docs.filter((d) => reference.test(d)).map((d) => d._id);
      const body = (await cloud.engine.handle('database.getDocument', {
        collectionName: 'items',
        queryType: 'WHERE',
        query: JSON.stringify(filterToEjson(filter)),
        limit: 1000,
      })) as { data: { list: string[] } };
      expect({ filter, ids: body.data.list.map((text) => (JSON.parse(text) as { _id: string })._id) }).toEqual({ filter, ids: expected });
    }
  });

  it('writes between queries, one at a time and in bursts: an index is brought up to date before every read (entries staged by writes, applied one by one or rebuilt)', async () => {
    let docs: Doc[] = Array.from({ length: 300 }, (_, n) => randomDoc(`w${n}`));
    cloud.engine.insertRaw('items', docs);
    const operators = ['$eq', '$in', '$gt', '$lte', '$ne'];
    const query = async (): Promise<void> => {
      const filter: Doc = {};
      for (const key of ['a', 'b', 'sub.x']) if (next() < 0.7) {
        const op = pick(operators);
        filter[key] = { [op]: op === '$in' ? [pick(values), pick(values)] : pick(values) };
      }
      const reference = new Query(filter);
      const expected = docs.filter((d) => reference.test(d)).map((d) => d._id);
      const body = (await cloud.engine.handle('database.getDocument', { collectionName: 'items', queryType: 'WHERE', query: JSON.stringify(filterToEjson(filter)), limit: 1000 })) as {
        data: { list: string[] };
      };
      expect({ filter, ids: body.data.list.map((text) => (JSON.parse(text) as { _id: string })._id) }).toEqual({ filter, ids: expected });
    };
    // Bursts of 1 and 3 stage fewer documents than an eighth of those stored (applied one by one); bursts of 60, more (a rebuild).
    for (const burst of [1, 1, 3, 60, 1, 3, 60, 1]) {
      for (let n = 0; n < burst; n++) {
        const id = `w${Math.floor(next() * 300)}`;
        if (next() < 0.15) {
          await cloud.db.collection('items').doc(id).remove();
          docs = docs.filter((d) => d._id !== id);
        } else {
          // `v`: set() refuses empty data, and a random document may hold no field.
          const { _id, ...fields } = randomDoc(id);
          const data = { ...fields, v: n };
          await cloud.db.collection('items').doc(id).set({ data });
          docs = docs.some((d) => d._id === id) ? docs.map((d) => (d._id === id ? { _id, ...data } : d)) : [...docs, { _id, ...data }];
        }
      }
      for (let i = 0; i < 15; i++) await query();
    }
  });
});


/** The canonical EJSON the SDK would send for a filter (Dates as $date). */
const filterToEjson = (value: unknown): unknown => {
  const { EJSON } = require('bson') as typeof import('bson');
  return JSON.parse(EJSON.stringify(value as Doc, { relaxed: false }));
};

describe('filters are compiled once per shape', () => {
  it('the same query with other values compiles nothing new', async () => {
    const { db, _ } = cloud;
    const query = (status: string, at: string) => db.collection('deadlines').where({ status, nextCheckAt: _.lte(at) }).get();
    await query('open', '2026-01-01T00:00:00.000Z');
    const before = matcherCompilations();
    for (let i = 0; i < 20; i++) await query(i % 2 ? 'open' : 'closed', `2026-01-0${(i % 9) + 1}T00:00:00.000Z`);
    expect(matcherCompilations()).toBe(before);
    await db.collection('deadlines').where({ status: 'open', shapeNotSeenBefore: _.exists(true) }).get();
    expect(matcherCompilations()).toBe(before + 1);
  });
});

describe('the indexes follow the manifest', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-db-index-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('an index declared after documents were stored is built from them at the next start, and serves at once', async () => {
    const before = createEngine({ manifest: manifestOf({ items: [] }), dataDir: dir });
    before.insertRaw('items', Array.from({ length: 300 }, (_, n) => ({ a: n % 30, b: n })));
    before.close();
    const after: Engine = createEngine({ manifest: manifestOf({ items: [{ name: 'a', keys: [['a', 1]] }] }), dataDir: dir });
    try {
      after.stats.reset();
      const body = (await after.handle('database.getDocument', { collectionName: 'items', queryType: 'WHERE', query: '{"a":{"$numberInt":"7"}}' })) as { data: { list: unknown[] } };
      expect(body.data.list).toHaveLength(10);
      expect(after.stats.documentsRead).toBe(10);
    } finally {
      after.close();
    }
  });
});
