import * as z from 'zod/mini';
import { base, defineModel, isoInstant } from './versioned';

export const CallbackKind = z.enum(['repair', 'complaint', 'routine', 'visit']);
export type CallbackKind = z.infer<typeof CallbackKind>;

export const CallbackReason = z.enum(['urgent', 'low_rating', 'quota', 'complaint', 'routine']);

/** B1 R10 R13: a call the desk owes a resident, and what came of it. */
export const CallbackDoc = z.object({
  ...base,
  schemaVersion: z.literal(3),
  kind: CallbackKind,
  reason: CallbackReason,
  subject: z.object({ kind: z.string(), id: z.string() }),
  /** V4: a home visit's task is cancelled with its booking (kept, with its event, for the record). */
  status: z.enum(['open', 'done', 'cancelled']),
  version: z.number().check(z.int(), z.positive()),
  residentOpenid: z.string(),
  residentName: z.string(),
  phone: z.string(),
  address: z.string(),
  dueAt: isoInstant,
  /** C7: the manager calls back on major complaints; the desk on everything else. */
  assignee: z.enum(['desk', 'manager']),
  outcome: z.nullable(z.object({
    reached: z.boolean(),
    satisfied: z.nullable(z.boolean()),
    notes: z.string(),
    method: z.enum(['phone', 'home_visit']),
    at: isoInstant,
    by: z.string(),
    /** B2: a home visit's record is signed by the resident. */
    signature: z.optional(z.string()),
  })),
  /** B3: the complaint a problem raised in this callback became. */
  complaintId: z.optional(z.string()),
  createdAt: isoInstant,
});
export type CallbackDoc = z.infer<typeof CallbackDoc>;
/** v1 tasks were all the desk's; v2 had no cancelled state (a cancelled home visit's task was removed). */
export const callbackModel = defineModel({
  collection: 'callbacks',
  version: 3,
  schema: CallbackDoc,
  migrations: { 1: (doc) => ({ ...doc, assignee: 'desk' }), 2: (doc) => doc },
});
