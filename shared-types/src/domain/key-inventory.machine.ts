import { defineMachine } from './state-machine';
import type { KeyInventoryDoc } from '../model/key.model';
import { inventoryPhase } from './key.rules';

export type KeyInventoryAction = 'open' | 'count' | 'sign';

/**
 * K3: a month's inventory opens on the 25th (by the timer's reminder or the desk's first count), is
 * counted kind by kind until the 27th, and is signed by the supervisor from the 28th.
 */
export const keyInventoryMachine = defineMachine<KeyInventoryDoc['status'], KeyInventoryAction, KeyInventoryDoc>({
  name: 'keyInventory',
  states: ['counting', 'signed'],
  transitions: {
    open: { from: [], to: 'counting', roles: ['system', 'desk', 'supervisor'] },
    count: { from: ['counting'], roles: ['desk', 'supervisor'], guard: (inv, now) => ({ before: 'STATE.TOO_EARLY', counting: null, report: 'STATE.TOO_LATE' } as const)[inventoryPhase(now, inv.month)] },
    sign: { from: ['counting'], to: 'signed', roles: ['supervisor'], guard: (inv, now) => (inventoryPhase(now, inv.month) === 'report' ? null : 'STATE.TOO_EARLY') },
  },
});
