import * as z from 'zod/mini';
import { base, defineModel, isoInstant, calendarDate } from './versioned';

/**
 * V1 V2: the reception log (接待记录表): every walk-in and every call, whatever it led to. A call
 * that became a repair or a complaint is linked to it.
 */
export const ReceptionDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  kind: z.enum(['walk_in', 'phone']),
  /** V1 V2: who, from where, about what, on which number. */
  name: z.string(),
  address: z.string(),
  phone: z.string(),
  subject: z.string(),
  /** V2: the department and person responsible. */
  department: z.string(),
  responsible: z.string(),
  recorder: z.string(),
  at: isoInstant,
  date: calendarDate,
  /** V1: settled on the spot, or a reply time agreed with the visitor. */
  settled: z.boolean(),
  replyBy: z.nullable(isoInstant),
  result: z.nullable(z.object({ text: z.string(), by: z.string(), at: isoInstant })),
  linked: z.nullable(z.object({ kind: z.enum(['repair', 'complaint']), id: z.string() })),
  version: z.number().check(z.int(), z.positive()),
});
export type ReceptionDoc = z.infer<typeof ReceptionDoc>;
export const receptionModel = defineModel({ collection: 'receptions', version: 1, schema: ReceptionDoc });

/** V3: a group visit: who comes, how many, when they arrive and leave, and what they will see. */
export const GroupVisitDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  names: z.array(z.string()).check(z.minLength(1)),
  headcount: z.number().check(z.int(), z.positive()),
  arrivalAt: isoInstant,
  departureAt: isoInstant,
  itinerary: z.string(),
  host: z.string(),
  date: calendarDate,
  reminder: z.nullable(z.string()),
  createdAt: isoInstant,
});
export type GroupVisitDoc = z.infer<typeof GroupVisitDoc>;
export const groupVisitModel = defineModel({ collection: 'groupVisits', version: 1, schema: GroupVisitDoc });
