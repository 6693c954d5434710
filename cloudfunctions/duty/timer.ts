/** The reminders timer's steps of the duty log (its declaration's `timerSteps`, issue 15, 1 and 3), into the run's `duty`. */
import { defineSweeps } from '../_shared/timer-sweeps';
import { flagLateHandovers, flagUnsignedDutyDays } from './sweeps';

declare module '../_shared/timer-sweeps' {
  interface SweepResults {
    /** D2 D3: duty days flagged unsigned, handovers flagged late. */
    duty: { daysFlagged: number; handoversFlagged: number };
  }
}

export const sweeps = defineSweeps({
  field: 'duty',
  sweeps: { daysFlagged: { step: 'dutyDays', work: flagUnsignedDutyDays, nothing: 0 }, handoversFlagged: { step: 'handovers', work: flagLateHandovers, nothing: 0 } },
});
