import { defineArea } from './area';

/** The duty log and handover (issue 19, 1: D1–D3). */
export const dutyArea = defineArea({
  name: 'duty',
  contracts: ['duty'],
  notices: { 'duty.unsigned': ['supervisor', 'manager'], 'duty.handoverLate': ['supervisor'] },
  timerSteps: { dutyDays: (m) => m.dutyTexts.steps.dutyDays, handovers: (m) => m.dutyTexts.steps.handovers },
  pages: [
    { route: 'deskDuty', root: 'desk', page: 'duty/index', nav: { key: 'duty', icon: 'List', label: (m) => m.dutyTexts.link, homes: { supervisor: 'today', desk: 'today' } } },
    {
      route: 'supervisorDutyDay',
      root: 'supervisor',
      page: 'duty-day/index',
      nav: {
        key: 'duty-day',
        icon: 'Order',
        label: (m) => m.dutyTexts.dayLink,
        homes: { supervisor: { group: 'today', before: 'complaints' }, manager: { group: 'today', before: 'queue' } },
      },
    },
  ],
});
