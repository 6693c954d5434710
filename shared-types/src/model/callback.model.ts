import * as z from 'zod';
import { base, defineModel, isoInstant } from './versioned';

export const CallbackKind = z.enum(['repair', 'complaint', 'routine', 'visit']);
export type CallbackKind = z.infer<typeof CallbackKind>;

export const CallbackReason = z.enum(['urgent', 'low_rating', 'quota']);

/** B1 R10 R13: a call the desk owes a resident, and what came of it. */
export const CallbackDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  kind: CallbackKind,
  reason: CallbackReason,
  subject: z.object({ kind: z.string(), id: z.string() }),
  status: z.enum(['open', 'done']),
  version: z.number().int().positive(),
  residentOpenid: z.string(),
  residentName: z.string(),
  phone: z.string(),
  address: z.string(),
  dueAt: isoInstant,
  outcome: z
    .object({
      reached: z.boolean(),
      satisfied: z.boolean().nullable(),
      notes: z.string(),
      method: z.enum(['phone', 'home_visit']),
      at: isoInstant,
      by: z.string(),
    })
    .nullable(),
  createdAt: isoInstant,
});
export type CallbackDoc = z.infer<typeof CallbackDoc>;
export const callbackModel = defineModel({ collection: 'callbacks', version: 1, schema: CallbackDoc });
