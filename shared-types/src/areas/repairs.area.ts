import { defineArea } from './area';

export const repairsArea = defineArea({
  name: 'repairs',
  contracts: ['repairs'],
  notices: {},
  timerSteps: {},
  pages: [],
  parts: {
    'repairs-desk': ['inbox', 'technicians', 'dispatch', 'decideContent'],
    'repairs-reads': ['listMine', 'get', 'fees', 'scorecards', 'summary'],
    'repairs-steps': ['assigned', 'overridePriority', 'acknowledge', 'arrive', 'noAnswer', 'reschedule', 'quote', 'accept', 'complete', 'signOff', 'rate', 'reportBlocker', 'clearBlocker', 'sendBack', 'reviewSendBack'],
  },
});
