import { defineArea, serverWords } from './area';
import { keysNotices, keysTexts, keysFields } from '../messages/keys.zh-CN';

/** The key register, loans with deposits and the monthly inventory (issue 19, 2: K1–K3). */
export const keysArea = defineArea({
  name: 'keys',
  contracts: ['keys'],
  notices: { 'key.overdue': ['desk'], 'key.escalated': ['supervisor'], 'key.inventory': ['desk'], 'key.report': ['supervisor'], 'key.leftDue': ['desk'] },
  noticeWords: keysNotices,
  timerSteps: { keys: keysTexts.timerStep },
  pages: [
    {
      route: 'deskKeys',
      root: 'desk',
      page: 'keys/index',
      nav: { key: 'keys', icon: 'Link', label: keysTexts.link, homes: { supervisor: 'today', desk: 'today', manager: { group: 'front-desk', before: 'bookings' } } },
    },
    { route: 'myKeys', root: 'technician', page: 'keys/index' },
  ],
  errors: {
    'KEY.LABEL_TAKEN': 'final',
    'KEY.NOT_FOUND': 'final',
    'KEY.ON_LOAN': 'final',
    'KEY.DUE_BACK_PAST': 'final',
    'KEY.BORROWER_NOT_FOUND': 'final',
    'KEY.SIGNATURE_REQUIRED': 'final',
    'KEY.FILE_NOT_YOURS': 'final',
    'KEY.DEPOSIT_REQUIRED': 'final',
    'KEY.LOAN_NOT_FOUND': 'final',
    'KEY.NOT_YOUR_LOAN': 'final',
    'KEY.DEPOSIT_OUTCOME_REQUIRED': 'final',
    'KEY.DAY_AHEAD': 'final',
    'KEY.ALREADY_SIGNED': 'final',
    'KEY.DIFFERENCE_UNEXPLAINED': 'final',
    'KEY.INVENTORY_NOT_STARTED': 'final',
    'KEY.UNCOUNTED': 'final',
    'KEY.REPAIR_NOT_FOUND': 'final',
    'KEY.PUBLIC_PLACE': 'final',
    'KEY.LEFT_NOT_FOUND': 'final',
    'KEY.ORDER_NOT_SIGNED': 'final',
  },
  serverWords: serverWords(),
  fieldLabels: keysFields,
});
