import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/**
 * Every calendar word of DOMAIN.md ("same day", "week", "month") is read in Asia/Shanghai, which has
 * kept UTC+8 all year since its last daylight saving ended in September 1991 (IANA tz database, file
 * `asia`, rule PRC 1986–1991: https://data.iana.org/time-zones/tzdb/asia). So for every instant this
 * system stores, the zone is exactly a fixed +08:00 offset, applied without dayjs's timezone plugin,
 * which asks Intl (`toLocaleString` with a time zone) on every conversion.
 */
const OFFSET_MINUTES = 8 * 60;

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/**
 * A dayjs in Shanghai wall time: the wall time in a host-local Date with the offset kept fixed
 * (`utcOffset(…, true)`), the form dayjs's timezone plugin builds, so day and month arithmetic reads
 * as before on any host, and exactly on UTC and Shanghai hosts (the cloud, and phones in China).
 */
export const inShanghai = (instant: Date | string) => {
  const wall = new Date(dayjs(instant).valueOf() + OFFSET_MINUTES * 60 * 1000);
  const local = new Date(
    wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(),
    wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds(), wall.getUTCMilliseconds(),
  );
  return dayjs(local).utcOffset(OFFSET_MINUTES, true);
};

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
export const atShanghai = (date: string, hhmm = '00:00'): Date =>
  new Date(dayjs.utc(`${date} ${hhmm}`).valueOf() - OFFSET_MINUTES * 60 * 1000);
