import { dutyActions } from '@shared/contracts/duty.contract';
import { defineFunction } from '../_shared/router';
import { day, signDay } from './day';
import { handOver, receive, signIn } from './handover';
import { confirmProposal, logEntry, page, recordEmergency, updateEntry } from './log';

/** Issue 19 (1): the desk's duty log, page by shift (D1), signed daily by the supervisor (D2), handed over at each shift change (D3). */
export const handle = defineFunction('duty', dutyActions, {
  page,
  logEntry,
  confirmProposal,
  updateEntry,
  recordEmergency,
  signIn,
  handOver,
  receive,
  day,
  signDay,
});
