import { checkSlot, deskSlots, reminderTimes } from '@shared/domain/booking.rules';

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
