/**
 * Issue 13 §2: the engine is never kinder than the cloud. Each rule with the page it comes from.
 */
import * as path from 'node:path';
import { MAX_DOCUMENT_BYTES } from '../../local/db';
import { ids, rejection, startCloud, type Cloud } from './harness';

let cloud: Cloud;
beforeAll(() => {
  cloud = startCloud({ things: [], places: [], days: [] });
});
afterAll(() => cloud.uninstall());
beforeEach(() => {
  cloud.engine.reset();
  cloud.engine.insertRaw('things', [
    { _id: 't1', kind: 'a', n: 1, s: 'hello' },
    { _id: 't2', kind: 'a', n: 2, s: 'world' },
  ]);
});
const things = () => cloud.db.collection('things');

describe("field names with '.' or a leading '$' are not stored (MongoDB: Field Names with Periods and Dollar Signs, mongodb.com/docs/manual/core/dot-dollar-considerations; CloudBase's update reads 'a.b' as a path)", () => {
  it.each([
    ['a dotted name', { 'repair.new': 1 }, "The dotted field 'repair.new' in 'repair.new' is not valid for storage."],
    ['a nested dotted name', { templates: { 'repair.new': { id: 'T' } } }, "The dotted field 'repair.new' in 'templates.repair.new' is not valid for storage."],
    ['a $ name', { $set: 1 }, "The dollar ($) prefixed field '$set' in '$set' is not valid for storage."],
    ['a nested $ name in an array', { list: [{ $x: 1 }] }, "The dollar ($) prefixed field '$x' in 'list.0.$x' is not valid for storage."],
  ])('add() of a document with %s is refused (errCode -502001) and nothing is stored', async (_label, data, message) => {
    const error = await rejection(things().add({ data }));
    expect(error.errCode).toBe(-502001);
    expect(error.errMsg).toContain(message);
    expect(cloud.engine.collection('things').count()).toBe(2);
  });

  it('set() replacing a document with a dotted name is refused; the document stays as it was', async () => {
    const error = await rejection(things().doc('t1').set({ data: { templates: { 'repair.new': 'T' } } }));
    expect(error.errCode).toBe(-502001);
    expect(cloud.engine.collection('things').all()[0]).toEqual({ _id: 't1', kind: 'a', n: 1, s: 'hello' });
  });

  it("update() with a dotted key nests it, as the cloud does: the document is silently reshaped ('repair.new' becomes repair → new)", async () => {
    await things().doc('t1').update({ data: { templates: { 'repair.new': 'T' } } });
    expect(cloud.engine.collection('things').all()[0]).toMatchObject({ templates: { repair: { new: 'T' } } });
  });
});

describe('a document is at most 16 MB (单条记录大小受底层 BSON 限制，不超过 16mb: developers.weixin.qq.com/community/develop/doc/000c6015024a20c1d6eb9af1756000)', () => {
  it('a document over 16 MB is refused with the BSON size error; one under it is stored', async () => {
    const big = 'x'.repeat(MAX_DOCUMENT_BYTES);
    const error = await rejection(things().doc('t1').update({ data: { blob: big } }));
    expect(error.errCode).toBe(-502001);
    expect(error.errMsg).toMatch(/BSONObj size: \d+ is invalid\. Size must be between 0 and 16777216\(16MB\)/);
    expect(cloud.engine.collection('things').all()[0]).not.toHaveProperty('blob');
    await things().doc('t1').update({ data: { blob: big.slice(0, MAX_DOCUMENT_BYTES - 1000) } });
    expect((cloud.engine.collection('things').all()[0]?.blob as string).length).toBe(MAX_DOCUMENT_BYTES - 1000);
  });
});

describe('a batch update names its documents (docs.cloudbase.net/api-reference/server/node-sdk/database/update: 批量更新, where 必填)', () => {
  it('collection.update() without where() is refused (errCode -501007) and changes nothing', async () => {
    const error = await rejection((things() as unknown as { update(o: object): Promise<unknown> }).update({ data: { n: 0 } }));
    expect(error.errCode).toBe(-501007);
    expect(error.errMsg).toContain('update needs a where() condition');
    expect(cloud.engine.collection('things').all().map((t) => t.n)).toEqual([1, 2]);
  });
});

describe('updateAndReturn (database.modifyAndReturnDoc, @cloudbase/node-sdk Query.updateAndReturn)', () => {
  /** wx-server-sdk 4.0.2 does not expose updateAndReturn; @cloudbase/node-sdk (its dependency) does, through the same seam. */
  const nodeSdkDb = () => {
    const nodeSdk = require(require.resolve('@cloudbase/node-sdk', { paths: [path.dirname(require.resolve('wx-server-sdk'))] })) as {
      init(config: object): { database(): { collection(name: string): { where(q: object): { updateAndReturn(data: object): Promise<{ updated: number; doc: unknown }> } } } };
    };
    return nodeSdk.init({ env: 'local', secretId: 'local', secretKey: 'local' }).database();
  };

  it('updates the first matching document and answers 1 and the document as updated', async () => {
    const res = await nodeSdkDb().collection('things').where({ kind: 'a' }).updateAndReturn({ n: 10 });
    expect(res).toMatchObject({ updated: 1, doc: { _id: 't1', kind: 'a', n: 10, s: 'hello' } });
    expect(cloud.engine.collection('things').all().map((t) => t.n)).toEqual([10, 2]);
  });

  it('answers 0 and null when nothing matches, and writes nothing', async () => {
    const res = await nodeSdkDb().collection('things').where({ kind: 'none' }).updateAndReturn({ n: 10 });
    expect(res).toMatchObject({ updated: 0, doc: null });
    expect(cloud.engine.collection('things').all().map((t) => t.n)).toEqual([1, 2]);
  });
});

describe('_.elemMatch({field: cond}) looks at embedded documents only (command/Command.elemMatch.html; MongoDB $elemMatch)', () => {
  it('plain values in the array never match the field form, even a condition a missing field meets', async () => {
    const { _ } = cloud;
    cloud.engine.insertRaw('places', [
      { _id: 'plain', places: [5, 'garden'] },
      { _id: 'doc', places: [{ area: 50 }] },
    ]);
    const places = cloud.db.collection('places');
    expect(ids((await places.where({ places: _.elemMatch({ area: _.neq(100) }) }).get()).data)).toEqual(['doc']);
    expect(ids((await places.where({ places: _.elemMatch({ area: _.exists(false) }) }).get()).data)).toEqual([]);
  });

  it('the operator form still tests the elements themselves', async () => {
    const { _ } = cloud;
    cloud.engine.insertRaw('places', [{ _id: 'n', scores: [3, 12] }, { _id: 'm', scores: [1, 2] }]);
    expect(ids((await cloud.db.collection('places').where({ scores: _.elemMatch(_.gt(10)) }).get()).data)).toEqual(['n']);
  });
});

describe('aggregation $week: weeks begin on Sunday, days before the first Sunday are week 0 (aggregate/AggregateCommand.week.html; MongoDB $week)', () => {
  it.each([
    ['2026-01-01', 0],
    ['2026-01-03', 0],
    ['2026-01-04', 1],
    ['2026-06-15', 24],
    ['2025-12-28', 52],
    ['2023-01-01', 1],
  ])('%s is week %i', async (day, week) => {
    const $ = cloud._.aggregate;
    cloud.engine.insertRaw('days', [{ _id: day, at: new Date(`${day}T12:00:00.000Z`) }]);
    const res = await cloud.db.collection('days').aggregate().project({ week: $.week('$at') }).end();
    expect(res.list).toEqual([{ _id: day, week }]);
  });
});

describe('refused although the cloud supports them: nothing here uses them, so they fail loudly instead of answering wrongly', () => {
  it('ObjectId _ids, geo queries and $geoNear, $jsonSchema, $indexOfCP and $substr with length -1', async () => {
    const { _ } = cloud;
    const $ = cloud._.aggregate;
    const db = cloud.db as unknown as { Geo: { Point(x: number, y: number): object } };
    const { ObjectId } = require('bson') as typeof import('bson');
    expect((await rejection(things().add({ data: { _id: new ObjectId() } }))).errCode).toBe(-501007);
    const near = (_ as unknown as { geoNear(o: object): object }).geoNear({ geometry: db.Geo.Point(113, 23), maxDistance: 100 });
    expect((await rejection(things().where({ loc: near }).get())).errCode).toBe(-502002);
    const aggregateFails = async (build: (a: ReturnType<typeof things>['aggregate'] extends () => infer A ? A : never) => { end(): Promise<unknown> }) =>
      (await rejection(build(things().aggregate()).end())).code;
    expect(await aggregateFails((a) => a.match({ $jsonSchema: { required: ['n'] } }))).toBe('DATABASE_INVALID_OPERRATOR');
    expect(await aggregateFails((a) => a.project({ i: $.indexOfCP(['$s', 'l']) }))).toBe('DATABASE_INVALID_OPERRATOR');
    expect(await aggregateFails((a) => a.project({ i: $.substr(['$s', 1, -1]) }))).toBe('DATABASE_INVALID_OPERRATOR');
  });
});
