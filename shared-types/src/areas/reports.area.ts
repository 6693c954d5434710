import { defineArea } from './area';

/** Reports with charts and Excel files (issue 17, 2) and the administrator's comparison of properties (issue 14, 3). */
export const reportsArea = defineArea({
  name: 'reports',
  contracts: ['reports'],
  notices: {},
  timerSteps: { exports: (m) => m.reports.timerStep },
  pages: [
    {
      route: 'report',
      root: 'reports',
      page: 'report/index',
      nav: {
        key: 'reports',
        icon: 'Category',
        label: (m) => m.reports.link,
        homes: { supervisor: { group: 'figures', before: 'scorecards' }, manager: { group: 'figures', before: 'scorecards' } },
      },
    },
    { route: 'compare', root: 'reports', page: 'compare/index' },
  ],
});
