import { repairs, session } from '@shared/contracts';
import { raw, callAs, DESK_ON_SHIFT, DESK_OTHER, expectOk, memberIdOf, PROPERTY, repairInput, startRuntime, TECH_LI, TECH_MA, WANG, ZHANG, storedEvents } from './harness';

describe('concurrency', () => {
  let rt: Awaited<ReturnType<typeof startRuntime>>;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('R4: two desk members read the same order, then both dispatch it: exactly one wins, the other is told the order changed', async () => {
    const created = expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    const seenByChen = expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.get, { propertyId: PROPERTY, repairId: created.id }));
    const seenByLin = expectOk(await callAs(rt, DESK_OTHER, repairs.get, { propertyId: PROPERTY, repairId: created.id }));
    const first = await callAs(rt, DESK_ON_SHIFT, repairs.dispatch, { propertyId: PROPERTY, commandId: 'chen-dispatch-1', repairId: created.id, version: seenByChen.version, technicianId: memberIdOf(TECH_LI) });
    const second = await callAs(rt, DESK_OTHER, repairs.dispatch, { propertyId: PROPERTY, commandId: 'lin-dispatch-01', repairId: created.id, version: seenByLin.version, technicianId: memberIdOf(TECH_MA) });
    expect([first.ok, second.ok]).toEqual([true, false]);
    expect(second).toMatchObject({ code: 'COMMON.VERSION_CONFLICT', message: '记录已被他人更新，请刷新后再试' });
    const now = expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.get, { propertyId: PROPERTY, repairId: created.id }));
    expect(now).toMatchObject({ version: 2, technician: { name: '李建国' } });
    expect(now.history).toHaveLength(2);
  });

  it('R4: the same two dispatches sent at the same moment: still exactly one wins', async () => {
    const created = expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    const results = await Promise.all([
      callAs(rt, DESK_ON_SHIFT, repairs.dispatch, { propertyId: PROPERTY, commandId: 'race-dispatch-a', repairId: created.id, version: 1, technicianId: memberIdOf(TECH_LI) }),
      callAs(rt, DESK_OTHER, repairs.dispatch, { propertyId: PROPERTY, commandId: 'race-dispatch-b', repairId: created.id, version: 1, technicianId: memberIdOf(TECH_MA) }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await storedEvents<{ subject: { id: string } }>(rt)).filter((e) => e.subject.id === created.id)).toHaveLength(2);
  });

  it('R1: the same command id sent 20 times at once makes one ticket, and every caller gets it back', async () => {
    const input = repairInput({ commandId: 'same-command-20x' });
    const results = await Promise.all(Array.from({ length: 20 }, () => callAs(rt, WANG, repairs.create, input)));
    const ids = new Set(results.map((r) => expectOk(r).id));
    expect(ids.size).toBe(1);
    expect(raw(rt, 'repairs')).toHaveLength(1);
    expect((await storedEvents(rt))).toHaveLength(1);
    expect(raw(rt, 'commands')).toHaveLength(1);
  });

  it('R1: a retry after success returns the first result, even if the world moved on', async () => {
    const input = repairInput({ commandId: 'retry-later-01' });
    const first = expectOk(await callAs(rt, WANG, repairs.create, input));
    rt.clock.advanceMinutes(30);
    const again = expectOk(await callAs(rt, WANG, repairs.create, input));
    expect(again).toEqual(first);
  });

  it('one command id used by two people is two commands', async () => {
    const a = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ commandId: 'shared-command-1' })));
    const b = expectOk(await callAs(rt, ZHANG, repairs.create, repairInput({ commandId: 'shared-command-1', roomId: 'demo:1-2-1502' })));
    expect(a.id).not.toBe(b.id);
  });

  it('two callers at once each see only their own identity', async () => {
    const [wang, desk] = await Promise.all([
      callAs(rt, WANG, session.context, { propertyId: PROPERTY }),
      callAs(rt, DESK_ON_SHIFT, session.context, { propertyId: PROPERTY }),
    ]);
    expect(expectOk(wang)).toMatchObject({ role: 'resident', name: '王秀英' });
    expect(expectOk(desk)).toMatchObject({ role: 'desk', name: '陈晓' });
    const many = await Promise.all(
      Array.from({ length: 10 }, (_, i) => callAs(rt, i % 2 ? WANG : DESK_ON_SHIFT, session.context, { propertyId: PROPERTY })),
    );
    expect(many.map((r) => expectOk(r).role)).toEqual(Array.from({ length: 10 }, (_, i) => (i % 2 ? 'resident' : 'desk')));
  });

  it('a write conflict raised by the database is retried, and the ticket is written once', async () => {
    rt.engine.failNext('database.modifyDocument', { code: 'DATABASE_TRANSACTION_CONFLICT', message: 'write conflict' }, { collection: 'repairs' });
    rt.engine.failNext('database.commitTransaction', { code: 'DATABASE_TRANSACTION_CONFLICT', message: 'write conflict' });
    const created = expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    expect(raw<{ _id: string }>(rt, 'repairs').map((r) => r._id)).toEqual([created.id]);
  });

  it('conflicts that persist end in COMMON.BUSY with nothing written, and the same command succeeds later', async () => {
    // applyOnce makes every retry itself (its transactions retry nothing): at most 16 runs with jittered backoff,
    // inside its 4 s budget (cloudfunctions/_shared/commands.ts). 16 conflicts in a row outlast them all.
    for (let i = 0; i < 16; i++) rt.engine.failNext('database.commitTransaction', { code: 'DATABASE_TRANSACTION_CONFLICT', message: 'write conflict' });
    const input = repairInput();
    expect(await callAs(rt, WANG, repairs.create, input)).toMatchObject({ ok: false, code: 'COMMON.BUSY' });
    expect(raw(rt, 'repairs')).toEqual([]);
    expect(raw(rt, 'outbox')).toEqual([]);
    expect(expectOk(await callAs(rt, WANG, repairs.create, input)).status).toBe('submitted');
  });
});
