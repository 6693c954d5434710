/** The reminders timer's step of keys (its declaration's `timerSteps`, issue 15, 1 and 3), into the run's `keys`. */
import { defineSweeps } from '../_shared/timer-sweeps';
import { keySweeps } from './sweeps';

declare module '../_shared/timer-sweeps' {
  interface SweepResults {
    /** K2 loans chased and left keys due, K3 inventories reminded. */
    keys: { chased: number; leftDue: number; reminded: number };
  }
}

export const sweeps = defineSweeps({ field: 'keys', sweep: { step: 'keys', work: keySweeps, nothing: { chased: 0, leftDue: 0, reminded: 0 } } });
