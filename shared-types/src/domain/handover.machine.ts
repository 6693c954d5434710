import { defineMachine } from './state-machine';
import type { HandoverDoc, HandoverStatus } from '../model/duty.model';

/** D3: the outgoing member hands over (signs first, the record is born), the incoming member receives (signs second). */
export const handoverMachine = defineMachine<HandoverStatus, 'handOver' | 'receive', HandoverDoc>({
  name: 'handover',
  states: ['handed', 'received'],
  transitions: {
    handOver: { from: [], to: 'handed', roles: ['desk', 'supervisor'] },
    receive: { from: ['handed'], to: 'received', roles: ['desk', 'supervisor'] },
  },
});
