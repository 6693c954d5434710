import * as z from 'zod/mini';
import { defineModel, isoInstant } from './versioned';
import { areaTimerSteps, type AreaTimerStep } from '../areas';

export const BOOTSTRAP_DOC_ID = 'bootstrap';

/**
 * What the environment itself records, not any property: how many times a first manager was
 * bootstrapped. A bootstrap commits only if `runs` is still what it read before checking that no
 * manager exists, so two bootstraps racing each other cannot both succeed.
 */
export const BootstrapDoc = z.object({
  _id: z.literal(BOOTSTRAP_DOC_ID),
  schemaVersion: z.literal(1),
  runs: z.number().check(z.int(), z.gte(0)),
  last: z.nullable(z.object({ propertyId: z.string(), at: isoInstant })),
});
export type BootstrapDoc = z.infer<typeof BootstrapDoc>;
export const bootstrapModel = defineModel({ collection: 'environment', version: 1, schema: BootstrapDoc });

export const HEARTBEAT_DOC_ID = 'heartbeat';

/**
 * Issue 16 (bundles ≤ 120 KB): the timer functions, each deployed with its own timer trigger (its
 * `config.json`) and its own heartbeat: `reminders` runs the platform's steps, `reminders-areas` the
 * areas' sweeps. The one list the handlers, the heartbeat's readers, the manifest check and the tests read.
 */
export const TIMER_FUNCTIONS = ['reminders', 'reminders-areas'] as const;
export type TimerFunction = (typeof TIMER_FUNCTIONS)[number];

/** A timer's heartbeat document: `heartbeat` for `reminders` (as stored before the split), `heartbeat:<function>` for the others. */
export const heartbeatIdOf = (fn: TimerFunction): string => (fn === 'reminders' ? HEARTBEAT_DOC_ID : `${HEARTBEAT_DOC_ID}:${fn}`);
export const HEARTBEAT_DOC_IDS = TIMER_FUNCTIONS.map(heartbeatIdOf) as [string, ...string[]];

/** The steps of the timers' runs (`reminders` and `reminders-areas`), each run on its own so one failing never stops the others (issue 12, 3.8): the platform's, then the areas'. */
const coreTimerSteps = ['heartbeat', 'journal', 'deadlines', 'upgrades', 'repairCallbacks', 'monthTopUp', 'routineCallbacks', 'contentChecks', 'commandRetention', 'outbox'] as const;
type Step = (typeof coreTimerSteps)[number] | AreaTimerStep;
export const TimerStep = z.enum([...coreTimerSteps, ...areaTimerSteps] as [Step, ...Step[]]);
export type TimerStep = z.infer<typeof TimerStep>;

/** A step that did not finish all its work in a run, and the first reason. */
export const FailedStep = z.object({ step: TimerStep, error: z.string() });
export type FailedStep = z.infer<typeof FailedStep>;

/**
 * Issue 5: a timer function's heartbeat (issue 16: one per timer, `heartbeatIdOf`). Each run records, last, when it ran and which steps
 * failed (issue 12, 3.8); a run that finds the previous one too long ago (or a staff call that finds
 * the heartbeat stale) raises the alarm once per gap, named by `alarmedFor`.
 */
export const HeartbeatDoc = z.object({
  _id: z.enum(HEARTBEAT_DOC_IDS),
  schemaVersion: z.literal(2),
  lastRunAt: isoInstant,
  /** The lastRunAt of the gap an alarm was raised for, so one outage alarms once. */
  alarmedFor: z.nullable(isoInstant),
  failedSteps: z.array(FailedStep),
});
export type HeartbeatDoc = z.infer<typeof HeartbeatDoc>;
export const heartbeatModel = defineModel({
  collection: 'environment',
  version: 2,
  schema: HeartbeatDoc,
  // v1 recorded the run first, before any step: it knew of no failures.
  migrations: { 1: (doc) => ({ ...doc, failedSteps: [] }) },
});

/** The timer runs every minute: five without a run is an outage. */
export const HEARTBEAT_STALE_MINUTES = 5;

export const REPAIR_CALLBACK_PLAN_DOC_ID = 'repairCallbackPlan';

/**
 * R10 R13 (issue 16): how far the timer's repair-callback planner has read, so a run reads the
 * returned orders that changed since the last one (and last week's whole list only when its quota
 * is due a check), not every order since the start of last week every minute.
 */
export const RepairCallbackPlanDoc = z.object({
  _id: z.literal(REPAIR_CALLBACK_PLAN_DOC_ID),
  schemaVersion: z.literal(1),
  /** Returned orders changed before this instant have been planned from. */
  changesThrough: isoInstant,
  /** The start of the week whose previous week's quota was last checked, and when. */
  quotaWeek: isoInstant,
  quotaCheckedAt: isoInstant,
});
export type RepairCallbackPlanDoc = z.infer<typeof RepairCallbackPlanDoc>;
export const repairCallbackPlanModel = defineModel({ collection: 'environment', version: 1, schema: RepairCallbackPlanDoc });
