import { defineArea, serverWords } from './area';
import { reportsEntry } from '../messages/reports-entry.zh-CN';

/** Reports with charts and Excel files (issue 17, 2) and the administrator's comparison of properties (issue 14, 3). */
export const reportsArea = defineArea({
  name: 'reports',
  contracts: ['reports'],
  notices: {},
  timerSteps: { exports: reportsEntry.timerStep },
  pages: [
    {
      route: 'report',
      root: 'reports',
      page: 'report/index',
      nav: {
        key: 'reports',
        icon: 'List2',
        label: reportsEntry.link,
        homes: { supervisor: { group: 'figures', before: 'scorecards' }, manager: { group: 'figures', before: 'scorecards' } },
      },
    },
    { route: 'compare', root: 'reports', page: 'compare/index' },
  ],
  errors: {
    'REPORT.EXPORT_FAILED': 'final',
  },
  serverWords: serverWords(),
});
