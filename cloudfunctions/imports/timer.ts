/** The reminders timer's step of imports (its declaration's `timerSteps`, issue 15, 1 and 3), into the run's `importsFinished`. */
import { defineSweeps } from '../_shared/timer-sweeps';
import { carryOnImports } from './sweep';

declare module '../_shared/timer-sweeps' {
  interface SweepResults {
    /** Stalled room imports finished (issue 7, 2). */
    importsFinished: number;
  }
}

export const sweeps = defineSweeps({ field: 'importsFinished', sweep: { step: 'imports', work: (s) => carryOnImports(s), nothing: 0 } });
