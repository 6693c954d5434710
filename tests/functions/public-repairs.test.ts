import { callbacks, repairs, session, visits } from '@shared/contracts';
import * as keys from '@shared/contracts/keys.contract';
import { callAs, DESK_ON_SHIFT, expectOk, memberIdOf, PROPERTY, publicRepairInput, raw, repairInput, startRuntime, TECH_LI, tickTimers, WANG, ZHANG } from './harness';
import { file, order, photos } from './work-order';

type Rt = Awaited<ReturnType<typeof startRuntime>>;

const tick = (rt: Rt) => tickTimers(rt);
const inboxOf = async (rt: Rt, openid: string) => expectOk(await callAs(rt, openid, session.inbox, { propertyId: PROPERTY })).items;
const registerInput = (where: Record<string, unknown>) => ({
  propertyId: PROPERTY,
  commandId: `register-public-${Object.keys(where).join('-')}`,
  residentId: memberIdOf(WANG),
  ...where,
  channel: 'phone',
  callerName: '王秀英',
  phone: '13800000101',
  category: 'elevator',
  description: '一楼电梯厅按钮不亮',
  preferredTime: null,
});

/**
 * Issue 18 (5): a repair for a public place with no room (a corridor light, the lift lobby, the
 * garage gate), filed by a resident or registered by the desk, through the real handlers.
 */
describe('issue 18 (5): repairs of public places', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('R1 R4 R7 R10: 王秀英 reports building 1\'s third-floor corridor light; it is dispatched and done like any other, she is told it is fixed, and the callback calls her', async () => {
    const filed = expectOk(await callAs(rt, WANG, repairs.create, publicRepairInput()));
    expect(filed).toMatchObject({ roomId: null, address: '1栋 3层', status: 'submitted', residentName: '王秀英' });
    expect(raw<{ _id: string; roomId: unknown; address: unknown; place: unknown }>(rt, 'repairs').find((r) => r._id === filed.id)).toMatchObject({
      roomId: null,
      address: null,
      place: { scope: 'building', building: '1', floor: 3 },
    });

    const inbox = expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.inbox, { propertyId: PROPERTY })).items;
    expect(inbox.find((r) => r.id === filed.id)?.address).toBe('1栋 3层');
    expect((await inboxOf(rt, DESK_ON_SHIFT)).some((n) => n.title.endsWith('· 1栋 3层'))).toBe(true);

    const o = order(rt, filed);
    expectOk(await o.step(DESK_ON_SHIFT, repairs.dispatch, { technicianId: memberIdOf(TECH_LI) }));
    const mine = expectOk(await callAs(rt, TECH_LI, repairs.assigned, { propertyId: PROPERTY })).items;
    expect(mine.find((r) => r.id === filed.id)?.address).toBe('1栋 3层');
    expectOk(await o.step(TECH_LI, repairs.acknowledge));
    expectOk(await o.step(TECH_LI, repairs.arrive));
    expectOk(await o.step(TECH_LI, repairs.quote, { items: [] }));
    expectOk(await o.step(TECH_LI, repairs.accept, { signature: file(TECH_LI, 'accept.png') }));
    expectOk(await o.step(TECH_LI, repairs.complete, { ...photos(), materials: [] }));
    expectOk(await o.step(TECH_LI, repairs.signOff, { signature: file(TECH_LI, 'sig.png'), rating: { quality: 3, attitude: 5, comment: '' } }));

    const told = (await inboxOf(rt, WANG)).filter((n) => n.title.includes('1栋 3层'));
    expect(told.map((n) => n.body)).toContain('李建国师傅已完工，费用0.00元');
    expect((await callAs(rt, WANG, repairs.get, { propertyId: PROPERTY, repairId: filed.id }))).toMatchObject({ ok: true, data: { status: 'signed', address: '1栋 3层' } });

    await tick(rt);
    const [task] = expectOk(await callAs(rt, DESK_ON_SHIFT, callbacks.queue, { propertyId: PROPERTY })).items.filter((c) => c.subjectId === filed.id);
    expect(task).toMatchObject({ address: '1栋 3层', phone: '13800000101', reason: 'low_rating' });
  });

  it('R1: a public area from the property\'s list (the car park) is worded by its name, and files once per command id', async () => {
    const input = publicRepairInput({ scope: 'public_area', area: 'parking' }, { description: '地下车库入口道闸抬不起来' });
    const first = await callAs(rt, WANG, repairs.create, input);
    expect(first).toMatchObject({ ok: true, data: { roomId: null, address: '停车场' } });
    expect(await callAs(rt, WANG, repairs.create, input)).toEqual(first);
    expect(raw(rt, 'repairs').filter((r) => r.description === '地下车库入口道闸抬不起来')).toHaveLength(1);
    expect(expectOk(await callAs(rt, WANG, repairs.listMine, { propertyId: PROPERTY })).items.map((r) => r.address)).toContain('停车场');
  });

  it('R2: the desk registers a public place a caller reports, on her behalf; the lift lobby of a basement floor reads 地下1层', async () => {
    const lobby = expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.register, registerInput({ place: { scope: 'building', building: '1', floor: -1 } })));
    expect(lobby).toMatchObject({ roomId: null, address: '1栋 地下1层', channel: 'phone', residentName: '王秀英' });
  });

  it('a building the property does not have is refused REPAIR.PLACE_NOT_FOUND, and nothing is filed', async () => {
    const before = raw(rt, 'repairs').length;
    expect(await callAs(rt, WANG, repairs.create, publicRepairInput({ scope: 'building', building: '99' }))).toMatchObject({ ok: false, code: 'REPAIR.PLACE_NOT_FOUND' });
    expect(await callAs(rt, DESK_ON_SHIFT, repairs.register, registerInput({ place: { scope: 'building', building: '99' } }))).toMatchObject({ ok: false, code: 'REPAIR.PLACE_NOT_FOUND' });
    expect(raw(rt, 'repairs')).toHaveLength(before);
  });

  it('a resident files a public repair only in a property she belongs to', async () => {
    expect(await callAs(rt, WANG, repairs.create, { ...publicRepairInput(), propertyId: 'other' })).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    expect(await callAs(rt, 'o-stranger', repairs.create, publicRepairInput())).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
  });

  it('a repair with both a room and a place, or with neither, is refused COMMON.BAD_INPUT naming the place in Chinese', async () => {
    const { place: _place, ...neither } = publicRepairInput();
    for (const input of [{ ...publicRepairInput(), roomId: 'demo:1-1-101' }, neither]) {
      const result = (await rt.invoke('repairs', { action: 'create', input }, { openid: WANG })) as { ok: boolean; code: string; message: string; fields: { field: string; label: string }[] };
      expect(result).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT', message: '发生地点：请选择房屋或公共区域，只选其一', fields: [{ field: 'place', label: '发生地点' }] });
    }
    const both = { ...registerInput({ roomId: 'demo:1-1-101', place: { scope: 'public_area', area: 'gate' } }) };
    expect(await rt.invoke('repairs', { action: 'register', input: both }, { openid: DESK_ON_SHIFT })).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT' });
    expect(raw(rt, 'repairs')).toHaveLength(0);
  });

  it('V4 K2: nobody waits at home for a public place: no window to book and no resident key to leave', async () => {
    const filed = expectOk(await callAs(rt, WANG, repairs.create, publicRepairInput()));
    expect(await callAs(rt, WANG, visits.bookWindow, { propertyId: PROPERTY, commandId: 'book-public', repairId: filed.id, start: '2026-11-24T06:00:00.000Z' })).toMatchObject({
      ok: false,
      code: 'BOOKING.PUBLIC_PLACE',
    });
    const key = { propertyId: PROPERTY, commandId: 'leave-public', repairId: filed.id, technicianId: memberIdOf(TECH_LI), keys: '走廊配电箱钥匙', leftBy: '王秀英' };
    expect(await callAs(rt, DESK_ON_SHIFT, keys.leaveKey, key)).toMatchObject({ ok: false, code: 'KEY.PUBLIC_PLACE' });
  });

  it('a room repair still goes to the resident\'s own room only', async () => {
    expect(await callAs(rt, ZHANG, repairs.create, repairInput({ roomId: 'demo:1-1-101' }))).toMatchObject({ ok: false, code: 'REPAIR.ROOM_NOT_YOURS' });
  });
});
