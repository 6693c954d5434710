import { members, session, settings } from '@shared/contracts';
import { callAs, DESK_ON_SHIFT, expectOk, expectRefusedUnchanged, holdCommitsUntilBothRead, MANAGER, memberIdOf, newCommandId, PROPERTY, raw, startRuntime, WANG, WANG_ROOM, ZHANG, seedOtherProperty } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
/** 孙丽 in the demo seed: a WeChat user of no property yet. */
const SUN = 'o-new-res';
const TENANT = 'o-new-tenant';
/** 吴芳 holds 1-1-101 with 王秀英 in the demo seed, with no request: its second owner. */
const WU = 'o-res-wu';
const OTHER_RES = 'o-other-res';

const invite = (rt: Rt, openid = WANG, relation = 'family') => callAs(rt, openid, members.inviteToRoom, { propertyId: PROPERTY, commandId: newCommandId(), roomId: WANG_ROOM, relation });
const issued = async (rt: Rt, relation = 'family') => expectOk(await invite(rt, WANG, relation));
const joinInput = (code: string, over: Record<string, unknown> = {}) => ({ propertyId: PROPERTY, commandId: newCommandId(), code, name: '孙丽', phone: '13800001020', ...over });
const openOf = (rt: Rt, openid: string, over: Record<string, unknown> = {}) => callAs(rt, openid, members.myRoomInvitations, { propertyId: PROPERTY, ...over });
const cancelInput = (invitationId: string, propertyId = PROPERTY) => ({ propertyId, commandId: newCommandId(), invitationId });
const ownerInvites = (rt: Rt, value: Record<string, unknown>) =>
  callAs(rt, MANAGER, settings.updateSettings, { propertyId: PROPERTY, commandId: newCommandId(), ownerInvites: value });
const joinedNotices = (rt: Rt) => raw<{ kind: string; recipient: string; body: string; title: string }>(rt, 'outbox').filter((n) => n.kind === 'binding.joined');

/** A resident of a second property, written as the platform's tenancy tests write one. */
const seedOther = (rt: Rt) => seedOtherProperty(rt, [{ id: 'mb_otherres', openid: OTHER_RES, role: 'resident', name: '外盘业主' }]);

describe('issue 18 (5): an owner sees the codes she issued that are still open, and withdraws one', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('王秀英 lists her open codes, soonest to expire first, paged, with who they are for and when they were issued and expire, never the code', async () => {
    const first = await issued(rt, 'family');
    rt.clock.advanceMinutes(10);
    const second = await issued(rt, 'tenant');
    const page = expectOk(await openOf(rt, WANG, { limit: 1 }));
    expect(page).toMatchObject({ total: 2, items: [{ id: first.id, address: '1-1-101', relation: 'family', createdAt: '2026-11-23T02:00:00.000Z', expiresAt: '2026-11-26T02:00:00.000Z' }] });
    const rest = expectOk(await openOf(rt, WANG, { limit: 1, cursor: page.next }));
    expect(rest).toEqual({ total: 2, next: null, items: [{ id: second.id, address: '1-1-101', relation: 'tenant', createdAt: '2026-11-23T02:10:00.000Z', expiresAt: '2026-11-26T02:10:00.000Z' }] });
    expect(JSON.stringify([page, rest])).not.toContain(first.code!);
    expect(JSON.stringify([page, rest])).not.toContain(second.code!);
  });

  it('a used, withdrawn or expired code leaves her list', async () => {
    const used = await issued(rt);
    const withdrawn = await issued(rt);
    expectOk(await callAs(rt, SUN, members.joinRoom, joinInput(used.code!)));
    expectOk(await callAs(rt, WANG, members.cancelRoomInvitation, cancelInput(withdrawn.id)));
    const last = await issued(rt);
    expect(expectOk(await openOf(rt, WANG)).items.map((i) => i.id)).toEqual([last.id]);
    rt.clock.advanceMinutes(72 * 60);
    expect(expectOk(await openOf(rt, WANG))).toEqual({ items: [], total: 0, next: null });
  });

  it('nobody else sees her codes: the second owner 吴芳, the family member she bound, a neighbour each list only their own (none)', async () => {
    await ownerInvites(rt, { enabled: true, deskApproves: false });
    expectOk(await callAs(rt, TENANT, members.joinRoom, joinInput((await issued(rt, 'tenant')).code!, { name: '赵租客' })));
    await issued(rt);
    for (const openid of [WU, TENANT, ZHANG]) expect({ openid, page: expectOk(await openOf(rt, openid)) }).toEqual({ openid, page: { items: [], total: 0, next: null } });
  });

  it('refused without a membership: staff COMMON.FORBIDDEN, a stranger and another property\'s resident COMMON.NOT_A_MEMBER', async () => {
    await seedOther(rt);
    await issued(rt);
    expect(await openOf(rt, DESK_ON_SHIFT)).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    for (const openid of ['o-stranger', OTHER_RES]) expect({ openid, result: await openOf(rt, openid) }).toMatchObject({ openid, result: { ok: false, code: 'COMMON.NOT_A_MEMBER' } });
  });

  it('she withdraws a code: it leaves her list, and whoever types it is told ROOM_INVITATION.CANCELLED, nothing written', async () => {
    const code = await issued(rt);
    const commandId = newCommandId();
    const done = expectOk(await callAs(rt, WANG, members.cancelRoomInvitation, { propertyId: PROPERTY, commandId, invitationId: code.id }));
    expect(done).toEqual({ id: code.id, cancelledAt: '2026-11-23T02:00:00.000Z' });
    expect(expectOk(await callAs(rt, WANG, members.cancelRoomInvitation, { propertyId: PROPERTY, commandId, invitationId: code.id }))).toEqual(done);
    await expectRefusedUnchanged(rt, SUN, members.joinRoom, joinInput(code.code!), 'ROOM_INVITATION.CANCELLED');
    await expectRefusedUnchanged(rt, WANG, members.cancelRoomInvitation, cancelInput(code.id), 'ROOM_INVITATION.CANCELLED');
  });

  it('a used code cannot be withdrawn (INVITATION.USED), an expired one neither (INVITATION.EXPIRED), an unknown one is ROOM_INVITATION.NOT_FOUND', async () => {
    const used = await issued(rt);
    expectOk(await callAs(rt, SUN, members.joinRoom, joinInput(used.code!)));
    await expectRefusedUnchanged(rt, WANG, members.cancelRoomInvitation, cancelInput(used.id), 'INVITATION.USED');
    const late = await issued(rt);
    rt.clock.advanceMinutes(72 * 60);
    await expectRefusedUnchanged(rt, WANG, members.cancelRoomInvitation, cancelInput(late.id), 'INVITATION.EXPIRED');
    await expectRefusedUnchanged(rt, WANG, members.cancelRoomInvitation, cancelInput('ri_nothing'), 'ROOM_INVITATION.NOT_FOUND');
  });

  it('only she withdraws her code: the second owner, the family member she bound, a neighbour get ROOM_INVITATION.NOT_FOUND; staff COMMON.FORBIDDEN; a stranger and another property\'s resident COMMON.NOT_A_MEMBER, or NOT_FOUND in their own property', async () => {
    await seedOther(rt);
    await ownerInvites(rt, { enabled: true, deskApproves: false });
    expectOk(await callAs(rt, TENANT, members.joinRoom, joinInput((await issued(rt, 'tenant')).code!, { name: '赵租客' })));
    const code = await issued(rt);
    for (const openid of [WU, TENANT, ZHANG]) await expectRefusedUnchanged(rt, openid, members.cancelRoomInvitation, cancelInput(code.id), 'ROOM_INVITATION.NOT_FOUND');
    await expectRefusedUnchanged(rt, DESK_ON_SHIFT, members.cancelRoomInvitation, cancelInput(code.id), 'COMMON.FORBIDDEN');
    for (const openid of ['o-stranger', OTHER_RES]) await expectRefusedUnchanged(rt, openid, members.cancelRoomInvitation, cancelInput(code.id), 'COMMON.NOT_A_MEMBER');
    await expectRefusedUnchanged(rt, OTHER_RES, members.cancelRoomInvitation, cancelInput(code.id, 'other'), 'ROOM_INVITATION.NOT_FOUND');
    expectOk(await callAs(rt, SUN, members.joinRoom, joinInput(code.code!)));
  });

  it('a join that read the code open while she withdrew it: its write conflicts, and run again it is refused ROOM_INVITATION.CANCELLED; nobody is bound', async () => {
    await ownerInvites(rt, { enabled: true, deskApproves: false });
    const code = await issued(rt);
    const handle = rt.engine.handle.bind(rt.engine);
    let withdrawn: ReturnType<typeof callAs> | null = null;
    rt.engine.handle = async (action, params = {}) => {
      const answer = await handle(action, params);
      if (!withdrawn && action === 'database.getDocument' && params.transactionId && params.collectionName === 'roomInvitations') {
        withdrawn = callAs(rt, WANG, members.cancelRoomInvitation, cancelInput(code.id));
        await withdrawn;
      }
      return answer;
    };
    const joined = await callAs(rt, SUN, members.joinRoom, joinInput(code.code!));
    expect(await withdrawn).toMatchObject({ ok: true });
    expect(joined).toMatchObject({ ok: false, code: 'ROOM_INVITATION.CANCELLED' });
    expect(raw(rt, 'bindings')).toEqual([]);
    expect(joinedNotices(rt)).toEqual([]);
  });

  it('a withdrawal sent again after its record was lost answers as the first did', async () => {
    const code = await issued(rt);
    const input = cancelInput(code.id);
    const first = expectOk(await callAs(rt, WANG, members.cancelRoomInvitation, input));
    await rt.db.collection('commands').doc(`${memberIdOf(WANG)}~${input.commandId}`).remove();
    expect(expectOk(await callAs(rt, WANG, members.cancelRoomInvitation, input))).toEqual(first);
  });
});

describe('issue 18 (5): the owner is told when the person she invited is bound', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('bound at once: 王秀英\'s inbox says "孙丽（家属，138****1020）已加入 1-1-101", no openid, written with the binding', async () => {
    expectOk(await ownerInvites(rt, { enabled: true, deskApproves: false }));
    const bound = expectOk(await callAs(rt, SUN, members.joinRoom, joinInput((await issued(rt)).code!)));
    const [item] = expectOk(await callAs(rt, WANG, session.inbox, { propertyId: PROPERTY })).items.filter((n) => n.kind === 'binding.joined');
    expect(item).toMatchObject({ title: '您邀请的人已加入 · 1-1-101', body: '孙丽（家属，138****1020）已加入 1-1-101', subject: { kind: 'binding', id: bound.id } });
    expect(JSON.stringify(item)).not.toContain(SUN);
    expect(joinedNotices(rt).map((n) => n.recipient)).toEqual([WANG]);
  });

  it('reviewed by the desk: told when the desk approves, not when she asks, and not when the desk rejects', async () => {
    const asked = expectOk(await callAs(rt, SUN, members.joinRoom, joinInput((await issued(rt)).code!)));
    expect(joinedNotices(rt)).toEqual([]);
    expectOk(await callAs(rt, DESK_ON_SHIFT, members.reviewBinding, { propertyId: PROPERTY, commandId: newCommandId(), bindingId: asked.id, version: asked.version, decision: 'approve', reason: '' }));
    expect(joinedNotices(rt).map((n) => [n.recipient, n.body])).toEqual([[WANG, '孙丽（家属，138****1020）已加入 1-1-101']]);

    const rejected = expectOk(await callAs(rt, TENANT, members.joinRoom, joinInput((await issued(rt, 'tenant')).code!, { name: '赵租客', phone: '13800001030' })));
    expectOk(await callAs(rt, DESK_ON_SHIFT, members.reviewBinding, { propertyId: PROPERTY, commandId: newCommandId(), bindingId: rejected.id, version: rejected.version, decision: 'reject', reason: '信息不符' }));
    expect(joinedNotices(rt)).toHaveLength(1);
  });

  it('two people racing one code: one binding, one notice to her', async () => {
    await ownerInvites(rt, { enabled: true, deskApproves: false });
    const code = (await issued(rt)).code!;
    holdCommitsUntilBothRead(rt, 'roomInvitations');
    await Promise.all([callAs(rt, SUN, members.joinRoom, joinInput(code)), callAs(rt, TENANT, members.joinRoom, joinInput(code, { name: '赵租客' }))]);
    expect(raw(rt, 'bindings')).toHaveLength(1);
    expect(joinedNotices(rt)).toHaveLength(1);
  });
});

describe('issue 18 (5): owners\' invitations have their own daily limit (settings v10 ownerInvites.perDay)', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('issue 12 (4): 5 codes a day by default; a flood of 8 at once issues exactly 5, the rest ROOM_INVITATION.DAILY_LIMIT; her binding-request limit is untouched', async () => {
    const flood = await Promise.all(Array.from({ length: 8 }, () => invite(rt)));
    expect(flood.filter((r) => r.ok)).toHaveLength(5);
    expect(flood.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.code))).toEqual(Array(3).fill('ROOM_INVITATION.DAILY_LIMIT'));
    expect(raw(rt, 'roomInvitations')).toHaveLength(5);
    expect(raw<{ kind: string }>(rt, 'quotas').map((q) => q.kind)).toEqual(['roomInvitations']);
    rt.clock.advanceMinutes(24 * 60);
    expectOk(await invite(rt));
  });

  it('the manager sets the limit in the invitations settings; a client that sends no perDay leaves it as it is', async () => {
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, settings.settings, { propertyId: PROPERTY })).ownerInvites).toEqual({ enabled: true, deskApproves: true, perDay: 5 });
    expect(expectOk(await ownerInvites(rt, { enabled: true, deskApproves: true, perDay: 2 })).ownerInvites).toEqual({ enabled: true, deskApproves: true, perDay: 2 });
    expect(expectOk(await ownerInvites(rt, { enabled: true, deskApproves: false })).ownerInvites).toEqual({ enabled: true, deskApproves: false, perDay: 2 });
    rt.clock.advanceMinutes(1);
    await issued(rt);
    await issued(rt);
    await expectRefusedUnchanged(rt, WANG, members.inviteToRoom, { propertyId: PROPERTY, commandId: newCommandId(), roomId: WANG_ROOM, relation: 'family' }, 'ROOM_INVITATION.DAILY_LIMIT');
    expect(await ownerInvites(rt, { enabled: true, deskApproves: true, perDay: 0 })).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT' });
  });
});
