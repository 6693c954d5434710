import { defineArea } from './area';
import { complaintSteps } from '../messages/timer-steps.zh-CN';

export const complaintsArea = defineArea({
  name: 'complaints',
  contracts: ['complaints'],
  notices: {},
  /** C3 upgrades a month unresolved, C6 unsigned registers, C3 groups settled household by household. */
  timerSteps: { complaintUpgrade: complaintSteps.complaintUpgrade, registers: complaintSteps.registers, groups: complaintSteps.groups },
  pages: [],
  parts: {
    'complaints-desk': ['classify', 'issueSlip', 'acknowledge', 'reply'],
    'complaints-reads': ['listMine', 'get', 'inbox', 'registerOf', 'signRegister', 'figures', 'rate', 'decideContent'],
  },
});
