import { render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { BookingView } from '@shared/contracts/visits.contract';
import type { RepairView } from '@shared/contracts/repairs.contract';
import { messages } from '@shared/messages';
import MyRepair from '../../client/src/pages/resident/repair';
import MyBookings from '../../client/src/pages/resident/bookings';
import RepairCard from '../../client/src/components/RepairCard';
import { fill, ui } from '../../client/src/i18n/ui.zh-CN';
import { compareDayPlan } from '@shared/domain/repair-queue.rules';
import { formatSpan, shanghaiDate, shanghaiInstant } from '../../client/src/utils/time';
import { ok, until, okPage } from './support/fake-backend';
import { openPage } from './support/open-page';
import { FakeEventSource } from './support/fake-event-source';
import { PROPERTY, repair, sessionHandlers } from './support/fixtures';
import { rooms } from './support/complaint-fixtures';
import { withRouteParams } from './support/route';

type Handlers = Record<string, (input: Record<string, unknown>) => unknown>;

const tomorrow = shanghaiDate(new Date(), 1);
const at = (time: string, date = tomorrow) => shanghaiInstant(date, time);
const windows = [
  ['09:00', '11:00'],
  ['14:00', '16:00'],
  ['18:30', '20:30'],
] as const;

/**
 * The visits and repairs functions for one resident's repair: three windows a day, the evening one
 * already taken; booking a window makes it the repair's appointment, and moving it moves that.
 */
const backend = (order: RepairView) => {
  let current = order;
  const bookings: BookingView[] = [];
  const handlers: Handlers = {
    'repairs.get': () => ok({ ...current, history: [] }),
    'visits.windows': (input) => {
      const date = String(input.date);
      return ok({ date, slots: windows.map(([s, e]) => ({ start: at(s, date), end: at(e, date), free: s === '18:30' ? 0 : 1 })) });
    },
    'visits.bookWindow': (input) => {
      const start = String(input.start);
      const [, end] = windows.find(([s]) => at(s) === start) ?? [];
      const made: BookingView = {
        id: 'bw1', kind: 'repair', status: 'booked', version: 1, residentName: '王阿姨', phone: '138****1111', address: current.address,
        topic: '水：厨房水龙头滴水', start, end: at(end ?? '00:00'), reason: null, repair: { id: current.id, technicianName: '李建国' },
      };
      bookings.unshift(made);
      current = { ...current, appointment: { start: made.start, end: made.end } };
      return ok(made);
    },
    'visits.mine': () => okPage([...bookings]),
    'visits.reschedule': (input) => {
      const b = bookings[0]!;
      const start = String(input.start);
      const [, end] = windows.find(([s]) => at(s, shanghaiDate(new Date(start))) === start) ?? [];
      const moved = { ...b, version: b.version + 1, start, end: at(end ?? '00:00', shanghaiDate(new Date(start))), reason: String(input.reason) };
      bookings[0] = moved;
      current = { ...current, appointment: { start: moved.start, end: moved.end } };
      return ok(moved);
    },
  };
  return { handlers, bookings };
};

const mount = (element: JSX.Element, handlers: Handlers) => {
  const { backend, ...page } = openPage(element, { ...sessionHandlers('resident', rooms), 'repairs.listMine': () => okPage([]), ...handlers });
  return { ...page, sent: backend };
};

describe('预约上门时段: the resident books the window a technician comes in (V4)', () => {
  beforeEach(() => {
    FakeEventSource.install();
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
  });
  afterEach(() => jest.restoreAllMocks());

  it('V4: she picks a free window of tomorrow; the repair shows it as its appointment, and a taken window cannot be picked', async () => {
    const { handlers } = backend(repair({ id: 'r1', status: 'dispatched', technician: { memberId: 'm-li', name: '李建国' } }));
    withRouteParams({ id: 'r1' });
    const { $, tap, sent } = mount(<MyRepair />, handlers);
    await until(() => $('.btn-book-window') !== null);
    expect($('.summary-window')).toBeNull();

    await tap('.btn-book-window');
    await tap(`#window-date-${tomorrow}`);
    await until(() => sent.callsTo('visits.windows').some((c) => c.input.date === tomorrow) && $('#window-slot-1830') !== null);
    expect(sent.callsTo('visits.windows')[0]?.input).toMatchObject({ propertyId: PROPERTY, repairId: 'r1' });
    expect($('#window-slot-1830 .slot-free')?.textContent).toBe(ui.bookings.full);
    expect($('#window-slot-1400 .slot-free')?.textContent).toBe(ui.windows.free);
    await tap('#window-slot-1830');
    expect($('#window-slot-1830')?.className).not.toContain('chip-on');
    await tap('.btn-submit-window');
    expect($('.problem-slot')?.textContent).toBe(ui.bookings.needSlot);
    expect(sent.callsTo('visits.bookWindow')).toHaveLength(0);

    await tap('#window-slot-1400');
    await tap('.btn-submit-window');
    await until(() => sent.callsTo('visits.bookWindow').length === 1);
    expect(sent.callsTo('visits.bookWindow')[0]?.input).toMatchObject({ propertyId: PROPERTY, repairId: 'r1', start: at('14:00') });
    await until(() => $('.summary-window') !== null);
    expect($('.summary-window .summary-value')?.textContent).toBe(formatSpan(at('14:00'), at('16:00')));
    expect($('.btn-change-window')?.textContent).toBe(ui.windows.change);
  });

  it('V4: she moves the booked window with a reason, and the repair shows the new time', async () => {
    const { handlers } = backend(repair({ id: 'r1', status: 'acknowledged', technician: { memberId: 'm-li', name: '李建国' } }));
    withRouteParams({ id: 'r1' });
    const { $, tap, typeInto, sent } = mount(<MyRepair />, handlers);
    await until(() => $('.btn-book-window') !== null);
    await tap('.btn-book-window');
    await tap(`#window-date-${tomorrow}`);
    await until(() => $('#window-slot-0900') !== null && sent.callsTo('visits.windows').some((c) => c.input.date === tomorrow));
    await tap('#window-slot-0900');
    await tap('.btn-submit-window');
    await until(() => $('.btn-change-window') !== null);

    await tap('.btn-change-window');
    await until(() => $('.window-change') !== null);
    await tap(`#move-date-${tomorrow}`);
    await until(() => $('#move-slot-1400') !== null && sent.callsTo('visits.windows').filter((c) => c.input.date === tomorrow).length >= 2);
    // The window she holds is not offered again.
    expect($('#move-slot-0900')).toBeNull();
    await tap('#move-slot-1400');
    await typeInto('.input-booking-reason textarea', '上午要去医院');
    await tap('.btn-submit-reschedule');
    await until(() => sent.callsTo('visits.reschedule').length === 1);
    expect(sent.callsTo('visits.reschedule')[0]?.input).toMatchObject({ bookingId: 'bw1', version: 1, start: at('14:00'), reason: '上午要去医院' });
    await until(() => $('.summary-window .summary-value')?.textContent === formatSpan(at('14:00'), at('16:00')));
  });

  it('V4 R3: an urgent repair, or one the technician has reached, offers no window', async () => {
    for (const order of [repair({ id: 'r1', priority: 'urgent', triage: { urgent: true, rule: 'R3.4', matched: '爆裂' } }), repair({ id: 'r1', status: 'arrived' })]) {
      const { handlers } = backend(order);
      withRouteParams({ id: 'r1' });
      const { $, unmount } = mount(<MyRepair />, handlers);
      await until(() => $('.repair-status') !== null);
      expect($('.btn-book-window')).toBeNull();
      unmount();
    }
  });
});

describe('the technician\'s day plan shows booked windows (V4)', () => {
  it('V4: a booked window reads "已约" with its day and hours, and orders by it among wished-for times; urgent stays on top', () => {
    const evening = repair({ id: 'a', preferredTime: { date: tomorrow, slot: 'morning' }, appointment: { start: at('18:30'), end: at('20:30') } });
    const morning = repair({ id: 'b', preferredTime: { date: tomorrow, slot: 'afternoon' } });
    const window = repair({ id: 'c', appointment: { start: at('09:00'), end: at('11:00') } });
    const urgentOne = repair({ id: 'd', priority: 'urgent', appointment: null });
    expect([evening, morning, window, urgentOne].sort(compareDayPlan).map((r) => r.id)).toEqual(['d', 'c', 'b', 'a']);

    const { container } = render(<RepairCard repair={evening} />);
    expect(container.querySelector('.repair-card-when')?.textContent).toContain(fill(ui.windows.booked, { when: formatSpan(at('18:30'), at('20:30')) }));
    expect(container.querySelector('.repair-card-booked')).not.toBeNull();
  });
});

describe('预约上门回访: the resident books a home callback visit (V4 B2)', () => {
  beforeEach(() => {
    FakeEventSource.install();
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
  });
  afterEach(() => jest.restoreAllMocks());

  it('V4 B2: she picks an hour, may leave the topic blank, and the visit is listed as 上门回访', async () => {
    const items: BookingView[] = [];
    const { $, tap, sent } = mount(<MyBookings />, {
      'visits.mine': () => okPage([...items]),
      'visits.slots': (input) => {
        const date = String(input.date);
        return ok({ date, slots: ['09:00', '10:00'].map((time) => ({ start: at(time, date), end: at(time === '09:00' ? '10:00' : '11:00', date), free: 1 })) });
      },
      'visits.bookHome': (input) => {
        const made: BookingView = {
          id: 'h1', kind: 'home', status: 'booked', version: 1, residentName: '王阿姨', phone: '138****1111', address: rooms[0]!.label,
          topic: String(input.topic) || messages.bookingTexts.homeTopic, start: String(input.start), end: at('11:00'), reason: null, repair: null,
        };
        items.unshift(made);
        return ok(made);
      },
    });
    await until(() => $('.btn-new-home') !== null);
    await tap('.btn-new-home');
    expect($('.book-home-form .section-title')?.textContent).toBe(ui.bookings.homeTitle);
    await tap(`#book-date-${tomorrow}`);
    await until(() => sent.callsTo('visits.slots').some((c) => c.input.date === tomorrow && c.input.kind === 'home') && $('#book-slot-1000') !== null);
    expect($('#book-slot-1000 .slot-free')?.textContent).toBe(ui.bookings.homeFree);
    await tap('#book-slot-1000');
    await tap('.btn-submit-booking');
    await until(() => sent.callsTo('visits.bookHome').length === 1);
    expect(sent.callsTo('visits.bookHome')[0]?.input).toMatchObject({ start: at('10:00'), roomId: rooms[0]!.roomId, topic: '' });
    expect(sent.callsTo('visits.book')).toHaveLength(0);
    await until(() => $('#booking-h1') !== null);
    expect($('#booking-h1 .booking-kind')?.textContent).toBe(ui.bookings.kinds.home);
    expect($('#booking-h1 .booking-topic')?.textContent).toBe(messages.bookingTexts.homeTopic);
  });
});
