import { repairs } from '@shared/contracts';
import type { Runtime } from '../../local/runtime';
import { callAs, expectOk, repairInput, startRuntime, WANG, ZHANG, ZHANG_ROOM } from './harness';

/**
 * Issue 12 (nothing slower) and issue 16 (local CPU): each commit is one SQLite transaction with its
 * own WAL pages and index rows, so the commits of a resident's normal repair are counted, not timed,
 * and cannot creep back: the day's place taken (one conditional update; on the day's first filing
 * the counter's insert), the repair and its command record in one transaction, the two notices that
 * travelled in the record's journal inserted after it, already delivered (issue 16: one batch add, one
 * SQLite commit; three operations one after another inside the transaction before the journal, then one
 * insert each: 7), the live-update signals bumped. Since 2026-12-07 the event is stored by the timer's
 * journal step, not by the call, and nothing marks the notices sent after their insert: 6 → 4.
 */
const COMMITS_PER_CREATE = 4;

let rt: Runtime;
beforeAll(async () => {
  rt = await startRuntime();
});
afterAll(() => rt.close());

const commitsOf = async (input: ReturnType<typeof repairInput>): Promise<number> => {
  // The desk's live-update signals are written by the first notice ever sent to them.
  expectOk(await callAs(rt, ZHANG, repairs.create, repairInput({ roomId: ZHANG_ROOM })));
  rt.engine.stats.reset();
  expectOk(await callAs(rt, WANG, repairs.create, input));
  return rt.engine.stats.commits;
};

describe(`a repair's creation makes at most ${COMMITS_PER_CREATE} commits`, () => {
  it('R1: the resident\'s first repair of the day, whose quota counter is new', async () => {
    expect(await commitsOf(repairInput())).toBe(COMMITS_PER_CREATE);
  });

  it('R1: her next repair that day, and a retry of it commits nothing', async () => {
    const input = repairInput();
    expect(await commitsOf(input)).toBe(COMMITS_PER_CREATE);
    expect(await commitsOf(input)).toBe(0);
  });
});
