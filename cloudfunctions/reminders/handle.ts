import * as z from 'zod/mini';
import type { FailedStep, TimerStep } from '@shared/model/environment.model';
import type { Deps } from '../_shared/deps';
import { drainOutbox, type DrainReport } from '../_shared/outbox';
import { dropExpiredCommands, fanOutJournals } from '../_shared/commands';
import { sweepDeadlines, type SweepReport } from '../_shared/deadlines';
import { checkGap, recordRun } from '../_shared/heartbeat';
import { startSweep, type Sweep } from '../_shared/sweep';
import { sweepContentChecks, type CheckSweepReport } from '../_shared/content-sweep';
import { planRepairCallbackTasks } from './repair-callbacks';
import { planMonthTopUp } from './month-top-up';
import { planRoutineCallbacks } from './routine-callbacks';
import { upgradeListed } from './upgrades';
import { systemCall, systemHealth } from '../_shared/system-health';
import { stepsOf, type SweepResults } from '../_shared/timer-sweeps';
import { areaSweeps } from './area-sweeps';

/** What WeChat's timer trigger passes; a client call carries an OPENID and is refused. */
export const TimerEvent = z.object({ Type: z.literal('Timer'), TriggerName: z.string(), Time: z.string() });

/**
 * The manifest gives `reminders` 60 s. A step not started within this budget waits for the next
 * minute, so the outbox's drain (at most 50 notices) and the heartbeat always fit in what is left.
 */
export const RUN_BUDGET_MS = 40_000;

/** What the platform's own steps report; each area's sweeps add their field (`SweepResults`, declared beside them). */
export interface PlatformRun {
  deadlines: SweepReport;
  outbox: DrainReport;
  callbacks: { created: number };
  /** Issue 12 (3.3): older stored documents brought up to date for the lists. */
  upgraded: number;
  /** Issue 13 (1.9): content checks made again. */
  contentChecks: CheckSweepReport;
  heartbeat: { gapAlarmed: boolean };
  /** Issue 16: command journals fanned out by the timer (their call died first). */
  journals: { fanned: number };
  /** Command records older than COMMAND_RETENTION_DAYS removed (their journals checked). */
  commandRetention: { removed: number };
  /** The steps that did not finish all their work, as recorded on the heartbeat. */
  failed: FailedStep[];
  /** Stored documents this run moved to quarantine. */
  quarantined: number;
}

export type RemindersRun = PlatformRun & SweepResults;

export type RemindersOutcome = { ok: true; data: RemindersRun } | { ok: false; code: string; message: string };

const summary = (failures: readonly string[], quarantined: readonly string[]) =>
  [...quarantined.map((q) => `quarantined ${q}`), ...failures].join('; ').slice(0, 500);

/**
 * Every minute: alarm a gap in the timer's own runs, raise due warnings and escalations, bring older
 * stored documents up to date for the lists, plan the callbacks owed (R10 R13 B1), run each area's
 * sweeps in the registry's order (those its declaration lists under `timerSteps`, exported from its
 * `exports.ts`: complaints' C3 upgrades, C6 registers and C3 groups, stalled room imports, D2 D3, K2 K3),
 * make again the content checks that failed or whose verdict never came (issue 13, 1.9), remove the command
 * records past their retention, then send
 * whatever the outbox still holds. Issue 12 (3.8): each step runs on its own, and so does each property and
 * document inside it; the outbox is always drained; the heartbeat records the outcome last.
 */
export const handle = async (event: unknown, caller: { openid: string }, deps: Deps): Promise<RemindersOutcome | Awaited<ReturnType<typeof systemHealth>>> => {
  // Issue 13: the smoke command's health check, invoked with the environment's admin credentials.
  const system = caller.openid ? null : systemCall(event);
  if (system) return systemHealth('reminders', system.input, deps);
  if (caller.openid || !TimerEvent.safeParse(event).success) {
    return { ok: false, code: 'COMMON.FORBIDDEN', message: 'timer only' };
  }
  const ranAt = deps.now();
  const failed: FailedStep[] = [];
  let quarantined = 0;
  const run = async <T>(step: TimerStep, work: (sweep: Sweep) => Promise<T>, nothing: T, always = false): Promise<T> => {
    if (!always && deps.now().getTime() - ranAt.getTime() > RUN_BUDGET_MS) {
      failed.push({ step, error: 'not started: the run was out of time' });
      return nothing;
    }
    const sweep = startSweep(deps, step);
    let result = nothing;
    try {
      result = await work(sweep);
    } catch (e) {
      sweep.fail(e);
    }
    const outcome = sweep.outcome();
    quarantined += outcome.quarantined.length;
    if (outcome.failures.length || outcome.quarantined.length) {
      const error = summary(outcome.failures, outcome.quarantined);
      console.warn(`[reminders] step ${step} did not finish: ${error}`);
      failed.push({ step, error });
    }
    return result;
  };
  const none = { created: 0 };
  const heartbeat = await run('heartbeat', checkGap, { gapAlarmed: false });
  // Issue 16: the first sweep, the journals of commands whose call died between its commit and their
  // fan-out (their events and notices), so the deadlines' sweep and the outbox below find them.
  const journals = await run('journal', fanOutJournals, { fanned: 0 });
  const deadlines = await run('deadlines', (s) => sweepDeadlines(s), { warned: 0, escalated: 0 });
  const upgraded = await run('upgrades', upgradeListed, 0);
  const repairCallbacks = await run('repairCallbacks', planRepairCallbackTasks, none);
  const topUp = await run('monthTopUp', planMonthTopUp, none);
  const routine = await run('routineCallbacks', planRoutineCallbacks, none);
  // Issue 15 (1, 3): each area's sweeps, in the registry's order, each step on its own like the platform's.
  const areas: Record<string, unknown> = {};
  for (const area of areaSweeps()) {
    const filled: Record<string, unknown> = {};
    for (const { key, sweep } of stepsOf(area)) {
      const result = await run(sweep.step, sweep.work, sweep.nothing);
      if (key === null) areas[area.field] = result;
      else filled[key] = result;
    }
    if (!(area.field in areas)) areas[area.field] = filled;
  }
  const contentChecks = await run('contentChecks', (s) => sweepContentChecks(s), { retried: 0, givenUp: 0 });
  const commandRetention = await run('commandRetention', (s) => dropExpiredCommands(s), { removed: 0 });
  const outbox = await run('outbox', (s) => drainOutbox(s), { sent: 0, retried: 0, dead: 0, unsent: 0, deferred: 0 }, true);
  await recordRun(deps, ranAt, failed);
  return {
    ok: true,
    data: { ...(areas as unknown as SweepResults), journals, commandRetention, heartbeat, deadlines, outbox, callbacks: { created: repairCallbacks.created + topUp.created + routine.created }, upgraded, contentChecks, failed, quarantined },
  };
};
