import type { Shift } from '../model/settings.model';
import { atShanghai, inShanghai } from '../time/shanghai';

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const DAY_MS = 24 * 60 * 60 * 1000;

/** D1: one page of the duty log: a shift of the roster on the Shanghai date it started. */
export interface ShiftPage {
  /** `YYYY-MM-DD~HHmm`: the date the shift started and its start time. */
  key: string;
  date: string;
  shiftName: string;
  shiftStart: string;
  startsAt: Date;
  endsAt: Date;
  /** The desk members the roster puts on this shift. */
  rostered: readonly string[];
}

/** D3: a handover not completed this long after the shift ended is late and goes to the supervisor. */
export const HANDOVER_GRACE_MINUTES = 15;
/** D3: the incoming member may sign in this long before the shift starts. */
export const SIGN_IN_EARLY_MINUTES = 60;

const sortedShifts = (shifts: readonly Shift[]) => {
  if (!shifts.length) throw new Error('a property has at least one shift');
  return [...shifts].sort((a, b) => minutes(a.start) - minutes(b.start));
};

const pageOf = (sorted: readonly Shift[], index: number, date: string): ShiftPage => {
  const shift = sorted[index]!;
  const startsAt = atShanghai(date, shift.start);
  const next = sorted[(index + 1) % sorted.length]!;
  const wraps = index + 1 >= sorted.length;
  const endsAt = new Date(atShanghai(date, next.start).getTime() + (wraps ? DAY_MS : 0));
  return { key: `${date}~${shift.start.replace(':', '')}`, date, shiftName: shift.name, shiftStart: shift.start, startsAt, endsAt, rostered: shift.deskOpenids };
};

/**
 * D1: the page open at `now`: the shift that started last, each running until the next starts
 * (三八制, Shanghai time); before the day's first shift the page is the previous date's last shift.
 */
export const pageAt = (shifts: readonly Shift[], now: Date): ShiftPage => {
  const sorted = sortedShifts(shifts);
  const local = inShanghai(now);
  const minute = local.hour() * 60 + local.minute();
  let index = -1;
  sorted.forEach((s, i) => {
    if (minutes(s.start) <= minute) index = i;
  });
  if (index >= 0) return pageOf(sorted, index, local.format('YYYY-MM-DD'));
  return pageOf(sorted, sorted.length - 1, local.subtract(1, 'day').format('YYYY-MM-DD'));
};

/** D1: the page of a given date and shift start, or null when the roster has no such shift. */
export const pageOfKey = (shifts: readonly Shift[], date: string, shiftStart: string): ShiftPage | null => {
  const sorted = sortedShifts(shifts);
  const index = sorted.findIndex((s) => s.start === shiftStart);
  return index < 0 ? null : pageOf(sorted, index, date);
};

/** D3: the page that follows `page` (its incoming shift). */
export const nextPage = (shifts: readonly Shift[], page: ShiftPage): ShiftPage => pageAt(shifts, page.endsAt);

/** D1 D2: every page of a Shanghai date, in the order the shifts start. */
export const pagesOfDate = (shifts: readonly Shift[], date: string): ShiftPage[] => sortedShifts(shifts).map((_, i, all) => pageOf(all, i, date));

/** D2: whether the roster has ended a date's last shift by `now` (before it, `signDayRefusal` signs no day). */
export const dayOverBy = (shifts: readonly Shift[], date: string, now: Date): boolean => pagesOfDate(shifts, date).every((p) => p.endsAt <= now);

/**
 * D3: the page a desk member signs in to at `now`: the next one when it starts within the hour,
 * else the one on duty.
 */
export const signInPageAt = (shifts: readonly Shift[], now: Date): ShiftPage => {
  const current = pageAt(shifts, now);
  return current.endsAt.getTime() - now.getTime() <= SIGN_IN_EARLY_MINUTES * 60_000 ? nextPage(shifts, current) : current;
};

/** D3: when a page's handover becomes late. */
export const handoverLateAt = (page: Pick<ShiftPage, 'endsAt'>): Date => new Date(page.endsAt.getTime() + HANDOVER_GRACE_MINUTES * 60_000);

/** D2: an unsigned day's log is flagged the next morning, at 08:00 Shanghai. */
export const dayFlagTimeOf = (date: string): Date => new Date(atShanghai(date, '08:00').getTime() + DAY_MS);

/** D2: the dates whose flag time has come by `now`, looking back `days` days (a timer that missed a morning still flags them). */
export const dutyDaysDue = (now: Date, days = 2): string[] => {
  const today = inShanghai(now).startOf('day');
  return Array.from({ length: days }, (_, i) => today.subtract(i + 1, 'day').format('YYYY-MM-DD')).filter((date) => dayFlagTimeOf(date) <= now);
};
