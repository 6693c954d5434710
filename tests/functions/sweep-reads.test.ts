/**
 * Issue 12 (3.8, the sweep at 1k/10k/100k): the every-minute run reads what its index keys select,
 * not the stored history. Counted at the engine (documents read), not timed: settled history added
 * between two runs must not change what a run reads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRuntime, tickTimers } from './harness';

const stored = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'stored', 'repair.v9.json'), 'utf8')) as Record<string, unknown>;
/** The current version's fixture (a public place nobody reported), as a resident's report. */
const current = { ...stored, residentOpenid: 'o-resident-1', residentName: '王秀英' };
type Rt = Awaited<ReturnType<typeof startRuntime>>;

/** The documents the next minute's timer run reads. */
const readsOfNextRun = async (rt: Rt): Promise<number> => {
  rt.clock.advanceMinutes(1);
  rt.engine.stats.reset();
  const res = (await tickTimers(rt)) as { ok: boolean };
  expect(res.ok).toBe(true);
  return rt.engine.stats.documentsRead;
};

const history = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ ...current, _id: `rp_history_${from + i}` }));

it('issue 12 (3.8): a timer run reads the same documents with 100 or 1,100 stored repairs of the current version', async () => {
  const rt = await startRuntime();
  const tick = () => readsOfNextRun(rt);
  rt.engine.insertRaw('repairs', history(0, 100));
  await tick();
  const few = await tick();
  rt.engine.insertRaw('repairs', history(100, 1_000));
  await tick();
  expect(await tick()).toBe(few);
  rt.close();
});

it('issue 16: the repair-callback planner reads what changed since its last run, not every order returned since last week', async () => {
  const rt = await startRuntime();
  const tick = () => readsOfNextRun(rt);
  // Returned this week, rated well, already called back: nothing is owed for any of them.
  const returned = (from: number, count: number) =>
    history(from, count).map((doc) => ({ ...doc, status: 'signed', priority: 'normal', completedAt: rt.clock.now().toISOString(), updatedAt: rt.clock.now().toISOString(), rating: { quality: 5, attitude: 5, comment: '', at: rt.clock.now().toISOString(), via: 'own_phone' } }));
  // Each is read by the runs of the next few minutes (changes are read again a little way back), then no more.
  rt.engine.insertRaw('repairs', returned(0, 100));
  await tick();
  rt.clock.advanceMinutes(10);
  await tick();
  const few = await tick();
  rt.engine.insertRaw('repairs', returned(100, 1_000));
  await tick();
  rt.clock.advanceMinutes(10);
  await tick();
  expect(await tick()).toBe(few);
  expect(few).toBeLessThan(100);
  rt.close();
});

it('command retention: a run reads the records it removes, not the ones it keeps', async () => {
  const rt = await startRuntime();
  try {
    const tick = () => readsOfNextRun(rt);
    const records = (from: number, count: number, at: string, fanned?: boolean) =>
      Array.from({ length: count }, (_, i) => ({
        _id: `mb_oreswang~c-${from + i}`, propertyId: 'demo', schemaVersion: 2, openid: 'o-res-wang', commandId: `c-${from + i}`, action: 'repairs.create', call: 'repairs.create', result: null, at,
        ...(fanned === undefined ? {} : { fanned }),
      }));
    await tick();
    const few = await tick();
    // A thousand young records (checked or with no journal) cost the run nothing.
    rt.engine.insertRaw('commands', [...records(0, 500, rt.clock.now().toISOString()), ...records(500, 500, rt.clock.now().toISOString(), true)]);
    expect(await tick()).toBe(few);
    // Fifty past the retention: each read twice (the page of their ids, then the removal by those ids); the next run reads none of them.
    const old = new Date(rt.clock.now().getTime() - 100 * 24 * 3600_000).toISOString();
    rt.engine.insertRaw('commands', records(1000, 50, old, true));
    expect(await tick()).toBe(few + 2 * 50);
    expect(await tick()).toBe(few);
  } finally {
    rt.close();
  }
});
