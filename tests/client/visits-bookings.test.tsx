import { fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { BookingView } from '@shared/contracts/visits.contract';
import { messages } from '@shared/messages';
import MyBookings from '../../client/src/pages/resident/bookings';
import DeskBookings from '../../client/src/pages/desk/bookings';
import DeskInbox from '../../client/src/pages/desk/inbox';
import ResidentHome from '../../client/src/pages/resident/home';
import { fill, ui } from '../../client/src/i18n/ui.zh-CN';
import { formatSpan, shanghaiDate, shanghaiInstant } from '../../client/src/utils/time';
import { fakeBackend, ok, until, okPage, page } from './support/fake-backend';
import { openPage } from './support/open-page';
import { FakeEventSource } from './support/fake-event-source';
import { PROPERTY, sessionHandlers } from './support/fixtures';
import { rooms } from './support/complaint-fixtures';

type Handlers = Record<string, (input: Record<string, unknown>) => unknown>;

const today = shanghaiDate(new Date());
const tomorrow = shanghaiDate(new Date(), 1);
const at = (date: string, time: string) => shanghaiInstant(date, time);
const plus30 = (iso: string) => new Date(new Date(iso).getTime() + 30 * 60_000).toISOString();

const booking = (over: Partial<BookingView> & { id: string }): BookingView => ({
  kind: 'desk',
  status: 'booked',
  version: 1,
  residentName: '王阿姨',
  phone: '138****1111',
  address: '1栋1单元101',
  topic: '办理装修申请',
  start: at(tomorrow, '09:00'),
  end: at(tomorrow, '09:30'),
  reason: null,
  repair: null,
  ...over,
});

/**
 * The visits function as a small in-memory desk: three slots a day (09:00 two places, 09:30 full,
 * 10:00 one place); booking and moving take a place, and the answers follow what was done.
 */
const desk = () => {
  const free = new Map<string, number>();
  const freeAt = (start: string) => free.get(start) ?? (start.endsWith('T01:30:00.000Z') ? 0 : start.endsWith('T02:00:00.000Z') ? 1 : 2);
  const items: BookingView[] = [];
  const handlers: Handlers = {
    'visits.slots': (input) => {
      const date = String(input.date);
      const starts = ['09:00', '09:30', '10:00'].map((time) => at(date, time));
      return ok({ date, slots: starts.map((start) => ({ start, end: plus30(start), free: freeAt(start) })) });
    },
    'visits.mine': () => okPage([...items]),
    'visits.book': (input) => {
      const start = String(input.start);
      if (freeAt(start) <= 0) return { ok: false, code: 'BOOKING.FULL', message: messages.errors['BOOKING.FULL'] };
      free.set(start, freeAt(start) - 1);
      const room = rooms.find((r) => r.roomId === input.roomId);
      const made = booking({ id: `b${items.length + 1}`, start, end: plus30(start), topic: String(input.topic), address: room?.label ?? '' });
      items.unshift(made);
      return ok(made);
    },
  };
  return { handlers, items, free, freeAt };
};

const open = async (page: 'resident' | 'desk', handlers: Handlers) =>
  openPage(page === 'resident' ? <MyBookings /> : <DeskBookings />, { ...sessionHandlers(page === 'resident' ? 'resident' : 'desk', rooms), 'repairs.listMine': () => okPage([]), ...handlers });

describe('预约到访: the resident books the desk (V4)', () => {
  let toast: jest.SpyInstance;
  beforeEach(() => {
    FakeEventSource.install();
    toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
  });
  afterEach(() => jest.restoreAllMocks());

  it('V4: a resident books a free slot and sees it booked', async () => {
    const { handlers, items } = desk();
    const { $, tap, typeInto, backend } = await open('resident', handlers);
    await until(() => $('.btn-new-booking') !== null && $('.list-empty') !== null);
    expect($('.list-empty')?.textContent).toBe(ui.bookings.empty);

    await tap('.btn-new-booking');
    await until(() => $('#book-slot-0900') !== null);
    // Today and the six days after, as chips; today's slots first.
    expect(Array.from(document.querySelectorAll('.book-date-chip')).map((chip) => chip.id)).toEqual(
      Array.from({ length: 7 }, (_, i) => `book-date-${shanghaiDate(new Date(), i)}`),
    );
    expect(backend.callsTo('visits.slots').map((c) => c.input.date)).toEqual([today]);

    await tap(`#book-date-${tomorrow}`);
    await until(() => backend.callsTo('visits.slots').some((c) => c.input.date === tomorrow));
    await until(() => $('#book-slot-1000 .slot-free')?.textContent === fill(ui.bookings.free, { free: 1 }));
    await tap('#book-slot-1000');
    expect($('#book-slot-1000')?.className).toContain('chip-on');
    await tap(`[id="booking-room-${rooms[1]?.roomId}"]`);
    await typeInto('.input-booking-topic input', '办理装修申请');
    await tap('.btn-submit-booking');

    await until(() => backend.callsTo('visits.book').length === 1);
    expect(backend.callsTo('visits.book')[0]?.input).toMatchObject({
      propertyId: PROPERTY,
      start: at(tomorrow, '10:00'),
      roomId: rooms[1]?.roomId,
      topic: '办理装修申请',
    });
    expect(typeof backend.callsTo('visits.book')[0]?.input.commandId).toBe('string');

    await until(() => $('#booking-b1') !== null);
    expect(items).toHaveLength(1);
    expect($('#booking-b1 .booking-status')?.textContent).toBe('已预约');
    expect($('#booking-b1 .booking-when')?.textContent).toBe(formatSpan(at(tomorrow, '10:00'), at(tomorrow, '10:30')));
    expect($('#booking-b1 .booking-when')?.textContent).toContain('10:00-10:30');
    expect($('#booking-b1 .booking-topic')?.textContent).toBe('办理装修申请');
    expect($('.book-form')).toBeNull();
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: ui.bookings.booked }));
  });

  it('V4: a full slot cannot be chosen', async () => {
    const { handlers, free } = desk();
    const { $, tap, typeInto, backend } = await open('resident', handlers);
    await until(() => $('.btn-new-booking') !== null);
    await tap('.btn-new-booking');
    await tap(`#book-date-${tomorrow}`);
    await until(() => $('#book-slot-0930') !== null && backend.callsTo('visits.slots').some((c) => c.input.date === tomorrow));

    // 09:30 has no place left: it says 已约满 and a tap on it picks nothing.
    expect($('#book-slot-0930 .slot-free')?.textContent).toBe('已约满');
    expect($('#book-slot-0930')?.className).toContain('slot-full');
    await tap('#book-slot-0930');
    expect($('#book-slot-0930')?.className).not.toContain('chip-on');
    await typeInto('.input-booking-topic input', '咨询物业费');
    await tap('.btn-submit-booking');
    expect($('.problem-slot')?.textContent).toBe(ui.bookings.needSlot);
    expect(backend.callsTo('visits.book')).toHaveLength(0);

    // 10:00 fills up while she is choosing: the server refuses in its own words, and the slots are fetched again.
    await tap('#book-slot-1000');
    free.set(at(tomorrow, '10:00'), 0);
    const before = backend.callsTo('visits.slots').length;
    await tap('.btn-submit-booking');
    await until(() => $('.booking-refusal') !== null);
    expect($('.booking-refusal')?.textContent).toBe(messages.errors['BOOKING.FULL']);
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: messages.errors['BOOKING.FULL'] }));
    await until(() => backend.callsTo('visits.slots').length > before);
    await until(() => $('#book-slot-1000 .slot-free')?.textContent === '已约满');
    expect($('#book-slot-1000')?.className).not.toContain('chip-on');
  });

  it('V4 (issue 18, 2): the form opens on the day the function names as the first with a place, asking up to the last chip; a begun slot says 已过 and a full one 已约满, and neither is picked', async () => {
    const hour = 3_600_000;
    const lastChip = shanghaiDate(new Date(), 6);
    const { $, tap, backend } = await open('resident', {
      'visits.mine': () => okPage([]),
      'visits.slots': (input) => {
        if (input.upTo) return ok({ date: tomorrow, slots: [{ start: at(tomorrow, '09:00'), end: at(tomorrow, '09:30'), free: 2 }] });
        const begun = new Date(Date.now() - hour).toISOString();
        const ahead = new Date(Date.now() + 2 * hour).toISOString();
        return ok({ date: String(input.date), slots: [begun, ahead].map((start) => ({ start, end: plus30(start), free: 0 })) });
      },
    });
    await until(() => $('.btn-new-booking') !== null);
    await tap('.btn-new-booking');
    await until(() => $('#book-slot-0900') !== null);
    expect(backend.callsTo('visits.slots').map((c) => c.input)).toEqual([expect.objectContaining({ date: today, upTo: lastChip, kind: 'desk' })]);
    expect($(`#book-date-${tomorrow}`)?.className).toContain('chip-on');
    expect($('#book-slot-0900 .slot-free')?.textContent).toBe(fill(ui.bookings.free, { free: 2 }));

    await tap(`#book-date-${today}`);
    await until(() => $('.slot-past') !== null);
    expect(backend.callsTo('visits.slots').at(-1)?.input).not.toHaveProperty('upTo');
    expect($('.slot-past .slot-free')?.textContent).toBe('已过');
    expect($('.slot-full .slot-free')?.textContent).toBe('已约满');
    await tap('.slot-past');
    await tap('.slot-full');
    expect($('.slot-chip.chip-on')).toBeNull();
  });

  it('V4: a booking is moved with a reason and the version seen', async () => {
    const { handlers } = desk();
    let mine = booking({ id: 'b7', version: 3 });
    const moved: Record<string, unknown>[] = [];
    const { $, tap, typeInto, backend } = await open('resident', {
      ...handlers,
      'visits.mine': () => okPage([mine]),
      'visits.reschedule': (input) => {
        moved.push(input);
        mine = { ...mine, version: 4, start: String(input.start), end: plus30(String(input.start)), reason: String(input.reason) };
        return ok(mine);
      },
    });
    await until(() => $('#booking-b7 .btn-reschedule') !== null);
    expect($('#booking-b7 .booking-when')?.textContent).toBe(formatSpan(at(tomorrow, '09:00'), at(tomorrow, '09:30')));

    await tap('#booking-b7 .btn-reschedule');
    // Her own day is open, and her own slot is not offered again.
    await until(() => $('#move-slot-1000') !== null);
    expect(backend.callsTo('visits.slots').map((c) => c.input.date)).toEqual([tomorrow]);
    expect($('#move-slot-0900')).toBeNull();

    await tap('#move-slot-1000');
    await tap('.btn-submit-reschedule');
    expect($('.problem-reason')?.textContent).toBe(ui.bookings.needReason);
    expect(moved).toHaveLength(0);

    await typeInto('.input-booking-reason textarea', '上午临时要加班');
    await tap('.btn-submit-reschedule');
    await until(() => moved.length === 1);
    expect(moved[0]).toMatchObject({ propertyId: PROPERTY, bookingId: 'b7', version: 3, start: at(tomorrow, '10:00'), reason: '上午临时要加班' });

    await until(() => $('#booking-b7 .booking-when')?.textContent === formatSpan(at(tomorrow, '10:00'), at(tomorrow, '10:30')));
    expect($('#booking-b7 .booking-reason')?.textContent).toBe(fill(ui.bookings.reasonShown, { reason: '上午临时要加班' }));
    expect($('.change-form')).toBeNull();
  });

  it('cancels a booking with a reason; a cancelled one offers nothing more', async () => {
    let mine = booking({ id: 'b8', version: 2 });
    const sent: Record<string, unknown>[] = [];
    const { $, tap, typeInto } = await open('resident', {
      'visits.mine': () => okPage([mine]),
      'visits.cancel': (input) => {
        sent.push(input);
        mine = { ...mine, status: 'cancelled', version: 3, reason: String(input.reason) };
        return ok(mine);
      },
    });
    await until(() => $('#booking-b8 .btn-cancel-booking') !== null);
    await tap('#booking-b8 .btn-cancel-booking');
    await typeInto('.input-booking-reason textarea', '事情已经在电话里办好了');
    await tap('.btn-submit-cancel');
    await until(() => $('#booking-b8 .booking-status')?.textContent === '已取消');
    expect(sent[0]).toMatchObject({ bookingId: 'b8', version: 2, reason: '事情已经在电话里办好了' });
    expect($('#booking-b8 .btn-reschedule')).toBeNull();
    expect($('#booking-b8 .btn-cancel-booking')).toBeNull();
  });

  it('is one tap from the resident home', async () => {
    fakeBackend({ ...sessionHandlers('resident', rooms), 'repairs.listMine': () => okPage([]) });
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
    const { container } = render(<ResidentHome />);
    await until(() => container.querySelector('#btn-my-bookings') !== null);
    fireEvent.click(container.querySelector('#btn-my-bookings') as Element);
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/resident/bookings/index' });
  });
});

describe('到访预约: the desk’s day (V4)', () => {
  beforeEach(() => {
    FakeEventSource.install();
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
  });
  afterEach(() => jest.restoreAllMocks());

  it('V4: the desk sees the day\'s bookings with full numbers', async () => {
    const phone = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' });
    const days: Record<string, BookingView[]> = {
      [today]: [
        booking({ id: 'd1', start: at(today, '09:00'), end: at(today, '09:30'), residentName: '张伟', phone: '13900003333', address: '5栋1单元302', topic: '咨询物业费' }),
        booking({ id: 'd2', start: at(today, '10:00'), end: at(today, '10:30'), status: 'cancelled', reason: '临时有事', phone: '13800001111' }),
      ],
      [tomorrow]: [booking({ id: 'd3', start: at(tomorrow, '14:00'), end: at(tomorrow, '14:30'), residentName: '李奶奶', phone: '13700004444', address: '6栋2单元201' })],
    };
    const { $, tap, container, backend } = await open('desk', { 'visits.day': (input) => ok({ date: input.date, ...page(days[String(input.date)] ?? []) }) });
    await until(() => container.querySelectorAll('.booking-row').length === 2);

    expect(backend.callsTo('visits.day')[0]?.input).toEqual({ propertyId: PROPERTY, date: today, limit: 20 });
    expect(Array.from(container.querySelectorAll('.booking-row')).map((row) => row.id)).toEqual(['booking-d1', 'booking-d2']);
    expect($('#booking-d1 .booking-when')?.textContent).toBe('09:00-09:30');
    expect($('#booking-d1 .booking-name')?.textContent).toBe('张伟');
    expect($('#booking-d1 .booking-address')?.textContent).toBe('5栋1单元302');
    expect($('#booking-d1 .booking-topic')?.textContent).toBe('咨询物业费');
    expect($('#booking-d1 .booking-status')?.textContent).toBe('已预约');
    expect($('#booking-d2 .booking-status')?.textContent).toBe('已取消');
    expect($('#booking-d1 .btn-call')?.textContent).toContain('13900003333');

    await tap('#booking-d1 .btn-call');
    expect(phone).toHaveBeenCalledWith({ phoneNumber: '13900003333' });

    expect(container.querySelectorAll('.desk-date-chip')).toHaveLength(7);
    await tap(`#desk-date-${tomorrow}`);
    await until(() => $('#booking-d3') !== null);
    expect(container.querySelectorAll('.booking-row')).toHaveLength(1);
    expect($('#booking-d3 .booking-when')?.textContent).toBe('14:00-14:30');
    expect($('#booking-d3 .btn-call')?.textContent).toContain('13700004444');

    await tap(`#desk-date-${shanghaiDate(new Date(), 2)}`);
    await until(() => $('.list-empty') !== null);
    expect($('.list-empty')?.textContent).toBe(ui.deskBookings.empty);
  });

  it('is linked from the desk inbox', async () => {
    fakeBackend({ ...sessionHandlers('desk'), 'repairs.inbox': () => okPage([]) });
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
    const { container } = render(<DeskInbox />);
    await until(() => container.querySelector('.link-bookings') !== null);
    expect(container.querySelector('.link-bookings')?.textContent).toBe(ui.deskBookings.link);
    fireEvent.click(container.querySelector('.link-bookings') as Element);
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/desk/bookings/index' });
  });
});
