import * as duty from '@shared/contracts/duty.contract';
import { complaints, members } from '@shared/contracts';
import { networkDown, callAs, complaintInput, DESK_ON_SHIFT, expectOk, memberIdOf, newCommandId, PROPERTY, snapshot, startRuntime, SUPERVISOR, TECH_LI, WANG, WANG_ROOM, seedOtherProperty } from './harness';
import { recordCalls } from './call-journeys';

type Rt = Awaited<ReturnType<typeof startRuntime>>;

const DAY = { propertyId: PROPERTY, date: '2026-11-23' };

/**
 * Issue 16: an action's first reads that need only its input go out with the caller's membership
 * (`withPrefetch`, cloudfunctions/_shared/router.ts). Reading before the caller is known must not let
 * anyone learn what was read: a refused caller gets the refusal of the role check, whatever the read
 * found or however it failed, and another property's member reads nothing of ours.
 */
describe('issue 16: reads made with the membership reach only an authorised caller', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
    await seedOtherProperty(rt);
  });
  afterEach(() => rt.close());

  it('D2: the day\'s log is read in the same wait as the membership: one wait for a day without photos (their links would be the second)', async () => {
    const calls = recordCalls(rt);
    expectOk(await callAs(rt, SUPERVISOR, duty.day, DAY));
    expect(calls.get('duty.day')!.map((c) => c.calls.sequential)).toEqual([1]);
  });

  it('D2: a stranger, a resident, a technician and another property\'s desk get their refusal, never the day, and nothing is written', async () => {
    expectOk(await callAs(rt, DESK_ON_SHIFT, duty.logEntry, { propertyId: PROPERTY, commandId: newCommandId(), kind: 'other', what: '前台打印机卡纸', handling: '已处理', followUp: '', result: '恢复正常', status: 'closed' }));
    const before = await snapshot(rt);
    expect(await callAs(rt, 'o-stranger', duty.day, DAY)).toEqual({ ok: false, code: 'COMMON.NOT_A_MEMBER', message: expect.any(String) });
    expect(await callAs(rt, 'o-other-desk', duty.day, DAY)).toEqual({ ok: false, code: 'COMMON.NOT_A_MEMBER', message: expect.any(String) });
    for (const openid of [WANG, TECH_LI]) expect(await callAs(rt, openid, duty.day, DAY)).toEqual({ ok: false, code: 'COMMON.FORBIDDEN', message: expect.any(String) });
    expect(await snapshot(rt)).toEqual(before);
  });

  it('C1 C3: a resident\'s complaint reads its room, the household\'s open complaint on the matter and the matter with the membership, and checks its text beside the day\'s place: 7 waits, 6 until committed', async () => {
    // Her first filing stores the desk's and her own signal documents; the second finds them.
    expectOk(await callAs(rt, WANG, complaints.create, complaintInput(WANG_ROOM, { category: 'noise', place: { scope: 'public_area', area: 'garden' } })));
    const calls = recordCalls(rt);
    expectOk(await callAs(rt, WANG, complaints.create, complaintInput(WANG_ROOM)));
    const [filing] = calls.get('complaints.create')!;
    expect({ sequential: filing!.calls.sequential, untilCommitted: filing!.calls.untilCommitted }).toEqual({ sequential: 7, untilCommitted: 6 });
    const wait = (kind: RegExp, collection = '') => filing!.calls.trace.filter((t) => kind.test(t.kind) && t.detail.trim() === collection).map((t) => t.wait);
    // The day's place: her counter is updated (this instance has met it), or inserted.
    expect({ room: wait(/getDocument/, 'rooms'), matter: wait(/getDocument/, 'complaintMatters'), text: wait(/checkText/), place: wait(/Document$/, 'quotas') }).toEqual({ room: [1], matter: [1], text: [2], place: [2] });
  });

  it('C1 V2: the desk\'s registration reads the resident it names, her room, her open complaint on the matter and the matter with the membership: 6 waits, 5 until committed', async () => {
    const registration = (over: Record<string, unknown> = {}) => {
      const { photos: _none, ...fields } = complaintInput(WANG_ROOM, over);
      return { ...fields, residentId: memberIdOf(WANG), channel: 'phone', callerName: '王秀英', phone: '13800000101', apologised: true };
    };
    // The first registration stores the desk's and her signal documents; the second finds them.
    expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.register, registration({ category: 'noise', place: { scope: 'public_area', area: 'garden' } })));
    const calls = recordCalls(rt);
    expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.register, registration()));
    const [filing] = calls.get('complaints.register')!;
    expect({ sequential: filing!.calls.sequential, untilCommitted: filing!.calls.untilCommitted }).toEqual({ sequential: 6, untilCommitted: 5 });
    const firstWait = filing!.calls.trace.filter((t) => t.wait === 1).map((t) => t.detail.trim()).sort();
    expect(firstWait).toEqual(['', 'complaintMatters', 'complaints', 'members', 'members', 'rooms']);
  });

  it('issue 7 (4): a binding request reads its property, the room, the caller\'s membership and pending requests with the router\'s first reads: 6 waits, 5 until committed', async () => {
    const input = { propertyId: PROPERTY, commandId: newCommandId(), roomId: 'demo:2-2-201', name: '孙丽', relation: 'tenant', phone: '13800001020' };
    // The first request stores the desk's signal document; the second finds it.
    expectOk(await callAs(rt, 'o-other-tenant', members.requestBinding, { ...input, commandId: newCommandId(), roomId: 'demo:2-2-301' }));
    const calls = recordCalls(rt);
    expectOk(await callAs(rt, 'o-new-tenant', members.requestBinding, input));
    const [request] = calls.get('members.requestBinding')!;
    expect({ sequential: request!.calls.sequential, untilCommitted: request!.calls.untilCommitted }).toEqual({ sequential: 6, untilCommitted: 5 });
    const firstWait = request!.calls.trace.filter((t) => t.wait === 1).map((t) => t.detail.trim()).sort();
    expect(firstWait).toEqual(['', 'bindings', 'commands', 'members', 'properties', 'properties', 'rooms']);
    // A second request for the same room is refused from those reads, before anything is written.
    const before = await snapshot(rt);
    expect(await callAs(rt, 'o-new-tenant', members.requestBinding, { ...input, commandId: newCommandId() })).toMatchObject({ ok: false, code: 'BINDING.ALREADY_PENDING' });
    expect(await snapshot(rt)).toEqual(before);
  });

  it('C1: a stranger, another property\'s desk and the desk get their refusal of a complaint filed in her name: nothing is written and no text is sent to be checked', async () => {
    const before = await snapshot(rt);
    const checks: string[] = [];
    rt.watchCalls(({ calls }) => checks.push(...calls.trace.filter((t) => t.kind === 'wechat.checkText').map((t) => t.kind)));
    expect(await callAs(rt, 'o-stranger', complaints.create, complaintInput(WANG_ROOM))).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    expect(await callAs(rt, 'o-other-desk', complaints.create, complaintInput(WANG_ROOM))).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    expect(await callAs(rt, DESK_ON_SHIFT, complaints.create, complaintInput(WANG_ROOM))).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    expect(await snapshot(rt)).toEqual(before);
    expect(checks).toEqual([]);
  });

  it('D2: when the early read fails, a refused caller still gets the role\'s refusal; only an authorised one hears of the failure', async () => {
    rt.engine.failNext('database.getDocument', networkDown, { collection: 'dutyPages' });
    expect(await callAs(rt, 'o-stranger', duty.day, DAY)).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    rt.engine.failNext('database.getDocument', networkDown, { collection: 'dutyPages' });
    expect(await callAs(rt, WANG, duty.day, DAY)).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    rt.engine.failNext('database.getDocument', networkDown, { collection: 'dutyPages' });
    expect(await callAs(rt, SUPERVISOR, duty.day, DAY)).toMatchObject({ ok: false, code: 'COMMON.INTERNAL' });
    expect(expectOk(await callAs(rt, SUPERVISOR, duty.day, DAY)).pages).toHaveLength(3);
  });
});
