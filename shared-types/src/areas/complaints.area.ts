import { defineArea } from './area';

export const complaintsArea = defineArea({
  name: 'complaints',
  contracts: ['complaints'],
  notices: {},
  /** C3 upgrades a month unresolved, C6 unsigned registers, C3 groups settled household by household. */
  timerSteps: { complaintUpgrade: (m) => m.complaintSteps.complaintUpgrade, registers: (m) => m.complaintSteps.registers, groups: (m) => m.complaintSteps.groups },
  pages: [],
});
