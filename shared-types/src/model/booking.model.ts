import * as z from 'zod';
import { base, defineModel, isoInstant } from './versioned';

/** V4: one resident's appointment at the desk (repair windows and home visits follow). */
export const BookingDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  kind: z.literal('desk'),
  status: z.enum(['booked', 'cancelled']),
  version: z.number().int().positive(),
  residentOpenid: z.string(),
  residentName: z.string(),
  phone: z.string(),
  roomId: z.string(),
  address: z.string(),
  topic: z.string(),
  start: isoInstant,
  end: isoInstant,
  /** Why it was last moved or cancelled. */
  reason: z.string().nullable(),
  /** The outbox ids of its reminders still to go (V4: 24 hours and 1 hour before). */
  reminders: z.array(z.string()).optional(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type BookingDoc = z.infer<typeof BookingDoc>;
export const bookingModel = defineModel({ collection: 'bookings', version: 1, schema: BookingDoc });

/**
 * V4: one slot's places. Every booking of a slot passes through this document in its own
 * transaction, so two residents racing for the last place cannot both get it.
 */
export const SlotDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  kind: z.literal('desk'),
  start: isoInstant,
  capacity: z.number().int().positive(),
  bookingIds: z.array(z.string()),
});
export type SlotDoc = z.infer<typeof SlotDoc>;
export const slotModel = defineModel({ collection: 'slots', version: 1, schema: SlotDoc });
