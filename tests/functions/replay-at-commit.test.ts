import { repairs, settings } from '@shared/contracts';
import type { CallCount } from '../../local/call-meter';
import { isErrorBody } from '../../local/db/errors';
import { callAs, DESK_ON_SHIFT, expectOk, MANAGER, memberIdOf, newCommandId, PROPERTY, raw, repairInput, snapshot, startRuntime, TECH_LI, WANG, WANG_ROOM } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
type Trace = CallCount['trace'];

/**
 * Issue 16: a write reads no command record before its work. A command sent again is detected where
 * its record's insert meets the stored one (in its transaction, or at the commit: both are handled,
 * commands.ts), or, when the work refuses first (the state it changed has moved on), by one read of
 * the record after the refusal; then the stored record answers: the first result, or the refusal of
 * an id sent with another action. Actions with effects before their transaction (a content check whose
 * answer is stored, writes outside it) still read the record first (`replaysFirst`, router.ts); a repair's
 * filing does not: its daily place is given back when its record answers, and its text check stores nothing.
 */
describe('issue 16: a write command is replayed from its record, found at its insert or after its work, not read before it', () => {
  let rt: Rt;
  let traces: Trace[];
  beforeEach(async () => {
    rt = await startRuntime();
    traces = [];
    rt.watchCalls((call) => traces.push(call.calls.trace));
  });
  afterEach(() => rt.close());

  const last = () => traces.at(-1)!;
  const firstWave = (trace: Trace) => trace.filter((c) => c.wait === 1);
  const created = async (commandId = newCommandId()) => expectOk(await callAs(rt, WANG, repairs.create, repairInput({ commandId })));
  const dispatch = (repairId: string, commandId = newCommandId(), version = 1) =>
    callAs(rt, DESK_ON_SHIFT, repairs.dispatch, { propertyId: PROPERTY, commandId, repairId, version, technicianId: memberIdOf(TECH_LI) });

  it('R5: a fresh dispatch reads no command record in its first wave, and reads none at all', async () => {
    const { id } = await created();
    expectOk(await dispatch(id));
    const trace = last();
    expect(firstWave(trace).map((c) => c.detail)).not.toContain('commands');
    // The router's own two (the transaction; the membership with the property's status, one query: issue 16), then the dispatch's prefetched technician and repair.
    expect(firstWave(trace).map((c) => `${c.kind} ${c.detail}`)).toEqual([
      'database.startTransaction ',
      'database.getDocument members',
      'database.getDocument members',
      'database.getDocument repairs',
    ]);
    expect(trace.filter((c) => c.detail === 'commands' && c.kind !== 'database.insertDocument')).toEqual([]);
  });

  it('R5: a dispatch sent again answers its first result, found at its record\'s insert, and writes nothing', async () => {
    const { id } = await created();
    const commandId = newCommandId();
    const first = expectOk(await dispatch(id, commandId));
    const before = await snapshot(rt);
    expect(expectOk(await dispatch(id, commandId))).toEqual(first);
    expect(firstWave(last()).map((c) => c.detail)).not.toContain('commands');
    expect(await snapshot(rt)).toEqual(before);
  });

  it('R5: a dispatch sent again after the repair moved on (its version is stale now) still answers its first result', async () => {
    const { id } = await created();
    const commandId = newCommandId();
    const first = expectOk(await dispatch(id, commandId));
    expectOk(await callAs(rt, TECH_LI, repairs.acknowledge, { propertyId: PROPERTY, commandId: newCommandId(), repairId: id, version: first.version }));
    const before = await snapshot(rt);
    expect(expectOk(await dispatch(id, commandId))).toEqual(first);
    expect(await snapshot(rt)).toEqual(before);
  });

  const register = (commandId: string) =>
    callAs(rt, DESK_ON_SHIFT, repairs.register, {
      propertyId: PROPERTY, commandId, residentId: memberIdOf(WANG), roomId: WANG_ROOM, channel: 'phone', callerName: '王秀英', phone: '13800000101', category: 'water', description: '厨房水管漏水', preferredTime: null,
    });

  it('R5: a command id first sent with a dispatch, sent again by the same desk with a registration, is refused COMMON.COMMAND_REUSED and writes nothing', async () => {
    const { id } = await created();
    const commandId = newCommandId();
    expectOk(await dispatch(id, commandId));
    const before = await snapshot(rt);
    expect(await register(commandId)).toMatchObject({ ok: false, code: 'COMMON.COMMAND_REUSED' });
    expect(await snapshot(rt)).toEqual(before);
  });

  it('R5: a command id first sent with a registration, sent again by the same desk with a dispatch, is refused COMMON.COMMAND_REUSED and writes nothing', async () => {
    const { id } = await created();
    const commandId = newCommandId();
    expectOk(await register(commandId));
    const before = await snapshot(rt);
    expect(await dispatch(id, commandId)).toMatchObject({ ok: false, code: 'COMMON.COMMAND_REUSED' });
    expect(await snapshot(rt)).toEqual(before);
    expect(raw<{ _id: string; status: string }>(rt, 'repairs').find((r) => r._id === id)?.status).toBe('submitted');
  });

  /**
   * CloudBase does not say whether a transaction reports a taken _id at the insert or at its commit
   * (https://docs.cloudbase.net/en/error-code/DATABASE_DUPLICATE_WRITE). The local engine reports it at the
   * insert; here the engine is made to report it at the commit instead, as the platform may.
   */
  const duplicateAtCommit = () => {
    const handle = rt.engine.handle.bind(rt.engine);
    const deferred = new Map<string, unknown>();
    rt.engine.handle = async (action, params = {}) => {
      const tx = typeof params.transactionId === 'string' ? params.transactionId : null;
      if (action === 'database.insertDocument' && tx && params.collectionName === 'commands') {
        const answer = await handle(action, params);
        // The engine answers a refusal as an error body (local/db/errors.ts): kept for the commit.
        if (!isErrorBody(answer)) return answer;
        deferred.set(tx, answer);
        return { requestId: 'deferred', data: { insertedIds: [] } };
      }
      if (action === 'database.commitTransaction' && tx && deferred.has(tx)) {
        await handle('database.abortTransaction', params);
        return deferred.get(tx);
      }
      return handle(action, params);
    };
    return deferred;
  };

  it('a settings change sent again, its duplicate record reported at the commit, not at the insert, answers its first result and writes nothing', async () => {
    const commandId = newCommandId();
    const change = { propertyId: PROPERTY, commandId, groupComplaintWindowHours: 12 };
    const first = expectOk(await callAs(rt, MANAGER, settings.updateSettings, change));
    const before = await snapshot(rt);
    const deferred = duplicateAtCommit();
    // Its work goes through again (no version to go stale), up to the record's insert.
    expect(expectOk(await callAs(rt, MANAGER, settings.updateSettings, change))).toEqual(first);
    expect(deferred.size).toBe(1);
    expect(await snapshot(rt)).toEqual(before);
  });

  it('R5: a command id reused on another action, its duplicate reported at the commit, is refused COMMON.COMMAND_REUSED and writes nothing', async () => {
    const { id } = await created();
    const commandId = newCommandId();
    expectOk(await register(commandId));
    const before = await snapshot(rt);
    const deferred = duplicateAtCommit();
    expect(await dispatch(id, commandId)).toMatchObject({ ok: false, code: 'COMMON.COMMAND_REUSED' });
    expect(deferred.size).toBe(1);
    expect(await snapshot(rt)).toEqual(before);
  });

  it('R1: a filing sent again the next day answers its first result and keeps none of that day\'s places, even once they are used up; its record is not read first', async () => {
    const commandId = newCommandId();
    const first = await created(commandId);
    rt.clock.advanceMinutes(24 * 60);
    const before = await snapshot(rt);
    expect(expectOk(await callAs(rt, WANG, repairs.create, repairInput({ commandId })))).toEqual(first);
    // Issue 16: the place it took beside its transaction is given back once its record answered (daily-limits.ts `applied`).
    expect(await snapshot(rt)).toEqual(before);
    expect(firstWave(last()).map((c) => c.detail)).not.toContain('commands');
    // The day's ten places used up by new filings: it is still answered its first result, and the day's count stays ten.
    for (let i = 0; i < 10; i++) await created();
    expect(await callAs(rt, WANG, repairs.create, repairInput())).toMatchObject({ ok: false, code: 'REPAIR.DAILY_LIMIT' });
    const full = await snapshot(rt);
    expect(expectOk(await callAs(rt, WANG, repairs.create, repairInput({ commandId })))).toEqual(first);
    expect(await snapshot(rt)).toEqual(full);
    expect(raw<{ count: number; kind: string }>(rt, 'quotas').filter((q) => q.kind === 'repairs').map((q) => q.count)).toEqual([1, 10]);
  });

  it('R1: a filing sent twice at once is filed once and counted once, whichever copy took the place and whichever committed', async () => {
    // The first copy's write of the repair (the copy that took the place: it started first) is held until the other
    // copy has committed: the copy that did not take the place files the repair, and the one that did finds it filed,
    // on the same day, when its write conflicts and its rerun meets the record.
    const handle = rt.engine.handle.bind(rt.engine);
    let held = false;
    let committed = () => {};
    const otherCommitted = new Promise<void>((resolve) => {
      committed = resolve;
    });
    rt.engine.handle = async (action, params = {}) => {
      if (!held && params.transactionId && params.collectionName === 'repairs' && action !== 'database.getDocument') {
        held = true;
        await Promise.race([otherCommitted, new Promise((resolve) => setTimeout(resolve, 2000))]);
      }
      const answer = await handle(action, params);
      if (action === 'database.commitTransaction' && !isErrorBody(answer)) committed();
      return answer;
    };
    const commandId = newCommandId();
    const [a, b] = await Promise.all([callAs(rt, WANG, repairs.create, repairInput({ commandId })), callAs(rt, WANG, repairs.create, repairInput({ commandId }))]);
    rt.engine.handle = handle;
    expect(expectOk(a).id).toBe(expectOk(b).id);
    expect(raw(rt, 'repairs')).toHaveLength(1);
    expect(raw<{ count: number; claims: string[] }>(rt, 'quotas')).toEqual([expect.objectContaining({ count: 1, claims: [expect.stringContaining(commandId)] })]);
  });
});
