import dayjs from 'dayjs';

/**
 * Every calendar word of DOMAIN.md ("same day", "week", "month") is read in Asia/Shanghai, which has
 * kept UTC+8 all year since its last daylight saving ended in September 1991 (IANA tz database, file
 * `asia`, rule PRC 1986–1991: https://data.iana.org/time-zones/tzdb/asia). So for every instant this
 * system stores, the zone is exactly a fixed +08:00 offset.
 *
 * Issue 16: the calendar steps without dayjs's utc plugin. `ShanghaiTime` does them on a Date shifted by
 * the offset and read through its UTC fields, so they are exact on any host. It keeps dayjs's names and
 * meanings for what the rules use (a month added to the 31st clamps to the month's last day, as dayjs's
 * `add(1, 'month')` does), so the rules read as before; formatting stays dayjs's.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

type Unit = 'day' | 'month';
type AddUnit = Unit | 'hour' | 'minute';


/** A date-only string ("2026-11-30") is a local date, as dayjs parses it; anything else is what `Date` parses. */
const parse = (instant: Date | string): number => {
  if (instant instanceof Date) return instant.getTime();
  const dateOnly = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(instant);
  return dateOnly ? new Date(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3])).getTime() : new Date(instant).getTime();
};

/** An instant read in Shanghai wall time: `wall` is the instant plus 8 hours, read through the UTC fields. */
export class ShanghaiTime {
  private readonly wall: Date;

  constructor(wallMs: number) {
    this.wall = new Date(wallMs);
  }

  year(): number {
    return this.wall.getUTCFullYear();
  }

  /** 0–11, as dayjs and Date count months. */
  month(): number {
    return this.wall.getUTCMonth();
  }

  /** The day of the month, 1–31. */
  date(): number {
    return this.wall.getUTCDate();
  }

  /** The day of the week, 0 (Sunday) – 6. */
  day(): number {
    return this.wall.getUTCDay();
  }

  hour(): number {
    return this.wall.getUTCHours();
  }

  minute(): number {
    return this.wall.getUTCMinutes();
  }

  daysInMonth(): number {
    return new Date(Date.UTC(this.year(), this.month() + 1, 0)).getUTCDate();
  }

  startOf(unit: Unit): ShanghaiTime {
    return new ShanghaiTime(Date.UTC(this.year(), this.month(), unit === 'month' ? 1 : this.date()));
  }

  /** The last millisecond of the day or month. */
  endOf(unit: Unit): ShanghaiTime {
    return new ShanghaiTime(this.startOf(unit).add(1, unit).wall.getTime() - 1);
  }

  /** Months clamp to the target month's length (31 January + 1 month = 28 February), as dayjs's do. */
  add(n: number, unit: AddUnit): ShanghaiTime {
    if (unit !== 'month') return new ShanghaiTime(this.wall.getTime() + n * (unit === 'day' ? DAY_MS : unit === 'hour' ? 3_600_000 : 60_000));
    const first = new Date(this.wall.getTime());
    first.setUTCDate(1);
    first.setUTCMonth(first.getUTCMonth() + n);
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
    first.setUTCDate(Math.min(this.date(), last));
    return new ShanghaiTime(first.getTime());
  }

  subtract(n: number, unit: AddUnit): ShanghaiTime {
    return this.add(-n, unit);
  }

  /** Whole days from `other` to this, truncated toward zero, as dayjs's `diff(other, 'day')`. */
  diff(other: ShanghaiTime, _unit: 'day'): number {
    const days = (this.wall.getTime() - other.wall.getTime()) / DAY_MS;
    return days < 0 ? Math.ceil(days) : Math.floor(days);
  }

  /**
   * Formatting is dayjs's (the project's formatter, as issue 16 asks: "keep dayjs for formatting"). dayjs
   * formats a Date's host-local fields, so it is given a host-local Date holding the wall fields: exact on
   * any host whose zone has no daylight-saving gap at that wall time (the cloud's UTC, phones in China).
   */
  format(pattern: string): string {
    const w = this.wall;
    return dayjs(new Date(w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds(), w.getUTCMilliseconds())).format(pattern);
  }

  toDate(): Date {
    return new Date(this.wall.getTime() - OFFSET_MS);
  }

  valueOf(): number {
    return this.wall.getTime() - OFFSET_MS;
  }
}

/** An instant in Shanghai wall time, for the calendar steps of the rules. */
export const inShanghai = (instant: Date | string): ShanghaiTime => new ShanghaiTime(parse(instant) + OFFSET_MS);

/** "same day": the first instant after the Shanghai day of `instant` ends (24:00 local). */
export const endOfSameDay = (instant: Date): Date =>
  inShanghai(instant).startOf('day').add(1, 'day').toDate();

/** "within N days": N × 24 hours after the event. */
export const withinDays = (instant: Date, days: number): Date =>
  new Date(instant.getTime() + days * 24 * 60 * 60 * 1000);

export const addMinutes = (instant: Date, minutes: number): Date =>
  new Date(instant.getTime() + minutes * 60 * 1000);

/** Monday 00:00 Shanghai of the week holding `instant`. */
export const startOfWeek = (instant: Date): Date => {
  const local = inShanghai(instant).startOf('day');
  const sinceMonday = (local.day() + 6) % 7;
  return local.subtract(sinceMonday, 'day').toDate();
};

/** Minutes since Shanghai midnight, for shift rosters written as local "HH:mm". */
export const minuteOfShanghaiDay = (instant: Date): number => {
  const local = inShanghai(instant);
  return local.hour() * 60 + local.minute();
};

export const shanghaiDate = (instant: Date): string => inShanghai(instant).format('YYYY-MM-DD');

/** The Shanghai calendar dates from `from` to `to`, both included, in order (none when `to` is before `from`). */
export const datesFrom = (from: string, to: string): string[] => {
  const dates: string[] = [];
  for (let day = inShanghai(atShanghai(from)); day.format('YYYY-MM-DD') <= to; day = day.add(1, 'day')) dates.push(day.format('YYYY-MM-DD'));
  return dates;
};

/** The instant a Shanghai calendar date's local time "HH:mm" falls on. */
export const atShanghai = (date: string, hhmm = '00:00'): Date => {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = hhmm.split(':').map(Number);
  return new Date(Date.UTC(y!, mo! - 1, d || 1, h || 0, mi || 0) - OFFSET_MS);
};
