import { complaints, callbacks, session } from '@shared/contracts';
import { networkDown, dyingAfterCommit, BUILDING_1, callAs, deadlineNotices, complaintInput, DESK_ON_SHIFT, expectOk, memberIdOf, newCommandId, PROPERTY, raw, startRuntime, SUPERVISOR, tickTimers, WANG, WANG_ROOM, ZHANG, storedEvents } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
const MANAGER = 'o-mgr-zhou';
const VIP = 'o-res-chen';

/** Building 1's households: 吴芳 shares 王秀英's room 1-1-101, so six residents are five households. */
const building1 = BUILDING_1;

/** The desk's form has no photos: the resident's own uploads only come from the mini-program. */
const registerInput = (roomId: string, over: Record<string, unknown> = {}) => {
  const { photos: _none, ...fields } = complaintInput(roomId, over);
  return fields;
};

const file = (rt: Rt, who: { openid: string; roomId: string }, over: Record<string, unknown> = {}) =>
  callAs(rt, who.openid, complaints.create, complaintInput(who.roomId, over));

const tick = (rt: Rt) =>
  tickTimers(rt) as Promise<{
    ok: boolean;
    data: { deadlines: { warned: number; escalated: number }; complaints: { upgraded: number; registersFlagged: number; groupsSettled: number } };
  }>;

const notices = (rt: Rt, kind: string) => raw<{ kind: string; recipient: string; channel: string; body: string; subject: { id: string }; pushTo?: string[] }>(rt, 'outbox').filter((n) => n.kind === kind);

type Step = { machine: string; action: string; from: string | null; to: string; role: string; version: number };
/** A record's events, oldest first, as the machine made them. */
const historyOf = async (rt: Rt, id: string): Promise<Step[]> =>
  (await storedEvents<Step & { subject: { id: string } }>(rt))
    .filter((e) => e.subject.id === id)
    .sort((a, b) => a.version - b.version)
    .map(({ machine, action, from, to, role, version }) => ({ machine, action, from, to, role, version }));

const classifyInput = (ref: { kind: 'complaint' | 'group'; id: string }, version: number, over: Record<string, unknown> = {}) => ({
  propertyId: PROPERTY,
  commandId: newCommandId(),
  ref,
  version,
  class: 'responsible',
  severity: 'general',
  jurisdiction: null,
  governmentOrMedia: false,
  injuryOrLoss: false,
  apologised: true,
  note: '',
  ...over,
});

const replyInput = (ref: { kind: 'complaint' | 'group'; id: string }, version: number, form = 'phone') => ({
  propertyId: PROPERTY,
  commandId: newCommandId(),
  ref,
  version,
  form,
  content: '已联系维保单位检修，噪音已消除',
});

describe('complaints: intake, classification and replies (C1 C2 C4 C5 C7)', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('C1: a resident files with every C1 field; it enters today\'s register, the desk on shift is told, and it must be classified the same day', async () => {
    const filed = expectOk(await file(rt, building1[0]!, { residentDeadline: '2026-11-24T10:00:00.000Z' }));
    expect(filed).toMatchObject({
      status: 'received',
      channel: 'miniprogram',
      occurredAt: '2026-11-23T01:30:00.000Z',
      target: '电梯维保单位',
      request: '尽快检修',
      residentDeadline: '2026-11-24T10:00:00.000Z',
      address: '1-1-101',
      phone: '138****0101',
      registerDate: '2026-11-23',
      dueRule: 'C4.classify',
      dueAt: '2026-11-23T16:00:00.000Z',
      proposal: null,
    });
    expect(notices(rt, 'complaint.new').map((n) => [n.recipient, n.pushTo])).toEqual([['role:desk', [DESK_ON_SHIFT]]]);
    const desk = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.get, { propertyId: PROPERTY, ref: { kind: 'complaint', id: filed.id } }));
    expect(desk.case).toMatchObject({ phone: '13800000101', proposal: { class: 'responsible', severity: 'general', because: ['within_duties'] } });
    expect(raw<{ rule: string; status: string }>(rt, 'deadlines')).toEqual([expect.objectContaining({ rule: 'C4.classify', status: 'open' })]);
  });

  it('C1, issue 18 (2): whom it is about may be left out or blank (she may not know); the desk sees no 投诉对象, and one longer than 60 characters is refused naming it', async () => {
    const { target: _omitted, ...withoutTarget } = complaintInput(building1[0]!.roomId);
    const omitted = expectOk(await callAs(rt, building1[0]!.openid, complaints.create, withoutTarget));
    const blank = expectOk(await file(rt, building1[1]!, { target: '   ' }));
    expect([omitted.target, blank.target]).toEqual(['', '']);
    const desk = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.get, { propertyId: PROPERTY, ref: { kind: 'complaint', id: omitted.id } }));
    expect(desk.case).toMatchObject({ target: '', status: 'received' });
    expect(await file(rt, building1[2]!, { target: '保'.repeat(61) })).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT', fields: [{ field: 'target', label: '投诉对象' }] });
  });

  it('C1 C5: the desk registers a phone complaint having apologised; its reply must be by phone', async () => {
    const registered = expectOk(
      await callAs(rt, DESK_ON_SHIFT, complaints.register, {
        ...registerInput(WANG_ROOM, { category: 'service', place: { scope: 'public_area', area: 'gate' } }),
        residentId: memberIdOf(WANG),
        channel: 'phone',
        callerName: '王秀英',
        phone: '13800000101',
        apologised: true,
      }),
    );
    expect(registered).toMatchObject({ channel: 'phone', apology: { at: '2026-11-23T02:00:00.000Z' }, placeLabel: '小区大门' });
    const ref = { kind: 'complaint' as const, id: registered.id };
    const classified = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.classify, classifyInput(ref, 1)));
    const byLetter = await callAs(rt, DESK_ON_SHIFT, complaints.reply, replyInput(ref, classified.version, 'letter'));
    expect(byLetter).toMatchObject({ ok: false, code: 'COMPLAINT.REPLY_FORM' });
    expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.reply, replyInput(ref, classified.version, 'phone')));
  });

  it('C1: a complaint the resident filed cannot be classified until the desk has apologised for the department', async () => {
    const filed = expectOk(await file(rt, building1[0]!));
    const ref = { kind: 'complaint' as const, id: filed.id };
    const refused = await callAs(rt, DESK_ON_SHIFT, complaints.classify, classifyInput(ref, 1, { apologised: false }));
    expect(refused).toMatchObject({ ok: false, code: 'COMPLAINT.APOLOGY_REQUIRED' });
    const done = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.classify, classifyInput(ref, 1)));
    expect(done).toMatchObject({ kind: 'complaint', apology: { at: '2026-11-23T02:00:00.000Z' } });
  });

  it('C4 C5 C7: a general complaint is due 2 days after it came in; the reply resolves it, plans its callback within 2 days, and the resident rates it', async () => {
    const filed = expectOk(await file(rt, building1[0]!));
    const ref = { kind: 'complaint' as const, id: filed.id };
    const classified = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.classify, classifyInput(ref, 1)));
    expect(classified).toMatchObject({ status: 'handling', dueRule: 'C4.general', dueAt: '2026-11-25T02:00:00.000Z' });
    // Issue 16: the complaint records that its same-day clock is done (it runs the class's now); the timer marks that
    // clock met when it reaches it, as it does the class's once the reply records it (below).
    const clocks = () => raw<{ rule: string; status: string }>(rt, 'deadlines').filter((d) => d.rule.startsWith('C4.')).map((d) => [d.rule, d.status]).sort();
    expect(clocks()).toEqual([
      ['C4.classify', 'open'],
      ['C4.general', 'open'],
    ]);
    const slipped = expectOk(
      await callAs(rt, DESK_ON_SHIFT, complaints.issueSlip, { propertyId: PROPERTY, commandId: newCommandId(), ref, version: classified.version, department: '工程部', assignee: '马超', instructions: '联系电梯维保' }),
    );
    rt.clock.advanceMinutes(60);
    const replied = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.reply, replyInput(ref, slipped.version)));
    expect(replied).toMatchObject({ status: 'resolved', overdue: false, reply: { form: 'phone' } });
    const task = expectOk(await callAs(rt, DESK_ON_SHIFT, callbacks.queue, { propertyId: PROPERTY, kind: 'complaint' })).items;
    expect(task).toEqual([expect.objectContaining({ subjectId: filed.id, assignee: 'desk', dueAt: '2026-11-25T03:00:00.000Z' })]);
    const mine = expectOk(await callAs(rt, WANG, complaints.listMine, { propertyId: PROPERTY })).items[0]!;
    expect(mine).toMatchObject({ status: 'resolved', actions: ['rate'], reply: { content: '已联系维保单位检修，噪音已消除' } });
    const rated = expectOk(await callAs(rt, WANG, complaints.rate, { propertyId: PROPERTY, commandId: newCommandId(), complaintId: filed.id, version: mine.version, score: 4, comment: '处理及时' }));
    expect(rated).toMatchObject({ rating: { score: 4 }, actions: [] });
    // Past both clocks' times: neither warned, both met.
    rt.clock.advanceMinutes(3 * 24 * 60);
    expect((await tickTimers(rt)).ok).toBe(true);
    expect(clocks()).toEqual([
      ['C4.classify', 'met'],
      ['C4.general', 'met'],
    ]);
    expect(deadlineNotices(rt, 'C4.classify', 'C4.general')).toEqual([]);
  });

  it('C4 (issue 16): a classification whose call died after its commit, then made major: the first class\'s clock, stored late by the timer, is never warned; the major one is', async () => {
    const filed = expectOk(await file(rt, building1[0]!));
    const ref = { kind: 'complaint' as const, id: filed.id };
    const clocks = () => raw<{ rule: string; status: string; subject: { id: string } }>(rt, 'deadlines').filter((d) => d.subject.id === filed.id).map((d) => [d.rule, d.status]).sort();
    // The class's clock travels in the command's record: the call that died stored none.
    const general = expectOk(await dyingAfterCommit(rt, () => callAs(rt, DESK_ON_SHIFT, complaints.classify, classifyInput(ref, 1))));
    expect(clocks()).toEqual([['C4.classify', 'open']]);
    const major = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.classify, classifyInput(ref, general.version, { severity: 'major' })));
    expect(major.dueRule).toBe('C4.major');
    // The timer's journal step stores the dead call's clock now, then the newer classification's change of it.
    expect((await tickTimers(rt)).ok).toBe(true);
    expect(clocks()).toEqual([
      ['C4.classify', 'open'],
      ['C4.general', 'cancelled'],
      ['C4.major', 'open'],
    ]);
    rt.clock.advanceMinutes(3 * 24 * 60);
    expect((await tickTimers(rt)).ok).toBe(true);
    expect(deadlineNotices(rt, 'C4.classify', 'C4.general')).toEqual([]);
    expect(deadlineNotices(rt, 'C4.major').length).toBeGreaterThan(0);
    expect(clocks()).toEqual([
      ['C4.classify', 'met'],
      ['C4.general', 'cancelled'],
      ['C4.major', 'open'],
    ]);
  });

  it('issue 18 (3) C4 C7: every notice of her complaint says who handles it and by when, one thread; the desk keeps its own lines', async () => {
    const filed = expectOk(await file(rt, building1[0]!));
    const ref = { kind: 'complaint' as const, id: filed.id };
    rt.clock.advanceMinutes(1);
    const classified = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.classify, classifyInput(ref, 1)));
    rt.clock.advanceMinutes(1);
    const slipped = expectOk(
      await callAs(rt, DESK_ON_SHIFT, complaints.issueSlip, { propertyId: PROPERTY, commandId: newCommandId(), ref, version: classified.version, department: '工程部', assignee: '马超', instructions: '联系电梯维保' }),
    );
    rt.clock.advanceMinutes(60);
    expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.reply, replyInput(ref, slipped.version)));
    const mine = expectOk(await callAs(rt, WANG, session.inbox, { propertyId: PROPERTY })).items;
    expect(mine.map((n) => n.body)).toEqual([
      '已答复，客服中心后天11:02前回访您',
      '工程部处理，后天10:00前办好',
      '客服中心后天10:00前处理好',
      '客服中心今天内确认由谁处理',
    ]);
    expect(new Set(mine.map((n) => `${n.title} ${n.subject.kind}:${n.subject.id}`))).toEqual(new Set([`电梯投诉 · 1-1-101 complaint:${filed.id}`]));
    const desk = expectOk(await callAs(rt, DESK_ON_SHIFT, session.inbox, { propertyId: PROPERTY })).items;
    expect(desk.some((n) => n.body.includes('前'))).toBe(false);
  });

  it('C3: a second unresolved complaint from the same household on the same matter is proposed major and cannot be called general', async () => {
    const first = expectOk(await file(rt, building1[0]!));
    const second = expectOk(await file(rt, building1[1]!));
    const desk = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.get, { propertyId: PROPERTY, ref: { kind: 'complaint', id: second.id } })).case;
    expect(desk).toMatchObject({ repeatOf: first.id, urgency: 'top', proposal: { severity: 'major', because: ['repeat_unresolved'] } });
    const general = await callAs(rt, DESK_ON_SHIFT, complaints.classify, classifyInput({ kind: 'complaint', id: second.id }, 1));
    expect(general).toMatchObject({ ok: false, code: 'COMPLAINT.MUST_BE_MAJOR' });
    const major = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.classify, classifyInput({ kind: 'complaint', id: second.id }, 1, { severity: 'major' })));
    expect(major).toMatchObject({ dueRule: 'C4.major', dueAt: '2026-11-23T16:00:00.000Z', classification: { reasons: ['repeat_unresolved'] } });
    expect(notices(rt, 'complaint.major').map((n) => `${n.channel}:${n.recipient}`).sort()).toEqual(['inbox:role:desk', 'inbox:role:manager', 'inbox:role:supervisor', 'wecom:group']);
    // C4 (USERS.md, 周经理): the manager is told what happened and who is on it.
    const told = raw<{ kind: string; recipient: string; body: string }>(rt, 'outbox').find((n) => n.kind === 'complaint.major' && n.recipient === 'role:manager');
    expect(told?.body).toBe('电梯：1栋电梯运行时噪音很大（有责投诉 · 重大），陈晓正在跟进');
  });

  it('C9: a VIP resident\'s complaint is top urgency, heads the desk\'s inbox and reaches the supervisor', async () => {
    expectOk(await file(rt, building1[2]!, { category: 'cleaning' }));
    const vip = expectOk(await callAs(rt, VIP, complaints.create, complaintInput('demo:2-1-802', { category: 'cleaning', place: { scope: 'building', building: '2' } })));
    expect(vip.urgency).toBe('top');
    const inbox = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.inbox, { propertyId: PROPERTY })).items;
    expect(inbox.map((k) => k.id)[0]).toBe(vip.id);
    expect(inbox[0]).toMatchObject({ kind: 'complaint', vip: true });
    expect(notices(rt, 'complaint.new').filter((n) => n.subject.id === vip.id).map((n) => n.recipient)).toContain('role:supervisor');
  });

  it('C4: an unclassified complaint past midnight escalates desk → supervisor → manager an hour apart, each step logged', async () => {
    const filed = expectOk(await file(rt, building1[0]!));
    rt.clock.set('2026-11-23T13:12:00.000Z');
    expect((await tick(rt)).data.deadlines).toEqual({ warned: 1, escalated: 0 });
    rt.clock.set('2026-11-23T16:00:00.000Z');
    await tick(rt);
    rt.clock.set('2026-11-23T17:00:00.000Z');
    await tick(rt);
    rt.clock.set('2026-11-23T18:00:00.000Z');
    await tick(rt);
    await tick(rt);
    expect(notices(rt, 'deadline.breach').map((n) => n.recipient)).toEqual(['role:desk', 'role:supervisor', 'role:manager']);
    const history = expectOk(await callAs(rt, SUPERVISOR, complaints.get, { propertyId: PROPERTY, ref: { kind: 'complaint', id: filed.id } })).history;
    expect(history.filter((e) => e.role === 'system').map((e) => `${e.action}→${e.to}`)).toEqual(['warn→desk', 'escalate→desk', 'escalate→supervisor', 'escalate→manager']);
    const resident = expectOk(await callAs(rt, WANG, complaints.get, { propertyId: PROPERTY, ref: { kind: 'complaint', id: filed.id } })).history;
    expect(resident.map((e) => e.action)).toEqual(['file']);
  });

  it('C3: a responsible complaint unresolved a month after it came in becomes major and reaches the manager', async () => {
    const filed = expectOk(await file(rt, building1[0]!));
    const ref = { kind: 'complaint' as const, id: filed.id };
    const classified = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.classify, classifyInput(ref, 1)));
    rt.clock.set('2026-12-23T01:59:00.000Z');
    expect((await tick(rt)).data.complaints.upgraded).toBe(0);
    rt.clock.set('2026-12-23T02:00:00.000Z');
    expect((await tick(rt)).data.complaints.upgraded).toBe(1);
    expect((await tick(rt)).data.complaints.upgraded).toBe(0);
    const now = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.get, { propertyId: PROPERTY, ref })).case;
    expect(now).toMatchObject({ version: classified.version + 1, urgency: 'top', dueRule: 'C4.major', classification: { severity: 'major', reasons: ['unresolved_month'] } });
    expect(notices(rt, 'complaint.major').map((n) => n.recipient)).toContain('role:manager');
    expect((await historyOf(rt, filed.id)).at(-1)).toEqual({ machine: 'complaint', action: 'upgrade', from: 'handling', to: 'handling', role: 'system', version: classified.version + 1 });
  });

  it('P1: a resident never sees another household\'s complaint', async () => {
    const filed = expectOk(await file(rt, building1[0]!));
    const other = await callAs(rt, ZHANG, complaints.get, { propertyId: PROPERTY, ref: { kind: 'complaint', id: filed.id } });
    expect(other).toMatchObject({ ok: false, code: 'COMPLAINT.NOT_FOUND' });
    expect(expectOk(await callAs(rt, ZHANG, complaints.listMine, { propertyId: PROPERTY })).items).toEqual([]);
  });
});

describe('C3 group complaints', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('C3: five complaints from four households raise nothing; the fifth household raises one group linking all, told to the manager at once', async () => {
    for (const who of building1.slice(0, 5)) expectOk(await file(rt, who));
    expect(raw(rt, 'complaintGroups')).toEqual([]);
    const fifth = expectOk(await file(rt, building1[5]!));
    expect(fifth.status).toBe('grouped');
    const [group] = raw<{ _id: string; memberIds: string[]; roomIds: string[] }>(rt, 'complaintGroups');
    expect(group!.memberIds).toHaveLength(6);
    expect(group!.roomIds).toHaveLength(5);
    expect(raw<{ status: string; groupId: string }>(rt, 'complaints').every((c) => c.status === 'grouped' && c.groupId === group!._id)).toBe(true);
    expect(notices(rt, 'complaint.group').map((n) => `${n.channel}:${n.recipient}`).sort()).toEqual(['inbox:role:desk', 'inbox:role:manager', 'inbox:role:supervisor', 'wecom:group']);
    const open = raw<{ status: string; rule: string }>(rt, 'deadlines').filter((d) => d.status === 'open');
    expect(open.map((d) => d.rule)).toEqual(['C4.major']);
  });

  it('C3 C4, issue 16: the fifth household raises the group with a call that dies after its commit: the households\' own clocks, touched by no operation of its transaction, are cancelled by the timer and never warned; the group\'s is', async () => {
    for (const who of building1.slice(0, 5)) expectOk(await file(rt, who));
    const handle = rt.engine.handle.bind(rt.engine);
    let clockOps = 0;
    rt.engine.handle = async (action, params = {}) => {
      if (params.transactionId && params.collectionName === 'deadlines') clockOps++;
      return handle(action, params);
    };
    const fifth = expectOk(await dyingAfterCommit(rt, () => file(rt, building1[5]!)));
    rt.engine.handle = handle;
    expect(fifth.status).toBe('grouped');
    expect(clockOps).toBe(0);
    const open = () => raw<{ status: string; rule: string; subject: { kind: string } }>(rt, 'deadlines').filter((d) => d.status === 'open').map((d) => `${d.subject.kind} ${d.rule}`);
    // The households' clocks changes travel in the command's record: the call that died changed none.
    expect(open()).toEqual(Array(5).fill('complaint C4.classify'));
    // The timer's journal step cancels them, and stores the group's, before it sweeps the clocks.
    expect((await tick(rt)).ok).toBe(true);
    expect(open()).toEqual(['complaintGroup C4.major']);
    rt.clock.advanceMinutes(3 * 24 * 60);
    expect((await tick(rt)).ok).toBe(true);
    expect(deadlineNotices(rt, 'C4.classify')).toEqual([]);
    expect(deadlineNotices(rt, 'C4.major').length).toBeGreaterThan(0);
  });

  const households = [building1[0]!, ...building1.slice(2)];

  it('issue 18 (3) C3 C4: the fifth household raises a group: every household hears the manager takes it up today', async () => {
    for (const who of building1) expectOk(await file(rt, who));
    const bodiesOf = async (openid: string) => expectOk(await callAs(rt, openid, session.inbox, { propertyId: PROPERTY })).items.map((n) => n.body).sort();
    for (const who of building1.slice(0, -1)) expect(await bodiesOf(who.openid)).toEqual(['客服中心今天内确认由谁处理', '群体投诉，管理处主任今天内接手'].sort());
    // Hers raised it: she is told the group's line at once.
    expect(await bodiesOf(building1.at(-1)!.openid)).toEqual(['群体投诉，管理处主任今天内接手']);
  });

  it('C3: complaints filed exactly 24 hours before the fifth household are inside the window', async () => {
    for (const who of households.slice(0, 2)) expectOk(await file(rt, who));
    rt.clock.set('2026-11-24T02:00:00.000Z');
    for (const who of households.slice(2)) expectOk(await file(rt, who));
    expect(raw(rt, 'complaintGroups')).toHaveLength(1);
  });

  it('C3: complaints filed a millisecond more than 24 hours before are outside it', async () => {
    for (const who of households.slice(0, 2)) expectOk(await file(rt, who));
    rt.clock.set('2026-11-24T02:00:00.001Z');
    for (const who of households.slice(2)) expectOk(await file(rt, who));
    expect(raw(rt, 'complaintGroups')).toEqual([]);
  });

  it('C3 C4 C5 C7: the desk confirms the group major, the manager takes it up, the reply resolves every household, each sees it and gets a callback by the manager', async () => {
    for (const who of building1) expectOk(await file(rt, who));
    const inbox = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.inbox, { propertyId: PROPERTY })).items;
    expect(inbox).toHaveLength(1);
    const group = inbox[0]!;
    expect(group).toMatchObject({ kind: 'group', households: 5, urgency: 'top', dueRule: 'C4.major', proposal: { severity: 'major', because: ['group'] } });
    const ref = { kind: 'group' as const, id: group.id };

    const seen = expectOk(await callAs(rt, ZHANG, complaints.listMine, { propertyId: PROPERTY })).items[0]!;
    expect(seen.group).toEqual({ id: group.id, households: 5, status: 'handling', classification: null, managerAck: false, reply: null });
    expect(await callAs(rt, ZHANG, complaints.get, { propertyId: PROPERTY, ref })).toMatchObject({ ok: false, code: 'COMPLAINT.NOT_FOUND' });

    expect(await callAs(rt, DESK_ON_SHIFT, complaints.classify, classifyInput(ref, 1))).toMatchObject({ ok: false, code: 'COMPLAINT.MUST_BE_MAJOR' });
    const confirmed = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.classify, classifyInput(ref, 1, { severity: 'major' })));
    expect(notices(rt, 'complaint.major')).toEqual([]);
    expect(await callAs(rt, DESK_ON_SHIFT, complaints.acknowledge, { propertyId: PROPERTY, commandId: newCommandId(), ref, version: confirmed.version })).toMatchObject({
      ok: false,
      code: 'COMMON.FORBIDDEN',
    });
    const taken = expectOk(await callAs(rt, MANAGER, complaints.acknowledge, { propertyId: PROPERTY, commandId: newCommandId(), ref, version: confirmed.version }));
    expect(taken.managerAck).toMatchObject({ by: '周经理' });
    // Issue 16: the group records the take-up (`dueMetAt`); the timer reads it before it would warn, and marks the clock met.
    const major = () => raw<{ rule: string; status: string }>(rt, 'deadlines').find((d) => d.rule === 'C4.major');
    expect(major()).toMatchObject({ status: 'open' });
    // C4: taken up once; the page no longer offers it and a second take-up is refused, keeping the first.
    expect(taken.actions).not.toContain('acknowledge');
    expect(await callAs(rt, MANAGER, complaints.acknowledge, { propertyId: PROPERTY, commandId: newCommandId(), ref, version: taken.version })).toMatchObject({
      ok: false,
      code: 'STATE.TRANSITION_NOT_ALLOWED',
    });

    const resolved = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.reply, replyInput(ref, taken.version, 'visit')));
    expect(resolved.status).toBe('resolved');
    for (const who of building1) {
      const mine = expectOk(await callAs(rt, who.openid, complaints.listMine, { propertyId: PROPERTY })).items[0]!;
      expect(mine).toMatchObject({ status: 'resolved', reply: { form: 'visit' }, group: { status: 'resolved', households: 5 } });
    }
    for (const { id } of raw<{ _id: string }>(rt, 'complaints').map((c) => ({ id: c._id }))) {
      expect((await historyOf(rt, id)).map((e) => [e.action, e.from, e.to, e.version])).toEqual([
        ['file', null, 'received', 1],
        ['join', 'received', 'grouped', 2],
        ['resolveWithGroup', 'grouped', 'resolved', 3],
      ]);
    }
    const tasks = expectOk(await callAs(rt, MANAGER, callbacks.queue, { propertyId: PROPERTY, kind: 'complaint' })).items;
    expect(tasks).toHaveLength(6);
    expect(tasks.every((t) => t.assignee === 'manager')).toBe(true);
    // C7, issue 16: the manager is told of the six tasks in one notice naming each household's address (two share 1-1-101).
    const due = notices(rt, 'callback.due').filter((n) => n.channel === 'inbox');
    expect(due.map((n) => n.recipient)).toEqual(['role:manager']);
    expect(due[0]!.body.split('：')[1]!.split('、').sort()).toEqual(tasks.map((t) => t.address).sort());
    const deskTries = await callAs(rt, DESK_ON_SHIFT, callbacks.record, { propertyId: PROPERTY, commandId: newCommandId(), callbackId: tasks[0]!.id, version: 1, reached: true, satisfied: true, notes: '', method: 'phone' });
    expect(deskTries).toMatchObject({ ok: false, code: 'CALLBACK.MANAGER_ONLY' });

    // The matter is answered: a new complaint about it starts a new count.
    const after = expectOk(await file(rt, building1[0]!));
    expect(after).toMatchObject({ status: 'received', group: null });
    // Past the same-day clock's time: the group's take-up met it; nobody is warned of it.
    rt.clock.advanceMinutes(24 * 60);
    expect((await tickTimers(rt)).ok).toBe(true);
    expect(major()).toMatchObject({ status: 'met' });
    expect(deadlineNotices(rt, 'C4.major')).toEqual([]);
  });

  it('C3 C5 C7: a settlement that fails at its write is finished by the timer: the reply is answered as committed, every household resolved once, one callback each', async () => {
    for (const who of building1) expectOk(await file(rt, who));
    const [group] = raw<{ _id: string; version: number }>(rt, 'complaintGroups');
    const ref = { kind: 'group' as const, id: group!._id };
    const confirmed = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.classify, classifyInput(ref, group!.version, { severity: 'major' })));
    // The households' resolutions go in with their settlement: failing one of those writes fails the whole settlement.
    rt.engine.failNext('database.modifyDocument', networkDown, { collection: 'complaints' });
    // The reply committed: the desk is told so, not that something went wrong; the households wait for the timer.
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.reply, replyInput(ref, confirmed.version, 'visit')))).toMatchObject({ status: 'resolved' });
    expect(raw<{ status: string }>(rt, 'complaints').map((c) => c.status)).toEqual(building1.map(() => 'grouped'));
    expect(raw(rt, 'callbacks')).toEqual([]);
    expect(raw<{ status: string; settledAt: string | null }>(rt, 'complaintGroups')[0]).toMatchObject({ status: 'resolved', settledAt: null });

    expect((await tick(rt)).data.complaints.groupsSettled).toBe(6);
    expect((await tick(rt)).data.complaints.groupsSettled).toBe(0);
    for (const { _id } of raw<{ _id: string }>(rt, 'complaints')) expect((await historyOf(rt, _id)).filter((e) => e.action === 'resolveWithGroup')).toHaveLength(1);
    expect(raw<{ status: string }>(rt, 'complaints').every((c) => c.status === 'resolved')).toBe(true);
    expect(raw(rt, 'callbacks')).toHaveLength(6);
    expect(notices(rt, 'complaint.changed').filter((n) => n.channel === 'inbox' && n.recipient.startsWith('o-') && n.body.startsWith('已答复'))).toHaveLength(6);
  });

  it('C3 C5 C7, issue 16: a settlement whose journal is not inserted after its commit is caught up by the timer: each household\'s event and reply notice stored once and sent once, each callback\'s clock stored', async () => {
    for (const who of building1) expectOk(await file(rt, who));
    const [group] = raw<{ _id: string; version: number }>(rt, 'complaintGroups');
    const ref = { kind: 'group' as const, id: group!._id };
    const confirmed = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.classify, classifyInput(ref, group!.version, { severity: 'major' })));
    // From the settlement's first batch insert on, every insert of events, notices, callbacks and clocks outside a transaction fails (its batches and their one-by-one fallbacks).
    const handle = rt.engine.handle.bind(rt.engine);
    let down = false;
    rt.engine.handle = async (action, params = {}) => {
      const fanOut = action === 'database.insertDocument' && !params.transactionId && ['events', 'outbox', 'deadlines', 'callbacks'].includes(String(params.collectionName));
      if (fanOut && Array.isArray(params.data) && params.data.length > 1) down = true;
      if (fanOut && down) return { ...networkDown, requestId: 'injected' };
      return handle(action, params);
    };
    const input = replyInput(ref, confirmed.version, 'visit');
    const answered = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.reply, input));
    rt.engine.handle = handle;
    expect(down).toBe(true);
    // Committed with the settlement: every household resolved; its callbacks (C7), their events, notices and clocks wait in the journal.
    expect(raw<{ status: string }>(rt, 'complaints').map((c) => c.status)).toEqual(building1.map(() => 'resolved'));
    expect(raw(rt, 'callbacks')).toEqual([]);
    const clocks = () => raw<{ subject: { kind: string; id: string }; status: string; dueAt: string }>(rt, 'deadlines').filter((d) => d.subject.kind === 'callback');
    expect(clocks()).toEqual([]);
    const replied = () => notices(rt, 'complaint.changed').filter((n) => n.channel === 'inbox' && n.recipient.startsWith('o-') && n.body.startsWith('已答复'));
    expect(replied()).toEqual([]);
    const storedNow = raw<{ subject: { id: string }; action: string }>(rt, 'events');
    for (const { _id } of raw<{ _id: string }>(rt, 'complaints')) expect(storedNow.filter((e) => e.subject.id === _id && e.action === 'resolveWithGroup')).toEqual([]);
    // A retry answers as the first call did.
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.reply, input))).toEqual(answered);

    await tick(rt);
    for (const { _id } of raw<{ _id: string }>(rt, 'complaints')) expect((await historyOf(rt, _id)).filter((e) => e.action === 'resolveWithGroup')).toHaveLength(1);
    // One callback each (C7), stored once by the timer's journal step, with its birth.
    expect(raw(rt, 'callbacks')).toHaveLength(6);
    for (const { _id } of raw<{ _id: string }>(rt, 'callbacks')) expect((await historyOf(rt, _id)).map((e) => e.action)).toEqual(['plan']);
    // B1 C7: every household's callback has its clock, open and due when the task is.
    const dueOf = new Map(raw<{ _id: string; dueAt: string }>(rt, 'callbacks').map((t) => [t._id, t.dueAt]));
    expect(clocks().map((d) => [d.subject.id, d.status, d.dueAt]).sort()).toEqual([...dueOf].map(([id, dueAt]) => [id, 'open', dueAt]).sort());
    expect(replied()).toHaveLength(6);
    expect(notices(rt, 'callback.due').filter((n) => n.channel === 'inbox')).toHaveLength(1);
    // Sent once the settling call's lease ends, and only once.
    rt.clock.advanceMinutes(2);
    await tick(rt);
    expect(raw<{ kind: string; status: string }>(rt, 'outbox').filter((n) => n.kind === 'complaint.changed' || n.kind === 'callback.due').every((n) => n.status === 'sent')).toBe(true);
    const sent = raw<{ _id: string; sentAt: string }>(rt, 'outbox').map((n) => [n._id, n.sentAt]);
    rt.clock.advanceMinutes(5);
    await tick(rt);
    expect(raw<{ _id: string; sentAt: string }>(rt, 'outbox').map((n) => [n._id, n.sentAt])).toEqual(sent);
    expect(replied()).toHaveLength(6);
  });

  /** A major group of six residents (five households) replied to while every insert of a clock outside a transaction fails: its callbacks' clocks stay in the settlement's journal. */
  const replyWithClocksUnstored = async () => {
    for (const who of building1) expectOk(await file(rt, who));
    const [group] = raw<{ _id: string; version: number }>(rt, 'complaintGroups');
    const ref = { kind: 'group' as const, id: group!._id };
    const confirmed = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.classify, classifyInput(ref, group!.version, { severity: 'major' })));
    const handle = rt.engine.handle.bind(rt.engine);
    rt.engine.handle = async (action, params = {}) => {
      if (action === 'database.insertDocument' && !params.transactionId && params.collectionName === 'deadlines') return { ...networkDown, requestId: 'injected' };
      return handle(action, params);
    };
    expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.reply, replyInput(ref, confirmed.version, 'visit')));
    rt.engine.handle = handle;
    const tasks = expectOk(await callAs(rt, MANAGER, callbacks.queue, { propertyId: PROPERTY, kind: 'complaint' })).items;
    expect(tasks).toHaveLength(6);
    // Committed: every household's task; its clock is in the settlement's journal, not yet in its collection.
    expect(callbackClocks()).toEqual([]);
    const journaled = raw<{ journal?: { collection: string; doc: { subject?: { kind: string } } }[] }>(rt, 'commands').flatMap((c) => c.journal ?? []);
    expect(journaled.filter((e) => e.collection === 'deadlines' && e.doc.subject?.kind === 'callback')).toHaveLength(6);
    return tasks;
  };
  const callbackClocks = () =>
    raw<{ _id: string; rule: string; status: string; version: number; dueAt: string; ladder: string[]; subject: { kind: string; id: string } }>(rt, 'deadlines').filter((d) => d.subject.kind === 'callback');
  const record = (task: { id: string }) =>
    callAs(rt, MANAGER, callbacks.record, { propertyId: PROPERTY, commandId: newCommandId(), callbackId: task.id, version: 1, reached: true, satisfied: true, notes: '', method: 'phone' });
  const overdueNotices = (taskId: string) => raw<{ kind: string; subject: { id: string } }>(rt, 'outbox').filter((n) => n.kind.startsWith('deadline.') && n.subject.id === taskId);

  it('C7 B1, issue 16: a callback recorded before its settlement\'s journal stores its clock writes no clock; the journal\'s insert stores them all open, and past their time the timer marks the recorded one met, telling nobody, while the others warn', async () => {
    const tasks = await replyWithClocksUnstored();
    const [done, ...others] = tasks;
    expectOk(await record(done!));
    expect(callbackClocks()).toEqual([]);

    // The timer's journal step inserts every clock, as planned.
    await tick(rt);
    const clocks = new Map(callbackClocks().map((d) => [d.subject.id, d]));
    expect(clocks.size).toBe(6);
    for (const task of tasks) expect(clocks.get(task.id)).toMatchObject({ rule: 'B1.callback', status: 'open', version: 1, dueAt: task.dueAt, ladder: ['manager', 'supervisor'] });
    expect(raw<{ fanned?: boolean }>(rt, 'commands').filter((c) => c.fanned === false)).toEqual([]);

    // Past the tasks' due time: the open ones warn and escalate, the one called back says nothing and is met.
    rt.clock.advanceMinutes(3 * 24 * 60);
    await tick(rt);
    expect(overdueNotices(done!.id)).toEqual([]);
    expect(callbackClocks().find((d) => d.subject.id === done!.id)).toMatchObject({ status: 'met', version: 2 });
    for (const task of others) expect(overdueNotices(task.id).length).toBeGreaterThan(0);
  }, 30_000);

  it('C7 B1, issue 16: a journal inserting a callback\'s clock while its recording\'s transaction is open: the recording reads and writes no clock, commits once, and the clock is met by the timer, never warned', async () => {
    const tasks = await replyWithClocksUnstored();
    const [done] = tasks;
    // Once the recording's transaction has read the task, the timer's journal step inserts every clock.
    const handle = rt.engine.handle.bind(rt.engine);
    let taskReads = 0;
    let clockOps = 0;
    rt.engine.handle = async (action, params = {}) => {
      if (params.transactionId && params.collectionName === 'deadlines') clockOps++;
      const answer = await handle(action, params);
      if (action === 'database.getDocument' && params.transactionId && params.collectionName === 'callbacks' && ++taskReads === 1) {
        rt.engine.handle = handle;
        expect((await tick(rt)).ok).toBe(true);
      }
      return answer;
    };
    expectOk(await record(done!));
    rt.engine.handle = handle;
    expect({ taskReads, clockOps }).toEqual({ taskReads: 1, clockOps: 0 });
    expect(callbackClocks()).toHaveLength(6);
    expect((await historyOf(rt, done!.id)).map((e) => e.action)).toEqual(['plan', 'record']);
    rt.clock.advanceMinutes(3 * 24 * 60);
    await tick(rt);
    expect(overdueNotices(done!.id)).toEqual([]);
    const clocks = callbackClocks();
    expect(clocks.find((d) => d.subject.id === done!.id)).toMatchObject({ status: 'met', version: 2 });
    expect(clocks.filter((d) => d.status === 'open')).toHaveLength(5);
  }, 30_000);

  it('C3 C5, issue 16: a change to a household committed while its settlement runs is kept, and every household is still settled once', async () => {
    for (const who of building1) expectOk(await file(rt, who));
    const [group] = raw<{ _id: string; version: number; memberIds: string[] }>(rt, 'complaintGroups');
    const ref = { kind: 'group' as const, id: group!._id };
    const confirmed = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.classify, classifyInput(ref, group!.version, { severity: 'major' })));
    const target = group!.memberIds[2]!;
    // A plain write (as a content verdict's) lands on a household right after the settlement's transaction has read the group.
    const handle = rt.engine.handle.bind(rt.engine);
    let groupReads = 0;
    rt.engine.handle = async (action, params = {}) => {
      const answer = await handle(action, params);
      if (action === 'database.getDocument' && params.transactionId && params.collectionName === 'complaintGroups' && ++groupReads === 2) {
        await handle('database.modifyDocument', {
          collectionName: 'complaints',
          queryType: 'DOC',
          query: JSON.stringify({ _id: target }),
          data: JSON.stringify({ $set: { description: '（已屏蔽）' } }),
          multi: false,
          upsert: false,
          merge: true,
        });
      }
      return answer;
    };
    // The settlement's write of that household finds it changed since its snapshot: it gives up (the cloud SDK reruns no conflict) and the timer finishes it.
    await callAs(rt, DESK_ON_SHIFT, complaints.reply, replyInput(ref, confirmed.version, 'visit'));
    rt.engine.handle = handle;
    expect(groupReads).toBe(2);
    expect((await tick(rt)).data.complaints.groupsSettled).toBe(6);
    const stored = raw<{ _id: string; status: string; version: number; description: string }>(rt, 'complaints');
    expect(stored.find((c) => c._id === target)).toMatchObject({ status: 'resolved', version: 3, description: '（已屏蔽）' });
    expect(stored.map((c) => [c.status, c.version])).toEqual(stored.map(() => ['resolved', 3]));
    for (const { _id } of stored) expect((await historyOf(rt, _id)).filter((e) => e.action === 'resolveWithGroup')).toHaveLength(1);
    expect(raw(rt, 'callbacks')).toHaveLength(6);
    expect(raw<{ settledAt: string | null }>(rt, 'complaintGroups')[0]!.settledAt).not.toBeNull();
  });

  it('C3: five households filing at the same moment raise exactly one group of five', async () => {
    const five = [building1[0]!, ...building1.slice(2)];
    const results = await Promise.all(five.map((who) => file(rt, who)));
    expect(results.every((r) => r.ok)).toBe(true);
    const groups = raw<{ memberIds: string[] }>(rt, 'complaintGroups');
    expect(groups).toHaveLength(1);
    expect(groups[0]!.memberIds).toHaveLength(5);
  });
});

describe('C6 the daily register and C8 figures', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('C6: the register lists the day\'s complaints; an unsigned one is flagged at 08:00 the next morning, once; a signed one is not', async () => {
    const filed = expectOk(await file(rt, building1[0]!));
    const day = expectOk(await callAs(rt, SUPERVISOR, complaints.registerOf, { propertyId: PROPERTY, date: '2026-11-23' }));
    expect(day).toMatchObject({ rows: [{ id: filed.id, address: '1-1-101', channel: 'miniprogram' }], signed: null, flaggedAt: null });
    expect(day.open.map((k) => k.id)).toEqual([filed.id]);

    // 07:59 on the 24th: the 22nd's register is overdue for a signature, the 23rd's not yet.
    rt.clock.set('2026-11-23T23:59:00.000Z');
    expect((await tick(rt)).data.complaints.registersFlagged).toBe(1);
    rt.clock.set('2026-11-24T00:00:00.000Z');
    expect((await tick(rt)).data.complaints.registersFlagged).toBe(1);
    expect((await tick(rt)).data.complaints.registersFlagged).toBe(0);
    expect(expectOk(await callAs(rt, SUPERVISOR, complaints.registerOf, { propertyId: PROPERTY, date: '2026-11-23' })).flaggedAt).toBe('2026-11-24T00:00:00.000Z');
    expect(notices(rt, 'register.unsigned').map((n) => n.recipient).sort()).toEqual(['role:manager', 'role:manager', 'role:supervisor', 'role:supervisor']);

    const signed = expectOk(await callAs(rt, SUPERVISOR, complaints.signRegister, { propertyId: PROPERTY, commandId: newCommandId(), date: '2026-11-24', remarks: '无投诉' }));
    expect(signed.signed).toMatchObject({ by: '刘主管', remarks: '无投诉' });
    rt.clock.set('2026-11-25T00:00:00.000Z');
    expect((await tick(rt)).data.complaints.registersFlagged).toBe(0);
    const desk = await callAs(rt, DESK_ON_SHIFT, complaints.signRegister, { propertyId: PROPERTY, commandId: newCommandId(), date: '2026-11-23', remarks: '' });
    expect(desk).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    expect(await callAs(rt, SUPERVISOR, complaints.signRegister, { propertyId: PROPERTY, commandId: newCommandId(), date: '2026-11-26', remarks: '' })).toMatchObject({
      ok: false,
      code: 'COMPLAINT.REGISTER_FUTURE',
    });
  });

  it('C8: the month\'s figures count complaints by class, handled, on time and called back', async () => {
    const a = expectOk(await file(rt, building1[0]!));
    const b = expectOk(await file(rt, building1[2]!, { category: 'noise' }));
    expectOk(await file(rt, building1[3]!, { category: 'cleaning' }));
    const ca = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.classify, classifyInput({ kind: 'complaint', id: a.id }, 1)));
    const cb = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.classify, classifyInput({ kind: 'complaint', id: b.id }, 1, { class: 'assistance', severity: null, jurisdiction: 'inside' })));
    expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.reply, replyInput({ kind: 'complaint', id: a.id }, ca.version, 'visit')));
    rt.clock.set('2026-11-23T16:30:00.000Z');
    expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.reply, replyInput({ kind: 'complaint', id: b.id }, cb.version, 'visit')));
    const [task] = expectOk(await callAs(rt, DESK_ON_SHIFT, callbacks.queue, { propertyId: PROPERTY, kind: 'complaint' })).items;
    expectOk(await callAs(rt, DESK_ON_SHIFT, callbacks.record, { propertyId: PROPERTY, commandId: newCommandId(), callbackId: task!.id, version: 1, reached: true, satisfied: true, notes: '', method: 'phone' }));
    const month = expectOk(await callAs(rt, SUPERVISOR, complaints.figures, { propertyId: PROPERTY, period: '2026-11' }));
    expect(month.total).toEqual({
      total: 3,
      byClass: { major: 0, general: 1, non_responsible: 0, assistance: 1, unclassified: 1 },
      handled: 2,
      handlingRate: 2 / 3,
      onTime: 1,
      onTimeRate: 0.5,
      calledBack: 1,
      callbackRate: 0.5,
    });
    const quarter = expectOk(await callAs(rt, SUPERVISOR, complaints.figures, { propertyId: PROPERTY, period: '2026-Q4' }));
    expect(quarter.months.map((m) => [m.month, m.figures.total])).toEqual([['2026-10', 0], ['2026-11', 3], ['2026-12', 0]]);
  });
});
