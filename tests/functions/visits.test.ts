import { visits } from '@shared/contracts';
import { callAs, DESK_ON_SHIFT, expectOk, newCommandId, PROPERTY, raw, startRuntime, WANG, WANG_ROOM, ZHANG, ZHANG_ROOM } from './harness';

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
