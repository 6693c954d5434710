import { callbacks, repairs, session, settings, visits } from '@shared/contracts';
import { callAs, deadlineNotices, DESK_ON_SHIFT, expectOk, memberIdOf, newCommandId, PROPERTY, raw, repairInput, snapshot, startRuntime, SUPERVISOR, TECH_LI, WANG, WANG_ROOM, ZHANG, ZHANG_ROOM, storedEvents, tickTimers } from './harness';
import { audienceOfUser } from '@shared/model/signal.model';
import { SETTINGS_FRESH_MS } from '../../cloudfunctions/_shared/settings';

type Rt = Awaited<ReturnType<typeof startRuntime>>;

/** Tuesday 2026-11-24 in Shanghai; the runtime's clock is Monday 10:00. */
const DAY = '2026-11-24';
const EVENING = '2026-11-24T18:30:00+08:00';
const AFTERNOON = '2026-11-24T14:00:00+08:00';
const iso = (at: string) => new Date(at).toISOString();
const TECH_SUN = 'o-tech-sun';

const fileRepair = async (rt: Rt, openid = WANG, roomId = WANG_ROOM, overrides: Record<string, unknown> = {}) =>
  expectOk(await callAs(rt, openid, repairs.create, repairInput({ roomId, ...overrides })));

const windowsOf = async (rt: Rt, openid: string, repairId: string, date = DAY) =>
  expectOk(await callAs(rt, openid, visits.windows, { propertyId: PROPERTY, date, repairId })).slots;

const bookWindow = (rt: Rt, openid: string, repairId: string, start = EVENING) =>
  callAs(rt, openid, visits.bookWindow, { propertyId: PROPERTY, commandId: newCommandId(), repairId, start });

/** The desk dispatches the order as it sees it now (a booked window is a new version of the order), or at the version given. */
const dispatch = async (rt: Rt, repairId: string, technician: string, version?: number) => {
  const seen = version ?? expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.get, { propertyId: PROPERTY, repairId })).version;
  return callAs(rt, DESK_ON_SHIFT, repairs.dispatch, { propertyId: PROPERTY, commandId: newCommandId(), repairId, version: seen, technicianId: memberIdOf(technician) });
};

/** The residents of the demo, each with a room of their own, to race for one technician's window. */
const residents = [
  [WANG, WANG_ROOM],
  [ZHANG, ZHANG_ROOM],
  ['o-res-li', 'demo:1-1-302'],
  ['o-res-zhao', 'demo:1-2-601'],
  ['o-res-chen', 'demo:2-1-802'],
  ['o-res-liu', 'demo:2-1-1001'],
] as const;

describe('V4: residents book a repair window from the technicians\' availability', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('V4: a weekday offers four windows, the evening one included; booking takes the only plumber\'s time and becomes the order\'s appointment', async () => {
    const repair = await fileRepair(rt);
    const offered = await windowsOf(rt, WANG, repair.id);
    expect(offered.map((w) => [w.start, w.free])).toEqual([
      [iso('2026-11-24T09:00:00+08:00'), 1],
      [iso(AFTERNOON), 1],
      [iso('2026-11-24T16:00:00+08:00'), 1],
      [iso(EVENING), 1],
    ]);
    const booked = expectOk(await bookWindow(rt, WANG, repair.id));
    expect(booked).toMatchObject({ kind: 'repair', status: 'booked', start: iso(EVENING), end: iso('2026-11-24T20:30:00+08:00'), repair: { id: repair.id, technicianName: '李建国' } });
    expect(expectOk(await callAs(rt, WANG, repairs.get, { propertyId: PROPERTY, repairId: repair.id })).appointment).toEqual({ start: iso(EVENING), end: iso('2026-11-24T20:30:00+08:00') });
    expect((await windowsOf(rt, WANG, repair.id)).find((w) => w.start === iso(EVENING))?.free).toBe(0);

    const another = await fileRepair(rt, ZHANG, ZHANG_ROOM);
    expect((await windowsOf(rt, ZHANG, another.id)).find((w) => w.start === iso(EVENING))?.free).toBe(0);
    expect(await bookWindow(rt, ZHANG, another.id)).toMatchObject({ ok: false, code: 'BOOKING.FULL' });
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, visits.day, { propertyId: PROPERTY, date: DAY })).items).toEqual([
      expect.objectContaining({ id: booked.id, kind: 'repair', phone: '13800000101', repair: { id: repair.id, technicianName: '李建国' } }),
    ]);
  });

  it('V4: a window booked on a dispatched order tells its technician in the app at once, and keeps the resident\'s reminders for their time (pending, her app not signalled for them)', async () => {
    const repair = await fileRepair(rt);
    expectOk(await dispatch(rt, repair.id, TECH_LI));
    const outboxBefore = raw(rt, 'outbox').length;
    const seqs = () => new Map(raw<{ audience: string; seq: number }>(rt, 'signals').map((s) => [s.audience, s.seq]));
    const signalsBefore = seqs();
    expectOk(await bookWindow(rt, WANG, repair.id));
    const madeNow = () => raw<{ kind: string; recipient: string; status: string; nextAttemptAt: string }>(rt, 'outbox').slice(outboxBefore);
    const changed = () => [...seqs()].filter(([audience, seq]) => signalsBefore.get(audience) !== seq).map(([audience]) => audience);
    expect(madeNow().map((n) => [n.kind, n.recipient, n.status])).toEqual([['booking.window', TECH_LI, 'sent']]);
    expect(changed()).toEqual([audienceOfUser(TECH_LI)]);
    // Issue 16: her reminders, due a day and an hour before, are stored by the timer's next minute (commands.ts `leftToTimer`).
    await tickTimers(rt);
    const made = madeNow().filter((n) => n.kind.startsWith('booking.'));
    expect(made.map((n) => [n.kind, n.recipient, n.status]).sort()).toEqual([
      ['booking.reminder', WANG, 'pending'],
      ['booking.reminder', WANG, 'pending'],
      ['booking.window', TECH_LI, 'sent'],
    ]);
    expect(changed()).not.toContain(audienceOfUser(WANG));
    // The day before, the first reminder reaches her inbox.
    rt.clock.set(made.filter((n) => n.kind === 'booking.reminder').map((n) => n.nextAttemptAt).sort()[0]!);
    await tickTimers(rt);
    expect(expectOk(await callAs(rt, WANG, session.inbox, { propertyId: PROPERTY })).items.filter((n) => n.kind === 'booking.reminder')).toHaveLength(1);
  });

  it('V4: booking a window writes a new version of the order, so a dispatch decided on the order before it is refused', async () => {
    const repair = await fileRepair(rt);
    const seenByDesk = expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.get, { propertyId: PROPERTY, repairId: repair.id })).version;
    expectOk(await bookWindow(rt, WANG, repair.id));
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.get, { propertyId: PROPERTY, repairId: repair.id })).version).toBe(seenByDesk + 1);
    const before = await snapshot(rt);
    expect(await dispatch(rt, repair.id, TECH_LI, seenByDesk)).toMatchObject({ ok: false, code: 'COMMON.VERSION_CONFLICT' });
    expect(await snapshot(rt)).toEqual(before);
    expect(expectOk(await dispatch(rt, repair.id, TECH_LI))).toMatchObject({ status: 'dispatched', version: seenByDesk + 2 });
  });

  it('V4: many residents racing for the last window of the one technician who can come: exactly one gets it', async () => {
    const filed = await Promise.all(residents.map(async ([openid, roomId]) => [openid, (await fileRepair(rt, openid, roomId)).id] as const));
    const results = await Promise.all(filed.map(([openid, repairId]) => bookWindow(rt, openid, repairId)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && (r.code === 'BOOKING.FULL' || r.code === 'COMMON.BUSY'))).toBe(true);
    expect(raw<{ status: string; kind: string }>(rt, 'bookings').filter((b) => b.kind === 'repair' && b.status === 'booked')).toHaveLength(1);
    expect(raw<{ appointment: unknown }>(rt, 'repairs').filter((r) => r.appointment)).toHaveLength(1);
    expect(raw<{ bookingIds: string[] }>(rt, 'slots').flatMap((s) => s.bookingIds)).toHaveLength(1);
  });

  it('V4: before dispatch a window holds the least busy technician with the skill; dispatching to another takes the window with it', async () => {
    const first = await fileRepair(rt, WANG, WANG_ROOM, { category: 'electrical', description: '客厅吸顶灯想换个新的' });
    const second = await fileRepair(rt, ZHANG, ZHANG_ROOM, { category: 'electrical', description: '卫生间排气扇不转' });
    expect((await windowsOf(rt, WANG, first.id)).find((w) => w.start === iso(EVENING))?.free).toBe(2);
    expect(expectOk(await bookWindow(rt, WANG, first.id))).toMatchObject({ repair: { technicianName: '李建国' } });
    expect(expectOk(await bookWindow(rt, ZHANG, second.id, EVENING))).toMatchObject({ repair: { technicianName: '孙强' } });

    // 李建国 keeps the evening for 王秀英's order: sending him 张伟's, booked for the same evening, is refused.
    const refused = await snapshot(rt);
    expect(await dispatch(rt, second.id, TECH_LI)).toMatchObject({ ok: false, code: 'BOOKING.TECHNICIAN_BUSY' });
    expect(await snapshot(rt)).toEqual(refused);

    // Sent to 孙强, whose evening it holds, it is dispatched as booked.
    expect(expectOk(await dispatch(rt, second.id, TECH_SUN))).toMatchObject({ status: 'dispatched' });

    // A third order's afternoon went to 李建国 (one window each, then by name); sent to 孙强, the window moves with it.
    const third = await fileRepair(rt, 'o-res-li', 'demo:1-1-302', { category: 'electrical', description: '阳台灯不亮了' });
    expect(expectOk(await bookWindow(rt, 'o-res-li', third.id, AFTERNOON))).toMatchObject({ repair: { technicianName: '李建国' } });
    expectOk(await dispatch(rt, third.id, TECH_SUN));
    const moved = expectOk(await callAs(rt, 'o-res-li', visits.mine, { propertyId: PROPERTY })).items[0]!;
    expect(moved).toMatchObject({ start: iso(AFTERNOON), version: 2, repair: { technicianName: '孙强' } });
    const held = (owner: string) =>
      raw<{ owner: string; start: string; bookingIds: string[] }>(rt, 'slots')
        .filter((s) => s.owner === memberIdOf(owner) && s.bookingIds.length)
        .map((s) => s.start)
        .sort();
    expect(held(TECH_LI)).toEqual([iso(EVENING)]);
    expect(held(TECH_SUN)).toEqual([iso(AFTERNOON), iso(EVENING)]);
  });

  it('V4: the technician sees the window in his day plan; the resident moves it with a reason, and both see the new time', async () => {
    const repair = await fileRepair(rt);
    expectOk(await dispatch(rt, repair.id, TECH_LI));
    const booked = expectOk(await bookWindow(rt, WANG, repair.id, AFTERNOON));
    const plan = expectOk(await callAs(rt, TECH_LI, repairs.assigned, { propertyId: PROPERTY })).items;
    expect(plan.find((r) => r.id === repair.id)?.appointment).toEqual({ start: iso(AFTERNOON), end: iso('2026-11-24T16:00:00+08:00') });

    const moved = expectOk(
      await callAs(rt, WANG, visits.reschedule, { propertyId: PROPERTY, commandId: newCommandId(), bookingId: booked.id, version: 1, start: EVENING, reason: '下午要上班' }),
    );
    expect(moved).toMatchObject({ start: iso(EVENING), version: 2, reason: '下午要上班', repair: { technicianName: '李建国' } });
    const replanned = expectOk(await callAs(rt, TECH_LI, repairs.assigned, { propertyId: PROPERTY })).items.find((r) => r.id === repair.id);
    expect(replanned?.appointment?.start).toBe(iso(EVENING));
    expect(expectOk(await callAs(rt, WANG, repairs.get, { propertyId: PROPERTY, repairId: repair.id })).appointment?.start).toBe(iso(EVENING));
    const inbox = expectOk(await callAs(rt, TECH_LI, session.inbox, { propertyId: PROPERTY })).items;
    expect(inbox.filter((n) => n.title === '住户预约了上门时段').map((n) => n.body)).toEqual(
      expect.arrayContaining([expect.stringContaining('11-24 14:00-16:00'), expect.stringContaining('11-24 18:30-20:30')]),
    );
    expect([await windowsOf(rt, WANG, repair.id)].flat().filter((w) => w.free === 0).map((w) => w.start)).toEqual([iso(EVENING)]);

    const cancelled = expectOk(await callAs(rt, WANG, visits.cancel, { propertyId: PROPERTY, commandId: newCommandId(), bookingId: booked.id, version: 2, reason: '自己修好了' }));
    expect(cancelled.status).toBe('cancelled');
    expect(expectOk(await callAs(rt, TECH_LI, repairs.assigned, { propertyId: PROPERTY })).items.find((r) => r.id === repair.id)?.appointment).toBeNull();
  });

  it('V4 R3: an urgent repair takes no window; one order one window; only offered windows; only one\'s own repairs', async () => {
    const urgent = await fileRepair(rt, WANG, WANG_ROOM, { description: '厨房水管爆裂，水一直在喷' });
    expect(urgent.priority).toBe('urgent');
    expect(await bookWindow(rt, WANG, urgent.id)).toMatchObject({ ok: false, code: 'BOOKING.REPAIR_URGENT' });
    const repair = await fileRepair(rt);
    expect(await bookWindow(rt, ZHANG, repair.id)).toMatchObject({ ok: false, code: 'REPAIR.NOT_FOUND' });
    expect(await bookWindow(rt, WANG, repair.id, '2026-11-28T18:30:00+08:00')).toMatchObject({ ok: false, code: 'BOOKING.NOT_A_SLOT' });
    expect(await bookWindow(rt, WANG, repair.id, '2026-11-23T09:00:00+08:00')).toMatchObject({ ok: false, code: 'BOOKING.IN_THE_PAST' });
    expect((await windowsOf(rt, WANG, repair.id, '2026-11-23')).map((w) => w.free)).toEqual([0, 1, 1, 1]);
    expectOk(await bookWindow(rt, WANG, repair.id));
    expect(await bookWindow(rt, WANG, repair.id, AFTERNOON)).toMatchObject({ ok: false, code: 'BOOKING.REPAIR_HAS_WINDOW' });
  });
});

describe('V4: the manager sets the windows technicians work', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  const update = (repairWindows: unknown) =>
    callAs(rt, 'o-mgr-zhou', settings.updateSettings, { propertyId: PROPERTY, commandId: newCommandId(), repairWindows });

  it('V4: new windows are what residents are offered within 30 seconds; overlapping ones are refused and change nothing', async () => {
    const repair = await fileRepair(rt);
    const before = await snapshot(rt);
    expect(await update({ weekdays: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '13:00' }], weekends: [] })).toMatchObject({ ok: false, code: 'SETTINGS.WINDOWS' });
    expect(await snapshot(rt)).toEqual(before);
    expectOk(await update({ weekdays: [{ start: '19:00', end: '21:00' }, { start: '08:00', end: '10:00' }], weekends: [] }));
    // Issue 16: a warm visits function may answer from the settings it read up to 30 seconds ago.
    rt.clock.advanceMinutes(SETTINGS_FRESH_MS / 60_000);
    expect((await windowsOf(rt, WANG, repair.id)).map((w) => [w.start, w.end])).toEqual([
      [iso('2026-11-24T08:00:00+08:00'), iso('2026-11-24T10:00:00+08:00')],
      [iso('2026-11-24T19:00:00+08:00'), iso('2026-11-24T21:00:00+08:00')],
    ]);
    expect(await windowsOf(rt, WANG, repair.id, '2026-11-28')).toEqual([]);
    expect(await bookWindow(rt, WANG, repair.id)).toMatchObject({ ok: false, code: 'BOOKING.NOT_A_SLOT' });
  });
});

describe('V4 B2: residents book a home callback visit', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  const NINE = '2026-11-24T09:00:00+08:00';
  const bookHome = (openid: string, roomId: string, start = NINE) =>
    callAs(rt, openid, visits.bookHome, { propertyId: PROPERTY, commandId: newCommandId(), start, roomId, topic: '想当面谈谈物业服务' });
  const homeFree = async (start: string) =>
    expectOk(await callAs(rt, WANG, visits.slots, { propertyId: PROPERTY, date: DAY, kind: 'home' })).slots.find((s) => s.start === iso(start))?.free;

  it('V4 B2: an hour of the desk\'s time, one visit at a time; the desk\'s callback queue gets the visit, due when it ends', async () => {
    expect(await homeFree(NINE)).toBe(1);
    const booked = expectOk(await bookHome(WANG, WANG_ROOM));
    expect(booked).toMatchObject({ kind: 'home', start: iso(NINE), end: iso('2026-11-24T10:00:00+08:00'), topic: '想当面谈谈物业服务' });
    expect(await homeFree(NINE)).toBe(0);
    expect(await bookHome(ZHANG, ZHANG_ROOM)).toMatchObject({ ok: false, code: 'BOOKING.FULL' });
    expect(await bookHome(WANG, WANG_ROOM, '2026-11-24T09:30:00+08:00')).toMatchObject({ ok: false, code: 'BOOKING.NOT_A_SLOT' });

    const queue = expectOk(await callAs(rt, DESK_ON_SHIFT, callbacks.queue, { propertyId: PROPERTY, kind: 'visit' })).items;
    expect(queue).toEqual([expect.objectContaining({ residentName: '王秀英', address: '1-1-101', dueAt: iso('2026-11-24T10:00:00+08:00') })]);
    const deskInbox = expectOk(await callAs(rt, DESK_ON_SHIFT, session.inbox, { propertyId: PROPERTY })).items;
    expect(deskInbox.some((n) => n.body.includes('住户预约了上门回访：1-1-101'))).toBe(true);
  });

  it('V4 B2: moving the visit moves its callback\'s due time; cancelling it takes the task off the queue', async () => {
    const booked = expectOk(await bookHome(WANG, WANG_ROOM));
    expectOk(await callAs(rt, WANG, visits.reschedule, { propertyId: PROPERTY, commandId: newCommandId(), bookingId: booked.id, version: 1, start: '2026-11-24T15:00:00+08:00', reason: '上午有事' }));
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, callbacks.queue, { propertyId: PROPERTY, kind: 'visit' })).items.map((c) => c.dueAt)).toEqual([iso('2026-11-24T16:00:00+08:00')]);
    expect([await homeFree(NINE), await homeFree('2026-11-24T15:00:00+08:00')]).toEqual([1, 0]);
    expectOk(await callAs(rt, WANG, visits.cancel, { propertyId: PROPERTY, commandId: newCommandId(), bookingId: booked.id, version: 2, reason: '电话里已经说清楚了' }));
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, callbacks.queue, { propertyId: PROPERTY, kind: 'visit' })).items).toEqual([]);
    // Issue 16: its clock stops when the timer reaches it, reading the cancelled task: nobody is ever told of it.
    const callbackClocks = () => raw<{ status: string; rule: string }>(rt, 'deadlines').filter((d) => d.rule === 'B1.callback').map((d) => d.status);
    expect(callbackClocks()).toEqual(['open']);
    rt.clock.set('2026-11-25T00:00:00.000Z');
    expect((await tickTimers(rt)).ok).toBe(true);
    expect(callbackClocks()).toEqual(['cancelled']);
    expect(deadlineNotices(rt, 'B1.callback')).toEqual([]);
  });

  it('V4 B1: a cancelled home visit keeps its callback task, cancelled through its machine with an event, and out of the month\'s planned calls', async () => {
    const booked = expectOk(await bookHome(WANG, WANG_ROOM));
    const [task] = raw<{ _id: string; status: string }>(rt, 'callbacks');
    expectOk(await callAs(rt, WANG, visits.cancel, { propertyId: PROPERTY, commandId: newCommandId(), bookingId: booked.id, version: 1, reason: '电话里已经说清楚了' }));

    expect(raw<{ _id: string; status: string; version: number }>(rt, 'callbacks')).toEqual([expect.objectContaining({ _id: task?._id, status: 'cancelled', version: 2 })]);
    const events = (await storedEvents<{ subject: { kind: string; id: string }; machine: string; action: string; from: string | null; to: string; role: string }>(rt)).filter((e) => e.subject.id === task?._id);
    expect(events.map((e) => [e.machine, e.action, e.from, e.to, e.role])).toEqual([
      ['callback', 'plan', null, 'open', 'resident'],
      ['callback', 'cancel', 'open', 'cancelled', 'resident'],
    ]);
    const month = expectOk(await callAs(rt, SUPERVISOR, callbacks.figures, { propertyId: PROPERTY, month: '2026-11' }));
    expect(month.byKind.find((k) => k.kind === 'visit')).toMatchObject({ planned: 0, done: 0 });
    expect(await callAs(rt, DESK_ON_SHIFT, callbacks.record, { propertyId: PROPERTY, commandId: newCommandId(), callbackId: task?._id ?? '', version: 2, reached: true, satisfied: true, notes: '', method: 'phone' })).toMatchObject({ ok: false, code: 'CALLBACK.CANCELLED' });
  });
});
