import { deadlineClock, deadlineStamp } from '@shared/time/deadline-clock';
import { endOfSameDay } from '@shared/time/shanghai';

describe('a deadline as a Shanghai wall clock (issue 17, 3)', () => {
  it.each([
    ['2026-11-23T16:00:00.000Z', '2026-11-23', '24:00'],
    ['2026-11-23T16:01:00.000Z', '2026-11-24', '00:01'],
    ['2026-11-23T15:59:00.000Z', '2026-11-23', '23:59'],
    ['2026-11-24T01:00:00.000Z', '2026-11-24', '09:00'],
    ['2026-12-31T16:00:00.000Z', '2026-12-31', '24:00'],
    ['2027-02-28T16:00:00.000Z', '2027-02-28', '24:00'],
  ])('%s ends on %s at %s', (iso, date, time) => {
    expect(deadlineClock(new Date(iso))).toEqual({ date, time });
  });

  it('C4: a same-day deadline ends on the day it was set, at 24:00, never at 00:00 of the next', () => {
    const filed = new Date('2026-11-23T07:00:00.000Z');
    expect(deadlineClock(endOfSameDay(filed))).toEqual({ date: '2026-11-23', time: '24:00' });
  });
});

describe('a deadline in a notice (issue 17, 3)', () => {
  it('C4: the notice of a same-day deadline says "11-23 24:00"', () => {
    expect(deadlineStamp(new Date('2026-11-23T16:00:00.000Z'))).toBe('11-23 24:00');
    expect(deadlineStamp(new Date('2026-11-23T10:30:00.000Z'))).toBe('11-23 18:30');
  });
});
