import { session, visits } from '@shared/contracts';
import type { JournalEntry } from '@shared/model/command.model';
import { applyPlaceReleases } from '../../cloudfunctions/_shared/places';
import { callAs, DESK_ON_SHIFT, dyingAfterCommit, expectOk, newCommandId, PROPERTY, raw, startRuntime, tickTimers, WANG, WANG_ROOM, ZHANG, ZHANG_ROOM } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;

/** Tuesday 2026-11-24, 10:00 and 10:30 Shanghai; the runtime's clock is Monday 10:00. */
const TEN = '2026-11-24T10:00:00+08:00';
const TEN_THIRTY = '2026-11-24T10:30:00+08:00';

const residents = [
  [WANG, WANG_ROOM],
  [ZHANG, ZHANG_ROOM],
  ['o-res-li', 'demo:1-1-302'],
  ['o-res-zhao', 'demo:1-2-601'],
  ['o-res-chen', 'demo:2-1-802'],
  ['o-res-liu', 'demo:2-1-1001'],
  ['o-res-yang', 'demo:2-2-1202'],
  ['o-res-huang', 'demo:2-2-402'],
  ['o-res-zhou', 'demo:1-1-702'],
] as const;

const book = (rt: Rt, openid: string, roomId: string, start = TEN) =>
  callAs(rt, openid, visits.book, { propertyId: PROPERTY, commandId: newCommandId(), start, roomId, topic: '咨询物业费账单' });

const freeAt = async (rt: Rt, start: string) =>
  expectOk(await callAs(rt, WANG, visits.slots, { propertyId: PROPERTY, date: '2026-11-24' })).slots.find((s) => s.start === new Date(start).toISOString())?.free;

describe('V4: residents book the desk; nobody is double-booked', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('V4: a booking takes a place in its slot; the day\'s slots say how many are left', async () => {
    expect(await freeAt(rt, TEN)).toBe(2);
    const booked = expectOk(await book(rt, WANG, WANG_ROOM));
    expect(booked).toMatchObject({ status: 'booked', start: '2026-11-24T02:00:00.000Z', end: '2026-11-24T02:30:00.000Z', address: '1-1-101', phone: '138****0101' });
    expect(await freeAt(rt, TEN)).toBe(1);
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, visits.day, { propertyId: PROPERTY, date: '2026-11-24' })).items).toEqual([
      expect.objectContaining({ id: booked.id, residentName: '王秀英', phone: '13800000101' }),
    ]);
  });

  it('V4: many residents racing for the last place: exactly one gets it', async () => {
    expectOk(await book(rt, WANG, WANG_ROOM));
    const results = await Promise.all(residents.slice(1).map(([openid, roomId]) => book(rt, openid, roomId)));
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && (r.code === 'BOOKING.FULL' || r.code === 'COMMON.BUSY'))).toBe(true);
    expect(raw<{ status: string }>(rt, 'bookings').filter((b) => b.status === 'booked')).toHaveLength(2);
    expect(raw<{ bookingIds: string[] }>(rt, 'slots')[0]!.bookingIds).toHaveLength(2);
    expect(await freeAt(rt, TEN)).toBe(0);
  });

  it('V4: rescheduling moves the place with a reason; cancelling frees it; both need the version seen', async () => {
    const booked = expectOk(await book(rt, WANG, WANG_ROOM));
    const moved = expectOk(await callAs(rt, WANG, visits.reschedule, { propertyId: PROPERTY, commandId: newCommandId(), bookingId: booked.id, version: 1, start: TEN_THIRTY, reason: '上午要加班' }));
    expect(moved).toMatchObject({ start: '2026-11-24T02:30:00.000Z', reason: '上午要加班', version: 2 });
    expect([await freeAt(rt, TEN), await freeAt(rt, TEN_THIRTY)]).toEqual([2, 1]);
    expect(await callAs(rt, WANG, visits.cancel, { propertyId: PROPERTY, commandId: newCommandId(), bookingId: booked.id, version: 1, reason: '不需要了' })).toMatchObject({ ok: false, code: 'COMMON.VERSION_CONFLICT' });
    const cancelled = expectOk(await callAs(rt, WANG, visits.cancel, { propertyId: PROPERTY, commandId: newCommandId(), bookingId: booked.id, version: 2, reason: '问题已在电话里解决' }));
    expect(cancelled).toMatchObject({ status: 'cancelled', reason: '问题已在电话里解决' });
    expect(await freeAt(rt, TEN_THIRTY)).toBe(2);
  });

  it('V4 (issue 16): a cancellation whose call dies after its commit gives its place back at the timer\'s minute, and only its own', async () => {
    const wang = expectOk(await book(rt, WANG, WANG_ROOM));
    expectOk(await book(rt, ZHANG, ZHANG_ROOM));
    expect(await freeAt(rt, TEN)).toBe(0);
    const cancel = { propertyId: PROPERTY, commandId: newCommandId(), bookingId: wang.id, version: wang.version, reason: '临时有事' };
    expect(expectOk(await dyingAfterCommit(rt, () => callAs(rt, WANG, visits.cancel, cancel)))).toMatchObject({ status: 'cancelled' });
    // Until the give-back lands the slot counts the place taken: nobody is booked into it twice.
    expect(await freeAt(rt, TEN)).toBe(0);
    expect(await book(rt, 'o-res-li', 'demo:1-1-302')).toMatchObject({ ok: false, code: 'BOOKING.FULL' });
    const [record] = raw<{ journal?: JournalEntry[] }>(rt, 'commands').filter((c) => c.journal?.some((e) => e.collection === 'slots'));
    await tickTimers(rt);
    expect(await freeAt(rt, TEN)).toBe(1);
    expectOk(await book(rt, 'o-res-li', 'demo:1-1-302'));
    expect(await freeAt(rt, TEN)).toBe(0);
    // Given back again (a call and the timer both, or the timer twice), it frees nothing but its own place.
    await applyPlaceReleases(rt.deps.db, record!.journal!);
    expect(await freeAt(rt, TEN)).toBe(0);
    // The cancellation sent again answers as before and gives back nothing more.
    expect(expectOk(await callAs(rt, WANG, visits.cancel, cancel))).toMatchObject({ status: 'cancelled' });
    expect(await freeAt(rt, TEN)).toBe(0);
  });

  it('V4: only slots within opening hours that have not begun; only one\'s own rooms and bookings', async () => {
    expect(await book(rt, WANG, WANG_ROOM, '2026-11-24T10:15:00+08:00')).toMatchObject({ ok: false, code: 'BOOKING.NOT_A_SLOT' });
    expect(await book(rt, WANG, WANG_ROOM, '2026-11-24T21:00:00+08:00')).toMatchObject({ ok: false, code: 'BOOKING.NOT_A_SLOT' });
    expect(await book(rt, WANG, WANG_ROOM, '2026-11-23T09:30:00+08:00')).toMatchObject({ ok: false, code: 'BOOKING.IN_THE_PAST' });
    expect(await book(rt, WANG, ZHANG_ROOM)).toMatchObject({ ok: false, code: 'BOOKING.ROOM_NOT_YOURS' });
    const booked = expectOk(await book(rt, WANG, WANG_ROOM));
    expect(await callAs(rt, ZHANG, visits.cancel, { propertyId: PROPERTY, commandId: newCommandId(), bookingId: booked.id, version: 1, reason: '不是我的' })).toMatchObject({ ok: false, code: 'BOOKING.NOT_FOUND' });
    expect(expectOk(await callAs(rt, ZHANG, visits.mine, { propertyId: PROPERTY })).items).toEqual([]);
  });
});

describe('V4: reminders 24 hours and 1 hour before', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  const tick = () => tickTimers(rt);
  const reminders = () => raw<{ _id: string; kind: string; status: string; recipient: string; nextAttemptAt: string }>(rt, 'outbox').filter((n) => n.kind === 'booking.reminder');
  const inbox = async () => expectOk(await callAs(rt, WANG, session.inbox, { propertyId: PROPERTY })).items.filter((n) => n.kind === 'booking.reminder');

  it('V4: the resident is reminded the day before and an hour before, each when due, in the app', async () => {
    expectOk(await book(rt, WANG, WANG_ROOM, '2026-11-25T10:00:00+08:00'));
    // Issue 16: reminders due later than ten minutes are stored by the timer's next minute, a day before the first is due.
    expect(reminders()).toEqual([]);
    await tick();
    expect(reminders().map((n) => n.nextAttemptAt)).toEqual(['2026-11-24T02:00:00.000Z', '2026-11-25T01:00:00.000Z']);
    expect(await inbox()).toEqual([]);
    rt.clock.set('2026-11-24T02:00:00.000Z');
    await tick();
    expect((await inbox()).map((n) => n.body)).toEqual(['11-25 10:00 请到客服中心办理：咨询物业费账单']);
    rt.clock.set('2026-11-25T01:00:00.000Z');
    await tick();
    expect(await inbox()).toHaveLength(2);
    expect(reminders().every((n) => n.status === 'sent' && n.recipient === WANG)).toBe(true);
  });

  it('V4: a move replaces the reminders; a cancellation settles them, and nothing is sent', async () => {
    const booked = expectOk(await book(rt, WANG, WANG_ROOM, '2026-11-25T10:00:00+08:00'));
    const moved = expectOk(await callAs(rt, WANG, visits.reschedule, { propertyId: PROPERTY, commandId: newCommandId(), bookingId: booked.id, version: 1, start: '2026-11-26T15:00:00+08:00', reason: '改到周四下午' }));
    // Issue 16: the booking lists the new time's reminders; the timer asks it before it sends any.
    await tick();
    const [listed] = raw<{ reminders: string[] }>(rt, 'bookings');
    expect(reminders().filter((n) => listed!.reminders.includes(n._id)).map((n) => n.nextAttemptAt)).toEqual(['2026-11-25T07:00:00.000Z', '2026-11-26T06:00:00.000Z']);
    expectOk(await callAs(rt, WANG, visits.cancel, { propertyId: PROPERTY, commandId: newCommandId(), bookingId: booked.id, version: moved.version, reason: '问题已解决' }));
    rt.clock.set('2026-11-27T00:00:00.000Z');
    await tick();
    expect(reminders().map((n) => n.status)).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
    expect(await inbox()).toEqual([]);
  });

  it('V4 (issue 16): a booking whose call dies right after its commit gets its reminders from the timer\'s minute; cancelled before it, the cancellation holds and none is ever sent or shown', async () => {
    const booked = expectOk(await dyingAfterCommit(rt, () => book(rt, WANG, WANG_ROOM, '2026-11-25T10:00:00+08:00')));
    expect(reminders()).toEqual([]);
    expect(expectOk(await callAs(rt, WANG, visits.cancel, { propertyId: PROPERTY, commandId: newCommandId(), bookingId: booked.id, version: booked.version, reason: '问题已解决' }))).toMatchObject({ status: 'cancelled' });
    await tick();
    expect(reminders().map((n) => [n.status, n.nextAttemptAt])).toEqual([
      ['pending', '2026-11-24T02:00:00.000Z'],
      ['pending', '2026-11-25T01:00:00.000Z'],
    ]);
    expect(await inbox()).toEqual([]);
    rt.clock.set('2026-11-24T02:00:00.000Z');
    await tick();
    expect(await inbox()).toEqual([]);
    rt.clock.set('2026-11-25T02:00:00.000Z');
    await tick();
    expect(reminders().map((n) => n.status)).toEqual(['skipped', 'skipped']);
    expect(await inbox()).toEqual([]);
  });

  it('V4 (issue 16): moved, the old time\'s reminders are never sent nor shown; the new time\'s are, each when due', async () => {
    const booked = expectOk(await book(rt, WANG, WANG_ROOM, '2026-11-25T10:00:00+08:00'));
    expectOk(await callAs(rt, WANG, visits.reschedule, { propertyId: PROPERTY, commandId: newCommandId(), bookingId: booked.id, version: 1, start: '2026-11-26T15:00:00+08:00', reason: '改到周四下午' }));
    rt.clock.set('2026-11-24T02:00:00.000Z');
    await tick();
    expect(await inbox()).toEqual([]);
    rt.clock.set('2026-11-25T07:00:00.000Z');
    await tick();
    expect((await inbox()).map((n) => n.body)).toEqual(['11-26 15:00 请到客服中心办理：咨询物业费账单']);
    expect(reminders().map((n) => n.status).sort()).toEqual(['pending', 'sent', 'skipped', 'skipped']);
  });

  it('V4: a booking less than a day away gets only the hour-before reminder', async () => {
    expectOk(await book(rt, WANG, WANG_ROOM, TEN));
    await tick();
    expect(reminders().map((n) => n.nextAttemptAt)).toEqual(['2026-11-24T01:00:00.000Z']);
  });

  it('V4 (issue 16): a reminder due within ten minutes is stored by the booking\'s own call and sent when due; none is late', async () => {
    rt.clock.set('2026-11-24T00:55:00.000Z');
    expectOk(await book(rt, WANG, WANG_ROOM, TEN));
    expect(reminders().map((n) => [n.status, n.nextAttemptAt])).toEqual([['pending', '2026-11-24T01:00:00.000Z']]);
    rt.clock.set('2026-11-24T01:00:00.000Z');
    await tick();
    expect((await inbox()).map((n) => n.body)).toEqual(['11-24 10:00 请到客服中心办理：咨询物业费账单']);
  });
});

describe('V4 (issue 18, 2): the booking page opens on the first day with a place still open', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  const homeDay = async (date: string, upTo?: string) =>
    expectOk(await callAs(rt, ZHANG, visits.slots, { propertyId: PROPERTY, date, kind: 'home', ...(upTo ? { upTo } : {}) }));

  it('V4: at 18:30 the only home visit left today (19:00) is taken: asked from today up to a week on, the answer is tomorrow; today reads as begun and full', async () => {
    rt.clock.advanceMinutes(8 * 60 + 30);
    expect((await homeDay('2026-11-23', '2026-11-29')).date).toBe('2026-11-23');
    expectOk(await callAs(rt, WANG, visits.bookHome, { propertyId: PROPERTY, commandId: newCommandId(), start: '2026-11-23T19:00:00+08:00', roomId: WANG_ROOM, topic: '' }));

    const opened = await homeDay('2026-11-23', '2026-11-29');
    expect(opened.date).toBe('2026-11-24');
    expect(opened.slots[0]).toEqual({ start: '2026-11-24T00:00:00.000Z', end: '2026-11-24T01:00:00.000Z', free: 1 });
    const today = await homeDay('2026-11-23');
    expect(today.date).toBe('2026-11-23');
    expect(today.slots.every((s) => s.free === 0)).toBe(true);
    expect(today.slots.at(-1)).toEqual({ start: '2026-11-23T11:00:00.000Z', end: '2026-11-23T12:00:00.000Z', free: 0 });
  });

  it('V4: when no asked day has a place left (20:00, every visit today begun), the first asked day is answered, its visits all at 0', async () => {
    rt.clock.advanceMinutes(10 * 60);
    const today = await homeDay('2026-11-23', '2026-11-23');
    expect(today.date).toBe('2026-11-23');
    expect(today.slots.length).toBeGreaterThan(0);
    expect(today.slots.every((s) => s.free === 0)).toBe(true);
  });
});
