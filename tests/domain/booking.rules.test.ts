import { checkSlot, deskSlots, reminderTimes, wantsReminder, freeInWindow, checkStart, homeSlots, rankForWindow, repairWindowsOf, windowRefusal, windowTechnicians, windowsProblem } from '@shared/domain/booking.rules';
import { defaultSettings } from '@shared/model/settings.model';
import type { Skill } from '@shared/model/member.model';

const hours = { open: '08:00', close: '20:00' };

describe('V4: desk appointment slots, in Asia/Shanghai', () => {
  it('V4: half-hour slots from opening to the last one that ends by closing', () => {
    const slots = deskSlots('2026-11-24', hours);
    expect(slots).toHaveLength(24);
    expect(slots[0]!.start.toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(slots[23]!.end.toISOString()).toBe('2026-11-24T12:00:00.000Z');
    expect(deskSlots('2026-11-24', { open: '08:00', close: '08:45' })).toHaveLength(1);
  });

  it('V4: only a slot of the day that has not begun may be booked', () => {
    const now = new Date('2026-11-24T01:10:00.000Z');
    expect(checkSlot(new Date('2026-11-24T01:30:00.000Z'), '2026-11-24', hours, now)).toBeNull();
    expect(checkSlot(new Date('2026-11-24T01:00:00.000Z'), '2026-11-24', hours, now)).toBe('BOOKING.IN_THE_PAST');
    expect(checkSlot(new Date('2026-11-24T01:15:00.000Z'), '2026-11-24', hours, now)).toBe('BOOKING.NOT_A_SLOT');
    expect(checkSlot(new Date('2026-11-24T12:00:00.000Z'), '2026-11-24', hours, now)).toBe('BOOKING.NOT_A_SLOT');
  });

  it('V4: reminders 24 hours and 1 hour before', () => {
    expect(reminderTimes(new Date('2026-11-25T02:00:00.000Z')).map((d) => d.toISOString())).toEqual(['2026-11-24T02:00:00.000Z', '2026-11-25T01:00:00.000Z']);
  });
});

describe('V4: repair windows from the technicians\' availability, in Asia/Shanghai', () => {
  const windows = defaultSettings('p1').repairWindows;
  const tech = (memberId: string, name: string, skills: Skill[]) => ({ memberId, name, skills });
  const team = [tech('m-li', '李建国', ['plumbing', 'electrical']), tech('m-sun', '孙强', ['carpentry', 'general']), tech('m-ma', '马超', ['elevator'])];

  it('V4: a weekday offers daytime and an evening window; a Saturday only daytime (Shanghai weekday, not UTC)', () => {
    // 2026-11-27 is a Friday in Shanghai; its 00:00 is still Thursday in UTC.
    const friday = repairWindowsOf('2026-11-27', windows);
    expect(friday.map((w) => w.start.toISOString())).toEqual([
      '2026-11-27T01:00:00.000Z',
      '2026-11-27T06:00:00.000Z',
      '2026-11-27T08:00:00.000Z',
      '2026-11-27T10:30:00.000Z',
    ]);
    expect(friday[3]!.end.toISOString()).toBe('2026-11-27T12:30:00.000Z');
    expect(repairWindowsOf('2026-11-28', windows).map((w) => w.start.toISOString())).toEqual(['2026-11-28T01:00:00.000Z', '2026-11-28T06:00:00.000Z']);
  });

  it('V4: windows of a day must each end after they start and not overlap (a technician is in one place)', () => {
    expect(windowsProblem(windows.weekdays)).toBeNull();
    expect(windowsProblem([{ start: '09:00', end: '09:00' }])).toBe('SETTINGS.WINDOWS');
    expect(windowsProblem([{ start: '14:00', end: '16:00' }, { start: '09:00', end: '14:30' }])).toBe('SETTINGS.WINDOWS');
    expect(windowsProblem([{ start: '14:00', end: '16:00' }, { start: '09:00', end: '14:00' }])).toBeNull();
  });

  it('V4 R4: before dispatch every technician with the skill offers his time; after dispatch only the order\'s technician', () => {
    expect(windowTechnicians({ category: 'water', technician: null }, team).map((t) => t.memberId)).toEqual(['m-li']);
    expect(windowTechnicians({ category: 'structure', technician: null }, team).map((t) => t.memberId)).toEqual(['m-li', 'm-sun', 'm-ma']);
    expect(windowTechnicians({ category: 'structure', technician: { memberId: 'm-sun' } }, team).map((t) => t.memberId)).toEqual(['m-sun']);
  });

  it('V4: the window goes to the technician keeping the fewest windows that day, then by name', () => {
    const ranked = rankForWindow(team, new Map([['m-li', 2], ['m-sun', 1]]));
    expect(ranked.map((t) => t.memberId)).toEqual(['m-ma', 'm-sun', 'm-li']);
    expect(rankForWindow(team, new Map()).map((t) => t.name)).toEqual(['李建国', '马超', '孙强']);
  });

  it('V4: a technician is free in a window until he holds a booking there; the booking being moved does not count against its own window', () => {
    const at = '2026-11-24T10:30:00.000Z';
    const holds = [
      { owner: 'm-li', start: at, capacity: 1, bookingIds: ['bk-1'] },
      { owner: 'm-sun', start: at, capacity: 1, bookingIds: [] },
      { owner: 'm-ma', start: '2026-11-24T06:00:00.000Z', capacity: 1, bookingIds: ['bk-2'] },
    ];
    expect(freeInWindow(team, holds, at).map((t) => t.memberId)).toEqual(['m-sun', 'm-ma']);
    expect(freeInWindow(team, holds, at, 'bk-1').map((t) => t.memberId)).toEqual(['m-li', 'm-sun', 'm-ma']);
  });

  it('V4 R3: an urgent repair takes no window, and none once the technician is at the door', () => {
    expect(windowRefusal({ status: 'submitted', priority: 'normal' })).toBeNull();
    expect(windowRefusal({ status: 'rescheduling', priority: 'normal' })).toBeNull();
    expect(windowRefusal({ status: 'submitted', priority: 'urgent' })).toBe('BOOKING.REPAIR_URGENT');
    expect(windowRefusal({ status: 'arrived', priority: 'normal' })).toBe('BOOKING.REPAIR_NOT_OPEN');
    expect(windowRefusal({ status: 'completed', priority: 'normal' })).toBe('BOOKING.REPAIR_NOT_OPEN');
  });

  it('V4 B2: home callback visits are an hour each within the desk\'s hours, and only those may be booked', () => {
    const visits = homeSlots('2026-11-24', { open: '08:00', close: '10:30' });
    expect(visits.map((s) => s.start.toISOString())).toEqual(['2026-11-24T00:00:00.000Z', '2026-11-24T01:00:00.000Z']);
    const now = new Date('2026-11-23T02:00:00.000Z');
    expect(checkStart(new Date('2026-11-24T01:00:00.000Z'), visits, now)).toBeNull();
    expect(checkStart(new Date('2026-11-24T01:30:00.000Z'), visits, now)).toBe('BOOKING.NOT_A_SLOT');
    expect(checkStart(new Date('2026-11-24T01:00:00.000Z'), visits, new Date('2026-11-24T01:00:00.000Z'))).toBe('BOOKING.IN_THE_PAST');
  });
});

describe('V4 (issue 16): a booking says which reminders it still wants; the timer asks before it sends one', () => {
  it('V4: booked, only the reminders it lists; cancelled, none; one stored before it listed them, all of its own while booked', () => {
    const booked = { status: 'booked', reminders: ['ob_new1', 'ob_new2'] };
    expect(['ob_new1', 'ob_old1'].map((id) => wantsReminder(booked, id))).toEqual([true, false]);
    expect(wantsReminder({ ...booked, status: 'cancelled' }, 'ob_new1')).toBe(false);
    expect(wantsReminder({ status: 'booked', reminders: [] }, 'ob_new1')).toBe(false);
    expect([wantsReminder({ status: 'booked' }, 'ob_any'), wantsReminder({ status: 'cancelled' }, 'ob_any')]).toEqual([true, false]);
  });
});
