import { defineArea } from './area';
import { importSteps } from '../messages/timer-steps.zh-CN';

/** The rooms (issue 7, 2) and the key register (issue 19, 2: K1) from spreadsheets. */
export const importsArea = defineArea({
  name: 'imports',
  contracts: ['imports'],
  notices: {},
  /** Finishes a room import left stalled (issue 7, 2). */
  timerSteps: { imports: importSteps.imports },
  pages: [{ route: 'deskKeyImport', root: 'desk', page: 'key-import/index' }],
});
