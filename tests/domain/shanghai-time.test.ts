/**
 * Issue 16: Shanghai wall time without dayjs (shared-types/src/time/shanghai.ts). The calendar steps
 * the rules take (R11's counting month, C4's month to upgrade, D1/D2's days, R12's periods) must read
 * exactly as they did through dayjs with its utc plugin and a fixed +08:00 offset: compared here,
 * instant by instant, with that former implementation, over two years of month ends and a leap day.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { atShanghai, datesFrom, inShanghai } from '@shared/time/shanghai';

dayjs.extend(utc);

/** The former `inShanghai`: dayjs in Shanghai wall time with the offset kept fixed. */
const before = (instant: Date | string) => {
  const wall = new Date(dayjs(instant).valueOf() + 8 * 60 * 60 * 1000);
  const local = new Date(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds(), wall.getUTCMilliseconds());
  return dayjs(local).utcOffset(8 * 60, true);
};

// Every 7 h 13 min from the end of 2023 to 2026: every hour of the day, every month end, 29 February 2024.
const instants = Array.from({ length: 2_600 }, (_, i) => new Date(Date.UTC(2023, 11, 1) + i * (7 * 60 + 13) * 60 * 1000));
const FORMATS = ['YYYY-MM-DD', 'YYYY-MM', 'HH:mm', 'MM-DD HH:mm', 'YYYY-MM-DD HH:mm', 'M月D日HH:mm', 'H:m:s [at] D'];

describe('issue 16: Shanghai wall time reads as it did through dayjs', () => {
  it('every field and format of an instant, R11 C4 D1', () => {
    const differ = instants.filter((at) => {
      const [now, was] = [inShanghai(at), before(at)];
      return (
        FORMATS.some((f) => now.format(f) !== was.format(f)) ||
        now.date() !== was.date() || now.day() !== was.day() || now.hour() !== was.hour() || now.minute() !== was.minute() ||
        now.month() !== was.month() || now.year() !== was.year() || now.daysInMonth() !== was.daysInMonth()
      );
    });
    expect(differ).toEqual([]);
  });

  it('the calendar steps: start and end of the day and month, days and months added (clamped to the month), whole days between', () => {
    const differ = instants.filter((at) => {
      const [now, was] = [inShanghai(at), before(at)];
      const same = (a: { toDate(): Date }, b: { toDate(): Date }) => a.toDate().getTime() === b.toDate().getTime();
      return !(
        same(now.startOf('day'), was.startOf('day')) && same(now.startOf('month'), was.startOf('month')) &&
        same(now.endOf('month'), was.endOf('month')) && same(now.endOf('day'), was.endOf('day')) &&
        [1, 3, -1, 13].every((n) => same(now.add(n, 'month'), was.add(n, 'month'))) &&
        [1, 7, -1].every((n) => same(now.add(n, 'day'), was.add(n, 'day')) && same(now.subtract(n, 'day'), was.subtract(n, 'day'))) &&
        now.diff(inShanghai(instants[0]!).startOf('day'), 'day') === was.diff(before(instants[0]!).startOf('day'), 'day') &&
        inShanghai(instants[0]!).diff(now, 'day') === before(instants[0]!).diff(was, 'day') &&
        now.valueOf() === at.getTime()
      );
    });
    expect(differ).toEqual([]);
  });

  it('31 January plus a month is 28 February, and 29 February 2024 minus a year of months is 28 February 2023', () => {
    expect(inShanghai('2026-01-31T02:00:00.000Z').add(1, 'month').format('YYYY-MM-DD HH:mm')).toBe('2026-02-28 10:00');
    expect(inShanghai('2024-02-29T02:00:00.000Z').add(-12, 'month').format('YYYY-MM-DD')).toBe('2023-02-28');
  });

  it('a calendar date and local time is the instant 8 hours earlier in UTC; a date-only string is read as dayjs read it', () => {
    expect(atShanghai('2026-03-01').toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(atShanghai('2026-12-06', '08:30').toISOString()).toBe('2026-12-06T00:30:00.000Z');
    expect(inShanghai('2026-12-06').format('YYYY-MM-DD HH:mm')).toBe(before('2026-12-06').format('YYYY-MM-DD HH:mm'));
    expect(datesFrom('2024-02-27', '2024-03-01')).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01']);
  });
});
