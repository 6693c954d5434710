import { defineMachine } from './state-machine';
import type { RepairDoc, RepairStatus } from '../model/repair.model';

export type RepairAction = 'dispatch' | 'reassign';

/** R4: the desk issues every accepted request as a work order; later issues add the on-site states. */
export const repairMachine = defineMachine<RepairStatus, RepairAction, RepairDoc>({
  name: 'repair',
  states: ['submitted', 'dispatched'],
  transitions: {
    dispatch: { from: ['submitted'], to: 'dispatched', roles: ['desk', 'supervisor'] },
    reassign: { from: ['dispatched'], to: 'dispatched', roles: ['desk', 'supervisor'] },
  },
});
