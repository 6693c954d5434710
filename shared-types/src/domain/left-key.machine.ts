import { defineMachine } from './state-machine';
import type { LeftKeyDoc, LeftKeyStatus } from '../model/key.model';

export type LeftKeyAction = 'leave' | 'borrow' | 'bringBack' | 'giveToResident' | 'remind';

const desk = ['desk', 'supervisor'] as const;

/**
 * K2: a resident's key left at the desk for a technician's visit. The desk records it; only the
 * technician it was left for borrows it, on his phone; he brings it back to the desk; the desk gives
 * it back to the resident (once the order is signed off: the server checks the order). The timer
 * reminds the desk once of a key still not returned after the sign-off.
 */
export const leftKeyMachine = defineMachine<LeftKeyStatus, LeftKeyAction, LeftKeyDoc>({
  name: 'leftKey',
  states: ['held', 'out', 'back', 'returned'],
  transitions: {
    leave: { from: [], to: 'held', roles: desk },
    borrow: { from: ['held'], to: 'out', roles: ['technician'] },
    bringBack: { from: ['out'], to: 'back', roles: desk },
    giveToResident: { from: ['held', 'back'], to: 'returned', roles: desk },
    remind: { from: ['held', 'out', 'back'], roles: ['system'], guard: (k) => (k.remindedAt ? 'STATE.TRANSITION_NOT_ALLOWED' : null) },
  },
});
