import { repairs } from '@shared/contracts';
import * as keys from '@shared/contracts/keys.contract';
import { callAs, DESK_ON_SHIFT, expectOk, memberIdOf, newCommandId, PROPERTY, raw, seedOtherProperty, snapshot, startRuntime, TECH_LI, TECH_MA, tickTimers, uploadAs, WANG, storedEvents } from './harness';
import { file, onSite } from './work-order';

type Rt = Awaited<ReturnType<typeof startRuntime>>;

const tick = (rt: Rt) =>
  tickTimers(rt) as Promise<{ ok: true; data: { keys: { leftDue: number }; failed: unknown[] } }>;

const leave = (rt: Rt, repairId: string, over: Record<string, unknown> = {}) =>
  callAs(rt, DESK_ON_SHIFT, keys.leaveKey, { propertyId: PROPERTY, commandId: newCommandId(), repairId, technicianId: memberIdOf(TECH_LI), keys: '入户门钥匙 1 把', leftBy: '王秀英', ...over });
const move = (rt: Rt, who: string, action: typeof keys.bringBackLeft, left: { id: string; version: number }, over: Record<string, unknown> = {}) =>
  callAs(rt, who, action, { propertyId: PROPERTY, commandId: newCommandId(), leftKeyId: left.id, version: left.version, ...over });
const borrow = (rt: Rt, who: string, left: { id: string; version: number }) =>
  callAs(rt, who, keys.borrowLeft, { propertyId: PROPERTY, commandId: newCommandId(), leftKeyId: left.id, version: left.version, signature: uploadAs(rt, who, `sig-${newCommandId()}.png`) });

/** The order quoted, accepted by 王, completed and signed off on site. */
const signedOff = async (o: Awaited<ReturnType<typeof onSite>>) => {
  expectOk(await o.step(TECH_LI, repairs.quote, { items: [] }));
  expectOk(await o.step(WANG, repairs.accept));
  expectOk(await o.step(TECH_LI, repairs.complete, { beforePhotos: [file(TECH_LI, 'b.jpg')], afterPhotos: [file(TECH_LI, 'a.jpg')], materials: [], amountFen: 0 }));
  expectOk(await o.step(TECH_LI, repairs.signOff, { signature: file(TECH_LI, 'sig.png') }));
};

describe('K2: a resident\'s key left at the desk for a named technician\'s visit', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('K2: only the named technician borrows it, signing on his phone; it comes back to the desk and goes to the resident only once the order is signed off', async () => {
    const o = await onSite(rt);
    const left = expectOk(await leave(rt, o.current.id));
    expect(left).toMatchObject({ status: 'held', technician: '李建国', leftBy: '王秀英', roomLabel: '1-1-101', receivedBy: '陈晓' });
    expect(expectOk(await callAs(rt, TECH_LI, keys.leftKeys, { propertyId: PROPERTY })).items.map((k) => [k.id, k.mineToBorrow])).toEqual([[left.id, true]]);
    expect(expectOk(await callAs(rt, TECH_MA, keys.leftKeys, { propertyId: PROPERTY })).items).toEqual([]);
    expect(await borrow(rt, TECH_MA, left)).toMatchObject({ ok: false, code: 'KEY.NOT_YOUR_LOAN' });
    expect(await callAs(rt, TECH_LI, keys.borrowLeft, { propertyId: PROPERTY, commandId: newCommandId(), leftKeyId: left.id, version: left.version, signature: uploadAs(rt, DESK_ON_SHIFT, 'desk.png') })).toMatchObject({ ok: false, code: 'KEY.FILE_NOT_YOURS' });
    expect(await borrow(rt, DESK_ON_SHIFT, left)).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    const out = expectOk(await borrow(rt, TECH_LI, left));
    expect(out).toMatchObject({ status: 'out', mineToBorrow: false });
    expect(await move(rt, DESK_ON_SHIFT, keys.giveToResident, out, { residentName: '王秀英' })).toMatchObject({ ok: false, code: 'KEY.ORDER_NOT_SIGNED' });
    const back = expectOk(await move(rt, DESK_ON_SHIFT, keys.bringBackLeft, out));
    expect(back.status).toBe('back');
    expect(await move(rt, DESK_ON_SHIFT, keys.giveToResident, back, { residentName: '王秀英' })).toMatchObject({ ok: false, code: 'KEY.ORDER_NOT_SIGNED' });
    await signedOff(o);
    const returned = expectOk(await move(rt, DESK_ON_SHIFT, keys.giveToResident, back, { residentName: '王秀英' }));
    expect(returned).toMatchObject({ status: 'returned', returnedTo: '王秀英' });
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, keys.leftKeys, { propertyId: PROPERTY })).items).toEqual([]);
    expect((await storedEvents<{ subject: { id: string }; action: string }>(rt)).filter((e) => e.subject.id === left.id).map((e) => e.action)).toEqual(['leave', 'borrow', 'bringBack', 'giveToResident']);
  });

  it('K2: once the order is signed off and the key is still not returned, the desk is reminded, once', async () => {
    const o = await onSite(rt);
    const left = expectOk(await leave(rt, o.current.id));
    expect((await tick(rt)).data.keys.leftDue).toBe(0);
    await signedOff(o);
    expect((await tick(rt)).data).toMatchObject({ keys: { leftDue: 1 }, failed: [] });
    expect(raw<{ kind: string; recipient: string; body: string }>(rt, 'outbox').filter((n) => n.kind === 'key.leftDue')).toEqual([
      expect.objectContaining({ recipient: 'role:desk', body: '1-1-101 的维修单已签字确认，住户留存的钥匙（入户门钥匙 1 把）还没有还给住户' }),
    ]);
    rt.clock.advanceMinutes(5);
    expect((await tick(rt)).data.keys.leftDue).toBe(0);
    const current = expectOk(await callAs(rt, DESK_ON_SHIFT, keys.leftKeys, { propertyId: PROPERTY })).items[0]!;
    expect(current).toMatchObject({ id: left.id, status: 'held' });
    expectOk(await move(rt, DESK_ON_SHIFT, keys.giveToResident, current, { residentName: '王秀英' }));
  });

  it('K2: a repair of another property, a technician who is not one, a resident and another property\'s desk are refused with their codes', async () => {
    const o = await onSite(rt);
    expect(await leave(rt, 'rp_nosuch')).toMatchObject({ ok: false, code: 'KEY.REPAIR_NOT_FOUND' });
    expect(await leave(rt, o.current.id, { technicianId: memberIdOf(WANG) })).toMatchObject({ ok: false, code: 'KEY.BORROWER_NOT_FOUND' });
    const left = expectOk(await leave(rt, o.current.id));
    await seedOtherProperty(rt);
    const before = await snapshot(rt);
    expect(await callAs(rt, WANG, keys.leaveKey, { propertyId: PROPERTY, commandId: newCommandId(), repairId: o.current.id, technicianId: memberIdOf(TECH_LI), keys: '钥匙', leftBy: '王秀英' })).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    expect(await move(rt, TECH_LI, keys.bringBackLeft, left)).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    expect(await callAs(rt, 'o-other-desk', keys.bringBackLeft, { propertyId: PROPERTY, commandId: newCommandId(), leftKeyId: left.id, version: left.version })).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    expect(await callAs(rt, 'o-other-desk', keys.bringBackLeft, { propertyId: 'other', commandId: newCommandId(), leftKeyId: left.id, version: left.version })).toMatchObject({ ok: false, code: 'KEY.LEFT_NOT_FOUND' });
    expect(await callAs(rt, 'o-other-desk', keys.leaveKey, { propertyId: 'other', commandId: newCommandId(), repairId: o.current.id, technicianId: memberIdOf(TECH_LI), keys: '钥匙', leftBy: '王秀英' })).toMatchObject({ ok: false, code: 'KEY.REPAIR_NOT_FOUND' });
    expect(await callAs(rt, WANG, keys.leftKeys, { propertyId: PROPERTY })).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    expect(await snapshot(rt)).toEqual(before);
  });
});
