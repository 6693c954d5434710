/**
 * Cloud limits and failures the local database reproduces, seen through the real wx-server-sdk.
 */
import { rejection, startCloud, type Cloud } from './harness';

let cloud: Cloud;
beforeAll(() => {
  cloud = startCloud({
    items: [],
    members: [
      { name: 'property_openid', unique: true, keys: [['propertyId', 1], ['openid', 1]] },
      { name: 'openid', keys: [['openid', 1]] },
    ],
  });
});
afterAll(() => cloud.uninstall());
beforeEach(() => cloud.engine.reset());

describe('get() returns 100 records by default and at most 1000 (collection/Collection.limit.html: 云函数端默认及最大上限为 1000; guide/database/read.html: 云函数端默认 100)', () => {
  beforeEach(async () => {
    const data = Array.from({ length: 1200 }, (_, n) => ({ n }));
    const res = await cloud.db.collection('items').add({ data });
    expect(res._ids).toHaveLength(1200);
  });

  it('get() without limit gives the first 100', async () => {
    const res = await cloud.db.collection('items').get();
    expect(res.data).toHaveLength(100);
    expect(res.data[99]?.n).toBe(99);
  });

  it('limit(1000) gives 1000, limit(5000) is capped at 1000, the rest is reached with skip', async () => {
    expect((await cloud.db.collection('items').limit(1000).get()).data).toHaveLength(1000);
    expect((await cloud.db.collection('items').limit(5000).get()).data).toHaveLength(1000);
    const rest = await cloud.db.collection('items').skip(1000).limit(1000).get();
    expect(rest.data.map((d) => d.n)).toEqual(Array.from({ length: 200 }, (_, i) => 1000 + i));
  });

  it('the engine enforces the same limits on a raw request that bypasses the SDK clamp', async () => {
    const raw = async (params: Record<string, unknown>): Promise<number> => {
      const body = (await cloud.engine.handle('database.getDocument', { collectionName: 'items', queryType: 'WHERE', ...params })) as {
        data: { list: unknown[] };
      };
      return body.data.list.length;
    };
    expect(await raw({})).toBe(100);
    expect(await raw({ limit: 5000 })).toBe(1000);
  });
});

describe('a collection the manifest does not declare does not exist (errCode -502005, DATABASE_COLLECTION_NOT_EXIST)', () => {
  it('reads and writes on it reject with -502005 and the cloud wording', async () => {
    const ghost = cloud.db.collection('ghost');
    const attempts = [
      ghost.get(),
      ghost.count(),
      ghost.add({ data: { a: 1 } }),
      ghost.doc('x').get(),
      ghost.doc('x').set({ data: { a: 1 } }),
      ghost.where({ a: 1 }).update({ data: { a: 2 } }),
      ghost.where({ a: 1 }).remove(),
    ];
    for (const attempt of attempts) {
      const error = await rejection(attempt);
      expect(error.errCode).toBe(-502005);
      expect(error.errMsg).toContain('Db or Table not exist');
    }
  });

  it('the engine answers with the server error body the SDK turns into that rejection', async () => {
    const body = await cloud.engine.handle('database.getDocument', { collectionName: 'ghost', queryType: 'WHERE' });
    expect(body).toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST', requestId: expect.any(String) });
  });
});

describe('unique indexes from the manifest reject duplicates (errCode -502001, E11000 duplicate key)', () => {
  const members = () => cloud.db.collection('members');

  it('add() of a duplicate compound key is refused and nothing is written', async () => {
    await members().add({ data: { propertyId: 'p1', openid: 'o1' } });
    await members().add({ data: { propertyId: 'p2', openid: 'o1' } });
    const error = await rejection(members().add({ data: { propertyId: 'p1', openid: 'o1', extra: true } }));
    expect(error.errCode).toBe(-502001);
    expect(error.errMsg).toContain('E11000 duplicate key error collection: members index: property_openid');
    expect(cloud.engine.collection('members').count()).toBe(2);
  });

  // A batch add is one insertDocument request (@cloudbase/database's CollectionReference.add sends the
  // array; https://docs.cloudbase.net/http-api/nosql/insert-documents): one commit when none is refused.
  it('an array add is one commit; refused at a duplicate, those before it stay and those after are not added', async () => {
    await members().add({ data: { _id: 'm0', propertyId: 'p1', openid: 'o0' } });
    const before = cloud.engine.stats.commits;
    await members().add({ data: [{ propertyId: 'p1', openid: 'o1' }, { propertyId: 'p1', openid: 'o2' }, { propertyId: 'p2', openid: 'o1' }] });
    expect(cloud.engine.stats.commits - before).toBe(1);
    expect(cloud.engine.collection('members').count()).toBe(4);

    const byKey = await rejection(members().add({ data: [{ propertyId: 'p3', openid: 'o3' }, { propertyId: 'p1', openid: 'o1' }, { propertyId: 'p4', openid: 'o4' }] }));
    expect(byKey.errCode).toBe(-502001);
    expect(byKey.errMsg).toContain('index: property_openid');
    const byId = await rejection(members().add({ data: [{ _id: 'm5', propertyId: 'p5', openid: 'o5' }, { _id: 'm5', propertyId: 'p6', openid: 'o6' }, { _id: 'm0', propertyId: 'p7', openid: 'o7' }] }));
    expect(byId.errCode).toBe(-502001);
    const kept = (await members().where({ propertyId: cloud._.in(['p3', 'p4', 'p5', 'p6', 'p7']) }).get()).data.map((m) => m.propertyId);
    expect(kept.sort()).toEqual(['p3', 'p5']);
    expect((await members().doc('m0').get()).data.openid).toBe('o0');
  });

  it('a non-unique index allows duplicates', async () => {
    await members().add({ data: { propertyId: 'p1', openid: 'o1' } });
    await members().add({ data: { propertyId: 'p2', openid: 'o1' } });
    expect((await members().where({ openid: 'o1' }).count()).total).toBe(2);
  });

  it('doc().update() and where().update() that would create a duplicate are refused and change nothing', async () => {
    await members().add({ data: { _id: 'm1', propertyId: 'p1', openid: 'o1' } });
    await members().add({ data: { _id: 'm2', propertyId: 'p1', openid: 'o2' } });
    const one = await rejection(members().doc('m2').update({ data: { openid: 'o1' } }));
    expect(one.errCode).toBe(-502001);
    const many = await rejection(members().where({ propertyId: 'p1' }).update({ data: { openid: 'same' } }));
    expect(many.errCode).toBe(-502001);
    expect(cloud.engine.collection('members').all().map((m) => m.openid)).toEqual(['o1', 'o2']);
  });

  it('doc().set() upserting a duplicate is refused', async () => {
    await members().add({ data: { propertyId: 'p1', openid: 'o1' } });
    const error = await rejection(members().doc('other').set({ data: { propertyId: 'p1', openid: 'o1' } }));
    expect(error.errCode).toBe(-502001);
    expect(cloud.engine.collection('members').count()).toBe(1);
  });

  it('_id is always unique', async () => {
    await members().add({ data: { _id: 'same', propertyId: 'p1', openid: 'o1' } });
    const error = await rejection(members().add({ data: { _id: 'same', propertyId: 'p9', openid: 'o9' } }));
    expect(error.errMsg).toContain('index: _id_');
  });

  it('a batch add stops at the duplicate: records before it stay, like an ordered MongoDB insert', async () => {
    const error = await rejection(
      members().add({
        data: [
          { propertyId: 'p1', openid: 'a' },
          { propertyId: 'p1', openid: 'a' },
          { propertyId: 'p1', openid: 'b' },
        ],
      }),
    );
    expect(error.errCode).toBe(-502001);
    expect(cloud.engine.collection('members').all().map((m) => m.openid)).toEqual(['a']);
  });

  it('records missing the indexed fields collide, since MongoDB indexes a missing field as null', async () => {
    await members().add({ data: { propertyId: 'p1' } });
    const error = await rejection(members().add({ data: { propertyId: 'p1' } }));
    expect(error.errCode).toBe(-502001);
  });
});

describe('failNext makes the next matching request fail like the cloud', () => {
  it('fails exactly one request of that action with the given code', async () => {
    cloud.engine.failNext('database.insertDocument', { code: 'DATABASE_PERMISSION_DENIED', message: 'Permission denied' });
    const error = await rejection(cloud.db.collection('items').add({ data: { a: 1 } }));
    expect(error.errCode).toBe(-502003);
    expect(error.errMsg).toContain('Permission denied');
    expect(cloud.engine.collection('items').count()).toBe(0);
    await cloud.db.collection('items').add({ data: { a: 1 } });
    expect(cloud.engine.collection('items').count()).toBe(1);
  });

  it('can be limited to one collection and leaves other actions alone', async () => {
    cloud.engine.failNext('database.getDocument', { code: 'SYS_ERR', message: 'boom' }, { collection: 'members' });
    await cloud.db.collection('items').get();
    await cloud.db.collection('items').add({ data: { a: 1 } });
    const error = await rejection(cloud.db.collection('members').get());
    expect(error.errCode).toBe(-501001);
    expect((await cloud.db.collection('members').get()).data).toEqual([]);
  });
});

describe('stats count round trips per action', () => {
  it('counts each request the SDK sent, and resets', async () => {
    cloud.engine.stats.reset();
    await cloud.db.collection('items').add({ data: { a: 1 } });
    await cloud.db.collection('items').get();
    await cloud.db.collection('items').get();
    expect(cloud.engine.stats.count('database.getDocument')).toBe(2);
    expect(cloud.engine.stats.byAction).toEqual({ 'database.insertDocument': 1, 'database.getDocument': 2 });
    expect(cloud.engine.stats.total).toBe(3);
    cloud.engine.stats.reset();
    expect(cloud.engine.stats.total).toBe(0);
  });

  it('counts the requests that asked for a change as writes, reads not, failed ones too', async () => {
    cloud.engine.stats.reset();
    const { _id } = (await cloud.db.collection('items').add({ data: { a: 1 } })) as { _id: string };
    await cloud.db.collection('items').get();
    await cloud.db.collection('items').doc(_id).update({ data: { a: 2 } });
    await cloud.db.collection('items').where({ a: 2 }).remove();
    cloud.engine.failNext('database.insertDocument', { code: 'SYS_ERR', message: 'boom' });
    await rejection(cloud.db.collection('items').add({ data: { a: 3 } }));
    expect(cloud.engine.stats.writes).toBe(4);
  });
});

describe('createCollection is not emulated: collections come from the manifest', () => {
  it('rejects (wx-server-sdk passes this one on unmapped: errCode -1, the server code on err.code)', async () => {
    const db = cloud.db as unknown as { createCollection(name: string): Promise<unknown> };
    const error = await rejection(db.createCollection('fresh'));
    expect(error.errCode).toBe(-1);
    expect(error.code).toBe('DATABASE_INVALID_OPERRATOR');
  });
});
