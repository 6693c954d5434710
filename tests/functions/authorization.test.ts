import { repairs, session } from '@shared/contracts';
import { callAs, DESK_ON_SHIFT, expectOk, memberIdOf, PROPERTY, repairInput, snapshot, startRuntime, uploadAs, TECH_LI, TECH_MA, WANG, ZHANG, ZHANG_ROOM } from './harness';

/** A second property with its own desk and resident, to prove tenancy. */
const seedOtherProperty = async (rt: Awaited<ReturnType<typeof startRuntime>>) => {
  const now = '2026-11-01T00:00:00.000Z';
  await rt.db.collection('properties').doc('other').set({ data: { propertyId: 'other', schemaVersion: 1, name: '翠湖苑', deskPhone: '021-66660000' } });
  await rt.db.collection('rooms').doc('other:9-1-101').set({ data: { propertyId: 'other', schemaVersion: 1, building: '9', unit: '1', room: '101' } });
  for (const [id, openid, role, roomIds] of [
    ['mb_otherdesk', 'o-other-desk', 'desk', []],
    ['mb_otherres', 'o-other-res', 'resident', ['other:9-1-101']],
  ] as const) {
    await rt.db.collection('members').doc(id).set({
      data: { propertyId: 'other', schemaVersion: 1, openid, role, status: 'active', name: '外盘成员', phone: '13000000000', roomIds, skills: [], createdAt: now },
    });
  }
};

describe('authorisation: identity from the platform, membership resolved on every call', () => {
  let rt: Awaited<ReturnType<typeof startRuntime>>;
  beforeEach(async () => {
    rt = await startRuntime();
    await seedOtherProperty(rt);
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
