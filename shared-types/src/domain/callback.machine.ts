import { defineMachine } from './state-machine';
import type { CallbackDoc } from '../model/callback.model';

/**
 * B1 R10: a callback task is planned open (by the timer, or with the complaint, repair or home visit
 * it follows) and is open until its outcome is recorded.
 */
export const callbackMachine = defineMachine<CallbackDoc['status'], 'plan' | 'record', CallbackDoc>({
  name: 'callback',
  states: ['open', 'done'],
  transitions: {
    plan: { from: [], to: 'open', roles: ['system', 'resident', 'desk', 'supervisor', 'manager'] },
    record: { from: ['open'], to: 'done', roles: ['desk', 'supervisor', 'manager'] },
  },
});
