import { defineMachine } from './state-machine';
import type { CallbackDoc } from '../model/callback.model';

/**
 * B1 R10: a callback task is planned open (by the timer, or with the complaint, repair or home visit
 * it follows) and is open until its outcome is recorded; a home visit's task is cancelled with its
 * booking (V4), by whoever cancels the booking.
 */
export const callbackMachine = defineMachine<CallbackDoc['status'], 'plan' | 'record' | 'cancel', CallbackDoc>({
  name: 'callback',
  states: ['open', 'done', 'cancelled'],
  transitions: {
    plan: { from: [], to: 'open', roles: ['system', 'resident', 'desk', 'supervisor', 'manager'] },
    record: { from: ['open'], to: 'done', roles: ['desk', 'supervisor', 'manager'] },
    cancel: { from: ['open'], to: 'cancelled', roles: ['resident', 'desk', 'supervisor'], guard: (c) => (c.kind === 'visit' ? null : 'STATE.TRANSITION_NOT_ALLOWED') },
  },
});
