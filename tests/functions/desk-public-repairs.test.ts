import { callbacks, repairs } from '@shared/contracts';
import { messages } from '@shared/messages';
import { callAs, DESK_ON_SHIFT, expectOk, expectRefusedUnchanged, memberIdOf, newCommandId, PROPERTY, raw, repairInput, startRuntime, SUPERVISOR, TECH_LI, tickTimers, WANG, WANG_ROOM } from './harness';
import { openProperty } from './company-harness';
import { file, order, photos } from './work-order';

type Rt = Awaited<ReturnType<typeof startRuntime>>;

const tick = (rt: Rt) => tickTimers(rt);

/** A guard on his round saw building 1's lift stuck with someone inside: urgent (R3.1), and nobody reported it. */
const roundInput = (over: Record<string, unknown> = {}) => ({
  propertyId: PROPERTY,
  commandId: newCommandId(),
  place: { scope: 'building', building: '1', floor: 1 },
  channel: 'walk_in',
  callerName: '保安 陈刚',
  phone: '13900000009',
  category: 'elevator',
  description: '巡查发现1栋电梯困人',
  preferredTime: null,
  ...over,
});

interface Stored {
  _id: string;
  residentOpenid: string | null;
  residentName: string | null;
  acceptance: { via: string } | null;
  rating: unknown;
  callRecord: { callerName: string } | null;
}

/** The residents any notice of the repair went to. */
const residentsTold = (rt: Rt, repairId: string) => {
  const residents = new Set(raw<{ openid: string; role: string }>(rt, 'members').filter((m) => m.role === 'resident').map((m) => m.openid));
  return raw<{ recipient: string; subject: { id: string } }>(rt, 'outbox')
    .filter((n) => n.subject.id === repairId && residents.has(n.recipient))
    .map((n) => n.recipient);
};

/** Registered with no resident, dispatched, on site, quoted, accepted as the property's cost, and completed. */
const completedRound = async (rt: Rt) => {
  const o = order(rt, expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.register, roundInput())));
  expectOk(await o.step(DESK_ON_SHIFT, repairs.dispatch, { technicianId: memberIdOf(TECH_LI) }));
  expectOk(await o.step(TECH_LI, repairs.acknowledge));
  expectOk(await o.step(TECH_LI, repairs.arrive));
  expectOk(await o.step(TECH_LI, repairs.quote, { items: [{ code: 'switch-replace', qty: 1 }] }));
  expectOk(await o.step(TECH_LI, repairs.accept));
  expectOk(await o.step(TECH_LI, repairs.complete, { ...photos(), materials: [] }));
  return o;
};

/**
 * Issue 18 (5): the desk registers a public place's repair nobody reported (a staff member's round,
 * an anonymous caller); it is dispatched and worked like any other, and where the flow needs a
 * resident the absence is explicit: no notice to anyone, the quote the property's cost, no rating,
 * and no callback, counted as skipped in the supervisor's figures.
 */
describe('issue 18 (5): the desk registers a public place nobody reported', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('R2 R3: registered with no resident, urgent, with the guard as the caller; the same command answers the same and files once', async () => {
    const input = roundInput();
    const first = await callAs(rt, DESK_ON_SHIFT, repairs.register, input);
    const filed = expectOk(first);
    expect(filed).toMatchObject({ roomId: null, address: '1栋 1层', channel: 'walk_in', priority: 'urgent', residentName: messages.reporterWords.none, phone: '13900000009' });
    expect(await callAs(rt, DESK_ON_SHIFT, repairs.register, input)).toEqual(first);
    const stored = raw<Stored>(rt, 'repairs').filter((r) => r._id === filed.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ residentOpenid: null, residentName: null, callRecord: { callerName: '保安 陈刚' } });
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.inbox, { propertyId: PROPERTY })).items.map((r) => r.id)).toContain(filed.id);
  });

  it('R4 R6 R7 R8: dispatched, quoted at the property\'s cost with no resident\'s acceptance, completed, signed off by the staff who checked it with no stars; no resident is told anything', async () => {
    const o = await completedRound(rt);
    expect(o.current).toMatchObject({ status: 'completed', quote: { totalFen: 2000 }, acceptance: { via: 'property', signature: null }, completion: { amountFen: 2000 } });

    const stars = { signature: file(TECH_LI, 'sig.png'), rating: { quality: 5, attitude: 5, comment: '' } };
    expect(await o.step(TECH_LI, repairs.signOff, stars)).toMatchObject({ ok: false, code: 'REPAIR.NOBODY_TO_RATE' });
    const signed = expectOk(await o.step(TECH_LI, repairs.signOff, { signature: file(TECH_LI, 'sig.png') }));
    expect(signed).toMatchObject({ status: 'signed', rating: null, completedAt: expect.any(String) });
    expect(residentsTold(rt, signed.id)).toEqual([]);
    expect(raw<{ subject: { id: string } }>(rt, 'outbox').filter((n) => n.subject.id === signed.id).length).toBeGreaterThan(0);
  });

  it('R6: a room\'s repair still needs the resident\'s signature on the technician\'s phone', async () => {
    const room = order(rt, expectOk(await callAs(rt, WANG, repairs.create, repairInput())));
    expectOk(await room.step(DESK_ON_SHIFT, repairs.dispatch, { technicianId: memberIdOf(TECH_LI) }));
    expectOk(await room.step(TECH_LI, repairs.acknowledge));
    expectOk(await room.step(TECH_LI, repairs.arrive));
    expectOk(await room.step(TECH_LI, repairs.quote, { items: [{ code: 'tap-replace', qty: 1 }] }));
    expect(await room.step(TECH_LI, repairs.accept)).toMatchObject({ ok: false, code: 'REPAIR.SIGNATURE_REQUIRED' });
  });

  it('R10 R13 B4: no callback is planned for it, a resident\'s urgent order signed after it still is, and the month\'s figures show it skipped for having no resident, outside the half', async () => {
    const round = await completedRound(rt);
    expectOk(await round.step(TECH_LI, repairs.signOff, { signature: file(TECH_LI, 'sig.png') }));
    rt.clock.advanceMinutes(5);
    const lift = order(rt, expectOk(await callAs(rt, WANG, repairs.create, repairInput({ category: 'elevator', description: '电梯困人，快来' }))));
    expectOk(await lift.step(DESK_ON_SHIFT, repairs.dispatch, { technicianId: memberIdOf(TECH_LI) }));
    expectOk(await lift.step(TECH_LI, repairs.acknowledge));
    expectOk(await lift.step(TECH_LI, repairs.arrive));
    expectOk(await lift.step(TECH_LI, repairs.quote, { items: [] }));
    expectOk(await lift.step(TECH_LI, repairs.accept, { signature: file(TECH_LI, 'accept.png') }));
    expectOk(await lift.step(TECH_LI, repairs.complete, { ...photos(), materials: [] }));
    expectOk(await lift.step(TECH_LI, repairs.signOff, { signature: file(TECH_LI, 'sig2.png') }));

    await tick(rt);
    const queue = expectOk(await callAs(rt, DESK_ON_SHIFT, callbacks.queue, { propertyId: PROPERTY })).items;
    const ours = queue.filter((c) => c.subjectId === lift.current.id || c.subjectId === round.current.id);
    expect(ours.map((c) => [c.subjectId, c.reason])).toEqual([[lift.current.id, 'urgent']]);

    const figures = expectOk(await callAs(rt, SUPERVISOR, callbacks.figures, { propertyId: PROPERTY, month: '2026-11' }));
    expect(figures.repairCheck).toEqual({ returned: 1, calledBack: 0, rate: 0, met: false, skipped: [{ reason: 'no_resident', count: 1 }] });
    expect(figures.topUp.map((t) => t.repairId)).not.toContain(round.current.id);
  });

  it('a resident never sees it, nor rates it; another property\'s desk can neither register here nor find it', async () => {
    const filed = expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.register, roundInput()));
    await expectRefusedUnchanged(rt, WANG, repairs.get, { propertyId: PROPERTY, repairId: filed.id }, 'REPAIR.NOT_FOUND');
    const stars = { rating: { quality: 5, attitude: 5, comment: '' } };
    await expectRefusedUnchanged(rt, WANG, repairs.rate, { propertyId: PROPERTY, commandId: newCommandId(), repairId: filed.id, version: filed.version, ...stars }, 'REPAIR.NOT_FOUND');
    expect(expectOk(await callAs(rt, WANG, repairs.listMine, { propertyId: PROPERTY })).items.map((r) => r.id)).not.toContain(filed.id);
    await openProperty(rt, 'east', '东苑', { manager: 'o-east-mgr', desk: 'o-east-desk' });
    await expectRefusedUnchanged(rt, 'o-east-desk', repairs.register, roundInput(), 'COMMON.NOT_A_MEMBER');
    await expectRefusedUnchanged(rt, 'o-east-desk', repairs.get, { propertyId: 'east', repairId: filed.id }, 'REPAIR.NOT_FOUND');
    await expectRefusedUnchanged(rt, 'o-east-desk', repairs.register, roundInput({ propertyId: 'east', place: { scope: 'building', building: '1' } }), 'REPAIR.PLACE_NOT_FOUND');
  });

  it('bad input: a room\'s repair without its resident is refused COMMON.BAD_INPUT naming 住户, and nothing is filed', async () => {
    const input = roundInput({ place: undefined, roomId: WANG_ROOM });
    const before = raw(rt, 'repairs').length;
    const result = (await rt.invoke('repairs', { action: 'register', input: JSON.parse(JSON.stringify(input)) }, { openid: DESK_ON_SHIFT })) as {
      ok: boolean;
      code: string;
      fields: { field: string; label: string; message: string }[];
    };
    expect(result).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT' });
    expect(result.fields).toEqual([{ field: 'residentId', label: '住户', message: '请选择住户：房屋报修须有报修住户，只有公共区域可以不填' }]);
    expect(raw(rt, 'repairs')).toHaveLength(before);
    await expectRefusedUnchanged(rt, DESK_ON_SHIFT, repairs.register, roundInput({ residentId: 'mb_nobody' }), 'REPAIR.RESIDENT_NOT_FOUND');
  });
});
