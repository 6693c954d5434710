import { messages } from '@shared/messages';
import { repairs } from '@shared/contracts';
import {
  callAs,
  deadlineNotices,
  DESK_ON_SHIFT,
  dyingAfterCommit,
  expectOk,
  memberIdOf,
  PROPERTY,
  raw,
  startRuntime,
  SUPERVISOR,
  TECH_LI,
  TECH_MA,
  tickTimers,
  WANG,
  ZHANG,
  storedEvents,
} from './harness';
import { cmd, dispatched, file, filed, onSite, order, type Rt } from './work-order';

describe('a work order on site (R5–R9)', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('R4 R5 R6 R7 R8: acknowledge, arrive, quote, resident accepts, complete, sign, rate: every step an event', async () => {
    const o = await onSite(rt);
    const quoted = expectOk(await o.step(TECH_LI, repairs.quote, { items: [{ code: 'tap-replace', qty: 1 }, { code: 'pipe-fix', qty: 1 }] }));
    expect(quoted.quote).toMatchObject({ totalFen: 8000, lines: [{ code: 'tap-replace', priceFen: 3000 }, { code: 'pipe-fix', priceFen: 5000 }] });
    expect(await o.step(TECH_LI, repairs.complete, { beforePhotos: [file(TECH_LI, 'b.jpg')], afterPhotos: [file(TECH_LI, 'a.jpg')], materials: [], amountFen: 8000 })).toMatchObject({
      ok: false,
      code: 'STATE.TRANSITION_NOT_ALLOWED',
    });
    expectOk(await o.step(WANG, repairs.accept));
    expect(o.current.acceptance).toMatchObject({ via: 'resident_phone', signature: null });
    rt.clock.advanceMinutes(40);
    expect(expectOk(await o.step(TECH_LI, repairs.complete, { beforePhotos: [file(TECH_LI, 'b.jpg')], afterPhotos: [file(TECH_LI, 'a.jpg')], materials: [{ name: '水龙头', qty: 1 }] })).completion).toMatchObject({ amountFen: 8000 });
    const signed = expectOk(await o.step(TECH_LI, repairs.signOff, { signature: file(TECH_LI, 'sig.png'), rating: { quality: 5, attitude: 4, comment: '师傅很细心' } }));
    expect(signed).toMatchObject({ status: 'signed', completedAt: '2026-11-23T02:40:00.000Z', rating: { quality: 5, attitude: 4, via: 'on_site' }, overdue: false, returnDueAt: null });
    const history = expectOk(await callAs(rt, WANG, repairs.get, { propertyId: PROPERTY, repairId: signed.id })).history.map((e) => e.action);
    expect(history).toEqual(['submit', 'dispatch', 'acknowledge', 'arrive', 'quote', 'accept', 'complete', 'signOff']);
  });

  it('R6: on the technician\'s phone the quote is accepted only with the resident\'s signature', async () => {
    const o = await onSite(rt);
    expectOk(await o.step(TECH_LI, repairs.quote, { items: [] }));
    expect(o.current.quote?.totalFen).toBe(0);
    expect(await o.step(TECH_LI, repairs.accept)).toMatchObject({ ok: false, code: 'REPAIR.SIGNATURE_REQUIRED' });
    expect(await o.step(TECH_LI, repairs.accept, { signature: file(WANG, 'sig.png') })).toMatchObject({ ok: false, code: 'REPAIR.FILE_NOT_YOURS' });
    expect(expectOk(await o.step(TECH_LI, repairs.accept, { signature: file(TECH_LI, 'quote-sig.png') })).acceptance).toMatchObject({ via: 'signature_on_site' });
  });

  it('R6: an item missing from the fee schedule is refused, whatever price the client shows', async () => {
    const o = await onSite(rt);
    expect(await o.step(TECH_LI, repairs.quote, { items: [{ code: 'gold-tap', qty: 1 }] })).toMatchObject({ ok: false, code: 'REPAIR.UNKNOWN_FEE_ITEM' });
    expect(o.current.status).toBe('arrived');
  });

  it('R5: nobody home: refused before 3 minutes; after, the note is kept and the desk reschedules', async () => {
    const o = await onSite(rt);
    rt.clock.advanceMinutes(2);
    expect(await o.step(TECH_LI, repairs.noAnswer, { note: '敲门无人应答，已在门上留言' })).toMatchObject({ ok: false, code: 'STATE.TOO_EARLY' });
    rt.clock.advanceMinutes(1);
    expect(expectOk(await o.step(TECH_LI, repairs.noAnswer, { note: '敲门无人应答，已在门上留言' }))).toMatchObject({ status: 'rescheduling', visitNote: '敲门无人应答，已在门上留言' });
    expect(expectOk(await o.step(DESK_ON_SHIFT, repairs.reschedule, { preferredTime: { date: '2026-11-24', slot: 'evening' } }))).toMatchObject({
      status: 'dispatched',
      preferredTime: { date: '2026-11-24', slot: 'evening' },
      technician: { name: '李建国' },
    });
  });

  it('R7: a resident who was not there rates from their own phone within 7 days, and may change it within them', async () => {
    const o = await onSite(rt);
    expectOk(await o.step(TECH_LI, repairs.quote, { items: [] }));
    expectOk(await o.step(WANG, repairs.accept));
    expectOk(await o.step(TECH_LI, repairs.complete, { beforePhotos: [file(TECH_LI, 'b.jpg')], afterPhotos: [file(TECH_LI, 'a.jpg')], materials: [], amountFen: 0 }));
    expectOk(await o.step(TECH_LI, repairs.signOff, { signature: file(TECH_LI, 'sig.png') }));
    expect(o.current.actions).toEqual([]);
    const seenByWang = expectOk(await callAs(rt, WANG, repairs.get, { propertyId: PROPERTY, repairId: o.current.id }));
    expect(seenByWang.actions).toEqual(['rate']);
    rt.clock.advanceMinutes(7 * 24 * 60 + 1);
    expect(await o.step(WANG, repairs.rate, { rating: { quality: 4, attitude: 5, comment: '' } })).toMatchObject({ ok: false, code: 'STATE.TOO_LATE' });
    rt.clock.advanceMinutes(-2);
    expect(expectOk(await o.step(WANG, repairs.rate, { rating: { quality: 4, attitude: 5, comment: '' } })).rating).toMatchObject({ via: 'own_phone', quality: 4 });
    expect(expectOk(await o.step(WANG, repairs.rate, { rating: { quality: 3, attitude: 2, comment: '' } })).rating).toMatchObject({ via: 'own_phone', quality: 3, attitude: 2 });
    rt.clock.advanceMinutes(2);
    expect(await o.step(WANG, repairs.rate, { rating: { quality: 5, attitude: 5, comment: '' } })).toMatchObject({ ok: false, code: 'STATE.TOO_LATE' });
  });

  it('R9: an order out more than 72 hours is overdue; a blocker pauses the clock until cleared', async () => {
    const o = await onSite(rt);
    rt.clock.advanceMinutes(24 * 60);
    expectOk(await o.step(TECH_LI, repairs.reportBlocker, { kind: 'parts', reason: '需要订购专用阀门' }));
    rt.clock.advanceMinutes(3 * 24 * 60);
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.get, { propertyId: PROPERTY, repairId: o.current.id })).overdue).toBe(false);
    expectOk(await o.step(DESK_ON_SHIFT, repairs.clearBlocker));
    expect(o.current.returnDueAt).toBe('2026-11-29T02:00:00.000Z');
    rt.clock.set('2026-11-29T02:00:00.000Z');
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.get, { propertyId: PROPERTY, repairId: o.current.id })).overdue).toBe(false);
    rt.clock.set('2026-11-29T02:00:01.000Z');
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.get, { propertyId: PROPERTY, repairId: o.current.id })).overdue).toBe(true);
    const r9 = raw<{ rule: string; status: string; dueAt: string }>(rt, 'deadlines').find((d) => d.rule === 'R9.return');
    expect(r9).toMatchObject({ status: 'open', dueAt: '2026-11-29T02:00:00.000Z' });
  });

  it('R9: an overdue return is escalated to the supervisor by the reminders timer', async () => {
    await onSite(rt);
    rt.clock.advanceMinutes(72 * 60 + 1);
    await rt.invoke('reminders', { Type: 'Timer', TriggerName: 'every-minute', Time: 'x' }, { openid: '' });
    const breaches = raw<{ kind: string; recipient: string; body: string }>(rt, 'outbox').filter((n) => n.kind === 'deadline.breach');
    expect(breaches).toEqual(expect.arrayContaining([expect.objectContaining({ recipient: 'role:supervisor', body: expect.stringContaining(messages.deadlineRules['R9.return']) })]));
  });

  const clocksOf = (repairId: string) =>
    Object.fromEntries(raw<{ rule: string; status: string; subject: { id: string } }>(rt, 'deadlines').filter((d) => d.subject.id === repairId).map((d) => [d.rule, d.status]));

  it('R4 R5 (issue 16): an acknowledged order is neither warned nor escalated: its clock, which the acknowledgement no longer writes, is met by the timer from the order; rescheduled, the new round warns until acknowledged again', async () => {
    const o = await dispatched(rt);
    expectOk(await o.step(TECH_LI, repairs.acknowledge));
    expect(clocksOf(o.current.id)).toEqual({ 'R4.ack': 'open', 'R9.return': 'open' });
    for (let minute = 0; minute < 120; minute += 15) {
      rt.clock.advanceMinutes(15);
      expect((await tickTimers(rt)).ok).toBe(true);
    }
    expect(deadlineNotices(rt, 'R4.ack')).toEqual([]);
    expect(clocksOf(o.current.id)).toEqual({ 'R4.ack': 'met', 'R9.return': 'open' });
    // Nobody home: rescheduled, the order waits for a new acknowledgement on a new clock.
    expectOk(await o.step(TECH_LI, repairs.arrive));
    rt.clock.advanceMinutes(3);
    expectOk(await o.step(TECH_LI, repairs.noAnswer, { note: '敲门三分钟无人应答' }));
    expectOk(await o.step(DESK_ON_SHIFT, repairs.reschedule, { preferredTime: { date: '2026-11-24', slot: 'evening' } }));
    expect(clocksOf(o.current.id)['R4.ack']).toBe('open');
    for (let minute = 0; minute < 120 && deadlineNotices(rt, 'R4.ack').length === 0; minute += 15) {
      rt.clock.advanceMinutes(15);
      await tickTimers(rt);
    }
    expect(deadlineNotices(rt, 'R4.ack').length).toBeGreaterThan(0);
    const told = deadlineNotices(rt, 'R4.ack').length;
    expectOk(await o.step(TECH_LI, repairs.acknowledge));
    rt.clock.advanceMinutes(24 * 60);
    await tickTimers(rt);
    expect(deadlineNotices(rt, 'R4.ack')).toHaveLength(told);
    expect(clocksOf(o.current.id)['R4.ack']).toBe('met');
  });

  it('R9 (issue 16): a signed-off order is not escalated when its 72 hours are up: its clock, which the sign-off no longer writes, is met by the timer from the order', async () => {
    const o = await onSite(rt);
    expectOk(await o.step(TECH_LI, repairs.quote, { items: [] }));
    expectOk(await o.step(TECH_LI, repairs.accept, { signature: file(TECH_LI, 'quote-sig.png') }));
    expectOk(await o.step(TECH_LI, repairs.complete, { beforePhotos: [file(TECH_LI, 'b.jpg')], afterPhotos: [file(TECH_LI, 'a.jpg')], materials: [] }));
    expectOk(await o.step(TECH_LI, repairs.signOff, { signature: file(TECH_LI, 'sig.png') }));
    expect(clocksOf(o.current.id)['R9.return']).toBe('open');
    rt.clock.advanceMinutes(72 * 60 + 1);
    expect((await tickTimers(rt)).ok).toBe(true);
    rt.clock.advanceMinutes(24 * 60);
    await tickTimers(rt);
    expect(deadlineNotices(rt, 'R9.return')).toEqual([]);
    expect(clocksOf(o.current.id)['R9.return']).toBe('met');
  });

  const returnClock = (repairId: string) =>
    raw<{ rule: string; status: string; dueAt: string; subject: { id: string } }>(rt, 'deadlines').find((d) => d.subject.id === repairId && d.rule === 'R9.return')!;

  it('R9 (issue 16): a clear whose clock change lands late, after a second blocker and its clear, does not undo the newer due time; one whose call died is applied by the timer', async () => {
    const o = await onSite(rt);
    rt.clock.advanceMinutes(24 * 60);
    expectOk(await o.step(TECH_LI, repairs.reportBlocker, { kind: 'parts', reason: '需要订购专用阀门' }));
    rt.clock.advanceMinutes(24 * 60);
    // The first clear's change of the clock, made after its commit, is held on its way to the database.
    const handle = rt.engine.handle.bind(rt.engine);
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding = true;
    rt.engine.handle = async (action, params = {}) => {
      if (holding && action === 'database.modifyDocument' && !params.transactionId && params.collectionName === 'deadlines') {
        holding = false;
        await held;
      }
      return handle(action, params);
    };
    const firstClear = o.step(DESK_ON_SHIFT, repairs.clearBlocker);
    while (holding) await new Promise((resolve) => setImmediate(resolve));
    const again = order(rt, expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.get, { propertyId: PROPERTY, repairId: o.current.id })));
    expect(again.current.returnDueAt).toBe('2026-11-27T02:00:00.000Z');
    expectOk(await again.step(TECH_LI, repairs.reportBlocker, { kind: 'access', reason: '住户不在家，约不到时间' }));
    rt.clock.advanceMinutes(24 * 60);
    expectOk(await again.step(DESK_ON_SHIFT, repairs.clearBlocker));
    expect(again.current.returnDueAt).toBe('2026-11-28T02:00:00.000Z');
    expect(returnClock(o.current.id)).toMatchObject({ status: 'open', dueAt: '2026-11-28T02:00:00.000Z' });
    release();
    expectOk(await firstClear);
    rt.engine.handle = handle;
    expect(returnClock(o.current.id)).toMatchObject({ status: 'open', dueAt: '2026-11-28T02:00:00.000Z' });
    rt.clock.set('2026-11-27T02:01:00.000Z');
    expect((await tickTimers(rt)).ok).toBe(true);
    const breaches = () => deadlineNotices(rt, 'R9.return').filter((n) => n.kind === 'deadline.breach');
    expect(deadlineNotices(rt, 'R9.return').map((n) => n.kind)).toEqual(['deadline.warn']);
    // A third blocker, cleared by a call that dies after its commit: the timer's journal step moves the clock.
    expectOk(await again.step(TECH_LI, repairs.reportBlocker, { kind: 'parts', reason: '阀门型号不对，重新订购' }));
    rt.clock.advanceMinutes(24 * 60);
    expect((await dyingAfterCommit(rt, () => again.step(DESK_ON_SHIFT, repairs.clearBlocker))).ok).toBe(true);
    expect(returnClock(o.current.id).dueAt).toBe('2026-11-28T02:00:00.000Z');
    expect((await tickTimers(rt)).ok).toBe(true);
    expect(returnClock(o.current.id)).toMatchObject({ status: 'open', dueAt: '2026-11-29T02:00:00.000Z' });
    // Past the due time the dead call's clock had (11-28), before the new one (11-29): no breach.
    rt.clock.set('2026-11-29T01:59:00.000Z');
    await tickTimers(rt);
    expect(breaches()).toEqual([]);
  });

  it('R9 R11 (issue 16): a blocked or sent-back order is never warned past its time: the step writes no clock, and the timer, reading the order, pauses it; cleared or rejected, it runs with the stopped time kept out', async () => {
    const blocked = await onSite(rt);
    expectOk(await blocked.step(TECH_LI, repairs.reportBlocker, { kind: 'parts', reason: '需要订购专用阀门' }));
    expect(returnClock(blocked.current.id).status).toBe('open');
    const sentBack = await onSite(rt);
    expectOk(await sentBack.step(TECH_LI, repairs.sendBack, { reason: '需要更换整个水箱，超出维修范围' }));
    rt.clock.advanceMinutes(4 * 24 * 60);
    await tickTimers(rt);
    expect(deadlineNotices(rt, 'R9.return')).toEqual([]);
    expect([returnClock(blocked.current.id).status, returnClock(sentBack.current.id).status]).toEqual(['paused', 'paused']);
    expectOk(await blocked.step(DESK_ON_SHIFT, repairs.clearBlocker));
    expectOk(await sentBack.step(SUPERVISOR, repairs.reviewSendBack, { approve: false, opinion: '按原方案维修', signature: file(SUPERVISOR, 'no.png') }));
    for (const o of [blocked, sentBack]) {
      expect(o.current.returnDueAt).toBe('2026-11-30T02:00:00.000Z');
      expect(returnClock(o.current.id)).toMatchObject({ status: 'open', dueAt: '2026-11-30T02:00:00.000Z' });
    }
  });

  it('R4 R9 R11 (issue 16): an order rescheduled, acknowledged, sent back and approved is never warned: the order dropped both clocks; dispatched again, both run anew', async () => {
    const o = await dispatched(rt);
    expectOk(await o.step(TECH_LI, repairs.acknowledge));
    expectOk(await o.step(TECH_LI, repairs.arrive));
    rt.clock.advanceMinutes(3);
    expectOk(await o.step(TECH_LI, repairs.noAnswer, { note: '敲门三分钟无人应答' }));
    expectOk(await o.step(DESK_ON_SHIFT, repairs.reschedule, { preferredTime: { date: '2026-11-24', slot: 'evening' } }));
    expectOk(await o.step(TECH_LI, repairs.acknowledge));
    expectOk(await o.step(TECH_LI, repairs.sendBack, { reason: '需要更换整个水箱，超出维修范围' }));
    expectOk(await o.step(SUPERVISOR, repairs.reviewSendBack, { approve: true, opinion: '同意退单，下月安排更换', signature: file(SUPERVISOR, 'opinion.png') }));
    // The approval writes no clock: the timer cancels each when it reaches it, from the order.
    expect(clocksOf(o.current.id)).toEqual({ 'R4.ack': 'open', 'R9.return': 'open' });
    for (let minute = 0; minute < 120; minute += 15) {
      rt.clock.advanceMinutes(15);
      expect((await tickTimers(rt)).ok).toBe(true);
    }
    expect(clocksOf(o.current.id)).toEqual({ 'R4.ack': 'cancelled', 'R9.return': 'open' });
    rt.clock.advanceMinutes(3 * 24 * 60);
    expect((await tickTimers(rt)).ok).toBe(true);
    expect(deadlineNotices(rt, 'R4.ack', 'R9.return')).toEqual([]);
    expect(clocksOf(o.current.id)).toEqual({ 'R4.ack': 'cancelled', 'R9.return': 'cancelled' });
    expectOk(await o.step(DESK_ON_SHIFT, repairs.dispatch, { technicianId: memberIdOf(TECH_MA) }));
    expect(clocksOf(o.current.id)).toEqual({ 'R4.ack': 'open', 'R9.return': 'open' });
    expect(returnClock(o.current.id).dueAt).toBe(new Date(rt.clock.now().getTime() + 72 * 3600_000).toISOString());
  });

  it('R11: a sent-back order needs the supervisor\'s signed opinion; approved, it rolls into next month', async () => {
    const o = await onSite(rt);
    expectOk(await o.step(TECH_LI, repairs.sendBack, { reason: '需要更换整个水箱，超出维修范围' }));
    expect(o.current.status).toBe('sent_back');
    const review = { approve: true, opinion: '同意退单，下月安排更换', signature: file(SUPERVISOR, 'opinion.png') };
    expect(await o.step(DESK_ON_SHIFT, repairs.reviewSendBack, review)).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    const approved = expectOk(await o.step(SUPERVISOR, repairs.reviewSendBack, review));
    expect(approved).toMatchObject({ status: 'submitted', countsFor: '2026-12', technician: null, sendBack: { review: { approved: true, opinion: '同意退单，下月安排更换' } } });
  });

  it('R9 R11: a rejected send-back goes back to its technician, and the days it waited for the supervisor do not count', async () => {
    const o = await onSite(rt);
    rt.clock.advanceMinutes(24 * 60);
    expectOk(await o.step(TECH_LI, repairs.sendBack, { reason: '住户要求更换品牌，需主管决定' }));
    rt.clock.advanceMinutes(2 * 24 * 60);
    const rejected = expectOk(await o.step(SUPERVISOR, repairs.reviewSendBack, { approve: false, opinion: '按原方案维修', signature: file(SUPERVISOR, 'no.png') }));
    expect(rejected).toMatchObject({ status: 'dispatched', technician: { name: '李建国' }, overdue: false, returnDueAt: '2026-11-28T02:00:00.000Z' });
    const r9 = raw<{ rule: string; status: string; dueAt: string }>(rt, 'deadlines').find((d) => d.rule === 'R9.return');
    expect(r9).toMatchObject({ status: 'open', dueAt: '2026-11-28T02:00:00.000Z' });
  });

  it('R2: the desk registers a call for 1-1-101 found by its number; the resident sees it under my repairs', async () => {
    const found = expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.findResidents, { propertyId: PROPERTY, query: '1-1-101' }));
    expect(found.items.map((r) => r.name).sort()).toEqual(['吴芳', '王秀英']);
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.findResidents, { propertyId: PROPERTY, query: '王' })).items.map((r) => r.name)).toEqual(['王秀英']);
    const registered = expectOk(
      await callAs(rt, DESK_ON_SHIFT, repairs.register, {
        propertyId: PROPERTY, commandId: cmd('register'), residentId: memberIdOf(WANG), roomId: 'demo:1-1-101', channel: 'phone',
        callerName: '王秀英', phone: '13900001111', category: 'water', description: '卫生间水管爆了', preferredTime: null,
      }),
    );
    expect(registered).toMatchObject({ channel: 'phone', priority: 'urgent', triage: { rule: 'R3.4' } });
    expect(raw<{ callRecord: unknown }>(rt, 'repairs')[0]?.callRecord).toMatchObject({ callerName: '王秀英', phone: '13900001111', recorder: '陈晓' });
    expect(expectOk(await callAs(rt, WANG, repairs.listMine, { propertyId: PROPERTY })).items.map((r) => r.id)).toEqual([registered.id]);
    expect(
      await callAs(rt, DESK_ON_SHIFT, repairs.register, {
        propertyId: PROPERTY, commandId: cmd('register'), residentId: memberIdOf(ZHANG), roomId: 'demo:1-1-101', channel: 'walk_in',
        callerName: '张伟', phone: '13900001111', category: 'water', description: '卫生间水管爆了', preferredTime: null,
      }),
    ).toMatchObject({ ok: false, code: 'REPAIR.ROOM_NOT_YOURS' });
  });

  it('R3: the desk overrides the triage with a reason, kept on the order and in its history', async () => {
    const o = order(rt, await filed(rt));
    expectOk(await o.step(DESK_ON_SHIFT, repairs.overridePriority, { priority: 'urgent', reason: '住户说水已经漫到客厅' }));
    expect(o.current).toMatchObject({ priority: 'urgent', priorityOverride: { reason: '住户说水已经漫到客厅' } });
    const history = expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.get, { propertyId: PROPERTY, repairId: o.current.id })).history;
    expect(history.at(-1)).toMatchObject({ action: 'overridePriority', reason: '住户说水已经漫到客厅', role: 'desk' });
    const inbox = expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.inbox, { propertyId: PROPERTY }));
    expect(inbox.items[0]?.id).toBe(o.current.id);
  });
});

describe('offline steps and integrity', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('a queue of offline steps replayed twice leaves exactly one event per action', async () => {
    const o = await dispatched(rt);
    const base = o.current;
    const queue = [
      { action: repairs.acknowledge, input: { commandId: 'offline-ack-0001', version: base.version, deviceTime: '2026-11-23T10:01:00+08:00' } },
      { action: repairs.arrive, input: { commandId: 'offline-arrive-01', version: base.version + 1, deviceTime: '2026-11-23T10:20:00+08:00' } },
      { action: repairs.quote, input: { commandId: 'offline-quote-001', version: base.version + 2, deviceTime: '2026-11-23T10:25:00+08:00', items: [{ code: 'inspect', qty: 1 }] } },
    ];
    rt.clock.advanceMinutes(60);
    for (let replay = 0; replay < 2; replay++) {
      for (const { action, input } of queue) {
        expectOk(await callAs(rt, TECH_LI, action, { propertyId: PROPERTY, repairId: base.id, ...input }));
      }
    }
    const events = (await storedEvents<{ subject: { id: string }; action: string; at: string; deviceAt: string | null }>(rt)).filter((e) => e.subject.id === base.id);
    expect(events.map((e) => e.action)).toEqual(['submit', 'dispatch', 'acknowledge', 'arrive', 'quote']);
    expect(events.find((e) => e.action === 'arrive')).toMatchObject({ at: '2026-11-23T03:00:00.000Z', deviceAt: '2026-11-23T10:20:00+08:00' });
    const stored = raw<{ arrivedAt: string; acknowledgedAt: string }>(rt, 'repairs')[0];
    expect(stored).toMatchObject({ acknowledgedAt: '2026-11-23T02:01:00.000Z', arrivedAt: '2026-11-23T02:20:00.000Z' });
  });

  it('a device clock before the previous step, or ahead of the server, is not believed', async () => {
    const o = await dispatched(rt);
    rt.clock.advanceMinutes(10);
    expectOk(await o.step(TECH_LI, repairs.acknowledge, { deviceTime: '2026-11-22T09:00:00+08:00' }));
    expect(o.current.acknowledgedAt).toBe('2026-11-23T02:10:00.000Z');
    rt.clock.advanceMinutes(5);
    expectOk(await o.step(TECH_LI, repairs.arrive, { deviceTime: '2026-11-23T10:30:00+08:00' }));
    expect(o.current.arrivedAt).toBe('2026-11-23T02:15:00.000Z');
  });

  it('R4: a reassignment racing the technician\'s acknowledgement: exactly one wins, the other gets a clear code', async () => {
    const o = await dispatched(rt);
    const seen = o.current;
    const [ack, reassign] = await Promise.all([
      callAs(rt, TECH_LI, repairs.acknowledge, { propertyId: PROPERTY, commandId: 'race-ack-000001', repairId: seen.id, version: seen.version }),
      callAs(rt, DESK_ON_SHIFT, repairs.dispatch, { propertyId: PROPERTY, commandId: 'race-reassign-01', repairId: seen.id, version: seen.version, technicianId: memberIdOf(TECH_MA), reason: '李师傅请假' }),
    ]);
    expect([ack.ok, reassign.ok].filter(Boolean)).toHaveLength(1);
    const loser = ack.ok ? reassign : ack;
    expect(loser).toMatchObject({ ok: false, code: 'COMMON.VERSION_CONFLICT' });
  });

  it('R4 P1: a reassignment needs a reason; the technician it was moved away from no longer sees it, nor the resident\'s number', async () => {
    const o = await dispatched(rt);
    expect(await o.step(DESK_ON_SHIFT, repairs.dispatch, { technicianId: memberIdOf(TECH_MA) })).toMatchObject({ ok: false, code: 'REPAIR.REASON_REQUIRED' });
    expectOk(await o.step(DESK_ON_SHIFT, repairs.dispatch, { technicianId: memberIdOf(TECH_MA), reason: '电梯技能更对口' }));
    expect(await callAs(rt, TECH_LI, repairs.get, { propertyId: PROPERTY, repairId: o.current.id })).toMatchObject({ ok: false, code: 'REPAIR.NOT_FOUND' });
    expect(await o.step(TECH_LI, repairs.acknowledge)).toMatchObject({ ok: false, code: 'REPAIR.NOT_FOUND' });
    const ma = expectOk(await callAs(rt, TECH_MA, repairs.get, { propertyId: PROPERTY, repairId: o.current.id }));
    expect(ma.phone).toBe('13800000101');
    expect(JSON.stringify(ma)).not.toContain(WANG);
    expect(ma.history.at(-1)).toMatchObject({ action: 'reassign', reason: '电梯技能更对口' });
  });

  it('R7 R9 R12: the scorecard is the true mean over all ratings; a technician sees only their own; the month sums up', async () => {
    const finish = async (quality: number, attitude: number) => {
      const o = await onSite(rt);
      expectOk(await o.step(TECH_LI, repairs.quote, { items: [] }));
      expectOk(await o.step(WANG, repairs.accept));
      expectOk(await o.step(TECH_LI, repairs.complete, { beforePhotos: [file(TECH_LI, 'b.jpg')], afterPhotos: [file(TECH_LI, 'a.jpg')], materials: [], amountFen: 0 }));
      expectOk(await o.step(TECH_LI, repairs.signOff, { signature: file(TECH_LI, 's.png'), rating: { quality, attitude, comment: '' } }));
    };
    await finish(5, 5);
    await finish(4, 3);
    await finish(3, 4);
    const all = expectOk(await callAs(rt, SUPERVISOR, repairs.scorecards, { propertyId: PROPERTY })).items;
    expect(all.find((c) => c.name === '李建国')).toMatchObject({ ratings: 3, quality: 4, attitude: 4, onTimeRate: 1, returned: 3, openLoad: 0 });
    expect(all.find((c) => c.name === '马超')).toMatchObject({ ratings: 0, quality: null });
    const month = expectOk(await callAs(rt, SUPERVISOR, repairs.summary, { propertyId: PROPERTY, month: '2026-11' }));
    expect(month).toMatchObject({ total: 3, returned: 3, onTimeRate: 1, byStatus: { signed: 3 } });
    expect(month.rows.every((r) => r.completedAt !== null)).toBe(true);
    expect(await callAs(rt, TECH_LI, repairs.summary, { propertyId: PROPERTY, month: '2026-11' })).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    const own = expectOk(await callAs(rt, TECH_MA, repairs.scorecards, { propertyId: PROPERTY })).items;
    expect(own.map((c) => c.name)).toEqual(['马超']);
    expect(await callAs(rt, WANG, repairs.scorecards, { propertyId: PROPERTY })).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
  });
});
