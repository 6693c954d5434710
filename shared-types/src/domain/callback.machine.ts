import { defineMachine } from './state-machine';
import type { CallbackDoc } from '../model/callback.model';

/** B1 R10: a callback task is open until its outcome is recorded. */
export const callbackMachine = defineMachine<CallbackDoc['status'], 'record', CallbackDoc>({
  name: 'callback',
  states: ['open', 'done'],
  transitions: {
    record: { from: ['open'], to: 'done', roles: ['desk', 'supervisor', 'manager'] },
  },
});
