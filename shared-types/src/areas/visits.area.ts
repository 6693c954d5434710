import { defineArea } from './area';

export const visitsArea = defineArea({
  name: 'visits',
  contracts: ['visits'],
  notices: {},
  timerSteps: {},
  pages: [],
  parts: { 'visits-reception': ['log', 'writeResult', 'receptionLog', 'planGroupVisit', 'groupVisits'] },
});
