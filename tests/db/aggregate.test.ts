/**
 * collection.aggregate() is supported through mingo's aggregation pipeline. Documentation:
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/aggregate/Aggregate.limit.html
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/aggregate/Aggregate.group.html
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/aggregate/Aggregate.lookup.html
 */
import { rejection, startCloud, type Cloud } from './harness';

let cloud: Cloud;
beforeAll(() => {
  cloud = startCloud({ items: [], orders: [] });
});
afterAll(() => cloud.uninstall());

beforeEach(() => {
  cloud.engine.reset();
  cloud.engine.insertRaw('items', [
    { _id: '1', price: 10, category: 'a' },
    { _id: '2', price: 50, category: 'b' },
    { _id: '3', price: 20, category: 'a' },
    { _id: '4', price: 80, category: 'b' },
    { _id: '5', price: 200, category: 'a' },
  ]);
});

describe('pipeline stages', () => {
  it('Aggregate.limit example: the two cheapest items priced above 20 (the page prints a wrong _id in its sample output)', async () => {
    const { _ } = cloud;
    const res = await cloud.db.collection('items').aggregate().match({ price: _.gt(20) }).sort({ price: 1 }).limit(2).end();
    expect(res.list).toEqual([
      { _id: '2', price: 50, category: 'b' },
      { _id: '4', price: 80, category: 'b' },
    ]);
  });

  it('group with an accumulator', async () => {
    const $ = cloud._.aggregate;
    const res = await cloud.db.collection('items').aggregate().group({ _id: '$category', total: $.sum('$price') }).sort({ _id: 1 }).end();
    expect(res.list).toEqual([
      { _id: 'a', total: 230 },
      { _id: 'b', total: 130 },
    ]);
  });

  it('lookup joins another declared collection', async () => {
    cloud.engine.insertRaw('orders', [{ _id: 'o1', itemId: '4', qty: 2 }]);
    const res = await cloud.db
      .collection('orders')
      .aggregate()
      .lookup({ from: 'items', localField: 'itemId', foreignField: '_id', as: 'item' })
      .end();
    expect(res.list).toEqual([{ _id: 'o1', itemId: '4', qty: 2, item: [{ _id: '4', price: 80, category: 'b' }] }]);
  });
});

describe('without a $limit stage only 20 results come back, as the cloud does (developers.weixin.qq.com/community/develop/article/doc/000624c67c8b48611dba2b12058c13)', () => {
  it('20 by default, more with an explicit limit', async () => {
    cloud.engine.insertRaw('orders', Array.from({ length: 30 }, (_, n) => ({ n })));
    expect((await cloud.db.collection('orders').aggregate().match({}).end()).list).toHaveLength(20);
    expect((await cloud.db.collection('orders').aggregate().match({}).limit(25).end()).list).toHaveLength(25);
  });
});

describe('stages that write are refused', () => {
  it('$out (which wx-server-sdk 4.0.2 cannot even build) is answered with DATABASE_INVALID_OPERRATOR and writes nothing', async () => {
    const body = await cloud.engine.handle('database.aggregateDocuments', {
      collectionName: 'items',
      stages: [{ stageKey: '$out', stageValue: '"orders"' }],
    });
    expect(body).toMatchObject({ code: 'DATABASE_INVALID_OPERRATOR' });
    expect(cloud.engine.collection('orders').count()).toBe(0);
  });

  it('an aggregation on an undeclared collection fails like any other request', async () => {
    const error = await rejection(cloud.db.collection('ghost').aggregate().match({}).end());
    expect(error.code).toBe('DATABASE_COLLECTION_NOT_EXIST');
  });
});
