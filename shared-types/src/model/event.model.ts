import * as z from 'zod';
import { base, defineModel, isoInstant } from './versioned';
import { Role } from './member.model';

/** One transition of any machine's entity, appended and never changed. */
export const EventDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  subject: z.object({ kind: z.string(), id: z.string() }),
  machine: z.string(),
  action: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  actor: z.string(),
  role: z.union([Role, z.literal('system')]),
  reason: z.string().nullable(),
  at: isoInstant,
  deviceAt: z.string().nullable(),
  version: z.number().int().positive(),
  commandId: z.string(),
});
export type EventDoc = z.infer<typeof EventDoc>;
export const eventModel = defineModel({ collection: 'events', version: 1, schema: EventDoc });
