import { defineArea } from './area';

/** The key register, loans with deposits and the monthly inventory (issue 19, 2: K1–K3). */
export const keysArea = defineArea({
  name: 'keys',
  contracts: ['keys'],
  notices: { 'key.overdue': ['desk'], 'key.escalated': ['supervisor'], 'key.inventory': ['desk'], 'key.report': ['supervisor'], 'key.leftDue': ['desk'] },
  timerSteps: { keys: (m) => m.keys.timerStep },
  pages: [
    {
      route: 'deskKeys',
      root: 'desk',
      page: 'keys/index',
      nav: { key: 'keys', icon: 'Link', label: (m) => m.keys.link, homes: { supervisor: 'today', desk: 'today', manager: { group: 'front-desk', before: 'bookings' } } },
    },
    { route: 'myKeys', root: 'technician', page: 'keys/index' },
  ],
});
