import { complaints, members, repairs, settings } from '@shared/contracts';
import * as duty from '@shared/contracts/duty.contract';
import { callAs, complaintInput, DESK_ON_SHIFT, DESK_OTHER, expectOk, expectRefusedUnchanged, MANAGER, memberIdOf, newCommandId, PROPERTY, raw, repairInput, snapshot, startRuntime, SUPERVISOR, TECH_LI, testClock, tickTimers, uploadAs, WANG, WANG_ROOM, storedEvents } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
const MORNING_PAGE = `${PROPERTY}~2026-11-23~0800`;
const entry = (over: Record<string, unknown> = {}) => ({ propertyId: PROPERTY, commandId: newCommandId(), kind: 'other', what: '前台打印机卡纸', handling: '已处理', followUp: '', result: '恢复正常', status: 'closed', ...over });
const tick = (rt: Rt) => tickTimers(rt);
const notices = (rt: Rt, kind: string) => raw<{ kind: string; recipient: string }>(rt, 'outbox').filter((n) => n.kind === kind).map((n) => n.recipient).sort();
const handOver = (over: Record<string, unknown> = {}) => ({ propertyId: PROPERTY, commandId: newCommandId(), pageId: MORNING_PAGE, matters: [], instructions: '经理交代：明早 9 点消防检查', preparation: [true, true, true, true], substituteId: null, ...over });

describe('duty log (D1): pages by shift, entries, and events other areas know of proposed for the desk to confirm', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('D1: the desk logs on the page of the shift on duty (早班 of Monday), each entry with time, kind, what, handling, follow-up and result', async () => {
    const page = expectOk(await callAs(rt, DESK_ON_SHIFT, duty.logEntry, entry({ at: '2026-11-23T09:30:00+08:00' })));
    expect(page).toMatchObject({ pageId: MORNING_PAGE, shiftName: '早班', onDuty: true, version: 1 });
    expect(page.entries).toEqual([expect.objectContaining({ at: '2026-11-23T01:30:00.000Z', kind: 'other', what: '前台打印机卡纸', handling: '已处理', result: '恢复正常', recorder: '陈晓', major: false })]);
    rt.clock.set('2026-11-23T08:00:00.000Z');
    expect(expectOk(await callAs(rt, DESK_OTHER, duty.page, { propertyId: PROPERTY })).pageId).toBe(`${PROPERTY}~2026-11-23~1600`);
  });

  it('D1 issue 16: entries logged at once on a page nobody wrote yet, each adding it in its transaction, all land on the one page', async () => {
    expect(raw(rt, 'dutyPages')).toEqual([]);
    const sent = await Promise.all([
      callAs(rt, DESK_ON_SHIFT, duty.logEntry, entry({ what: '前台打印机卡纸' })),
      callAs(rt, DESK_OTHER, duty.logEntry, entry({ what: '大堂灯不亮' })),
      callAs(rt, DESK_ON_SHIFT, duty.signIn, { propertyId: PROPERTY, commandId: newCommandId() }),
    ]);
    sent.forEach((r) => expectOk(r));
    const [page] = raw<{ _id: string; entries: { what: string }[]; signedIn: { openid: string }[]; version: number }>(rt, 'dutyPages');
    expect(raw(rt, 'dutyPages')).toHaveLength(1);
    expect(page!._id).toBe(MORNING_PAGE);
    expect(page!.entries.map((e) => e.what).sort()).toEqual(['前台打印机卡纸', '大堂灯不亮'].sort());
    expect(page!.signedIn.map((s) => s.openid)).toEqual([DESK_ON_SHIFT]);
    expect(page!.version).toBe(3);
  });

  it('D1: an entry timed before its shift began or after now is refused, and nothing is written', async () => {
    await expectRefusedUnchanged(rt, DESK_ON_SHIFT, duty.logEntry, entry({ at: '2026-11-23T07:59:00+08:00' }), 'DUTY.ENTRY_TIME');
    await expectRefusedUnchanged(rt, DESK_ON_SHIFT, duty.logEntry, entry({ at: '2026-11-23T10:01:00+08:00' }), 'DUTY.ENTRY_TIME');
  });

  it('D1: a complaint call the desk registered and an urgent water repair are proposed; a confirmed one is logged once with its source', async () => {
    const { photos: _none, ...intake } = complaintInput(WANG_ROOM);
    const call = expectOk(
      await callAs(rt, DESK_ON_SHIFT, complaints.register, { ...intake, residentId: memberIdOf(WANG), channel: 'phone', callerName: '王秀英', phone: '13800000101', apologised: true }),
    );
    const pipe = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ description: '水表内水管爆裂，家里停水了' })));
    expectOk(await callAs(rt, WANG, repairs.create, repairInput({ description: '卧室门把手松了' })));
    const page = expectOk(await callAs(rt, DESK_ON_SHIFT, duty.page, { propertyId: PROPERTY }));
    expect(page.proposals.map((p) => [p.source.kind, p.source.id, p.kind])).toEqual([
      ['complaint', call.id, 'complaint_call'],
      ['repair', pipe.id, 'water'],
    ]);
    const confirmed = expectOk(await callAs(rt, DESK_ON_SHIFT, duty.confirmProposal, { propertyId: PROPERTY, commandId: newCommandId(), source: { kind: 'complaint', id: call.id }, handling: '已道歉并登记', followUp: '跟进投诉处理', result: '', status: 'following' }));
    expect(confirmed.entries).toEqual([expect.objectContaining({ kind: 'complaint_call', source: { kind: 'complaint', id: call.id }, handling: '已道歉并登记' })]);
    expect(confirmed.proposals.map((p) => p.source.id)).toEqual([pipe.id]);
    await expectRefusedUnchanged(rt, DESK_ON_SHIFT, duty.confirmProposal, { propertyId: PROPERTY, commandId: newCommandId(), source: { kind: 'complaint', id: call.id }, handling: '', followUp: '', result: '', status: 'closed' }, 'DUTY.PROPOSAL_NOT_FOUND');
    expect(raw(rt, 'complaints')).toHaveLength(1);
  });

  it('D1 (issue 16): a logged entry answers the page as written without the proposals, which the page view and a confirmation still show, and nothing of them is lost', async () => {
    const pipe = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ description: '水表内水管爆裂，家里停水了' })));
    const logged = expectOk(await callAs(rt, DESK_ON_SHIFT, duty.logEntry, entry()));
    expect([logged.entries.length, logged.proposals]).toEqual([1, []]);
    const page = expectOk(await callAs(rt, DESK_ON_SHIFT, duty.page, { propertyId: PROPERTY }));
    expect(page.proposals.map((p) => p.source.id)).toEqual([pipe.id]);
    const confirmed = expectOk(await callAs(rt, DESK_ON_SHIFT, duty.confirmProposal, { propertyId: PROPERTY, commandId: newCommandId(), source: { kind: 'repair', id: pipe.id }, handling: '已派维修', followUp: '', result: '', status: 'following' }));
    expect([confirmed.entries.length, confirmed.proposals]).toEqual([2, []]);
  });

  it('D1: a move-in (a room binding the desk approved) is proposed with the room and the name, not the phone', async () => {
    const asked = expectOk(await callAs(rt, 'o-newcomer-gao', members.requestBinding, { propertyId: PROPERTY, commandId: newCommandId(), roomId: 'demo:1-1-102', name: '高先生', relation: 'owner', phone: '13800009999' }));
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, duty.page, { propertyId: PROPERTY })).proposals).toEqual([]);
    expectOk(await callAs(rt, DESK_ON_SHIFT, members.reviewBinding, { propertyId: PROPERTY, commandId: newCommandId(), bindingId: asked.id, version: 1, decision: 'approve', reason: '' }));
    const page = expectOk(await callAs(rt, DESK_ON_SHIFT, duty.page, { propertyId: PROPERTY }));
    expect(page.proposals).toEqual([{ source: { kind: 'binding', id: asked.id }, kind: 'move_in', at: '2026-11-23T02:00:00.000Z', what: '1-1-102 高先生 入住（房屋绑定已通过）' }]);
  });

  it('D1 D2 D3: the resident and the technician are refused every duty action; another property\'s desk is no member here and finds no page of ours', async () => {
    await rt.db.collection('properties').doc('other').set({ data: { propertyId: 'other', schemaVersion: 1, name: '翠湖苑', deskPhone: '021-66660000' } });
    await rt.db.collection('members').doc('mb_otherdesk').set({
      data: { propertyId: 'other', schemaVersion: 1, openid: 'o-other-desk', role: 'desk', status: 'active', name: '外盘客服', phone: '13000000000', roomIds: [], skills: [], createdAt: '2026-11-01T00:00:00.000Z' },
    });
    expectOk(await callAs(rt, DESK_ON_SHIFT, duty.logEntry, entry()));
    const before = await snapshot(rt);
    for (const openid of [WANG, TECH_LI]) {
      expect(await callAs(rt, openid, duty.page, { propertyId: PROPERTY })).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
      expect(await callAs(rt, openid, duty.logEntry, entry())).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    }
    expect(await callAs(rt, 'o-other-desk', duty.page, { propertyId: PROPERTY })).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    const ours = expectOk(await callAs(rt, DESK_ON_SHIFT, duty.page, { propertyId: PROPERTY })).entries[0]!;
    expect(await callAs(rt, 'o-other-desk', duty.updateEntry, { propertyId: 'other', commandId: newCommandId(), pageId: MORNING_PAGE, entryId: ours.id, version: 1, handling: '改', followUp: '', result: '', status: 'closed' })).toMatchObject({
      ok: false,
      code: 'DUTY.PAGE_NOT_FOUND',
    });
    expect(await callAs(rt, 'o-other-desk', duty.day, { propertyId: 'other', date: '2026-11-23' })).toMatchObject({ ok: true, data: { pages: [{ entries: [] }, { entries: [] }, { entries: [] }] } });
    expect(await snapshot(rt)).toEqual(before);
  });
});

describe('D2: the supervisor signs each day; a major event needs its emergency record with photos first', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  const theft = async () => {
    const page = expectOk(await callAs(rt, DESK_ON_SHIFT, duty.logEntry, entry({ kind: 'theft', what: '3栋车棚电动车被盗', status: 'following', result: '' })));
    return page.entries[0]!;
  };

  it('D2: signing waits for the day to end, then for the major event\'s emergency record; with it the day is signed and closed to changes', async () => {
    const stolen = await theft();
    expect(stolen).toMatchObject({ major: true, needsEmergency: true });
    await expectRefusedUnchanged(rt, SUPERVISOR, duty.signDay, { propertyId: PROPERTY, commandId: newCommandId(), date: '2026-11-23', remarks: '' }, 'DUTY.DAY_NOT_OVER');
    const photo = uploadAs(rt, DESK_ON_SHIFT, 'theft.jpg');
    const someoneElses = uploadAs(rt, DESK_OTHER, 'other.jpg');
    const emergency = { propertyId: PROPERTY, pageId: MORNING_PAGE, entryId: stolen.id, version: 1, account: '09:40 发现车棚电动车被盗，已报警并调取监控' };
    await expectRefusedUnchanged(rt, DESK_ON_SHIFT, duty.recordEmergency, { ...emergency, commandId: newCommandId(), photos: [someoneElses] }, 'DUTY.PHOTO_NOT_YOURS');
    rt.clock.set('2026-11-24T01:00:00.000Z');
    await expectRefusedUnchanged(rt, SUPERVISOR, duty.signDay, { propertyId: PROPERTY, commandId: newCommandId(), date: '2026-11-23', remarks: '' }, 'DUTY.EMERGENCY_RECORD_MISSING');
    const recorded = expectOk(await callAs(rt, DESK_ON_SHIFT, duty.recordEmergency, { ...emergency, commandId: newCommandId(), photos: [photo] }));
    expect(recorded.entries[0]).toMatchObject({ needsEmergency: false, emergency: { by: '陈晓', photos: [expect.stringContaining('/api/storage/file?path=')] } });
    const signed = expectOk(await callAs(rt, SUPERVISOR, duty.signDay, { propertyId: PROPERTY, commandId: newCommandId(), date: '2026-11-23', remarks: '已阅' }));
    expect(signed).toMatchObject({ signed: { by: '刘主管', remarks: '已阅' }, missingEmergency: 0 });
    await expectRefusedUnchanged(rt, DESK_ON_SHIFT, duty.updateEntry, { propertyId: PROPERTY, commandId: newCommandId(), pageId: MORNING_PAGE, entryId: stolen.id, version: 2, handling: '', followUp: '', result: '已找回', status: 'closed' }, 'DUTY.DAY_SIGNED');
  });

  it('D2: the property decides which kinds are major: with only fire major, a theft is logged as minor and a fire as major', async () => {
    const saved = expectOk(await callAs(rt, 'o-mgr-zhou', settings.updateSettings, { propertyId: PROPERTY, commandId: newCommandId(), majorDutyKinds: ['fire'] }));
    expect(saved.majorDutyKinds).toEqual(['fire']);
    expect((await theft()).major).toBe(false);
    const fire = expectOk(await callAs(rt, DESK_ON_SHIFT, duty.logEntry, entry({ kind: 'fire', what: '垃圾房冒烟' }))).entries.find((e) => e.kind === 'fire')!;
    expect(fire).toMatchObject({ major: true, needsEmergency: true });
  });

  it('D2: a minor entry needs no emergency record', async () => {
    const page = expectOk(await callAs(rt, DESK_ON_SHIFT, duty.logEntry, entry()));
    await expectRefusedUnchanged(
      rt, DESK_ON_SHIFT, duty.recordEmergency,
      { propertyId: PROPERTY, commandId: newCommandId(), pageId: MORNING_PAGE, entryId: page.entries[0]!.id, version: 1, account: '经过', photos: [uploadAs(rt, DESK_ON_SHIFT, 'a.jpg')] },
      'DUTY.NOT_MAJOR',
    );
  });

  it('D2 (issue 16): a day the timer flags between the signature\'s first reads and its transaction is signed all the same, its flag kept', async () => {
    expectOk(await callAs(rt, DESK_ON_SHIFT, duty.logEntry, entry()));
    rt.clock.set('2026-11-24T00:00:00.000Z');
    // The morning's flag (which makes the day's document) lands right after the signature read the day and found none.
    const handle = rt.engine.handle.bind(rt.engine);
    let flagged: Promise<unknown> | null = null;
    rt.engine.handle = async (action, params = {}) => {
      const answer = await handle(action, params);
      if (!flagged && action === 'database.getDocument' && JSON.stringify(params).includes('dutyDays')) {
        flagged = tick(rt);
        await flagged;
      }
      return answer;
    };
    const signed = expectOk(await callAs(rt, SUPERVISOR, duty.signDay, { propertyId: PROPERTY, commandId: newCommandId(), date: '2026-11-23', remarks: '已阅' }));
    rt.engine.handle = handle;
    expect(flagged).not.toBeNull();
    expect(signed).toMatchObject({ signed: { by: '刘主管', remarks: '已阅' } });
    expect(raw<{ date: string; signedBy: { name: string } | null; flaggedAt: string | null }>(rt, 'dutyDays')).toEqual([
      expect.objectContaining({ date: '2026-11-23', signedBy: expect.objectContaining({ name: '刘主管' }), flaggedAt: '2026-11-24T00:00:00.000Z' }),
    ]);
  });

  it('D2: a kept day left unsigned is flagged to the supervisor and the manager at 08:00 the next morning, not before, and once', async () => {
    expectOk(await callAs(rt, DESK_ON_SHIFT, duty.logEntry, entry()));
    rt.clock.set('2026-11-23T23:59:00.000Z');
    await tick(rt);
    expect(notices(rt, 'duty.unsigned')).toEqual([]);
    rt.clock.set('2026-11-24T00:00:00.000Z');
    await tick(rt);
    await tick(rt);
    expect(notices(rt, 'duty.unsigned')).toEqual(['role:manager', 'role:supervisor']);
    expect(expectOk(await callAs(rt, SUPERVISOR, duty.day, { propertyId: PROPERTY, date: '2026-11-23' })).flaggedAt).toBe('2026-11-24T00:00:00.000Z');
  });
});

describe('D3: handover at each shift change, signed by both on their own phones', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime(testClock('2026-11-23T07:10:00.000Z'));
  });
  afterEach(() => rt.close());

  it('D3: refused while equipment is starting, while nobody has signed in; then handed over with the open major matter and received by the incoming member only', async () => {
    const pump = expectOk(await callAs(rt, DESK_ON_SHIFT, duty.logEntry, entry({ kind: 'equipment', what: '2号生活水泵切换启动', status: 'happening', result: '' }))).entries[0]!;
    const theft = expectOk(await callAs(rt, DESK_ON_SHIFT, duty.logEntry, entry({ kind: 'theft', what: '车棚电动车被盗', status: 'following', result: '' }))).entries.find((e) => e.kind === 'theft')!;
    await expectRefusedUnchanged(rt, DESK_ON_SHIFT, duty.handOver, handOver(), 'DUTY.HANDOVER_EQUIPMENT_CHANGING');
    expectOk(await callAs(rt, DESK_ON_SHIFT, duty.updateEntry, { propertyId: PROPERTY, commandId: newCommandId(), pageId: MORNING_PAGE, entryId: pump.id, version: 2, handling: '启动完成', followUp: '', result: '运行正常', status: 'closed' }));
    await expectRefusedUnchanged(rt, DESK_ON_SHIFT, duty.handOver, handOver({ preparation: [true, true, false, true] }), 'DUTY.HANDOVER_PREPARATION_INCOMPLETE');
    await expectRefusedUnchanged(rt, DESK_ON_SHIFT, duty.handOver, handOver(), 'DUTY.HANDOVER_NO_INCOMING');
    expect(expectOk(await callAs(rt, DESK_OTHER, duty.signIn, { propertyId: PROPERTY, commandId: newCommandId() })).pageId).toBe(`${PROPERTY}~2026-11-23~1600`);
    await expectRefusedUnchanged(rt, DESK_ON_SHIFT, duty.handOver, handOver(), 'DUTY.HANDOVER_MATTER_MISSING');
    const matter = { entryId: theft.id, cause: '车棚监控盲区', process: '已报警，派出所已立案', result: '等待派出所回复' };
    const handed = expectOk(await callAs(rt, DESK_ON_SHIFT, duty.handOver, handOver({ matters: [matter] }))).handover!;
    expect(handed).toMatchObject({ status: 'handed', outgoing: { name: '陈晓' }, incoming: { name: '林琳', substitute: false, at: null }, matters: [matter], canReceive: false });
    await expectRefusedUnchanged(rt, 'o-desk-he', duty.receive, { propertyId: PROPERTY, commandId: newCommandId(), handoverId: handed.id, version: 1 }, 'DUTY.NOT_INCOMING');
    expect(expectOk(await callAs(rt, DESK_OTHER, duty.page, { propertyId: PROPERTY, date: '2026-11-23', shiftStart: '08:00' })).handover?.canReceive).toBe(true);
    const received = expectOk(await callAs(rt, DESK_OTHER, duty.receive, { propertyId: PROPERTY, commandId: newCommandId(), handoverId: handed.id, version: 1 })).handover!;
    expect(received).toMatchObject({ status: 'received', incoming: { name: '林琳', at: '2026-11-23T07:10:00.000Z' }, late: false });
    expect((await storedEvents<{ subject: { kind: string }; action: string }>(rt)).filter((e) => e.subject.kind === 'handover').map((e) => e.action)).toEqual(['handOver', 'receive']);
    await expectRefusedUnchanged(rt, DESK_ON_SHIFT, duty.handOver, handOver({ matters: [matter] }), 'STATE.TRANSITION_NOT_ALLOWED');
  });

  it('D3: a major event still happening blocks it; a substitute named stands in for an incoming member who has not signed in', async () => {
    const fire = expectOk(await callAs(rt, DESK_ON_SHIFT, duty.logEntry, entry({ kind: 'fire', what: '地下车库烟感报警', status: 'happening', result: '' }))).entries[0]!;
    await expectRefusedUnchanged(rt, DESK_ON_SHIFT, duty.handOver, handOver({ substituteId: memberIdOf('o-desk-he') }), 'DUTY.HANDOVER_EVENT_UNFINISHED');
    expectOk(await callAs(rt, DESK_ON_SHIFT, duty.updateEntry, { propertyId: PROPERTY, commandId: newCommandId(), pageId: MORNING_PAGE, entryId: fire.id, version: 1, handling: '误报，已复位', followUp: '', result: '无损失', status: 'closed' }));
    await expectRefusedUnchanged(rt, DESK_ON_SHIFT, duty.handOver, handOver({ substituteId: memberIdOf(TECH_LI) }), 'DUTY.SUBSTITUTE_NOT_FOUND');
    const handed = expectOk(await callAs(rt, DESK_ON_SHIFT, duty.handOver, handOver({ substituteId: memberIdOf('o-desk-he') }))).handover!;
    expect(handed.incoming).toEqual({ name: '何娟', substitute: true, at: null });
  });

  it('D3: a page opened before the roster changed hands over to whoever signed in for the page after its own end, not the roster\'s', async () => {
    expectOk(await callAs(rt, DESK_ON_SHIFT, duty.logEntry, entry()));
    // The morning page (08:00–16:00) is stored; the roster now ends the 08:00 shift at 11:00, and 14:00 starts the next one.
    const shifts = [
      { name: '早班', start: '08:00', deskMemberIds: [memberIdOf(DESK_ON_SHIFT)] },
      { name: '午班', start: '11:00', deskMemberIds: [] },
      { name: '晚班', start: '14:00', deskMemberIds: [memberIdOf(DESK_OTHER)] },
    ];
    expectOk(await callAs(rt, MANAGER, settings.updateSettings, { propertyId: PROPERTY, commandId: newCommandId(), shifts }));
    rt.clock.advanceMinutes(1);
    expect(expectOk(await callAs(rt, DESK_OTHER, duty.signIn, { propertyId: PROPERTY, commandId: newCommandId() })).pageId).toBe(`${PROPERTY}~2026-11-23~1400`);
    const handed = expectOk(await callAs(rt, DESK_ON_SHIFT, duty.handOver, handOver())).handover!;
    expect(handed.incoming).toEqual({ name: '林琳', substitute: false, at: null });
  });

  it('D3: not before the last hour of the shift', async () => {
    rt.clock.set('2026-11-23T06:59:00.000Z');
    await expectRefusedUnchanged(rt, DESK_ON_SHIFT, duty.handOver, handOver(), 'DUTY.HANDOVER_NOT_DUE');
  });

  it('D3: a handover not completed 15 minutes after the shift ends is flagged to the supervisor, once; received later, it is recorded late', async () => {
    expectOk(await callAs(rt, DESK_OTHER, duty.signIn, { propertyId: PROPERTY, commandId: newCommandId() }));
    const handed = expectOk(await callAs(rt, DESK_ON_SHIFT, duty.handOver, handOver())).handover!;
    rt.clock.set('2026-11-23T08:14:00.000Z');
    await tick(rt);
    expect(notices(rt, 'duty.handoverLate')).toEqual([]);
    rt.clock.set('2026-11-23T08:15:00.000Z');
    await tick(rt);
    await tick(rt);
    expect(notices(rt, 'duty.handoverLate')).toEqual(['role:supervisor']);
    const received = expectOk(await callAs(rt, DESK_OTHER, duty.receive, { propertyId: PROPERTY, commandId: newCommandId(), handoverId: handed.id, version: 1 })).handover!;
    expect(received.late).toBe(true);
  });
});
