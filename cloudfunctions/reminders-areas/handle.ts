import { timerHandle, type TimerRunBase } from '../_shared/timer-run';
import { stepsOf, type SweepResults } from '../_shared/timer-sweeps';
import { areaSweeps } from './area-sweeps';

export type AreasRun = SweepResults & TimerRunBase;

/**
 * Issue 16: the second timer function, every minute on its own trigger: alarm a gap in the timers'
 * runs, then each area's sweeps in the registry's order (those its declaration lists under
 * `timerSteps`, from its `timer.ts`: complaints' C3 upgrades, C6 registers and C3 groups, stalled room
 * imports, D2 D3, K2 K3, the reports' exports), each step on its own like the platform's (issue 15, 1
 * and 3; issue 12, 3.8), and its own heartbeat last. The notices a sweep leaves unsent are sent by
 * `reminders`' outbox drain. Split from `reminders` so that each bundle stays within 120 KB.
 */
export const handle = timerHandle('reminders-areas', async (run): Promise<SweepResults> => {
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
  return areas as unknown as SweepResults;
});
