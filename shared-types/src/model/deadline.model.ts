import * as z from 'zod';
import { base, defineModel, isoInstant } from './versioned';
import { Role } from './member.model';

/**
 * A clock on a ticket: which rule set it, when it warns, when it is due, and how far up the
 * escalation ladder a breach has gone. The reminders sweep reads these, never the tickets.
 */
export const DeadlineDoc = z.object({
  ...base,
  schemaVersion: z.literal(2),
  subject: z.object({ kind: z.string(), id: z.string() }),
  rule: z.string(),
  dueAt: isoInstant,
  warnAt: isoInstant,
  /** paused: the clock is stopped (R9 blockers); the sweep only reads open ones. */
  status: z.enum(['open', 'paused', 'met', 'cancelled']),
  /** 0: not yet warned; 1: warned; 2+: escalated to ladder[step - 2]. */
  step: z.number().int().min(0),
  ladder: z.array(Role),
  /** Minutes between rungs once due: 0 tells every rung within a minute (R4: desk and supervisor). */
  escalateEveryMinutes: z.number().int().min(0),
  nextCheckAt: isoInstant,
  createdAt: isoInstant,
});
export type DeadlineDoc = z.infer<typeof DeadlineDoc>;
/** v1 climbed one rung an hour. */
export const deadlineModel = defineModel({
  collection: 'deadlines',
  version: 2,
  schema: DeadlineDoc,
  migrations: { 1: (doc) => ({ ...doc, escalateEveryMinutes: 60 }) },
});
