import { defineArea, serverWords } from './area';
import { filesNotices, filesTexts, filesFields } from '../messages/files.zh-CN';

/** Resident files read only under the supervisor's time-limited grant, every read logged (issue 19, 3: P1). */
export const filesArea = defineArea({
  name: 'files',
  contracts: ['files'],
  notices: { 'file.asked': ['supervisor'], 'file.contact': ['resident'] },
  noticeWords: filesNotices,
  timerSteps: {},
  pages: [
    { route: 'deskFiles', root: 'desk', page: 'files/index', nav: { key: 'files', icon: 'Eye', label: filesTexts.link, homes: { desk: 'today' } } },
    {
      route: 'supervisorFileAccess',
      root: 'supervisor',
      page: 'file-access/index',
      nav: { key: 'file-access', icon: 'ShieldCheck', label: filesTexts.accessLink, homes: { supervisor: 'today', manager: 'today' } },
    },
  ],
  errors: {
    'FILE.ROOM_NOT_FOUND': 'final',
    'FILE.GRANT_NOT_FOUND': 'final',
    'FILE.PERMISSION_REQUIRED': 'final',
    'FILE.PERMISSION_EXPIRED': 'final',
    'FILE.PERMISSION_REVOKED': 'final',
    'FILE.NO_RESIDENTS': 'final',
  },
  serverWords: serverWords(),
  fieldLabels: filesFields,
});
