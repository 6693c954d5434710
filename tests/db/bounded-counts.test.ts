/**
 * The notices review: two counts that replaced reads of up to 1000 documents are served by the
 * indexes the manifest declares for them, so each reads only the documents its keys select, as
 * indexes.test.ts proves for the engine: whether a resident's markRead threads are hers (issue 18,
 * 3: the outbox's `thread` index) and the others' filings in her household's room (issue 18, 5:
 * the repairs' `household_others` and `household_open_others` indexes). The helpers are the
 * functions' own, run against the real wx-server-sdk.
 */
import { loadManifest } from '../../local/db';
import { unindexedQueries } from '../../local/db/query-log';
import type { Database } from '../../cloudfunctions/_shared/database';
import { hasInboxNoticesAbout } from '../../cloudfunctions/_shared/outbox';
import { othersFiledSince } from '../../cloudfunctions/repairs/household';
import { startCloud, type Cloud } from './harness';

const manifest = loadManifest();
const declared = (name: string) => manifest.collections[name]!.indexes;

let cloud: Cloud;
beforeAll(() => {
  cloud = startCloud({ outbox: declared('outbox'), repairs: declared('repairs') });
});
afterAll(() => cloud.uninstall());
beforeEach(() => cloud.engine.reset());

const db = () => cloud.db as unknown as Database;
const reads = async <T>(run: () => Promise<T>): Promise<{ answer: T; read: number }> => {
  cloud.engine.stats.reset();
  const answer = await run();
  return { answer, read: cloud.engine.stats.documentsRead };
};
const at = (n: number) => new Date(Date.UTC(2026, 10, 1) + n * 60_000).toISOString();

describe('issue 18 (3): whether her markRead threads are hers reads only her notices of each thread', () => {
  beforeEach(() => {
    // 2000 in-app notices: 1990 to other people about 199 repairs, 10 to her, 4 about rp_1 and 6 about rp_2.
    cloud.engine.insertRaw(
      'outbox',
      Array.from({ length: 2000 }, (_, n) => ({
        _id: `ob${n}`,
        propertyId: 'demo',
        channel: 'inbox',
        recipient: n < 10 ? 'o-her' : `o-other-${n % 50}`,
        subject: { kind: 'repair', id: n < 4 ? 'rp_1' : n < 10 ? 'rp_2' : `rp_${n % 199}` },
        createdAt: at(n),
      })),
    );
  });

  it('two threads of hers and one of a repair she has no notice of: 10 read of 2000, the third answered no', async () => {
    const subjects = [{ kind: 'repair', id: 'rp_1' }, { kind: 'repair', id: 'rp_2' }, { kind: 'repair', id: 'rp_3' }];
    expect(await reads(() => hasInboxNoticesAbout(db(), 'demo', 'o-her', subjects))).toEqual({ answer: [true, true, false], read: 10 });
  });

  it('the same id under another kind is not her thread, and reads nothing', async () => {
    expect(await reads(() => hasInboxNoticesAbout(db(), 'demo', 'o-her', [{ kind: 'complaint', id: 'rp_1' }]))).toEqual({ answer: [false], read: 0 });
  });

  it('each count is a shape a declared index serves', async () => {
    await hasInboxNoticesAbout(db(), 'demo', 'o-her', [{ kind: 'repair', id: 'rp_1' }]);
    expect(unindexedQueries(cloud.engine.queryLog, cloud.engine.manifest)).toEqual([]);
  });
});

describe('issue 18 (5): a household room\'s count reads only that room\'s repairs since she was bound', () => {
  const HER = { propertyId: 'demo', openid: 'o-her' };
  beforeEach(() => {
    // 1500 repairs in 100 rooms; room r0 has 15, filed at minutes 0, 100, …, 1400: the first 5 by her,
    // every third one still open (queue rank 1), the rest signed off (9).
    cloud.engine.insertRaw(
      'repairs',
      Array.from({ length: 1500 }, (_, n) => ({
        _id: `rp${n}`,
        propertyId: 'demo',
        roomId: `r${n % 100}`,
        residentOpenid: n < 500 ? 'o-her' : `o-other-${n % 7}`,
        queueRank: n % 300 === 0 ? 1 : 9,
        createdAt: at(n),
      })),
    );
  });

  it('all of the room since minute 700: the 8 filed then, all by others, read and counted', async () => {
    expect(await reads(() => othersFiledSince(db(), HER, 'r0', at(700), false))).toEqual({ answer: 8, read: 8 });
  });

  it('all of the room since minute 0: her 5 are not counted, and only the room\'s 15 are read', async () => {
    expect(await reads(() => othersFiledSince(db(), HER, 'r0', at(0), false))).toEqual({ answer: 10, read: 15 });
  });

  it('open ones since minute 700: at most the room\'s repairs since then are read (8 of 1500), the 2 open ones filed by others counted', async () => {
    expect(await reads(() => othersFiledSince(db(), HER, 'r0', at(700), true))).toEqual({ answer: 2, read: 8 });
  });

  it('both counts are shapes a declared index serves', async () => {
    await othersFiledSince(db(), HER, 'r0', at(0), false);
    await othersFiledSince(db(), HER, 'r0', at(0), true);
    expect(unindexedQueries(cloud.engine.queryLog, cloud.engine.manifest)).toEqual([]);
  });
});
