/** The reminders timer's step of reports (its declaration's `timerSteps`, issue 15, 1 and 3), into the run's `exportsExpired`. */
import { defineSweeps } from '../_shared/timer-sweeps';
import { expireExports } from './sweep';

declare module '../_shared/timer-sweeps' {
  interface SweepResults {
    /** Issue 17 (2): report exports past their days, their files deleted. */
    exportsExpired: number;
  }
}

export const sweeps = defineSweeps({ field: 'exportsExpired', sweep: { step: 'exports', work: (s) => expireExports(s), nothing: 0 } });
