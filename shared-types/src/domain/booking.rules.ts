import { atShanghai } from '../time/shanghai';

/** V4: the desk receives appointments in half-hour slots within its opening hours. */
export const SLOT_MINUTES = 30;
/** How many residents one slot takes (the desk staff on duty). */
export const DESK_SLOT_CAPACITY = 2;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmmOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export interface Slot {
  start: Date;
  end: Date;
}

/** V4: a Shanghai date's desk slots: every half hour from opening to the last that ends by closing. */
export const deskSlots = (date: string, hours: { open: string; close: string }): Slot[] => {
  const slots: Slot[] = [];
  for (let m = minutesOf(hours.open); m + SLOT_MINUTES <= minutesOf(hours.close); m += SLOT_MINUTES) {
    slots.push({ start: atShanghai(date, hhmmOf(m)), end: atShanghai(date, hhmmOf(m + SLOT_MINUTES)) });
  }
  return slots;
};

export type SlotRefusal = 'BOOKING.NOT_A_SLOT' | 'BOOKING.IN_THE_PAST';

/** V4: a start a resident may book: one of the day's slots, and not already begun. */
export const checkSlot = (start: Date, date: string, hours: { open: string; close: string }, now: Date): SlotRefusal | null => {
  if (!deskSlots(date, hours).some((s) => s.start.getTime() === start.getTime())) return 'BOOKING.NOT_A_SLOT';
  if (start <= now) return 'BOOKING.IN_THE_PAST';
  return null;
};

/** V4: a booking is reminded 24 hours and 1 hour before it. */
export const reminderTimes = (start: Date): Date[] => [new Date(start.getTime() - 24 * 3_600_000), new Date(start.getTime() - 3_600_000)];
