import * as z from 'zod/mini';
import { base, defineModel, isoInstant } from './versioned';
import { Role } from './member.model';

/** One transition of any machine's entity, appended and never changed. */
export const EventDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  subject: z.object({ kind: z.string(), id: z.string() }),
  machine: z.string(),
  action: z.string(),
  from: z.nullable(z.string()),
  to: z.string(),
  actor: z.string(),
  role: z.union([Role, z.literal('system')]),
  reason: z.nullable(z.string()),
  at: isoInstant,
  deviceAt: z.nullable(z.string()),
  version: z.number().check(z.int(), z.positive()),
  commandId: z.string(),
});
export type EventDoc = z.infer<typeof EventDoc>;
export const eventModel = defineModel({ collection: 'events', version: 1, schema: EventDoc });
