import { catalogue, isCompanyAction, members, repairs, session, type Action } from '@shared/contracts';
import { COMPANY_SCOPE, type Role } from '@shared/model/member.model';
import { audienceOfUser, signalId } from '@shared/model/signal.model';
import { resolveMember } from '../../cloudfunctions/_shared/membership';
import { ADMIN, callAs, refusalOf, DESK_ON_SHIFT, DESK_OTHER, expectOk, memberIdOf, newCommandId, PROPERTY, raw, repairInput, snapshot, startRuntime, SUPERVISOR, TECH_LI, TECH_MA, bootstrapInput, TEST_BOOTSTRAP_SECRET, testClock, MORNING, holdCommitsUntilBothRead, WANG, WANG_ROOM, ZHANG, ZHANG_ROOM, seedOtherProperty, storedEvents } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
const MANAGER = 'o-mgr-zhou';
const NEWCOMER = 'o-new-xu';
const OTHER_NEWCOMER = 'o-new-gao';
const FREE_ROOM = 'demo:1-1-102';

interface RawMember {
  _id: string;
  propertyId: string;
  openid: string;
  role: string;
  status: string;
  roomIds: string[];
  skills: string[];
}
interface RawOutbox {
  kind: string;
  recipient: string;
  title: string;
  body: string;
  subject: { id: string };
}


const invite = (rt: Rt, openid: string, over: Record<string, unknown> = {}) =>
  callAs(rt, openid, members.invite, { propertyId: PROPERTY, commandId: newCommandId(), role: 'desk', ...over });

const join = (rt: Rt, openid: string, code: string, over: Record<string, unknown> = {}) =>
  callAs(rt, openid, members.join, { commandId: newCommandId(), code, name: '许丽', phone: '13700000009', ...over });

const codeOf = (issued: { code: string | null }): string => {
  if (!issued.code) throw new Error('expected a fresh invitation with its code');
  return issued.code;
};

const requestRoom = (rt: Rt, openid: string, roomId = FREE_ROOM, over: Record<string, unknown> = {}) =>
  callAs(rt, openid, members.requestBinding, { propertyId: PROPERTY, commandId: newCommandId(), roomId, name: '孙丽', relation: 'tenant', phone: '13800001020', ...over });

const review = (rt: Rt, openid: string, binding: { id: string; version: number }, decision: 'approve' | 'reject', reason = '') =>
  callAs(rt, openid, members.reviewBinding, { propertyId: PROPERTY, commandId: newCommandId(), bindingId: binding.id, version: binding.version, decision, reason });

const outbox = (rt: Rt, kind: string) => raw<RawOutbox>(rt, 'outbox').filter((n) => n.kind === kind);
const membersOf = (rt: Rt, openid: string) => raw<RawMember>(rt, 'members').filter((m) => m.openid === openid);

describe('bootstrap: the first manager of a new environment (issue 7, point 1)', () => {
  it('bootstrap: refused with a wrong secret, once a manager exists, and without a configured secret', async () => {
    const seeded = await startRuntime();
    try {
      const before = await snapshot(seeded);
      expect(await callAs(seeded, NEWCOMER, members.bootstrap, bootstrapInput())).toMatchObject({ ok: false, code: 'BOOTSTRAP.ALREADY_DONE' });
      expect(await snapshot(seeded)).toEqual(before);
    } finally {
      seeded.close();
    }

    const empty = await startRuntime(testClock(MORNING), { seed: false });
    try {
      const before = await snapshot(empty);
      const wrong = await callAs(empty, NEWCOMER, members.bootstrap, bootstrapInput({ secret: `${TEST_BOOTSTRAP_SECRET}x` }));
      expect(wrong).toMatchObject({ ok: false, code: 'BOOTSTRAP.WRONG_SECRET', message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
      empty.deps.bootstrapSecret = null;
      expect(await callAs(empty, NEWCOMER, members.bootstrap, bootstrapInput())).toMatchObject({ ok: false, code: 'BOOTSTRAP.NOT_CONFIGURED' });
      empty.deps.bootstrapSecret = 'short';
      expect(await callAs(empty, NEWCOMER, members.bootstrap, bootstrapInput({ secret: 'short' }))).toMatchObject({ ok: false, code: 'BOOTSTRAP.NOT_CONFIGURED' });
      expect(await snapshot(empty)).toEqual(before);
    } finally {
      empty.close();
    }
  });

  it('bootstrap: the property, its default settings and the caller\'s manager membership, once; a retry gets the same answer', async () => {
    const rt = await startRuntime(testClock(MORNING), { seed: false });
    try {
      const input = bootstrapInput();
      const first = expectOk(await callAs(rt, NEWCOMER, members.bootstrap, input));
      expect(first).toMatchObject({ propertyId: 'green-court', propertyName: '翠湖苑', role: 'manager', name: '许主任' });
      expect(first.memberId).not.toContain(NEWCOMER);
      expect(expectOk(await callAs(rt, NEWCOMER, members.bootstrap, input))).toEqual(first);
      expect(raw(rt, 'properties')).toEqual([expect.objectContaining({ _id: 'green-court', name: '翠湖苑', deskPhone: '021-66660000' })]);
      expect(raw<{ _id: string; shifts: unknown[] }>(rt, 'settings')).toEqual([expect.objectContaining({ _id: 'green-court', groupComplaintWindowHours: 24 })]);
      expect(membersOf(rt, NEWCOMER)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ propertyId: 'green-court', role: 'manager', status: 'active' }),
          expect.objectContaining({ propertyId: COMPANY_SCOPE, role: 'admin', status: 'active' }),
        ]),
      );
      expect(membersOf(rt, NEWCOMER)).toHaveLength(2);
      const context = expectOk(await callAs(rt, NEWCOMER, session.context, { propertyId: 'green-court' }));
      expect(context).toMatchObject({ role: 'manager', property: { name: '翠湖苑', deskPhone: '021-66660000' } });

      const again = await callAs(rt, OTHER_NEWCOMER, members.bootstrap, bootstrapInput({ propertyId: 'second-court' }));
      expect(again).toMatchObject({ ok: false, code: 'BOOTSTRAP.ALREADY_DONE' });
      expect(raw(rt, 'properties')).toHaveLength(1);
    } finally {
      rt.close();
    }
  });

  it('bootstrap: two people bootstrapping at the same moment: exactly one becomes manager', async () => {
    const rt = await startRuntime(testClock(MORNING), { seed: false });
    try {
      const transactions = holdCommitsUntilBothRead(rt, 'environment');
      const results = await Promise.all([
        callAs(rt, NEWCOMER, members.bootstrap, bootstrapInput({ propertyId: 'court-a' })),
        callAs(rt, OTHER_NEWCOMER, members.bootstrap, bootstrapInput({ propertyId: 'court-b' })),
      ]);
      expect(transactions.raced()).toBe(true);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ code: 'BOOTSTRAP.ALREADY_DONE' });
      expect(raw<RawMember>(rt, 'members').filter((m) => m.role === 'manager')).toHaveLength(1);
      expect(raw(rt, 'properties')).toHaveLength(1);
    } finally {
      rt.close();
    }
  });
});

describe('invitations: staff join by a one-time code (issue 7, point 3)', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('a desk member joins with the code; the invitation is listed without it, and the code is stored nowhere', async () => {
    const issued = expectOk(await invite(rt, MANAGER, { note: '新来的夜班客服' }));
    const code = codeOf(issued);
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(issued).toMatchObject({ role: 'desk', status: 'open', note: '新来的夜班客服', expiresAt: '2026-11-26T02:00:00.000Z', createdBy: '周经理' });
    expect(issued.qr).toEqual({ page: 'pages/index/index', scene: `inv=${code}` });
    const open = expectOk(await callAs(rt, SUPERVISOR, members.invitations, { propertyId: PROPERTY })).items;
    expect(open).toEqual([expect.objectContaining({ id: issued.id, role: 'desk' })]);
    expect(JSON.stringify(open)).not.toContain(code);
    expect(JSON.stringify(await snapshot(rt))).not.toContain(code);

    const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`;
    const joined = expectOk(await join(rt, NEWCOMER, typed));
    expect(joined).toMatchObject({ propertyId: PROPERTY, propertyName: '阳光花园', role: 'desk', name: '许丽' });
    expect(expectOk(await callAs(rt, NEWCOMER, session.context, { propertyId: PROPERTY })).role).toBe('desk');
    expect(expectOk(await callAs(rt, NEWCOMER, repairs.inbox, { propertyId: PROPERTY })).items).toBeDefined();
    expect(expectOk(await callAs(rt, MANAGER, members.invitations, { propertyId: PROPERTY })).items).toEqual([]);
  });

  it('an invitation used twice or after expiry is refused', async () => {
    const code = codeOf(expectOk(await invite(rt, MANAGER, { role: 'technician' })));
    expectOk(await join(rt, NEWCOMER, code));
    expect(await join(rt, OTHER_NEWCOMER, code)).toMatchObject({ ok: false, code: 'INVITATION.USED' });

    const shortLived = codeOf(expectOk(await invite(rt, MANAGER, { hours: 1 })));
    rt.clock.advanceMinutes(60);
    expect(await join(rt, OTHER_NEWCOMER, shortLived)).toMatchObject({ ok: false, code: 'INVITATION.EXPIRED' });
    expect(await join(rt, OTHER_NEWCOMER, 'ZZZZ-ZZZZ')).toMatchObject({ ok: false, code: 'INVITATION.NOT_FOUND' });
    expect(await join(rt, OTHER_NEWCOMER, 'not a code')).toMatchObject({ ok: false, code: 'INVITATION.NOT_FOUND' });
    expect(membersOf(rt, OTHER_NEWCOMER)).toEqual([]);
    expect(membersOf(rt, NEWCOMER)).toEqual([expect.objectContaining({ role: 'technician', status: 'active' })]);
  });

  it('two people racing one invitation: exactly one joins', async () => {
    const code = codeOf(expectOk(await invite(rt, MANAGER)));
    // Both read the open invitation inside their transactions before either commits: a true race, decided at commit.
    const transactions = holdCommitsUntilBothRead(rt, 'invitations');
    const results = await Promise.all([join(rt, NEWCOMER, code), join(rt, OTHER_NEWCOMER, code, { name: '高峰' })]);
    expect(transactions.raced()).toBe(true);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'INVITATION.USED' });
    expect([...membersOf(rt, NEWCOMER), ...membersOf(rt, OTHER_NEWCOMER)]).toHaveLength(1);
    expect(raw<{ status: string; used: { name: string } }>(rt, 'invitations')).toEqual([
      expect.objectContaining({ status: 'used', used: expect.objectContaining({ name: results[0]?.ok ? '许丽' : '高峰' }) }),
    ]);
  });

  it('a retried join gets its membership back; a member of the property cannot join again, and the code stays usable', async () => {
    const code = codeOf(expectOk(await invite(rt, MANAGER)));
    expect(await join(rt, WANG, code)).toMatchObject({ ok: false, code: 'MEMBER.ALREADY_MEMBER' });
    const input = { commandId: 'join-retry-0001', code, name: '许丽', phone: '13700000009' };
    const first = expectOk(await callAs(rt, NEWCOMER, members.join, input));
    expect(expectOk(await callAs(rt, NEWCOMER, members.join, input))).toEqual(first);
    expect(membersOf(rt, NEWCOMER)).toHaveLength(1);
  });

  it('a retried invite returns the invitation without its code, which is shown only once', async () => {
    const input = { propertyId: PROPERTY, commandId: 'invite-retry-001', role: 'desk' };
    const first = expectOk(await callAs(rt, MANAGER, members.invite, input));
    const again = expectOk(await callAs(rt, MANAGER, members.invite, input));
    expect(first.code).not.toBeNull();
    expect(again).toEqual({ ...first, code: null, qr: null, qrImage: null });
    expect(raw(rt, 'invitations')).toHaveLength(1);
  });

  it('a supervisor invites every staff role but manager; the desk and residents invite no one', async () => {
    expect(await invite(rt, SUPERVISOR, { role: 'manager' })).toMatchObject({ ok: false, code: 'INVITATION.ROLE_NOT_ALLOWED' });
    expectOk(await invite(rt, SUPERVISOR, { role: 'supervisor' }));
    expect(await invite(rt, DESK_ON_SHIFT)).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    expect(await invite(rt, WANG)).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    const manager = codeOf(expectOk(await invite(rt, MANAGER, { role: 'manager' })));
    expect(expectOk(await join(rt, NEWCOMER, manager)).role).toBe('manager');
  });
});

describe('member management (issue 7, point 3)', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  const onMember = (openid: string) => ({ propertyId: PROPERTY, commandId: newCommandId(), memberId: memberIdOf(openid) });

  it('the manager changes a role and a technician\'s skills, with who and when in the history; nobody changes their own', async () => {
    const promoted = expectOk(await callAs(rt, MANAGER, members.setRole, { ...onMember(DESK_OTHER), role: 'supervisor' }));
    expect(promoted).toMatchObject({ id: memberIdOf(DESK_OTHER), role: 'supervisor', status: 'active' });
    expect(expectOk(await callAs(rt, DESK_OTHER, members.invitations, { propertyId: PROPERTY })).items).toEqual([]);
    const events = (await storedEvents<{ subject: { kind: string; id: string }; action: string; from: string; to: string; actor: string }>(rt));
    expect(events.filter((e) => e.subject.kind === 'member')).toEqual([
      expect.objectContaining({ subject: { kind: 'member', id: memberIdOf(DESK_OTHER) }, action: 'setRole', from: 'desk', to: 'supervisor', actor: MANAGER }),
    ]);

    expect(expectOk(await callAs(rt, MANAGER, members.setSkills, { ...onMember(TECH_LI), skills: ['elevator', 'plumbing', 'elevator'] })).skills).toEqual(['elevator', 'plumbing']);
    expect(await callAs(rt, MANAGER, members.setSkills, { ...onMember(DESK_ON_SHIFT), skills: ['plumbing'] })).toMatchObject({ ok: false, code: 'MEMBER.NOT_TECHNICIAN' });
    expect(await callAs(rt, MANAGER, members.setRole, { ...onMember(WANG), role: 'desk' })).toMatchObject({ ok: false, code: 'MEMBER.NOT_STAFF' });
    expect(await callAs(rt, MANAGER, members.setRole, { ...onMember(MANAGER), role: 'desk' })).toMatchObject({ ok: false, code: 'MEMBER.NOT_YOURSELF' });
    expect(await callAs(rt, MANAGER, members.deactivate, { ...onMember(MANAGER), reason: '离职' })).toMatchObject({ ok: false, code: 'MEMBER.NOT_YOURSELF' });
    expect(await callAs(rt, SUPERVISOR, members.setRole, { ...onMember(DESK_ON_SHIFT), role: 'supervisor' })).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
  });

  it('the member list is by name, staff by default; a resident\'s phone is masked there', async () => {
    const staff = expectOk(await callAs(rt, SUPERVISOR, members.list, { propertyId: PROPERTY })).items;
    expect(staff.map((m) => m.role).sort()).toEqual(['desk', 'desk', 'desk', 'manager', 'supervisor', 'technician', 'technician', 'technician']);
    expect(staff.find((m) => m.id === memberIdOf(TECH_LI))).toMatchObject({ name: '李建国', phone: '13900000001', skills: ['plumbing', 'electrical'] });
    const residents = expectOk(await callAs(rt, MANAGER, members.list, { propertyId: PROPERTY, roles: ['resident'] })).items;
    expect(residents.find((m) => m.id === memberIdOf(WANG))).toMatchObject({ phone: '138****0101', rooms: ['1-1-101'] });
    expect(JSON.stringify(residents)).not.toContain(WANG);
  });

  it('deactivation takes effect at the next call and sends open work orders back to the desk', async () => {
    const wangs = expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    const zhangs = expectOk(await callAs(rt, ZHANG, repairs.create, repairInput({ roomId: ZHANG_ROOM })));
    const mas = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ category: 'elevator', description: '电梯按钮失灵' })));
    const dispatch = (repairId: string, openid: string) =>
      callAs(rt, DESK_ON_SHIFT, repairs.dispatch, { propertyId: PROPERTY, commandId: newCommandId(), repairId, version: 1, technicianId: memberIdOf(openid) });
    expectOk(await dispatch(wangs.id, TECH_LI));
    expectOk(await dispatch(zhangs.id, TECH_LI));
    expectOk(await dispatch(mas.id, TECH_MA));
    expectOk(await callAs(rt, TECH_LI, repairs.acknowledge, { propertyId: PROPERTY, commandId: newCommandId(), repairId: zhangs.id, version: 2 }));
    expect(expectOk(await callAs(rt, TECH_LI, repairs.assigned, { propertyId: PROPERTY })).items).toHaveLength(2);

    const left = expectOk(await callAs(rt, MANAGER, members.deactivate, { ...onMember(TECH_LI), reason: '离职' }));
    expect(left).toMatchObject({ status: 'inactive', role: 'technician' });

    expect(await resolveMember(rt.db, PROPERTY, TECH_LI)).toBeNull();
    expect(await callAs(rt, TECH_LI, repairs.assigned, { propertyId: PROPERTY })).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    expect(expectOk(await callAs(rt, TECH_LI, session.me, {})).memberships).toEqual([]);

    const stored = raw<{ _id: string; status: string; technician: unknown; dispatchedAt: unknown; version: number }>(rt, 'repairs');
    for (const id of [wangs.id, zhangs.id]) {
      expect(stored.find((r) => r._id === id)).toMatchObject({ status: 'submitted', technician: null, dispatchedAt: null });
      const clocks = raw<{ subject: { id: string }; status: string }>(rt, 'deadlines').filter((d) => d.subject.id === id);
      expect(clocks.filter((d) => d.status === 'open' || d.status === 'paused')).toEqual([]);
      expect(clocks.filter((d) => d.status === 'cancelled').length).toBeGreaterThan(0);
      const events = (await storedEvents<{ subject: { id: string }; action: string; role: string; version: number }>(rt)).filter((e) => e.subject.id === id).sort((a, b) => a.version - b.version);
      expect(events.at(-1)).toMatchObject({ action: 'unassign', role: 'manager' });
      const returned = outbox(rt, 'repair.changed').filter((n) => n.subject.id === id && n.title.startsWith('师傅离岗'));
      expect(returned.map((n) => n.recipient).sort()).toEqual([id === wangs.id ? WANG : ZHANG, 'role:desk'].sort());
      expect(returned.filter((n) => n.recipient === 'role:desk')).toEqual([
        expect.objectContaining({ title: '师傅离岗，退回待派单 · ' + (id === wangs.id ? '1-1-101' : '1-2-1502'), body: '李建国 已离岗或调岗，工单退回客服重新派单' }),
      ]);
    }
    expect(stored.find((r) => r._id === mas.id)).toMatchObject({ status: 'dispatched', technician: expect.objectContaining({ name: '马超' }) });

    expect(await dispatch(wangs.id, TECH_LI)).toMatchObject({ ok: false, code: 'REPAIR.TECHNICIAN_NOT_FOUND' });
    const again = expectOk(
      await callAs(rt, DESK_ON_SHIFT, repairs.dispatch, { propertyId: PROPERTY, commandId: newCommandId(), repairId: wangs.id, version: 3, technicianId: memberIdOf(TECH_MA) }),
    );
    expect(again).toMatchObject({ status: 'dispatched', technician: { name: '马超' }, dispatchedAt: '2026-11-23T02:00:00.000Z' });
    const reopened = raw<{ subject: { id: string }; rule: string; status: string }>(rt, 'deadlines').filter((d) => d.subject.id === wangs.id && d.status === 'open');
    expect(reopened.map((d) => d.rule).sort()).toEqual(['R4.ack', 'R9.return']);
  });

  it('a desk member who leaves is taken off the shift roster, so no notice is addressed to them again', async () => {
    const rostered = () => raw<{ shifts: { deskOpenids: string[] }[] }>(rt, 'settings')[0]?.shifts.flatMap((s) => s.deskOpenids);
    expect(rostered()).toContain(DESK_ON_SHIFT);
    expectOk(await callAs(rt, MANAGER, members.deactivate, { ...onMember(DESK_ON_SHIFT), reason: '调往其他项目' }));
    expect(rostered()).not.toContain(DESK_ON_SHIFT);
    expect(rostered()).toContain(DESK_OTHER);
    expect(await callAs(rt, DESK_ON_SHIFT, repairs.inbox, { propertyId: PROPERTY })).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
  });

  it('a technician who becomes desk staff hands their open orders back too', async () => {
    const wangs = expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.dispatch, { propertyId: PROPERTY, commandId: newCommandId(), repairId: wangs.id, version: 1, technicianId: memberIdOf(TECH_LI) }));
    expect(expectOk(await callAs(rt, MANAGER, members.setRole, { ...onMember(TECH_LI), role: 'desk' })).role).toBe('desk');
    expect(raw<{ _id: string; status: string }>(rt, 'repairs').find((r) => r._id === wangs.id)).toMatchObject({ status: 'submitted', technician: null });
  });
});

describe('residents bind a room (issue 7, point 4)', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('until approved, a new user sees only the property\'s public information and where their request stands', async () => {
    expect(expectOk(await callAs(rt, NEWCOMER, members.publicInfo, { propertyId: PROPERTY }))).toEqual({ propertyId: PROPERTY, name: '阳光花园', deskPhone: '021-55550000' });
    const asked = expectOk(await requestRoom(rt, NEWCOMER));
    expect(asked).toMatchObject({ status: 'pending', address: '1-1-102', relation: 'tenant', phone: '138****1020' });
    const mine = expectOk(await callAs(rt, NEWCOMER, members.myBindings, {})).items;
    expect(mine).toEqual([expect.objectContaining({ id: asked.id, status: 'pending', propertyName: '阳光花园', deskPhone: '021-55550000' })]);

    expect(expectOk(await callAs(rt, NEWCOMER, session.me, {})).memberships).toEqual([]);
    expect(await callAs(rt, NEWCOMER, repairs.create, repairInput({ roomId: FREE_ROOM }))).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    expect(await callAs(rt, NEWCOMER, session.context, { propertyId: PROPERTY })).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    expect(outbox(rt, 'binding.new')).toEqual([expect.objectContaining({ recipient: 'role:desk', body: '孙丽（租户）申请绑定 1-1-102' })]);
  });

  it('P1: the desk\'s queue masks the applicant\'s phone; reading the full number is possible one at a time and logged', async () => {
    const asked = expectOk(await requestRoom(rt, NEWCOMER));
    const queue = expectOk(await callAs(rt, DESK_ON_SHIFT, members.bindingRequests, { propertyId: PROPERTY })).items;
    expect(queue).toEqual([expect.objectContaining({ id: asked.id, name: '孙丽', phone: '138****1020' })]);
    expect(JSON.stringify(queue)).not.toContain('13800001020');
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, members.revealBindingPhone, { propertyId: PROPERTY, bindingId: asked.id }))).toEqual({ phone: '13800001020' });
    const read = (await storedEvents<{ subject: { id: string }; action: string; actor: string }>(rt)).filter((e) => e.subject.id === asked.id && e.action === 'revealPhone');
    expect(read).toEqual([expect.objectContaining({ actor: DESK_ON_SHIFT })]);
    expect(await callAs(rt, TECH_LI, members.revealBindingPhone, { propertyId: PROPERTY, bindingId: asked.id })).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    expect(await callAs(rt, NEWCOMER, members.bindingRequests, { propertyId: PROPERTY })).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
  });

  it('binding approve and reject each tell the applicant', async () => {
    const first = expectOk(await requestRoom(rt, NEWCOMER));
    rt.clock.advanceMinutes(1);
    const second = expectOk(await requestRoom(rt, NEWCOMER, 'demo:2-1-202', { relation: 'owner' }));
    rt.clock.advanceMinutes(1);
    const third = expectOk(await requestRoom(rt, NEWCOMER, 'demo:2-2-302'));

    expect(expectOk(await review(rt, DESK_ON_SHIFT, first, 'approve'))).toMatchObject({ status: 'approved', reason: null, reviewedAt: '2026-11-23T02:02:00.000Z' });
    expect(outbox(rt, 'binding.approved')).toEqual([
      expect.objectContaining({ recipient: NEWCOMER, title: '房屋绑定已通过 · 1-1-102', body: '1-1-102 已绑定到您的账号，现在可以报修和投诉了' }),
    ]);
    const signals = raw<{ _id: string; seq: number }>(rt, 'signals');
    expect(signals.find((s) => s._id === signalId(PROPERTY, audienceOfUser(NEWCOMER)))?.seq).toBeGreaterThan(0);
    const context = expectOk(await callAs(rt, NEWCOMER, session.context, { propertyId: PROPERTY }));
    expect(context).toMatchObject({ role: 'resident', name: '孙丽', rooms: [{ roomId: FREE_ROOM, label: '1-1-102' }] });
    expectOk(await callAs(rt, NEWCOMER, repairs.create, repairInput({ roomId: FREE_ROOM })));

    expectOk(await review(rt, SUPERVISOR, second, 'approve'));
    expect(membersOf(rt, NEWCOMER)).toEqual([expect.objectContaining({ role: 'resident', roomIds: [FREE_ROOM, 'demo:2-1-202'] })]);

    expect(await review(rt, DESK_ON_SHIFT, third, 'reject')).toMatchObject({ ok: false, code: 'BINDING.REASON_REQUIRED' });
    const rejected = expectOk(await review(rt, DESK_ON_SHIFT, third, 'reject', '与业主登记信息不符'));
    expect(rejected).toMatchObject({ status: 'rejected', reason: '与业主登记信息不符' });
    expect(outbox(rt, 'binding.rejected')).toEqual([
      expect.objectContaining({ recipient: NEWCOMER, title: '房屋绑定未通过 · 2-2-302', body: '2-2-302 的绑定申请未通过：与业主登记信息不符' }),
    ]);
    expect(membersOf(rt, NEWCOMER)[0]?.roomIds).not.toContain('demo:2-2-302');
    const mine = expectOk(await callAs(rt, NEWCOMER, members.myBindings, {})).items;
    expect(mine.map((b) => [b.address, b.status, b.reason])).toEqual([
      ['2-2-302', 'rejected', '与业主登记信息不符'],
      ['2-1-202', 'approved', null],
      ['1-1-102', 'approved', null],
    ]);
    expect(await review(rt, DESK_OTHER, { id: third.id, version: 2 }, 'approve')).toMatchObject({ ok: false, code: 'BINDING.ALREADY_REVIEWED' });
  });

  it('a room already bound or waiting, an unknown room, and staff are refused; nothing is written', async () => {
    expectOk(await requestRoom(rt, NEWCOMER));
    const before = await snapshot(rt);
    expect(await requestRoom(rt, NEWCOMER)).toMatchObject({ ok: false, code: 'BINDING.ALREADY_PENDING' });
    expect(await requestRoom(rt, WANG, WANG_ROOM)).toMatchObject({ ok: false, code: 'BINDING.ALREADY_BOUND' });
    expect(await requestRoom(rt, DESK_ON_SHIFT)).toMatchObject({ ok: false, code: 'BINDING.STAFF_CANNOT_BIND' });
    expect(await requestRoom(rt, OTHER_NEWCOMER, 'demo:9-9-909')).toMatchObject({ ok: false, code: 'BINDING.ROOM_NOT_FOUND' });
    expect(await requestRoom(rt, OTHER_NEWCOMER, FREE_ROOM, { propertyId: 'nowhere' })).toMatchObject({ ok: false, code: 'PROPERTY.NOT_FOUND' });
    expect(await callAs(rt, OTHER_NEWCOMER, members.publicInfo, { propertyId: 'nowhere' })).toMatchObject({ ok: false, code: 'PROPERTY.NOT_FOUND' });
    expect(await snapshot(rt)).toEqual(before);
  });

  it('a resident asks for a second room and keeps the first', async () => {
    const asked = expectOk(await requestRoom(rt, WANG, 'demo:2-1-202', { relation: 'owner' }));
    expectOk(await review(rt, DESK_ON_SHIFT, asked, 'approve'));
    expect(membersOf(rt, WANG)).toEqual([expect.objectContaining({ _id: memberIdOf(WANG), roomIds: [WANG_ROOM, 'demo:2-1-202'] })]);
  });
});

/** A second property: 翠湖苑, with its own desk and manager; 周经理 also works there, at its desk. */
const seedOther = (rt: Rt) =>
  seedOtherProperty(
    rt,
    [
      { id: 'mb_othermgr', openid: 'o-other-mgr', role: 'manager', name: '外盘成员' },
      { id: 'mb_otherdesk', openid: 'o-other-desk', role: 'desk', name: '外盘成员' },
      { id: 'mb_zhouatother', openid: MANAGER, role: 'desk', name: '外盘成员' },
    ],
    ['9-1-101'],
  );

describe('authorisation: a membership acts only in its own property (issue 7, point 7)', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
    await seedOther(rt);
  });
  afterEach(() => rt.close());

  it('a member of property A cannot act in property B', async () => {
    const asked = expectOk(await requestRoom(rt, NEWCOMER));
    const before = await snapshot(rt);
    const otherMgr = 'o-other-mgr';
    expect(await invite(rt, otherMgr)).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    expect(await callAs(rt, otherMgr, members.list, { propertyId: PROPERTY })).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    expect(await callAs(rt, 'o-other-desk', members.bindingRequests, { propertyId: PROPERTY })).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    // Their own property's id with property A's records: nothing is found.
    const onA = (memberId: string) => ({ propertyId: 'other', commandId: newCommandId(), memberId });
    expect(await callAs(rt, otherMgr, members.deactivate, { ...onA(memberIdOf(TECH_LI)), reason: '离职' })).toMatchObject({ ok: false, code: 'MEMBER.NOT_FOUND' });
    expect(await callAs(rt, otherMgr, members.setRole, { ...onA(memberIdOf(DESK_ON_SHIFT)), role: 'manager' })).toMatchObject({ ok: false, code: 'MEMBER.NOT_FOUND' });
    expect(await callAs(rt, otherMgr, members.setSkills, { ...onA(memberIdOf(TECH_LI)), skills: [] })).toMatchObject({ ok: false, code: 'MEMBER.NOT_FOUND' });
    const reviewOnA = { propertyId: 'other', commandId: newCommandId(), bindingId: asked.id, version: 1, decision: 'approve', reason: '' };
    expect(await callAs(rt, 'o-other-desk', members.reviewBinding, reviewOnA)).toMatchObject({ ok: false, code: 'BINDING.NOT_FOUND' });
    expect(await callAs(rt, 'o-other-desk', members.revealBindingPhone, { propertyId: 'other', bindingId: asked.id })).toMatchObject({ ok: false, code: 'BINDING.NOT_FOUND' });
    expect(expectOk(await callAs(rt, 'o-other-desk', members.bindingRequests, { propertyId: 'other' })).items).toEqual([]);
    expect(expectOk(await callAs(rt, otherMgr, members.list, { propertyId: 'other' })).items.map((m) => m.id).sort()).toEqual(['mb_otherdesk', 'mb_othermgr', 'mb_zhouatother']);
    expect(await snapshot(rt)).toEqual(before);
  });

  it('a manager with memberships in two properties acts in each only through that membership', async () => {
    expectOk(await invite(rt, MANAGER, { role: 'supervisor' }));
    expect(await invite(rt, MANAGER, { propertyId: 'other', role: 'desk' })).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    expect(await callAs(rt, MANAGER, members.list, { propertyId: 'other' })).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    const code = codeOf(expectOk(await invite(rt, 'o-other-mgr', { propertyId: 'other', role: 'technician' })));
    expect(expectOk(await join(rt, NEWCOMER, code))).toMatchObject({ propertyId: 'other', role: 'technician' });
    expect(await callAs(rt, NEWCOMER, repairs.assigned, { propertyId: PROPERTY })).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    expectOk(await callAs(rt, NEWCOMER, repairs.assigned, { propertyId: 'other' }));
  });

  it('every members action refuses the roles it is not for, and anyone who is no member', async () => {
    const people = { resident: WANG, desk: DESK_ON_SHIFT, technician: TECH_LI, supervisor: SUPERVISOR, manager: MANAGER, admin: ADMIN } as const;
    // The company's own actions take no property's input; the matrix and company.test.ts hold them.
    const scopedActions = Object.values(catalogue.members).filter((a): a is Action & { roles: readonly Role[] } => a.roles !== 'any-signed-in' && !isCompanyAction(a));
    const before = await snapshot(rt);
    for (const action of scopedActions) {
      const input = minimalInput(action);
      expect({ action: action.name, valid: action.input.safeParse(input).success }).toEqual({ action: action.name, valid: true });
      for (const [role, openid] of Object.entries(people) as [Role, string][]) {
        if (action.roles.includes(role)) continue;
        expect({ action: action.name, role, result: await callAs(rt, openid, action, input) }).toMatchObject({ action: action.name, role, result: { ok: false, code: refusalOf(role, action) } });
      }
      expect(await callAs(rt, NEWCOMER, action, input)).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    }
    expect(await snapshot(rt)).toEqual(before);
  });
});

/** An input each members action accepts, whoever sends it: the refusal tested is the router's. */
const minimalInput = (action: Action): Record<string, unknown> => {
  const write = action.write ? { commandId: newCommandId() } : {};
  const member = { memberId: memberIdOf(DESK_OTHER) };
  const inputs: Record<string, Record<string, unknown>> = {
    invite: { role: 'desk' },
    invitations: {},
    list: {},
    setRole: { ...member, role: 'supervisor' },
    setSkills: { ...member, skills: [] },
    deactivate: { ...member, reason: '离职' },
    bindingRequests: {},
    revealBindingPhone: { bindingId: 'bd_x' },
    reviewBinding: { bindingId: 'bd_x', version: 1, decision: 'approve', reason: '' },
    updateSettings: { groupComplaintWindowHours: 48 },
    erase: { erasureId: 'er_x' },
    inviteToRoom: { roomId: WANG_ROOM, relation: 'family' },
    cancelRoomInvitation: { invitationId: 'ri_x' },
  };
  return { propertyId: PROPERTY, ...write, ...inputs[action.name] };
};
