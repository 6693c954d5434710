import { retryOf } from '@shared/contracts/errors';
import { zhCN as messages } from '@shared/messages/zh-CN';
import type { Conflict } from '../offline/commands';
import { fill, ui } from '../i18n/ui.zh-CN';

/** Issue 12 (3.9): why a step on the phone was set aside, in the technician's words: which step, and what the server said. */
export const setAsideWords = (conflict: Conflict): string => {
  const t = ui.sync;
  const step = messages.repairActions[conflict.action];
  return retryOf(conflict.code) === 'bounded'
    ? fill(t.setAsideFailing, { step, n: conflict.tries, reason: conflict.message })
    : fill(t.setAsideRefused, { step, reason: conflict.message });
};
