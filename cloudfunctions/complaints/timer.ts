/** The reminders timer's steps of complaints (its declaration's `timerSteps`, issue 15, 1 and 3), into the run's `complaints`. */
import { defineSweeps } from '../_shared/timer-sweeps';
import { flagUnsignedRegisters, settleGroups, upgradeUnresolved } from './sweeps';

declare module '../_shared/timer-sweeps' {
  interface SweepResults {
    /** C3 upgrades, C6 registers flagged, C3 groups settled. */
    complaints: { upgraded: number; registersFlagged: number; groupsSettled: number };
  }
}

export const sweeps = defineSweeps({
  field: 'complaints',
  sweeps: {
    upgraded: { step: 'complaintUpgrade', work: (s) => upgradeUnresolved(s), nothing: 0 },
    registersFlagged: { step: 'registers', work: flagUnsignedRegisters, nothing: 0 },
    groupsSettled: { step: 'groups', work: (s) => settleGroups(s), nothing: 0 },
  },
});
