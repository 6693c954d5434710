/**
 * Collection, query and document methods of wx-server-sdk against the WeChat cloud database
 * documentation, pages under https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/
 */
import { ids, rejection, startCloud, type Cloud } from './harness';

let cloud: Cloud;
beforeAll(() => {
  cloud = startCloud({ todos: [] });
});
afterAll(() => cloud.uninstall());

beforeEach(() => {
  cloud.engine.reset();
  cloud.engine.insertRaw('todos', [
    { _id: 'a', priority: 2, progress: 30, owner: { name: 'li' }, tag: 'x' },
    { _id: 'b', priority: 1, progress: 90, owner: { name: 'wang' }, tag: 'y' },
    { _id: 'c', priority: 2, progress: 10, owner: { name: 'zhao' }, tag: 'x' },
    { _id: 'd', priority: 1, progress: 50, owner: { name: 'chen' }, tag: 'y' },
  ]);
});

const todos = () => cloud.db.collection('todos');

describe('orderBy, skip, limit (collection/Collection.orderBy.html, Collection.skip.html, Collection.limit.html)', () => {
  it('without orderBy records come back in insertion order', async () => {
    expect(ids((await todos().get()).data)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('several orderBy calls sort by each field in call order', async () => {
    const res = await todos().orderBy('priority', 'asc').orderBy('progress', 'desc').get();
    expect(ids(res.data)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('orderBy a nested field with a dotted path', async () => {
    expect(ids((await todos().orderBy('owner.name', 'asc').get()).data)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('skip then limit page through the sorted result', async () => {
    const page = await todos().orderBy('progress', 'asc').skip(1).limit(2).get();
    expect(ids(page.data)).toEqual(['a', 'd']);
  });
});

describe('field (collection/Collection.field.html)', () => {
  it('true returns only the named fields (and _id); false leaves the named fields out', async () => {
    const only = await todos().where({ _id: 'a' }).field({ progress: true, 'owner.name': true }).get();
    expect(only.data).toEqual([{ _id: 'a', progress: 30, owner: { name: 'li' } }]);
    const without = await todos().where({ _id: 'a' }).field({ owner: false, tag: false }).get();
    expect(without.data).toEqual([{ _id: 'a', priority: 2, progress: 30 }]);
  });

  it('doc().field() projects a single record', async () => {
    const res = await todos().doc('b').field({ tag: true }).get();
    expect(res.data).toEqual({ _id: 'b', tag: 'y' });
  });
});

describe('count (collection/Collection.count.html)', () => {
  it('counts the records matching the condition, regardless of limit', async () => {
    expect((await todos().where({ tag: 'x' }).count()).total).toBe(2);
    expect((await todos().count()).total).toBe(4);
  });
});

describe('doc().get (document/Document.get.html)', () => {
  it('returns the record as an object', async () => {
    expect((await todos().doc('c').get()).data).toEqual({ _id: 'c', priority: 2, progress: 10, owner: { name: 'zhao' }, tag: 'x' });
  });

  it('rejects when the record does not exist (wx-server-sdk throwOnNotFound default)', async () => {
    const error = await rejection(todos().doc('nope').get());
    expect(error.errMsg).toContain('document with _id nope does not exist');
  });
});

describe('doc().set (document/Document.set.html)', () => {
  it('replaces an existing record: stats.updated 1, created 0, other fields gone', async () => {
    const res = await todos().doc('a').set({ data: { progress: 100 } });
    expect(res).toMatchObject({ _id: 'a', stats: { updated: 1, created: 0 } });
    expect((await todos().doc('a').get()).data).toEqual({ _id: 'a', progress: 100 });
  });

  it('creates a missing record with the given _id: stats.updated 0, created 1', async () => {
    const res = await todos().doc('new-id').set({ data: { progress: 1 } });
    expect(res).toMatchObject({ _id: 'new-id', stats: { updated: 0, created: 1 } });
    expect((await todos().doc('new-id').get()).data).toEqual({ _id: 'new-id', progress: 1 });
  });
});

describe('doc().update (document/Document.update.html)', () => {
  it('merges the given fields into the record, stats.updated 1', async () => {
    const res = await todos().doc('a').update({ data: { progress: 40, owner: { phone: '1' } } });
    expect(res.stats.updated).toBe(1);
    expect((await todos().doc('a').get()).data).toEqual({ _id: 'a', priority: 2, progress: 40, owner: { name: 'li', phone: '1' }, tag: 'x' });
  });

  it('updates nothing (stats.updated 0) when the record does not exist, and creates nothing', async () => {
    expect((await todos().doc('nope').update({ data: { progress: 1 } })).stats.updated).toBe(0);
    expect((await todos().count()).total).toBe(4);
  });
});

describe('where().update and where().remove (collection/Collection.update.html, Collection.remove.html)', () => {
  it('update changes every matching record and reports how many', async () => {
    const res = await todos().where({ tag: 'x' }).update({ data: { done: true } });
    expect(res.stats.updated).toBe(2);
    expect(ids((await todos().where({ done: true }).get()).data)).toEqual(['a', 'c']);
  });

  it('an optimistic version check updates once, then 0 for the stale writer', async () => {
    const { _ } = cloud;
    await todos().doc('a').update({ data: { version: 1 } });
    const first = await todos().where({ _id: 'a', version: 1 }).update({ data: { version: _.inc(1) } });
    const stale = await todos().where({ _id: 'a', version: 1 }).update({ data: { version: _.inc(1) } });
    expect([first.stats.updated, stale.stats.updated]).toEqual([1, 0]);
  });

  it('remove deletes every matching record and reports how many', async () => {
    const { _ } = cloud;
    const res = await todos().where({ progress: _.gte(50) }).remove();
    expect(res.stats.removed).toBe(2);
    expect(ids((await todos().get()).data)).toEqual(['a', 'c']);
  });

  it('doc().remove deletes one record, stats.removed 1, then 0', async () => {
    expect((await todos().doc('b').remove()).stats.removed).toBe(1);
    expect((await todos().doc('b').remove()).stats.removed).toBe(0);
  });
});

describe('add (collection/Collection.add.html)', () => {
  it('a single record gets a generated 32-hex _id', async () => {
    const res = await todos().add({ data: { progress: 5 } });
    expect(res._id).toMatch(/^[0-9a-f]{32}$/);
    expect((await todos().doc(res._id).get()).data).toEqual({ _id: res._id, progress: 5 });
  });

  it('an array adds each record and returns _ids in order', async () => {
    const res = await todos().add({ data: [{ n: 1 }, { n: 2 }, { _id: 'mine', n: 3 }] });
    expect(res._ids).toHaveLength(3);
    expect(res._ids[2]).toBe('mine');
    expect(new Set(res._ids).size).toBe(3);
    const added = await todos().where({ n: cloud._.exists(true) }).orderBy('n', 'asc').get();
    expect(ids(added.data)).toEqual(res._ids);
  });

  it('Dates round-trip as Dates', async () => {
    const due = new Date('2026-12-01T08:30:00.000Z');
    const { _id } = await todos().add({ data: { due } });
    const back = (await todos().doc(_id).get()).data.due;
    expect(back).toBeInstanceOf(Date);
    expect(back).toEqual(due);
  });
});
