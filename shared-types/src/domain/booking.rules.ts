import type { RepairCategory } from '../model/repair.model';
import type { Skill } from '../model/member.model';
import { atShanghai, inShanghai } from '../time/shanghai';
import { skillFor } from './dispatch.rules';

export { windowRefusal, type WindowRefusal } from './window.rules';

/** V4: the desk receives appointments in half-hour slots within its opening hours. */
export const SLOT_MINUTES = 30;
/** How many residents one slot takes (the desk staff on duty). */
export const DESK_SLOT_CAPACITY = 2;
/** V4 B2: a home callback visit takes an hour of one desk member's time, within the desk's hours. */
export const HOME_VISIT_MINUTES = 60;
export const HOME_VISIT_CAPACITY = 1;
/** V4: a technician keeps one resident's repair window at a time. */
export const WINDOW_CAPACITY = 1;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmmOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export interface Slot {
  start: Date;
  end: Date;
}

export interface Hours {
  open: string;
  close: string;
}

const slotsEvery = (date: string, hours: Hours, minutes: number): Slot[] => {
  const slots: Slot[] = [];
  for (let m = minutesOf(hours.open); m + minutes <= minutesOf(hours.close); m += minutes) {
    slots.push({ start: atShanghai(date, hhmmOf(m)), end: atShanghai(date, hhmmOf(m + minutes)) });
  }
  return slots;
};

/** V4: a Shanghai date's desk slots: every half hour from opening to the last that ends by closing. */
export const deskSlots = (date: string, hours: Hours): Slot[] => slotsEvery(date, hours, SLOT_MINUTES);

/** V4 B2: a Shanghai date's home callback visits: every hour from opening to the last that ends by closing. */
export const homeSlots = (date: string, hours: Hours): Slot[] => slotsEvery(date, hours, HOME_VISIT_MINUTES);

/** A window the technicians work, as local Shanghai "HH:mm". */
export interface WindowTimes {
  start: string;
  end: string;
}

/** V4: the repair windows technicians work, on weekdays and at weekends (evenings for residents out all day). */
export interface RepairWindows {
  weekdays: WindowTimes[];
  weekends: WindowTimes[];
}

/** A Shanghai date's repair windows, in time order. */
export const repairWindowsOf = (date: string, windows: RepairWindows): Slot[] => {
  const weekday = inShanghai(atShanghai(date)).day();
  const ofDay = weekday === 0 || weekday === 6 ? windows.weekends : windows.weekdays;
  return [...ofDay]
    .sort((a, b) => minutesOf(a.start) - minutesOf(b.start))
    .map((w) => ({ start: atShanghai(date, w.start), end: atShanghai(date, w.end) }));
};

/** Windows of one day must each end after they start and must not overlap (a technician is in one place). */
export const windowsProblem = (windows: readonly WindowTimes[]): 'SETTINGS.WINDOWS' | null => {
  const sorted = [...windows].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
  for (const [i, w] of sorted.entries()) {
    if (minutesOf(w.end) <= minutesOf(w.start)) return 'SETTINGS.WINDOWS';
    const next = sorted[i + 1];
    if (next && minutesOf(next.start) < minutesOf(w.end)) return 'SETTINGS.WINDOWS';
  }
  return null;
};

/** V4 (issue 18, 2): a slot as a resident reads it: begun already (已过), no place left (已约满), or hers to book. */
export type SlotState = 'past' | 'full' | 'open';

export const slotState = (slot: { start: Date; free: number }, now: Date): SlotState => {
  if (slot.start <= now) return 'past';
  return slot.free > 0 ? 'open' : 'full';
};

/** V4 (issue 18, 2): the first of the days (in order) with a slot still open at `now`; null when none has. */
export const firstOpenDay = <D extends { slots: readonly { start: Date; free: number }[] }>(days: readonly D[], now: Date): D | null =>
  days.find((day) => day.slots.some((slot) => slotState(slot, now) === 'open')) ?? null;

export type SlotRefusal = 'BOOKING.NOT_A_SLOT' | 'BOOKING.IN_THE_PAST';

/** V4: a start a resident may book: one of the day's offered slots, and not already begun. */
export const checkStart = (start: Date, offered: readonly Slot[], now: Date): SlotRefusal | null => {
  if (!offered.some((s) => s.start.getTime() === start.getTime())) return 'BOOKING.NOT_A_SLOT';
  if (start <= now) return 'BOOKING.IN_THE_PAST';
  return null;
};

/** V4: a desk appointment start: one of the day's desk slots, not yet begun. */
export const checkSlot = (start: Date, date: string, hours: Hours, now: Date): SlotRefusal | null => checkStart(start, deskSlots(date, hours), now);

/** V4: a booking is reminded 24 hours and 1 hour before it. */
export const reminderTimes = (start: Date): Date[] => [new Date(start.getTime() - 24 * 3_600_000), new Date(start.getTime() - 3_600_000)];

/**
 * V4 (issue 16): whether a booking still wants a reminder scheduled for it, read by the timer before it sends one: only
 * while booked, and only the reminders it lists (a move lists the new time's, a cancellation none). A booking stored
 * before it listed them wants its reminders while booked.
 */
export const wantsReminder = (b: { status: string; reminders?: readonly string[] }, noticeId: string): boolean =>
  b.status === 'booked' && (b.reminders?.includes(noticeId) ?? true);

export interface Technician {
  memberId: string;
  name: string;
  skills: readonly Skill[];
}

/**
 * V4: whose time a repair window is taken from: the order's technician once it has one; before
 * that, every technician with the skill it needs (R4), so the resident sees the team's availability.
 */
export const windowTechnicians = <T extends Technician>(
  repair: { category: RepairCategory; technician: { memberId: string } | null },
  technicians: readonly T[],
): T[] => {
  if (repair.technician) return technicians.filter((t) => t.memberId === repair.technician!.memberId);
  const needed = skillFor[repair.category];
  return technicians.filter((t) => needed === 'general' || t.skills.includes(needed));
};

/**
 * V4: the technicians to hold a window with, best first: those with the fewest windows already kept
 * that day (the work spreads), then by name so the order is stable. The booking takes the first one
 * still free inside its transaction.
 */
export const rankForWindow = <T extends Technician>(technicians: readonly T[], windowsThatDay: ReadonlyMap<string, number>): T[] =>
  [...technicians].sort((a, b) => (windowsThatDay.get(a.memberId) ?? 0) - (windowsThatDay.get(b.memberId) ?? 0) || a.name.localeCompare(b.name, 'zh'));

/** A technician's hold on one window: whose it is, when, and the bookings in it. */
export interface WindowHold {
  owner: string | null;
  start: string;
  capacity: number;
  bookingIds: readonly string[];
}

/**
 * V4: the technicians still free in the window starting at `start`, given the holds of that day. A
 * booking being moved (`keep`) does not count against the window it already holds.
 */
export const freeInWindow = <T extends Technician>(technicians: readonly T[], holds: readonly WindowHold[], start: string, keep: string | null = null): T[] =>
  technicians.filter((t) => {
    const hold = holds.find((h) => h.owner === t.memberId && h.start === start);
    return !hold || hold.bookingIds.length < hold.capacity || (keep !== null && hold.bookingIds.includes(keep));
  });
