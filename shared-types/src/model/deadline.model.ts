import * as z from 'zod';
import { base, defineModel, isoInstant } from './versioned';
import { Role } from './member.model';

/**
 * A clock on a ticket: which rule set it, when it warns, when it is due, and how far up the
 * escalation ladder a breach has gone. The reminders sweep reads these, never the tickets.
 */
export const DeadlineDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  subject: z.object({ kind: z.string(), id: z.string() }),
  rule: z.string(),
  dueAt: isoInstant,
  warnAt: isoInstant,
  /** paused: the clock is stopped (R9 blockers); the sweep only reads open ones. */
  status: z.enum(['open', 'paused', 'met', 'cancelled']),
  /** 0: not yet warned; 1: warned; 2+: escalated to ladder[step - 2]. */
  step: z.number().int().min(0),
  ladder: z.array(Role),
  nextCheckAt: isoInstant,
  createdAt: isoInstant,
});
export type DeadlineDoc = z.infer<typeof DeadlineDoc>;
export const deadlineModel = defineModel({ collection: 'deadlines', version: 1, schema: DeadlineDoc });
