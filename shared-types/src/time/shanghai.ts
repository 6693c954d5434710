import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every calendar word of DOMAIN.md ("same day", "week", "month") is read in this zone. */
export const ZONE = 'Asia/Shanghai';

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

export const inShanghai = (instant: Date | string) => dayjs(instant).tz(ZONE);

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

/** The instant a Shanghai calendar date's local time "HH:mm" falls on. */
export const atShanghai = (date: string, hhmm = '00:00'): Date => dayjs.tz(`${date} ${hhmm}`, ZONE).toDate();
