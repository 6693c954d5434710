import { defineArea, serverWords } from './area';
import { dutyNotices, dutyTexts } from '../messages/duty.zh-CN';

/** The duty log and handover (issue 19, 1: D1–D3). */
export const dutyArea = defineArea({
  name: 'duty',
  contracts: ['duty'],
  notices: { 'duty.unsigned': ['supervisor', 'manager'], 'duty.handoverLate': ['supervisor'] },
  noticeWords: dutyNotices,
  timerSteps: { dutyDays: dutyTexts.steps.dutyDays, handovers: dutyTexts.steps.handovers },
  pages: [
    { route: 'deskDuty', root: 'desk', page: 'duty/index', nav: { key: 'duty', icon: 'List', label: dutyTexts.link, homes: { supervisor: 'today', desk: 'today' } } },
    {
      route: 'supervisorDutyDay',
      root: 'supervisor',
      page: 'duty-day/index',
      nav: {
        key: 'duty-day',
        icon: 'Order',
        label: dutyTexts.dayLink,
        homes: { supervisor: { group: 'today', before: 'complaints' }, manager: { group: 'today', before: 'queue' } },
      },
    },
  ],
  errors: {
    'DUTY.PAGE_NOT_FOUND': 'final',
    'DUTY.ENTRY_NOT_FOUND': 'final',
    'DUTY.ENTRY_TIME': 'final',
    'DUTY.PROPOSAL_NOT_FOUND': 'final',
    'DUTY.DAY_SIGNED': 'final',
    'DUTY.NOT_MAJOR': 'final',
    'DUTY.PHOTO_NOT_YOURS': 'final',
    'DUTY.DAY_NOT_OVER': 'final',
    'DUTY.EMERGENCY_RECORD_MISSING': 'final',
    'DUTY.HANDOVER_NOT_DUE': 'final',
    'DUTY.HANDOVER_EVENT_UNFINISHED': 'final',
    'DUTY.HANDOVER_EQUIPMENT_CHANGING': 'final',
    'DUTY.HANDOVER_PREPARATION_INCOMPLETE': 'final',
    'DUTY.HANDOVER_NO_INCOMING': 'final',
    'DUTY.HANDOVER_MATTER_MISSING': 'final',
    'DUTY.SUBSTITUTE_NOT_FOUND': 'final',
    'DUTY.HANDOVER_NOT_FOUND': 'final',
    'DUTY.NOT_INCOMING': 'final',
  },
  serverWords: serverWords(),
});
