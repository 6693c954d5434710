import { repairs } from '@shared/contracts';
import { COMMAND_RETENTION_DAYS } from '@shared/model/command.model';
import { networkDown, callAs, expectOk, newCommandId, raw, repairInput, startRuntime, tickTimers, WANG } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
type Run = { ok: boolean; data: { commandRetention: { removed: number }; journals: { fanned: number }; failed: { step: string }[] } };

const tick = (rt: Rt) => tickTimers(rt) as Promise<Run>;


/** Every insert outside a transaction into events and the outbox fails, as the network would, until `end()`: a journal is then left unchecked. */
const failFanOut = (rt: Rt) => {
  const handle = rt.engine.handle.bind(rt.engine);
  let on = true;
  rt.engine.handle = async (action, params = {}) => {
    if (on && action === 'database.insertDocument' && !params.transactionId && ['events', 'outbox'].includes(String(params.collectionName))) return { ...networkDown, requestId: 'injected' };
    return handle(action, params);
  };
  return { end: () => void (on = false) };
};

const recordOf = (rt: Rt, commandId: string) => raw<{ commandId: string; fanned?: boolean }>(rt, 'commands').find((c) => c.commandId === commandId);

/**
 * Command records answer their retries for COMMAND_RETENTION_DAYS (shared-types/src/model/command.model.ts); the
 * timer's `commandRetention` step removes older ones, never one whose journal the timer has not yet checked.
 */
describe('command records are kept for COMMAND_RETENTION_DAYS, then removed by the timer', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('R1: within the retention a retry answers the first result; past it the record goes, a younger one stays, and one with an unchecked journal stays until it is checked', async () => {
    const old = newCommandId();
    const first = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ commandId: old, preferredTime: null })));
    // Its event is stored by the timer's journal step (issue 16), which then marks its record checked.
    expect((await tick(rt)).data.journals).toEqual({ fanned: 1 });
    expect(recordOf(rt, old)?.fanned).toBe(true);
    const down = failFanOut(rt);
    const unchecked = newCommandId();
    expectOk(await callAs(rt, WANG, repairs.create, repairInput({ commandId: unchecked, preferredTime: null, description: '卫生间地漏堵了' })));
    expect(recordOf(rt, unchecked)?.fanned).toBe(false);

    // A day before the retention ends: nothing goes, and a retry answers the first result.
    rt.clock.advanceMinutes((COMMAND_RETENTION_DAYS - 1) * 24 * 60);
    expect((await tick(rt)).data.commandRetention).toEqual({ removed: 0 });
    expect(expectOk(await callAs(rt, WANG, repairs.create, repairInput({ commandId: old, preferredTime: null })))).toEqual(first);
    expect(raw(rt, 'repairs')).toHaveLength(2);

    const young = newCommandId();
    rt.clock.advanceMinutes(2 * 24 * 60);
    const recent = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ commandId: young, preferredTime: null, description: '阳台灯不亮' })));
    const run = await tick(rt);
    expect(run.data.commandRetention).toEqual({ removed: 1 });
    expect(run.data.failed.map((f) => f.step)).not.toContain('commandRetention');
    expect(recordOf(rt, old)).toBeUndefined();
    // Its journal still unchecked (the fan-out fails on): kept, however old.
    expect(recordOf(rt, unchecked)?.fanned).toBe(false);
    expect(recordOf(rt, young)).toBeDefined();
    expect(expectOk(await callAs(rt, WANG, repairs.create, repairInput({ commandId: young, preferredTime: null, description: '阳台灯不亮' })))).toEqual(recent);

    // Once the journal step has checked it, the next run removes it.
    down.end();
    rt.clock.advanceMinutes(1);
    const caughtUp = await tick(rt);
    expect(caughtUp.data.journals.fanned).toBeGreaterThan(0);
    rt.clock.advanceMinutes(1);
    expect((await tick(rt)).data.commandRetention.removed + caughtUp.data.commandRetention.removed).toBe(1);
    expect(recordOf(rt, unchecked)).toBeUndefined();
    expect(recordOf(rt, young)).toBeDefined();
  });

  it('R1: a backlog goes in pages of 100 ids, up to 5 pages a run, and the rest at the next run', async () => {
    const at = new Date(rt.clock.now().getTime() - (COMMAND_RETENTION_DAYS + 1) * 24 * 3600_000).toISOString();
    const backlog = Array.from({ length: 620 }, (_, i) => ({
      _id: `mb_oreswang~old-${i}`, propertyId: 'demo', schemaVersion: 2, openid: WANG, commandId: `old-${i}`, action: 'repairs.create', call: 'repairs.create', result: null, at,
    }));
    rt.engine.insertRaw('commands', backlog);
    expect((await tick(rt)).data.commandRetention).toEqual({ removed: 500 });
    rt.clock.advanceMinutes(1);
    expect((await tick(rt)).data.commandRetention).toEqual({ removed: 120 });
    expect(raw<{ _id: string }>(rt, 'commands').filter((c) => c._id.includes('~old-'))).toEqual([]);
  });
});
