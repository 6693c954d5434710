import { members, privacy, repairs, settings } from '@shared/contracts';
import { ERASED_NAME } from '@shared/model/erasure.model';
import { callAs, DESK_ON_SHIFT, expectOk, expectRefusedUnchanged, expectRolledBack, holdCommitsUntilBothRead, MANAGER, newCommandId, PROPERTY, raw, repairInput, startRuntime, WANG, WANG_ROOM, watchTraces, ZHANG_ROOM } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
/** 孙丽 in the demo seed: a WeChat user of no property yet. */
const SUN = 'o-new-res';
const TENANT = 'o-new-tenant';
/** 吴芳 shares 王秀英's room 1-1-101 in the demo seed. */
const WU = 'o-res-wu';

const invite = (rt: Rt, openid: string, over: Record<string, unknown> = {}) =>
  callAs(rt, openid, members.inviteToRoom, { propertyId: PROPERTY, commandId: newCommandId(), roomId: WANG_ROOM, relation: 'family', ...over });
const joinInput = (code: string, over: Record<string, unknown> = {}) => ({ propertyId: PROPERTY, commandId: newCommandId(), code, name: '孙丽', phone: '13800001020', ...over });
const joinRoom = (rt: Rt, openid: string, code: string, over: Record<string, unknown> = {}) => callAs(rt, openid, members.joinRoom, joinInput(code, over));
const codeOf = async (rt: Rt, over: Record<string, unknown> = {}) => expectOk(await invite(rt, WANG, over)).code!;
const ownerInvites = async (rt: Rt, value: { enabled: boolean; deskApproves: boolean }) =>
  expectOk(await callAs(rt, MANAGER, settings.updateSettings, { propertyId: PROPERTY, commandId: newCommandId(), ownerInvites: value }));

describe('issue 18 (5): an owner invites family or a tenant to bind her room', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('王秀英 gets a code and a share path once, expiring as staff invitations do (72 hours); the code is stored only as its hash', async () => {
    const commandId = newCommandId();
    const issued = expectOk(await callAs(rt, WANG, members.inviteToRoom, { propertyId: PROPERTY, commandId, roomId: WANG_ROOM, relation: 'family' }));
    expect(issued).toMatchObject({ address: '1-1-101', relation: 'family', expiresAt: '2026-11-26T02:00:00.000Z', code: expect.stringMatching(/^[2-9A-HJ-NP-Z]{8}$/) });
    expect(issued.path).toBe(`pages/join/bind/index?p=demo&code=${issued.code}`);
    expect(JSON.stringify(raw(rt, 'roomInvitations'))).not.toContain(issued.code!);
    const again = expectOk(await callAs(rt, WANG, members.inviteToRoom, { propertyId: PROPERTY, commandId, roomId: WANG_ROOM, relation: 'family' }));
    expect(again).toEqual({ ...issued, code: null, path: null });
  });

  it('by default the binding waits for the desk, marked as 王秀英\'s invitation in the queue and in the desk\'s notice; the desk approves it as any other', async () => {
    const asked = expectOk(await joinRoom(rt, SUN, await codeOf(rt)));
    expect(asked).toMatchObject({ status: 'pending', relation: 'family', address: '1-1-101', invitedBy: '王秀英', reviewedAt: null });
    const queue = expectOk(await callAs(rt, DESK_ON_SHIFT, members.bindingRequests, { propertyId: PROPERTY }));
    expect(queue.items.map((b) => [b.name, b.invitedBy])).toEqual([['孙丽', '王秀英']]);
    expect(raw<{ kind: string; body: string }>(rt, 'outbox').filter((n) => n.kind === 'binding.new').map((n) => n.body)).toEqual(['孙丽（家属）凭业主王秀英的邀请申请绑定 1-1-101']);
    expect(raw(rt, 'members').some((m) => (m as { openid: string }).openid === SUN)).toBe(false);
    expectOk(await callAs(rt, DESK_ON_SHIFT, members.reviewBinding, { propertyId: PROPERTY, commandId: newCommandId(), bindingId: asked.id, version: asked.version, decision: 'approve', reason: '' }));
    expect(raw<{ openid: string; roomIds: string[] }>(rt, 'members').find((m) => m.openid === SUN)?.roomIds).toEqual([WANG_ROOM]);
  });

  it('C3: where the property switched the desk\'s review off, 孙丽 is bound at once and sees the room\'s repairs filed after, never the one filed before', async () => {
    await ownerInvites(rt, { enabled: true, deskApproves: false });
    const before = expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    rt.clock.advanceMinutes(1);
    const code = await codeOf(rt);
    const bound = expectOk(await joinRoom(rt, SUN, code));
    expect(bound).toMatchObject({ status: 'approved', invitedBy: '王秀英', reviewedAt: '2026-11-23T02:01:00.000Z' });
    expect(raw<{ openid: string; role: string; roomIds: string[] }>(rt, 'members').find((m) => m.openid === SUN)).toMatchObject({ role: 'resident', roomIds: [WANG_ROOM] });
    expect(raw<{ status: string; used: { name: string } | null }>(rt, 'roomInvitations')).toEqual([expect.objectContaining({ status: 'used', used: expect.objectContaining({ name: '孙丽' }) })]);

    expect(await callAs(rt, SUN, repairs.get, { propertyId: PROPERTY, repairId: before.id })).toMatchObject({ ok: false, code: 'REPAIR.NOT_FOUND' });
    rt.clock.advanceMinutes(1);
    const after = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ description: '卫生间地漏堵了' })));
    expect(expectOk(await callAs(rt, SUN, repairs.get, { propertyId: PROPERTY, repairId: after.id }))).toMatchObject({ id: after.id, byHousehold: true });
    expect(expectOk(await callAs(rt, SUN, repairs.listMine, { propertyId: PROPERTY })).items.map((r) => r.id)).toEqual([after.id]);
  });

  it('a tenant she invited is bound as a tenant, and cannot invite in turn: ROOM_INVITATION.NOT_OWNER', async () => {
    await ownerInvites(rt, { enabled: true, deskApproves: false });
    expectOk(await joinRoom(rt, TENANT, await codeOf(rt, { relation: 'tenant' }), { name: '赵租客', phone: '13800001030' }));
    await expectRefusedUnchanged(rt, TENANT, members.inviteToRoom, { propertyId: PROPERTY, commandId: newCommandId(), roomId: WANG_ROOM, relation: 'family' }, 'ROOM_INVITATION.NOT_OWNER');
  });

  it('she invites only for her own room: ROOM_INVITATION.NOT_YOUR_ROOM, nothing written', async () => {
    await expectRefusedUnchanged(rt, WANG, members.inviteToRoom, { propertyId: PROPERTY, commandId: newCommandId(), roomId: ZHANG_ROOM, relation: 'tenant' }, 'ROOM_INVITATION.NOT_YOUR_ROOM');
  });

  it('staff invite nobody to a room (the action is a resident\'s)', async () => {
    await expectRefusedUnchanged(rt, DESK_ON_SHIFT, members.inviteToRoom, { propertyId: PROPERTY, commandId: newCommandId(), roomId: WANG_ROOM, relation: 'family' }, 'COMMON.FORBIDDEN');
  });

  it('a property that switched owners\' invitations off refuses new ones, and the codes already given: ROOM_INVITATION.OFF', async () => {
    const code = await codeOf(rt);
    await ownerInvites(rt, { enabled: false, deskApproves: true });
    // The settings a warm instance remembers are read again after 30 seconds.
    rt.clock.advanceMinutes(1);
    await expectRefusedUnchanged(rt, WANG, members.inviteToRoom, { propertyId: PROPERTY, commandId: newCommandId(), roomId: WANG_ROOM, relation: 'family' }, 'ROOM_INVITATION.OFF');
    await expectRefusedUnchanged(rt, SUN, members.joinRoom, joinInput(code), 'ROOM_INVITATION.OFF');
  });

  it('a code binds once: the second person gets INVITATION.USED, nothing written', async () => {
    const code = await codeOf(rt);
    expectOk(await joinRoom(rt, SUN, code));
    await expectRefusedUnchanged(rt, TENANT, members.joinRoom, joinInput(code, { name: '赵租客' }), 'INVITATION.USED');
  });

  it('two people racing one code: exactly one is bound, the other gets INVITATION.USED', async () => {
    await ownerInvites(rt, { enabled: true, deskApproves: false });
    const code = await codeOf(rt);
    const transactions = holdCommitsUntilBothRead(rt, 'roomInvitations');
    const results = await Promise.all([joinRoom(rt, SUN, code), joinRoom(rt, TENANT, code, { name: '赵租客' })]);
    expect(transactions.raced()).toBe(true);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'INVITATION.USED' });
    expect(raw<{ openid: string }>(rt, 'members').filter((m) => m.openid === SUN || m.openid === TENANT)).toHaveLength(1);
    expect(raw(rt, 'bindings')).toHaveLength(1);
  });

  it('a code expires after 72 hours: INVITATION.EXPIRED; a code nobody issued: INVITATION.NOT_FOUND', async () => {
    const code = await codeOf(rt);
    rt.clock.advanceMinutes(72 * 60);
    await expectRefusedUnchanged(rt, SUN, members.joinRoom, joinInput(code), 'INVITATION.EXPIRED');
    await expectRefusedUnchanged(rt, SUN, members.joinRoom, joinInput('ABCD2345'), 'INVITATION.NOT_FOUND');
  });

  it('a code used on another property\'s join page is refused: INVITATION.OTHER_PROPERTY', async () => {
    await rt.db.collection('properties').doc('other').set({ data: { propertyId: 'other', schemaVersion: 1, name: '翠湖苑', deskPhone: '021-66660000' } });
    const code = await codeOf(rt);
    await expectRefusedUnchanged(rt, SUN, members.joinRoom, joinInput(code, { propertyId: 'other' }), 'INVITATION.OTHER_PROPERTY');
  });

  it('someone already bound to the room (吴芳) cannot use it: BINDING.ALREADY_BOUND; the code stays open', async () => {
    const code = await codeOf(rt);
    await expectRefusedUnchanged(rt, WU, members.joinRoom, joinInput(code, { name: '吴芳' }), 'BINDING.ALREADY_BOUND');
    expectOk(await joinRoom(rt, SUN, code));
  });

  it('issue 12 (4): her invitations count against their own daily limit (5 by default): the sixth of the day is ROOM_INVITATION.DAILY_LIMIT', async () => {
    for (let i = 0; i < 5; i++) await codeOf(rt);
    const { last } = watchTraces(rt);
    await expectRefusedUnchanged(rt, WANG, members.inviteToRoom, { propertyId: PROPERTY, commandId: newCommandId(), roomId: WANG_ROOM, relation: 'family' }, 'ROOM_INVITATION.DAILY_LIMIT');
    expectRolledBack(last());
    expect(raw(rt, 'roomInvitations')).toHaveLength(5);
  });

  it('issue 16: an invitation reads the settings, her bindings and the room with her membership, and takes its place of the day beside its transaction\'s operation', async () => {
    const { last } = watchTraces(rt);
    expectOk(await invite(rt, WANG));
    const trace = last();
    expect(trace.filter((c) => ['settings', 'bindings', 'rooms'].includes(c.detail)).map((c) => c.wait)).toEqual([1, 1, 1]);
    const written = trace.find((c) => c.detail === 'roomInvitations' && c.inTransaction)!;
    expect(trace.find((c) => c.detail === 'quotas')?.wait).toBe(written.wait);
    expect(trace.find((c) => c.kind === 'database.commitTransaction')!.wait).toBeLessThanOrEqual(5);
  });

  it('PIPL: erasing the person who bound with a code takes her name off the used invitation too', async () => {
    await ownerInvites(rt, { enabled: true, deskApproves: false });
    expectOk(await joinRoom(rt, SUN, await codeOf(rt)));
    expectOk(await callAs(rt, SUN, privacy.requestErasure, { propertyId: PROPERTY, commandId: newCommandId(), reason: '' }));
    const [request] = expectOk(await callAs(rt, MANAGER, privacy.erasureRequests, { propertyId: PROPERTY })).items;
    expectOk(await callAs(rt, MANAGER, privacy.erase, { propertyId: PROPERTY, commandId: newCommandId(), erasureId: request!.id }));
    expect(raw<{ used: { name: string } }>(rt, 'roomInvitations').map((i) => i.used.name)).toEqual([ERASED_NAME]);
  });

  it('the settings say whether owners invite and whether the desk reviews it, on by default; the manager changes them', async () => {
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, settings.settings, { propertyId: PROPERTY })).ownerInvites).toEqual({ enabled: true, deskApproves: true, perDay: 5 });
    const saved = await ownerInvites(rt, { enabled: true, deskApproves: false });
    expect(saved.ownerInvites).toEqual({ enabled: true, deskApproves: false, perDay: 5 });
    expect(saved.history[0]?.fields).toEqual(['ownerInvites']);
  });
});
