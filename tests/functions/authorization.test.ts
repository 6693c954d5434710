import { complaints, members, repairs, session } from '@shared/contracts';
import { callAs, complaintInput, DESK_ON_SHIFT, expectOk, MANAGER, memberIdOf, newCommandId, PROPERTY, repairInput, snapshot, startRuntime, uploadAs, TECH_LI, TECH_MA, WANG, WANG_ROOM, ZHANG, ZHANG_ROOM, seedOtherProperty } from './harness';

/** A second property with its own desk and resident, to prove tenancy. */
const seedOther = (rt: Awaited<ReturnType<typeof startRuntime>>) =>
  seedOtherProperty(
    rt,
    [
      { id: 'mb_otherdesk', openid: 'o-other-desk', role: 'desk', name: '外盘成员' },
      { id: 'mb_otherres', openid: 'o-other-res', role: 'resident', name: '外盘成员', roomIds: ['other:9-1-101'] },
    ],
    ['9-1-101'],
  );

describe('authorisation: identity from the platform, membership resolved on every call', () => {
  let rt: Awaited<ReturnType<typeof startRuntime>>;
  beforeEach(async () => {
    rt = await startRuntime();
    await seedOther(rt);
  });
  afterEach(() => rt.close());

  it('P1: a resident cannot read another resident\'s repair, nor find it in their own list', async () => {
    const wangs = expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    expect(await callAs(rt, ZHANG, repairs.get, { propertyId: PROPERTY, repairId: wangs.id })).toMatchObject({ ok: false, code: 'REPAIR.NOT_FOUND' });
    expect(expectOk(await callAs(rt, ZHANG, repairs.listMine, { propertyId: PROPERTY })).items).toEqual([]);
  });

  it('R1: a resident files only for a room bound to them', async () => {
    expect(await callAs(rt, WANG, repairs.create, repairInput({ roomId: ZHANG_ROOM }))).toMatchObject({ ok: false, code: 'REPAIR.ROOM_NOT_YOURS' });
  });

  it('R1: photos must sit in the uploader\'s own folder; the view returns a link to each, never its file id', async () => {
    const theirs = uploadAs(rt, ZHANG, 'a.jpg');
    expect(await callAs(rt, WANG, repairs.create, repairInput({ photos: [theirs] }))).toMatchObject({ ok: false, code: 'REPAIR.PHOTO_NOT_YOURS' });
    const traversal = `cloud://local.local/uploads/${memberIdOf(WANG)}/../${memberIdOf(ZHANG)}/a.jpg`;
    expect(await callAs(rt, WANG, repairs.create, repairInput({ photos: [traversal] }))).toMatchObject({ ok: false, code: 'REPAIR.PHOTO_NOT_YOURS' });
    const legacyOfAnother = `cloud://local.local/uploads/${ZHANG}/a.jpg`;
    expect(await callAs(rt, WANG, repairs.create, repairInput({ photos: [legacyOfAnother] }))).toMatchObject({ ok: false, code: 'REPAIR.PHOTO_NOT_YOURS' });
    const own = uploadAs(rt, WANG, 'a.jpg');
    const [link] = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ photos: [own] }))).photos;
    expect(link).toMatch(/^\/api\/storage\/file\?path=uploads%2Fmb_oreswang%2Fa\.jpg&expires=\d+&sign=[0-9a-f]{64}$/);
  });

  it('R4: a resident or a technician cannot dispatch; no client can set a status', async () => {
    const created = expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    const attempt = { propertyId: PROPERTY, commandId: 'dispatch-x001', repairId: created.id, version: 1, technicianId: memberIdOf(TECH_LI) };
    expect(await callAs(rt, WANG, repairs.dispatch, attempt)).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    expect(await callAs(rt, TECH_LI, repairs.dispatch, attempt)).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    expect(await callAs(rt, WANG, repairs.create, { ...repairInput(), status: 'dispatched' })).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT' });
  });

  it('R4: a technician sees only the orders assigned to them', async () => {
    const created = expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.dispatch, { propertyId: PROPERTY, commandId: 'dispatch-x002', repairId: created.id, version: 1, technicianId: memberIdOf(TECH_LI) }));
    expect(await callAs(rt, TECH_MA, repairs.get, { propertyId: PROPERTY, repairId: created.id })).toMatchObject({ ok: false, code: 'REPAIR.NOT_FOUND' });
    expect(expectOk(await callAs(rt, TECH_LI, repairs.get, { propertyId: PROPERTY, repairId: created.id })).id).toBe(created.id);
  });

  it('a member of one property cannot act in another, whatever propertyId they send', async () => {
    const created = expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    const before = await snapshot(rt);
    expect(await callAs(rt, 'o-other-desk', repairs.inbox, { propertyId: PROPERTY })).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    expect(await callAs(rt, 'o-other-desk', repairs.get, { propertyId: 'other', repairId: created.id })).toMatchObject({ ok: false, code: 'REPAIR.NOT_FOUND' });
    expect(
      await callAs(rt, 'o-other-desk', repairs.dispatch, { propertyId: 'other', commandId: 'dispatch-x003', repairId: created.id, version: 1, technicianId: memberIdOf(TECH_LI) }),
    ).toMatchObject({ ok: false, code: 'REPAIR.TECHNICIAN_NOT_FOUND' });
    expect(expectOk(await callAs(rt, 'o-other-desk', repairs.inbox, { propertyId: 'other' })).items).toEqual([]);
    expect(await snapshot(rt)).toEqual(before);
  });

  it('an unknown WeChat user is no member anywhere and sees only an empty membership list', async () => {
    expect(expectOk(await callAs(rt, 'o-stranger', session.me, {})).memberships).toEqual([]);
    expect(await callAs(rt, 'o-stranger', repairs.listMine, { propertyId: PROPERTY })).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
  });

  it('a deactivated member is refused at their next call', async () => {
    expectOk(await callAs(rt, WANG, repairs.listMine, { propertyId: PROPERTY }));
    await rt.db.collection('members').doc(memberIdOf(WANG)).update({ data: { status: 'inactive' } });
    expect(await callAs(rt, WANG, repairs.listMine, { propertyId: PROPERTY })).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
  });

  it('the reminders function refuses anything but its timer', async () => {
    expect(await rt.invoke('reminders', { Type: 'Timer', TriggerName: 'every-minute', Time: 'x' }, { openid: WANG })).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    expect(await rt.invoke('reminders', { action: 'x' }, { openid: '' })).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
  });
});

describe('issue 18 (5), C3: a household follows its room\'s repairs filed since each of them was bound; nobody else sees them', () => {
  /** 吴芳 shares 王秀英's room 1-1-101 in the demo seed (bound since the seed, made at this runtime's start). */
  const WU = 'o-res-wu';
  const NEWCOMER = 'o-new-res';
  const LI_ROOM = 'demo:1-1-302';
  let rt: Awaited<ReturnType<typeof startRuntime>>;
  beforeEach(async () => {
    rt = await startRuntime();
    await seedOther(rt);
  });
  afterEach(() => rt.close());

  const get = (openid: string, repairId: string, propertyId = PROPERTY) => callAs(rt, openid, repairs.get, { propertyId, repairId });
  const listed = async (openid: string, open = false) => expectOk(await callAs(rt, openid, repairs.listMine, { propertyId: PROPERTY, ...(open ? { open } : {}) }));
  /** The desk approves a request for the room a minute after it was made: the binding's time is the approval's. */
  const bind = async (openid: string, roomId: string) => {
    const asked = expectOk(await callAs(rt, openid, members.requestBinding, { propertyId: PROPERTY, commandId: newCommandId(), roomId, name: '孙丽', relation: 'tenant', phone: '13800001020' }));
    rt.clock.advanceMinutes(1);
    expectOk(await callAs(rt, DESK_ON_SHIFT, members.reviewBinding, { propertyId: PROPERTY, commandId: newCommandId(), bindingId: asked.id, version: asked.version, decision: 'approve', reason: '' }));
    rt.clock.advanceMinutes(1);
  };

  it('C3: 吴芳 reads and lists 王秀英\'s repair of their room with who filed it, masked, and may not act on it; 王秀英 may', async () => {
    const wangs = expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    const seen = expectOk(await get(WU, wangs.id));
    expect(seen).toMatchObject({ id: wangs.id, residentName: '王秀英', byHousehold: true, phone: '138****0101', actions: [] });
    expect(expectOk(await get(WANG, wangs.id)).byHousehold).toBe(false);
    const list = await listed(WU);
    expect({ ids: list.items.map((r) => r.id), total: list.total }).toEqual({ ids: [wangs.id], total: 1 });
    expect((await listed(WU, true)).total).toBe(1);
  });

  it('C3: her own and the household\'s repairs are one list, each once, newest first, with one count', async () => {
    const wangs = expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    rt.clock.advanceMinutes(1);
    const wus = expectOk(await callAs(rt, WU, repairs.create, repairInput({ description: '卫生间地漏堵了' })));
    const list = await listed(WU);
    expect({ ids: list.items.map((r) => r.id), total: list.total }).toEqual({ ids: [wus.id, wangs.id], total: 2 });
    const first = expectOk(await callAs(rt, WU, repairs.listMine, { propertyId: PROPERTY, limit: 1 }));
    const second = expectOk(await callAs(rt, WU, repairs.listMine, { propertyId: PROPERTY, limit: 1, cursor: first.next }));
    expect([...first.items, ...second.items].map((r) => r.id)).toEqual([wus.id, wangs.id]);
    expect(second.next).toBeNull();
  });

  it('R7: 吴芳 rating or accepting the quote on 王秀英\'s repair is refused as the filer\'s own step, and nothing changes', async () => {
    const wangs = expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    const before = await snapshot(rt);
    const step = { propertyId: PROPERTY, repairId: wangs.id, version: wangs.version };
    expect(await callAs(rt, WU, repairs.rate, { ...step, commandId: newCommandId(), rating: { quality: 5, attitude: 5, comment: '' } })).toMatchObject({ ok: false, code: 'REPAIR.FILER_ONLY' });
    expect(await callAs(rt, WU, repairs.accept, { ...step, commandId: newCommandId() })).toMatchObject({ ok: false, code: 'REPAIR.FILER_ONLY' });
    expect(await callAs(rt, ZHANG, repairs.rate, { ...step, commandId: newCommandId(), rating: { quality: 5, attitude: 5, comment: '' } })).toMatchObject({ ok: false, code: 'REPAIR.NOT_FOUND' });
    expect(await snapshot(rt)).toEqual(before);
  });

  it('C3: a resident of another room gets REPAIR.NOT_FOUND and an empty list', async () => {
    const wangs = expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    expect(await get(ZHANG, wangs.id)).toMatchObject({ ok: false, code: 'REPAIR.NOT_FOUND' });
    expect((await listed(ZHANG)).total).toBe(0);
  });

  it('C3: a new tenant of the room bound after the repair was filed gets REPAIR.NOT_FOUND; the next one filed she sees', async () => {
    const before = expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    rt.clock.advanceMinutes(5);
    await bind(NEWCOMER, WANG_ROOM);
    expect(await get(NEWCOMER, before.id)).toMatchObject({ ok: false, code: 'REPAIR.NOT_FOUND' });
    expect(await listed(NEWCOMER)).toMatchObject({ items: [], total: 0 });
    const after = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ description: '阳台灯不亮' })));
    expect(expectOk(await get(NEWCOMER, after.id)).byHousehold).toBe(true);
    const list = await listed(NEWCOMER);
    expect({ ids: list.items.map((r) => r.id), total: list.total }).toEqual({ ids: [after.id], total: 1 });
  });

  it('C3: a resident unbound from the room (back as a resident of another) gets REPAIR.NOT_FOUND on its repairs; her own filing stays hers', async () => {
    const hers = expectOk(await callAs(rt, WU, repairs.create, repairInput({ description: '卫生间地漏堵了' })));
    const wangs = expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    expectOk(await callAs(rt, MANAGER, members.deactivate, { propertyId: PROPERTY, commandId: newCommandId(), memberId: memberIdOf(WU), reason: '搬离' }));
    await bind(WU, LI_ROOM);
    expect(await get(WU, wangs.id)).toMatchObject({ ok: false, code: 'REPAIR.NOT_FOUND' });
    const list = await listed(WU);
    expect({ ids: list.items.map((r) => r.id), total: list.total }).toEqual({ ids: [hers.id], total: 1 });
  });

  it('C3: a resident of another property gets REPAIR.NOT_FOUND, whatever property she names', async () => {
    const wangs = expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    expect(await get('o-other-res', wangs.id, 'other')).toMatchObject({ ok: false, code: 'REPAIR.NOT_FOUND' });
    expect(await get('o-other-res', wangs.id)).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
  });

  it('C3: complaints stay personal: 吴芳 gets COMPLAINT.NOT_FOUND on 王秀英\'s complaint from their room', async () => {
    const wangs = expectOk(await callAs(rt, WANG, complaints.create, complaintInput(WANG_ROOM)));
    expect(await callAs(rt, WU, complaints.get, { propertyId: PROPERTY, ref: { kind: 'complaint', id: wangs.id } })).toMatchObject({ ok: false, code: 'COMPLAINT.NOT_FOUND' });
    expect(expectOk(await callAs(rt, WU, complaints.listMine, { propertyId: PROPERTY })).items).toEqual([]);
  });
});
