import { retryOf } from '@shared/contracts/errors';
import { messages, type ErrorCode } from '@shared/messages';
import type { Conflict } from '../offline/commands';
import { fill, ui } from '../i18n/ui.zh-CN';

/** The catalogue's words for the code; the server's own message for a code this build does not know. */
const reasonOf = (conflict: Conflict): string =>
  Object.prototype.hasOwnProperty.call(messages.errors, conflict.code) ? messages.errors[conflict.code as ErrorCode] : conflict.message;

/** Issue 12 (3.9): why a step on the phone was set aside, in the technician's words: which step, and what the server said. */
export const setAsideWords = (conflict: Conflict): string => {
  const t = ui.sync;
  const step = messages.repairActions[conflict.action];
  return retryOf(conflict.code) === 'bounded'
    ? fill(t.setAsideFailing, { step, n: conflict.tries, reason: reasonOf(conflict) })
    : fill(t.setAsideRefused, { step, reason: reasonOf(conflict) });
};
