/**
 * Query operators, as the real wx-server-sdk serialises them, against what the WeChat cloud
 * database documentation says they select. Each group cites its page under
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/
 */
import { ids, startCloud, type Cloud } from './harness';

let cloud: Cloud;
beforeAll(() => {
  cloud = startCloud({ todos: [], places: [], users: [] });
});
afterAll(() => cloud.uninstall());

const todos = [
  { _id: 't1', progress: 10, tags: ['cloud', 'database'], style: { color: 'red' }, done: false },
  { _id: 't2', progress: 50, tags: ['cloud'], style: { color: 'red', size: 'large' }, done: true },
  { _id: 't3', progress: 80, tags: ['miniprogram', 'database'], done: false },
  { _id: 't4', progress: 100, tags: [], done: true },
  { _id: 't5', title: 'no progress, no tags' },
];

beforeEach(() => {
  cloud.engine.reset();
  cloud.engine.insertRaw('todos', todos);
});

const find = async (condition: object): Promise<unknown[]> => ids((await cloud.db.collection('todos').where(condition).get()).data);

describe('comparison: eq, neq, gt, gte, lt, lte (command/Command.eq.html, Command.neq.html, Command.gt.html, Command.gte.html, Command.lt.html, Command.lte.html)', () => {
  it('eq matches the field value', async () => {
    const { _ } = cloud;
    expect(await find({ progress: _.eq(50) })).toEqual(['t2']);
  });

  it('eq with an object means "the field equals this object", while a plain nested object matches the sub-field only', async () => {
    const { _ } = cloud;
    expect(await find({ style: _.eq({ color: 'red' }) })).toEqual(['t1']);
    expect(await find({ style: { color: 'red' } })).toEqual(['t1', 't2']);
  });

  it('neq is the opposite of eq, so records without the field match too', async () => {
    const { _ } = cloud;
    expect(await find({ progress: _.neq(50) })).toEqual(['t1', 't3', 't4', 't5']);
  });

  it('gt, gte, lt, lte compare numbers', async () => {
    const { _ } = cloud;
    expect(await find({ progress: _.gt(50) })).toEqual(['t3', 't4']);
    expect(await find({ progress: _.gte(50) })).toEqual(['t2', 't3', 't4']);
    expect(await find({ progress: _.lt(50) })).toEqual(['t1']);
    expect(await find({ progress: _.lte(50) })).toEqual(['t1', 't2']);
  });

  it('comparisons work on Dates', async () => {
    const { _ } = cloud;
    cloud.engine.insertRaw('todos', [
      { _id: 'd1', due: new Date('2026-01-01T00:00:00Z') },
      { _id: 'd2', due: new Date('2026-06-01T00:00:00Z') },
    ]);
    expect(await find({ due: _.gte(new Date('2026-03-01T00:00:00Z')) })).toEqual(['d2']);
  });
});

describe('in, nin (command/Command.in.html, Command.nin.html)', () => {
  it('in matches a value in the list, and an array field containing one', async () => {
    const { _ } = cloud;
    expect(await find({ progress: _.in([10, 100]) })).toEqual(['t1', 't4']);
    expect(await find({ tags: _.in(['miniprogram']) })).toEqual(['t3']);
  });

  it('nin matches values outside the list (records without the field included, as in MongoDB)', async () => {
    const { _ } = cloud;
    expect(await find({ progress: _.nin([10, 100]) })).toEqual(['t2', 't3', 't5']);
  });
});

describe('logic: and, or, nor, not (command/Command.and.html, Command.or.html, Command.nor.html, Command.not.html)', () => {
  it('and on one field (chained) and across fields', async () => {
    const { _ } = cloud;
    expect(await find({ progress: _.gt(20).and(_.lt(90)) })).toEqual(['t2', 't3']);
    expect(await find(_.and([{ progress: _.gt(20) }, { done: false }]))).toEqual(['t3']);
  });

  it('or on one field (chained) and across fields', async () => {
    const { _ } = cloud;
    expect(await find({ progress: _.lt(20).or(_.gt(90)) })).toEqual(['t1', 't4']);
    expect(await find(_.or([{ progress: _.lt(20) }, { done: true }]))).toEqual(['t1', 't2', 't4']);
  });

  it('nor example 1: progress neither < 20 nor > 80, records without progress included', async () => {
    const { _ } = cloud;
    expect(await find({ progress: _.nor([_.lt(20), _.gt(80)]) })).toEqual(['t2', 't3', 't5']);
  });

  it('nor example 2: progress not < 20 and tags not containing "miniprogram", missing fields count as not matching', async () => {
    const { _ } = cloud;
    expect(await find(_.nor([{ progress: _.lt(20) }, { tags: 'miniprogram' }]))).toEqual(['t2', 't4', 't5']);
  });

  it('nor combined with exists: both fields required', async () => {
    const { _ } = cloud;
    const condition = _.nor([{ progress: _.lt(20) }, { tags: 'miniprogram' }]).and({ progress: _.exists(true), tags: _.exists(true) });
    expect(await find(condition)).toEqual(['t2', 't4']);
  });

  it('not(eq(100)) selects progress other than 100, missing included', async () => {
    const { _ } = cloud;
    expect(await find({ progress: _.not(_.eq(100)) })).toEqual(['t1', 't2', 't3', 't5']);
  });
});

describe('field operators: exists, mod (command/Command.exists.html, Command.mod.html)', () => {
  it('exists(true) finds records having the field, exists(false) those without', async () => {
    const { _ } = cloud;
    expect(await find({ tags: _.exists(true) })).toEqual(['t1', 't2', 't3', 't4']);
    expect(await find({ tags: _.exists(false) })).toEqual(['t5']);
  });

  it('mod(10, 0) finds progress that is a multiple of 10', async () => {
    const { _ } = cloud;
    cloud.engine.insertRaw('todos', [{ _id: 'm1', progress: 25 }, { _id: 'm2', progress: 30 }]);
    expect(await find({ progress: _.mod(10, 0) })).toEqual(['t1', 't2', 't3', 't4', 'm2']);
  });
});

describe('array operators: size, all, elemMatch (command/Command.size.html, Command.all.html, Command.elemMatch.html)', () => {
  it('size(2) finds arrays of length 2', async () => {
    const { _ } = cloud;
    expect(await find({ tags: _.size(2) })).toEqual(['t1', 't3']);
  });

  it('all requires every given element', async () => {
    const { _ } = cloud;
    expect(await find({ tags: _.all(['cloud', 'database']) })).toEqual(['t1']);
  });

  it('elemMatch needs one element meeting all conditions; a plain object may use different elements', async () => {
    const { _ } = cloud;
    cloud.engine.insertRaw('places', [
      { _id: 'a0', places: [{ type: 'garden', area: 300, age: 1 }, { type: 'theatre', area: 50, age: 15 }] },
      { _id: 'a1', places: [{ type: 'mall', area: 300, age: 15 }, { type: 'park', area: 50, age: 1 }] },
    ]);
    const places = cloud.db.collection('places');
    expect(ids((await places.where({ places: _.elemMatch({ area: _.gt(100), age: _.lt(2) }) }).get()).data)).toEqual(['a0']);
    expect(ids((await places.where({ places: { area: _.gt(100), age: _.lt(2) } }).get()).data)).toEqual(['a0', 'a1']);
  });
});

describe('regular expressions (Database.RegExp.html)', () => {
  beforeEach(() => {
    cloud.engine.insertRaw('users', [
      { _id: 'u1', name: 'MiniProgram' },
      { _id: 'u2', name: 'miniprogram cloud' },
      { _id: 'u3', name: 'cloud\nminiprogram' },
    ]);
  });
  const users = async (condition: object): Promise<unknown[]> => ids((await cloud.db.collection('users').where(condition).get()).data);

  it('db.RegExp with options "i" matches case-insensitively', async () => {
    expect(await users({ name: cloud.db.RegExp({ regexp: '^miniprogram', options: 'i' }) })).toEqual(['u1', 'u2']);
    expect(await users({ name: cloud.db.RegExp({ regexp: '^miniprogram' }) })).toEqual(['u2']);
  });

  it('a JavaScript RegExp literal works the same way, "m" makes ^ match after newlines', async () => {
    expect(await users({ name: /^miniprogram/ })).toEqual(['u2']);
    expect(await users({ name: /^miniprogram/m })).toEqual(['u2', 'u3']);
  });
});

describe('nested field paths (guide/database/query.html: 查询嵌套字段)', () => {
  it('a dotted key and a nested object select the same records', async () => {
    expect(await find({ 'style.color': 'red' })).toEqual(['t1', 't2']);
    expect(await find({ style: { size: 'large' } })).toEqual(['t2']);
  });

  it('an array of objects is searched element-wise by a dotted path', async () => {
    cloud.engine.insertRaw('places', [{ _id: 'p1', places: [{ area: 50 }, { area: 300 }] }, { _id: 'p2', places: [{ area: 10 }] }]);
    expect(ids((await cloud.db.collection('places').where({ 'places.area': 300 }).get()).data)).toEqual(['p1']);
  });
});
