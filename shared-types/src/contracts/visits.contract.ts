import * as z from 'zod/mini';
import { calendarDate, isoDateTime } from '../model/versioned';
import { commandFields, defineAction, DocId, scoped } from './action';
import { pageInput, pageOf } from './page';
import { receptionActions } from './reception.contract';

const Instant = isoDateTime({ offset: true });
const Reason = z.string().check(z.trim(), z.minLength(2), z.maxLength(200));

export const BookingView = z.object({
  id: z.string(),
  kind: z.enum(['desk', 'repair', 'home']),
  status: z.enum(['booked', 'cancelled']),
  version: z.number().check(z.int()),
  residentName: z.string(),
  /** Full for the desk side, masked for the resident's own view. */
  phone: z.string(),
  address: z.string(),
  topic: z.string(),
  start: z.string(),
  end: z.string(),
  reason: z.nullable(z.string()),
  /** A repair window's order and the technician whose time it holds. */
  repair: z.nullable(z.object({ id: z.string(), technicianName: z.string() })),
});
export type BookingView = z.infer<typeof BookingView>;

const Day = z.object({ date: z.string(), slots: z.array(z.object({ start: z.string(), end: z.string(), free: z.number().check(z.int()) })) });

/** How far ahead `slots` looks for a day with room: two weeks. */
export const LOOKAHEAD_DAYS = 14;

/**
 * V4: a day's desk appointment slots (or home callback visits), and how many places each has left.
 * With `upTo` (issue 18, 2): the first day from `date` to `upTo` (at most LOOKAHEAD_DAYS) with a
 * slot still open, or `date` when none has; the answer names the day it is.
 */
export const slots = defineAction({
  fn: 'visits',
  name: 'slots',
  input: z.strictObject({ ...scoped, date: calendarDate, kind: z._default(z.enum(['desk', 'home']), 'desk'), upTo: z.optional(calendarDate) }),
  output: Day,
  roles: ['resident', 'desk', 'supervisor', 'manager'],
  write: false,
  errors: [],
});

/** V4: a resident books a desk appointment, for one of their rooms, saying what it is about. */
export const book = defineAction({
  fn: 'visits',
  name: 'book',
  input: z.strictObject({ ...scoped, ...commandFields, start: Instant, roomId: DocId, topic: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)) }),
  output: BookingView,
  roles: ['resident'],
  write: true,
  errors: ['BOOKING.ROOM_NOT_YOURS', 'BOOKING.NOT_A_SLOT', 'BOOKING.IN_THE_PAST', 'BOOKING.FULL', 'BOOKING.DAILY_LIMIT'],
});

/** V4: a day's windows for one of the resident's repairs, each with how many technicians are free in it. */
export const windows = defineAction({
  fn: 'visits',
  name: 'windows',
  input: z.strictObject({ ...scoped, date: calendarDate, repairId: DocId }),
  output: Day,
  roles: ['resident', 'desk', 'supervisor'],
  write: false,
  errors: ['REPAIR.NOT_FOUND'],
});

/** V4: a resident books the window a technician comes to one of their repairs in. */
export const bookWindow = defineAction({
  fn: 'visits',
  name: 'bookWindow',
  input: z.strictObject({ ...scoped, ...commandFields, start: Instant, repairId: DocId }),
  output: BookingView,
  roles: ['resident'],
  write: true,
  errors: ['REPAIR.NOT_FOUND', 'BOOKING.REPAIR_HAS_WINDOW', 'BOOKING.PUBLIC_PLACE', 'BOOKING.REPAIR_NOT_OPEN', 'BOOKING.REPAIR_URGENT', 'BOOKING.NOT_A_SLOT', 'BOOKING.IN_THE_PAST', 'BOOKING.FULL', 'BOOKING.DAILY_LIMIT'],
});

/** V4 B2: a resident books a home callback visit, for one of their rooms. */
export const bookHome = defineAction({
  fn: 'visits',
  name: 'bookHome',
  input: z.strictObject({ ...scoped, ...commandFields, start: Instant, roomId: DocId, topic: z.string().check(z.trim(), z.maxLength(200)) }),
  output: BookingView,
  roles: ['resident'],
  write: true,
  errors: ['BOOKING.ROOM_NOT_YOURS', 'BOOKING.NOT_A_SLOT', 'BOOKING.IN_THE_PAST', 'BOOKING.FULL', 'BOOKING.DAILY_LIMIT'],
});

/** V4: moved to another slot, with a reason. */
export const reschedule = defineAction({
  fn: 'visits',
  name: 'reschedule',
  input: z.strictObject({ ...scoped, ...commandFields, bookingId: DocId, version: z.number().check(z.int(), z.positive()), start: Instant, reason: Reason }),
  output: BookingView,
  roles: ['resident', 'desk', 'supervisor'],
  write: true,
  errors: ['BOOKING.NOT_FOUND', 'BOOKING.CANCELLED', 'BOOKING.REPAIR_NOT_OPEN', 'BOOKING.REPAIR_URGENT', 'BOOKING.NOT_A_SLOT', 'BOOKING.IN_THE_PAST', 'BOOKING.FULL', 'BOOKING.VISIT_DONE'],
});

/** V4: cancelled, with a reason; the place is free again. */
export const cancel = defineAction({
  fn: 'visits',
  name: 'cancel',
  input: z.strictObject({ ...scoped, ...commandFields, bookingId: DocId, version: z.number().check(z.int(), z.positive()), reason: Reason }),
  output: BookingView,
  roles: ['resident', 'desk', 'supervisor'],
  write: true,
  errors: ['BOOKING.NOT_FOUND', 'BOOKING.CANCELLED', 'BOOKING.REPAIR_NOT_OPEN', 'BOOKING.REPAIR_URGENT', 'BOOKING.VISIT_DONE'],
});

export const mine = defineAction({
  fn: 'visits',
  name: 'mine',
  input: z.strictObject({ ...scoped, ...pageInput }),
  output: pageOf(BookingView),
  roles: ['resident'],
  write: false,
  errors: [],
});

/** V4: the desk's day view of every booking. */
export const day = defineAction({
  fn: 'visits',
  name: 'day',
  input: z.strictObject({ ...scoped, date: calendarDate, ...pageInput }),
  output: z.extend(pageOf(BookingView), { date: z.string() }),
  roles: ['desk', 'supervisor', 'manager'],
  write: false,
  errors: [],
});

export const visitsActions = { slots, windows, book, bookWindow, bookHome, reschedule, cancel, mine, day, ...receptionActions } as const;
