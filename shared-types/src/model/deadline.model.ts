import * as z from 'zod/mini';
import { base, defineModel, isoInstant } from './versioned';
import { Role } from './member.model';

/**
 * A clock on a ticket: which rule set it, when it warns, when it is due, and how far up the
 * escalation ladder a breach has gone. The reminders sweep reads these, never the tickets.
 */
export const DeadlineStatus = z.enum(['open', 'paused', 'met', 'cancelled']);
export type DeadlineStatus = z.infer<typeof DeadlineStatus>;
export const PausedBy = z.enum(['order', 'property']);
export type PausedBy = z.infer<typeof PausedBy>;

export const DeadlineDoc = z.object({
  ...base,
  schemaVersion: z.literal(3),
  subject: z.object({ kind: z.string(), id: z.string() }),
  rule: z.string(),
  dueAt: isoInstant,
  warnAt: isoInstant,
  /** paused: the clock is stopped; the sweep only reads open ones. Changed only through the deadline machine. */
  status: DeadlineStatus,
  /** Counts the status changes, as every machine entity's does (deadline.machine). */
  version: z.number().check(z.int(), z.positive()),
  /** Why a paused clock stopped: its work order did (R9 blocker, R11 send-back), or its property closed (issue 14), which nothing undoes. */
  pausedBy: z.nullable(PausedBy),
  /** 0: not yet warned; 1: warned; 2+: escalated to ladder[step - 2]. */
  step: z.number().check(z.int(), z.gte(0)),
  ladder: z.array(Role),
  /** Minutes between rungs once due: 0 tells every rung within a minute (R4: desk and supervisor). */
  escalateEveryMinutes: z.number().check(z.int(), z.gte(0)),
  nextCheckAt: isoInstant,
  createdAt: isoInstant,
  /**
   * Issue 16: the version of its subject whose write last moved the clock after its commit (a work order's, a
   * complaint's): a change carried by an older write lands on it no more (deadlines.ts `journaledMove`). Absent: none yet.
   */
  subjectVersion: z.optional(z.number().check(z.int(), z.gte(0))),
});
export type DeadlineDoc = z.infer<typeof DeadlineDoc>;
/** v1 climbed one rung an hour; v2 had no version and paused only for a work order. */
export const deadlineModel = defineModel({
  collection: 'deadlines',
  version: 3,
  schema: DeadlineDoc,
  migrations: {
    1: (doc) => ({ ...doc, escalateEveryMinutes: 60 }),
    2: (doc) => ({ ...doc, version: 1, pausedBy: doc.status === 'paused' ? 'order' : null }),
  },
});
