import { repairs } from '@shared/contracts';
import type { CallCount } from '../../local/call-meter';
import { callAs, DESK_ON_SHIFT, expectOk, memberIdOf, newCommandId, OTHER_DESK, PROPERTY, repairInput, seedOtherProperty, snapshot, startRuntime, TECH_LI, WANG } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;

/**
 * Issue 16: a write command's transaction starts in the call's first wave, beside the membership
 * (cloudfunctions/_shared/early-transaction.ts). The call that does not use it rolls it back before
 * it answers, whatever ends it: nothing of the call is left open once it has answered.
 */
describe('issue 16: the command\'s transaction starts with the first reads, and no call leaves one open', () => {
  let rt: Rt;
  let traces: CallCount['trace'][];
  beforeEach(async () => {
    rt = await startRuntime();
    traces = [];
    rt.watchCalls((call) => traces.push(call.calls.trace));
  });
  afterEach(() => rt.close());

  const kinds = (trace: CallCount['trace']) => trace.map((c) => c.kind);
  const last = () => traces.at(-1)!;
  const created = async () => expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
  const dispatch = (repairId: string, commandId = newCommandId(), openid = DESK_ON_SHIFT) =>
    callAs(rt, openid, repairs.dispatch, { propertyId: PROPERTY, commandId, repairId, version: 1, technicianId: memberIdOf(TECH_LI) });

  it('R5: a dispatch starts its transaction in the first wave, beside the membership, and commits that one transaction', async () => {
    const { id } = await created();
    expectOk(await dispatch(id));
    const trace = last();
    expect(trace.filter((c) => c.kind === 'database.startTransaction')).toEqual([{ wait: 1, kind: 'database.startTransaction', detail: '' }]);
    expect(trace.find((c) => c.detail === 'members')?.wait).toBe(1);
    expect(kinds(trace).filter((k) => k === 'database.commitTransaction')).toHaveLength(1);
    expect(kinds(trace)).not.toContain('database.abortTransaction');
  });

  it('R5: a refused caller\'s call rolls the started transaction back before it answers, and writes nothing', async () => {
    const { id } = await created();
    const before = await snapshot(rt);
    expect(await dispatch(id, newCommandId(), WANG)).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    expect(kinds(last())).toEqual(expect.arrayContaining(['database.startTransaction', 'database.abortTransaction']));
    expect(kinds(last())).not.toContain('database.commitTransaction');
    expect(await snapshot(rt)).toEqual(before);
  });

  it('R5: a member of another property calling this property\'s write gets the refusal, its early transaction is rolled back and nothing is written', async () => {
    const { id } = await created();
    await seedOtherProperty(rt);
    const before = await snapshot(rt);
    expect(await dispatch(id, newCommandId(), OTHER_DESK)).toEqual({ ok: false, code: 'COMMON.NOT_A_MEMBER', message: expect.any(String) });
    const trace = last();
    expect(trace.filter((c) => c.kind === 'database.startTransaction').map((c) => c.wait)).toEqual([1]);
    expect(kinds(trace)).toContain('database.abortTransaction');
    expect(kinds(trace)).not.toContain('database.commitTransaction');
    expect(trace.filter((c) => c.inTransaction)).toEqual([]);
    expect(await snapshot(rt)).toEqual(before);
  });

  it('R5: a replayed command answers the first result and rolls back the transaction it started', async () => {
    const { id } = await created();
    const commandId = newCommandId();
    const first = expectOk(await dispatch(id, commandId));
    const before = await snapshot(rt);
    expect(expectOk(await dispatch(id, commandId))).toEqual(first);
    expect(kinds(last()).filter((k) => k.endsWith('Transaction'))).toEqual(['database.startTransaction', 'database.abortTransaction']);
    expect(await snapshot(rt)).toEqual(before);
  });

  it('R5: a refusal of the work (a stale version) rolls the transaction back: the answer is the refusal, nothing is written', async () => {
    const { id } = await created();
    expectOk(await dispatch(id));
    const before = await snapshot(rt);
    expect(await dispatch(id)).toMatchObject({ ok: false, code: 'COMMON.VERSION_CONFLICT' });
    const trace = kinds(last());
    expect(trace).toContain('database.abortTransaction');
    expect(trace).not.toContain('database.commitTransaction');
    expect(await snapshot(rt)).toEqual(before);
  });

  it('R1: a repair whose daily place is taken outside the transaction first still commits in the transaction started with the first reads', async () => {
    await created();
    const trace = last();
    expect(trace.some((c) => c.detail === 'quotas' && c.kind !== 'database.getDocument')).toBe(true);
    expect(trace.filter((c) => c.kind === 'database.startTransaction').map((c) => c.wait)).toEqual([1]);
    expect(kinds(trace)).not.toContain('database.abortTransaction');
  });
});
