/**
 * The query log records the fields each where-query filters and sorts on; unindexedQueries flags
 * those no declared index serves (rule documented at isCovered in local/db/query-log.ts).
 */
import { loadManifest, manifestOf, unindexedQueries, type IndexSpec, type QueryLogEntry } from '../../local/db';
import { startCloud, type Cloud } from './harness';

const indexes: Record<string, IndexSpec[]> = {
  repairs: [
    { name: 'queue', keys: [['propertyId', 1], ['status', 1], ['createdAt', 1]] },
    { name: 'technician', keys: [['propertyId', 1], ['technician.openid', 1], ['status', 1]] },
  ],
};

let cloud: Cloud;
beforeAll(() => {
  cloud = startCloud(indexes);
});
afterAll(() => cloud.uninstall());
beforeEach(() => cloud.engine.reset());

describe('queryLog records where-queries', () => {
  it('get, count, update and remove log collection, filter fields (dotted, inside and/or) and sort fields', async () => {
    const { db, _ } = cloud;
    const repairs = db.collection('repairs');
    await repairs.where({ propertyId: 'p', status: _.in(['new', 'dispatched']) }).orderBy('createdAt', 'desc').get();
    await repairs.where({ propertyId: 'p', technician: { openid: 'o' } }).count();
    await repairs.where(_.or([{ status: 'new' }, { priority: 'urgent' }])).update({ data: { seen: true } });
    await repairs.where({ propertyId: 'p', createdAt: _.lt(new Date()) }).remove();
    expect(cloud.engine.queryLog).toEqual([
      { collection: 'repairs', kind: 'get', filterFields: ['propertyId', 'status'], sortFields: ['createdAt'], sortDirections: [-1], byId: false },
      { collection: 'repairs', kind: 'count', filterFields: ['propertyId', 'technician.openid'], sortFields: [], sortDirections: [], byId: false },
      { collection: 'repairs', kind: 'update', filterFields: ['status', 'priority'], sortFields: [], sortDirections: [], byId: false },
      { collection: 'repairs', kind: 'remove', filterFields: ['propertyId', 'createdAt'], sortFields: [], sortDirections: [], byId: false },
    ]);
  });

  it('doc(id) reads and writes are not where-queries and are not logged; clearQueryLog empties it', async () => {
    const { db } = cloud;
    await db.collection('repairs').doc('r1').set({ data: { propertyId: 'p' } });
    await db.collection('repairs').doc('r1').get();
    expect(cloud.engine.queryLog).toEqual([]);
    await db.collection('repairs').where({ propertyId: 'p' }).get();
    expect(cloud.engine.queryLog).toHaveLength(1);
    cloud.engine.clearQueryLog();
    expect(cloud.engine.queryLog).toEqual([]);
  });
});

describe('unindexedQueries', () => {
  const manifest = manifestOf(indexes);
  const entry = (filterFields: string[], sortFields: string[] = [], more: Partial<QueryLogEntry> = {}): QueryLogEntry => ({ collection: 'repairs', kind: 'get', filterFields, sortFields, ...more });

  it('accepts queries whose fields are the leading keys of an index, in any order, sort fields included', () => {
    const served = [
      entry(['propertyId']),
      entry(['status', 'propertyId']),
      entry(['propertyId', 'status'], ['createdAt']),
      entry(['technician.openid', 'propertyId']),
      entry(['_id', 'version'], [], { byId: true }),
      entry([]),
    ];
    expect(unindexedQueries(served, manifest)).toEqual([]);
  });

  it('flags fields that are not a leading prefix of any index, and collections without indexes', () => {
    const flagged = [entry(['status']), entry(['propertyId'], ['priority']), entry(['propertyId', 'createdAt'])];
    const other: QueryLogEntry = { collection: 'elsewhere', kind: 'count', filterFields: ['a'], sortFields: [] };
    expect(unindexedQueries([...flagged, other], manifest)).toEqual([...flagged, other]);
  });

  it('an _id inside $or or under a range (a page cursor) is no pin: the other fields still need an index, _id among them', () => {
    expect(unindexedQueries([entry(['propertyId', 'status', '_id'], ['createdAt'])], manifest)).toHaveLength(1);
    const paged = manifestOf({ repairs: [{ name: 'queue', keys: [['propertyId', 1], ['status', 1], ['createdAt', 1], ['_id', 1]] }] });
    expect(unindexedQueries([entry(['propertyId', 'status', 'createdAt', '_id'], ['createdAt', '_id'], { sortDirections: [1, 1] })], paged)).toEqual([]);
  });

  it('a sort on two or more fields is served only in the index directions or all of them reversed', () => {
    const mixed = manifestOf({ repairs: [{ name: 'rank', keys: [['propertyId', 1], ['rank', 1], ['createdAt', -1]] }] });
    const sorted = (directions: (1 | -1)[]) => entry(['propertyId'], ['rank', 'createdAt'], { sortDirections: directions });
    expect(unindexedQueries([sorted([1, -1]), sorted([-1, 1])], mixed)).toEqual([]);
    expect(unindexedQueries([sorted([1, 1]), sorted([-1, -1])], mixed)).toHaveLength(2);
  });

  it('reports each distinct query shape once', () => {
    expect(unindexedQueries([entry(['status']), entry(['status']), entry(['status'], ['x'])], manifest)).toHaveLength(2);
  });

  it('works on a log the engine recorded, against the project manifest', async () => {
    const { db, _ } = cloud;
    await db.collection('repairs').where({ propertyId: 'p', status: 'new' }).orderBy('createdAt', 'asc').get();
    await db.collection('repairs').where({ status: 'new', priority: _.eq('urgent') }).get();
    const flagged = unindexedQueries(cloud.engine.queryLog, loadManifest());
    expect(flagged).toEqual([{ collection: 'repairs', kind: 'get', filterFields: ['status', 'priority'], sortFields: [], sortDirections: [], byId: false }]);
  });
});
