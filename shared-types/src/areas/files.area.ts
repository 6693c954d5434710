import { defineArea } from './area';

/** Resident files read only under the supervisor's time-limited grant, every read logged (issue 19, 3: P1). */
export const filesArea = defineArea({
  name: 'files',
  contracts: ['files'],
  notices: { 'file.asked': ['supervisor'], 'file.contact': ['resident'] },
  timerSteps: {},
  pages: [
    { route: 'deskFiles', root: 'desk', page: 'files/index', nav: { key: 'files', icon: 'Eye', label: (m) => m.files.link, homes: { desk: 'today' } } },
    {
      route: 'supervisorFileAccess',
      root: 'supervisor',
      page: 'file-access/index',
      nav: { key: 'file-access', icon: 'ShieldCheck', label: (m) => m.files.accessLink, homes: { supervisor: 'today', manager: 'today' } },
    },
  ],
});
