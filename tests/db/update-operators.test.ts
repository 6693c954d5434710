/**
 * Update operators sent by the real wx-server-sdk, checked against the WeChat cloud database
 * documentation. Pages are under
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/
 */
import type { Doc } from '../../local/db';
import { rejection, START, startCloud, type Cloud } from './harness';

let cloud: Cloud;
beforeAll(() => {
  cloud = startCloud({ todos: [] });
});
afterAll(() => cloud.uninstall());

beforeEach(() => {
  cloud.engine.reset();
  cloud.clock.ms = START;
  cloud.engine.insertRaw('todos', [
    {
      _id: 'doc-id',
      progress: 20,
      style: { color: 'skyblue', size: 'small' },
      tags: ['cloud', 'database'],
      someObject: { someField: 'x' },
    },
  ]);
});

const update = async (data: object): Promise<number> => (await cloud.db.collection('todos').doc('doc-id').update({ data })).stats.updated;
const read = async (): Promise<Doc> => (await cloud.db.collection('todos').doc('doc-id').get()).data;

describe('set and plain objects (command/Command.set.html)', () => {
  it('a plain nested object updates only the given sub-field', async () => {
    await update({ style: { color: 'red' } });
    expect((await read()).style).toEqual({ color: 'red', size: 'small' });
  });

  it('set replaces the whole field with the object', async () => {
    const { _ } = cloud;
    await update({ style: _.set({ color: 'red', size: 'large' }) });
    expect((await read()).style).toEqual({ color: 'red', size: 'large' });
    await update({ style: _.set({ color: 'blue' }) });
    expect((await read()).style).toEqual({ color: 'blue' });
  });

  it('a dotted key sets a deep field, creating missing parents', async () => {
    await update({ 'meta.review.score': 5 });
    expect((await read()).meta).toEqual({ review: { score: 5 } });
  });
});

describe('remove (command/Command.remove.html)', () => {
  it('deletes the field', async () => {
    const { _ } = cloud;
    await update({ style: _.remove() });
    const doc = await read();
    expect('style' in doc).toBe(false);
    expect(doc.progress).toBe(20);
  });
});

describe('inc, mul (command/Command.inc.html, Command.mul.html)', () => {
  it('inc adds, positive or negative', async () => {
    const { _ } = cloud;
    await update({ progress: _.inc(10) });
    expect((await read()).progress).toBe(30);
    await update({ progress: _.inc(-5) });
    expect((await read()).progress).toBe(25);
  });

  it('mul multiplies', async () => {
    const { _ } = cloud;
    await update({ progress: _.mul(10) });
    expect((await read()).progress).toBe(200);
  });

  it('inc on a non-number field is refused like MongoDB (errCode -502001)', async () => {
    const { _ } = cloud;
    const error = await rejection(update({ style: _.inc(1) }));
    expect(error.errCode).toBe(-502001);
    expect((await read()).style).toEqual({ color: 'skyblue', size: 'small' });
  });
});

describe('min, max (command/Command.min.html, Command.max.html)', () => {
  it('min(50) lowers progress 80 to 50 and leaves 20 alone', async () => {
    const { _ } = cloud;
    expect(await update({ progress: _.min(50) })).toBe(0);
    expect((await read()).progress).toBe(20);
    await update({ progress: 80 });
    expect(await update({ progress: _.min(50) })).toBe(1);
    expect((await read()).progress).toBe(50);
  });

  it('max(50) raises progress 20 to 50 and leaves 80 alone', async () => {
    const { _ } = cloud;
    await update({ progress: _.max(50) });
    expect((await read()).progress).toBe(50);
    await update({ progress: 80 });
    await update({ progress: _.max(50) });
    expect((await read()).progress).toBe(80);
  });
});

describe('rename (command/Command.rename.html)', () => {
  it('example 1: renames a top-level field', async () => {
    const { _ } = cloud;
    await update({ progress: _.rename('totalProgress') });
    const doc = await read();
    expect(doc.totalProgress).toBe(20);
    expect('progress' in doc).toBe(false);
  });

  it('example 2: renames a nested field with a dotted target, written nested or dotted', async () => {
    const { _ } = cloud;
    await update({ someObject: { someField: _.rename('someObject.renamedField') } });
    expect((await read()).someObject).toEqual({ renamedField: 'x' });
    await update({ 'someObject.renamedField': _.rename('someObject.again') });
    expect((await read()).someObject).toEqual({ again: 'x' });
  });
});

describe('push (command/Command.push.html)', () => {
  it('example 1: appends the elements at the tail', async () => {
    const { _ } = cloud;
    await update({ tags: _.push(['mini-program', 'cloud']) });
    expect((await read()).tags).toEqual(['cloud', 'database', 'mini-program', 'cloud']);
  });

  it('example 2: each + position 1 inserts from the second position', async () => {
    const { _ } = cloud;
    await update({ tags: _.push({ each: ['mini-program', 'cloud'], position: 1 }) });
    expect((await read()).tags).toEqual(['cloud', 'mini-program', 'cloud', 'database']);
  });

  it('a negative position counts from the end: -1 inserts before the last element', async () => {
    const { _ } = cloud;
    await update({ tags: _.push({ each: ['x'], position: -1 }) });
    expect((await read()).tags).toEqual(['cloud', 'x', 'database']);
  });

  it('example 3: sort after inserting, or sort only with an empty each', async () => {
    const { _ } = cloud;
    await update({ tags: _.push({ each: ['mini-program', 'apple'], sort: 1 }) });
    expect((await read()).tags).toEqual(['apple', 'cloud', 'database', 'mini-program']);
    await update({ tags: _.push({ each: [], sort: -1 }) });
    expect((await read()).tags).toEqual(['mini-program', 'database', 'cloud', 'apple']);
  });

  it('sort by a field of object elements', async () => {
    const { _ } = cloud;
    await update({ scores: [{ n: 2 }, { n: 9 }] });
    await update({ scores: _.push({ each: [{ n: 5 }], sort: { n: -1 } }) });
    expect((await read()).scores).toEqual([{ n: 9 }, { n: 5 }, { n: 2 }]);
  });

  it('slice keeps the first n (positive), the last n (negative), or empties (0)', async () => {
    const { _ } = cloud;
    await update({ tags: _.push({ each: ['a', 'b'], slice: 3 }) });
    expect((await read()).tags).toEqual(['cloud', 'database', 'a']);
    await update({ tags: _.push({ each: ['z'], slice: -2 }) });
    expect((await read()).tags).toEqual(['a', 'z']);
    await update({ tags: _.push({ each: [], slice: 0 }) });
    expect((await read()).tags).toEqual([]);
  });

  it('creates the array when the field is missing', async () => {
    const { _ } = cloud;
    await update({ fresh: _.push(['a']) });
    expect((await read()).fresh).toEqual(['a']);
  });
});

describe('pop, shift, unshift (command/Command.pop.html, Command.shift.html, Command.unshift.html)', () => {
  it('pop removes the last element', async () => {
    const { _ } = cloud;
    await update({ tags: _.pop() });
    expect((await read()).tags).toEqual(['cloud']);
  });

  it('shift removes the first element', async () => {
    const { _ } = cloud;
    await update({ tags: _.shift() });
    expect((await read()).tags).toEqual(['database']);
  });

  it('unshift adds the elements at the head', async () => {
    const { _ } = cloud;
    await update({ tags: _.unshift(['mini-program', 'cloud']) });
    expect((await read()).tags).toEqual(['mini-program', 'cloud', 'cloud', 'database']);
  });
});

describe('pull, pullAll (command/Command.pull.html, Command.pullAll.html)', () => {
  it('pull example 1: removes every element equal to the value', async () => {
    const { _ } = cloud;
    await update({ tags: ['database', 'cloud', 'database'] });
    await update({ tags: _.pull('database') });
    expect((await read()).tags).toEqual(['cloud']);
  });

  it('pull example 2: removes elements matching a condition', async () => {
    const { _ } = cloud;
    await update({ tags: ['database', 'cloud', 'miniprogram'] });
    await update({ tags: _.pull(_.in(['database', 'cloud'])) });
    expect((await read()).tags).toEqual(['miniprogram']);
  });

  it('pull example 3: removes objects matching all given field conditions', async () => {
    const { _ } = cloud;
    await update({ places: [{ type: 'a', area: 300, age: 1 }, { type: 'b', area: 300, age: 5 }, { type: 'c', area: 50, age: 1 }] });
    await update({ places: _.pull({ area: _.gt(100), age: _.lt(2) }) });
    expect((await read()).places).toEqual([{ type: 'b', area: 300, age: 5 }, { type: 'c', area: 50, age: 1 }]);
  });

  it('pullAll removes every listed constant', async () => {
    const { _ } = cloud;
    await update({ tags: ['database', 'cloud', 'x', 'cloud'] });
    await update({ tags: _.pullAll(['database', 'cloud']) });
    expect((await read()).tags).toEqual(['x']);
  });
});

describe('addToSet (command/Command.addToSet.html)', () => {
  it('example 1: adds an element only when absent', async () => {
    const { _ } = cloud;
    expect(await update({ tags: _.addToSet('database') })).toBe(0);
    await update({ tags: _.addToSet('miniprogram') });
    expect((await read()).tags).toEqual(['cloud', 'database', 'miniprogram']);
  });

  it('example 2: $each adds several, skipping those present', async () => {
    const { _ } = cloud;
    await update({ tags: _.addToSet({ $each: ['database', 'cloud', 'new', 'new'] }) });
    expect((await read()).tags).toEqual(['cloud', 'database', 'new']);
  });

  it('on a missing field the result is a set', async () => {
    const { _ } = cloud;
    await update({ labels: _.addToSet({ $each: ['a', 'a', 'b'] }) });
    expect((await read()).labels).toEqual(['a', 'b']);
  });

  it('array operators on a non-array field are refused (errCode -502001)', async () => {
    const { _ } = cloud;
    const error = await rejection(update({ progress: _.push(['x']) }));
    expect(error.errCode).toBe(-502001);
    expect(error.errMsg).toContain('must be an array');
  });
});

describe('serverDate (Database.serverDate.html)', () => {
  it('becomes the server clock, with an offset in milliseconds, in updates and new records', async () => {
    cloud.clock.ms = START + 60_000;
    await update({ touchedAt: cloud.db.serverDate(), dueAt: cloud.db.serverDate({ offset: 3_600_000 }) });
    const doc = await read();
    expect(doc.touchedAt).toEqual(new Date(START + 60_000));
    expect(doc.dueAt).toEqual(new Date(START + 60_000 + 3_600_000));
    const { _id } = await cloud.db.collection('todos').add({ data: { createdAt: cloud.db.serverDate() } });
    expect((await cloud.db.collection('todos').doc(_id).get()).data.createdAt).toEqual(new Date(START + 60_000));
  });

  it('in a query it compares against the server clock', async () => {
    const { _ } = cloud;
    cloud.engine.insertRaw('todos', [{ _id: 'past', dueAt: new Date(START - 1) }, { _id: 'future', dueAt: new Date(START + 1) }]);
    const due = await cloud.db.collection('todos').where({ dueAt: _.lt(cloud.db.serverDate()) }).get();
    expect(due.data.map((d) => d._id)).toEqual(['past']);
  });
});

describe('the _id is immutable (Document.update.html: 不能更新 _id)', () => {
  it('an update operator aimed at _id is refused by the database', async () => {
    const { _ } = cloud;
    const error = await rejection(update({ someObject: _.rename('_id') }));
    expect(error.errCode).toBe(-502001);
    expect((await read())._id).toBe('doc-id');
  });
});

describe('$set, $inc and $push of top-level fields, applied without mingo, change exactly what mingo 7 changes', () => {
  // local/db/updates.ts applies these directly; the reference is mingo's own operators on a deep copy.
  const { applyModifier } = require('../../local/db/updates') as typeof import('../../local/db/updates');
  const operators = require('mingo/operators/update') as Record<string, (expr: unknown) => (doc: Doc) => string[]>;
  const { cloneValue } = require('../../local/db/values') as typeof import('../../local/db/values');
  let seed = 11;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const values = [0, -0, 1, 2.5, -3, Number.NaN, 'a', '', null, true, [1, 'a'], [], { x: 1 }, { y: [2] }, new Date(0)];
  const numbers = [0, -0, 1, 2.5, -3, Number.NaN];
  const fields = ['a', 'b', 'c', 'list'];

  it('over 3000 random documents and modifiers (values of every type, missing fields, $each alone or a single value)', () => {
    for (let n = 0; n < 3000; n++) {
      const doc: Doc = { _id: 'd' };
      for (const field of fields) if (next() < 0.7) doc[field] = field === 'list' && next() < 0.7 ? [pick(values)] : pick(values);
      const modifier: Doc = {};
      for (const op of ['$set', '$inc', '$push']) {
        if (next() < 0.5) continue;
        const spec: Doc = {};
        for (const field of fields) {
          if (next() < 0.5) continue;
          if (op === '$inc') {
            if (doc[field] === undefined || typeof doc[field] === 'number') spec[field] = pick(numbers);
          } else if (op === '$push') {
            if (doc[field] === undefined || Array.isArray(doc[field])) spec[field] = next() < 0.5 ? { $each: [pick(values), pick(values)].slice(0, Math.floor(next() * 3)) } : pick(values);
          } else spec[field] = pick(values);
        }
        // One operator per field, as the cloud refuses conflicting ones.
        for (const field of Object.keys(spec)) if (Object.values(modifier).some((other) => field in (other as Doc))) delete spec[field];
        if (Object.keys(spec).length) modifier[op] = spec;
      }
      if (Object.keys(modifier).length === 0) continue;
      const outcome = (run: () => { doc: Doc; modified: boolean }) => {
        try {
          return run();
        } catch (error) {
          return { refused: (error as Error).message };
        }
      };
      const expected = outcome(() => {
        const reference = cloneValue(doc);
        let modified = false;
        for (const [op, expr] of Object.entries(cloneValue(modifier))) if ((operators[op] as (expr: unknown) => (doc: Doc) => string[])(expr)(reference).length > 0) modified = true;
        return { doc: reference, modified };
      });
      expect({ modifier, ...outcome(() => applyModifier(doc, cloneValue(modifier))) }).toEqual({ modifier, ...expected });
    }
  });
});
