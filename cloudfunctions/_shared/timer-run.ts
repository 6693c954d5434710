import * as z from 'zod/mini';
import { lazySchema } from '@shared/model/lazy-schema';
import type { FailedStep, TimerFunction, TimerStep } from '@shared/model/environment.model';
import type { Deps } from './deps';
import { checkGap, recordRun } from './heartbeat';
import { startSweep, type Sweep } from './sweep';
import { systemCall, systemHealth } from './system-health';

/** What WeChat's timer trigger passes; a client call carries an OPENID and is refused. */
/** Built on its first use, as the build does shared-types' schemas (issue 16, require time). */
export const TimerEvent = lazySchema(() => z.object({ Type: z.literal('Timer'), TriggerName: z.string(), Time: z.string() }));

/**
 * The manifest gives each timer function 60 s. A step not started within this budget waits for the next
 * minute, so the outbox's drain (at most 50 notices) and the heartbeat always fit in what is left.
 */
export const RUN_BUDGET_MS = 40_000;

/** Runs one step of a timer run on its own (issue 12, 3.8); `always` runs it even when the run is out of time. */
export type RunStep = <T>(step: TimerStep, work: (sweep: Sweep) => Promise<T>, nothing: T, always?: boolean) => Promise<T>;

/** What every timer run reports besides its steps' results. */
export interface TimerRunBase {
  heartbeat: { gapAlarmed: boolean };
  /** The steps that did not finish all their work, as recorded on the heartbeat. */
  failed: FailedStep[];
  /** Stored documents this run moved to quarantine. */
  quarantined: number;
}

export type TimerOutcome<R> = { ok: true; data: R & TimerRunBase } | { ok: false; code: string; message: string };

const summary = (failures: readonly string[], quarantined: readonly string[]) =>
  [...quarantined.map((q) => `quarantined ${q}`), ...failures].join('; ').slice(0, 500);

/**
 * Issue 16: a timer function's handler (`reminders`, `reminders-areas`; TIMER_FUNCTIONS). It answers the
 * smoke command's health check (invoked with the environment's admin credentials), refuses any caller
 * but the timer trigger, checks first for a gap in any timer's runs (so each timer notices the other
 * stopped), runs `steps`, each step on its own and each property and document inside it (issue 12, 3.8),
 * and records its own heartbeat last.
 */
export const timerHandle =
  <R>(fn: TimerFunction, steps: (run: RunStep) => Promise<R>) =>
  async (event: unknown, caller: { openid: string }, deps: Deps): Promise<TimerOutcome<R> | Awaited<ReturnType<typeof systemHealth>>> => {
    const system = caller.openid ? null : systemCall(event);
    if (system) return systemHealth(fn, system.input, deps);
    if (caller.openid || !TimerEvent.safeParse(event).success) {
      return { ok: false, code: 'COMMON.FORBIDDEN', message: 'timer only' };
    }
    const ranAt = deps.now();
    const failed: FailedStep[] = [];
    let quarantined = 0;
    const run: RunStep = async (step, work, nothing, always = false) => {
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
        console.warn(`[${fn}] step ${step} did not finish: ${error}`);
        failed.push({ step, error });
      }
      return result;
    };
    const heartbeat = await run('heartbeat', checkGap, { gapAlarmed: false });
    const data = await steps(run);
    await recordRun(deps, fn, ranAt, failed);
    return { ok: true, data: { ...data, heartbeat, failed, quarantined } };
  };
