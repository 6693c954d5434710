import * as z from 'zod/mini';
import { base, defineModel, isoInstant } from './versioned';

/** V4: what a resident books: the desk, a window for a technician at home, or a home callback visit. */
export const BookingKind = z.enum(['desk', 'repair', 'home']);
export type BookingKind = z.infer<typeof BookingKind>;

const BookingV1 = z.object({
  ...base,
  schemaVersion: z.literal(1),
  kind: z.literal('desk'),
  status: z.enum(['booked', 'cancelled']),
  version: z.number().check(z.int(), z.positive()),
  residentOpenid: z.string(),
  residentName: z.string(),
  phone: z.string(),
  roomId: z.string(),
  address: z.string(),
  topic: z.string(),
  start: isoInstant,
  end: isoInstant,
  /** Why it was last moved or cancelled. */
  reason: z.nullable(z.string()),
  /** The outbox ids of its reminders still to go (V4: 24 hours and 1 hour before). */
  reminders: z.optional(z.array(z.string())),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});

/** v2: repair windows (with the technician whose time is held) and home callback visits (with their callback task). */
export const BookingDoc = z.extend(BookingV1, {
  schemaVersion: z.literal(2),
  kind: BookingKind,
  repair: z.nullable(z.object({ id: z.string(), technician: z.object({ memberId: z.string(), openid: z.string(), name: z.string() }) })),
  callbackId: z.nullable(z.string()),
});
export type BookingDoc = z.infer<typeof BookingDoc>;
export const bookingModel = defineModel({
  collection: 'bookings',
  version: 2,
  schema: BookingDoc,
  migrations: { 1: (doc) => ({ ...doc, repair: null, callbackId: null }) },
});

/**
 * V4: one slot's places. Every booking of a slot passes through this document in its own
 * transaction, so two residents racing for the last place cannot both get it. A repair window's
 * slot is one technician's (`owner`); the desk's and home visits' are the desk's.
 */
const SlotV1 = z.object({
  ...base,
  schemaVersion: z.literal(1),
  kind: z.literal('desk'),
  start: isoInstant,
  capacity: z.number().check(z.int(), z.positive()),
  bookingIds: z.array(z.string()),
});
export const SlotDoc = z.extend(SlotV1, { schemaVersion: z.literal(2), kind: BookingKind, owner: z.nullable(z.string()) });
export type SlotDoc = z.infer<typeof SlotDoc>;
export const slotModel = defineModel({ collection: 'slots', version: 2, schema: SlotDoc, migrations: { 1: (doc) => ({ ...doc, owner: null }) } });
