import type { RepairStatus } from '@shared/model/repair.model';
import type { ComplaintStatus } from '@shared/model/complaint.model';
import type { Tone } from './tones';

/** Each record's states, in the tones of tones.ts. */
export const repairTones: Record<RepairStatus, Tone> = {
  submitted: 'waiting',
  dispatched: 'active',
  acknowledged: 'active',
  arrived: 'active',
  rescheduling: 'waiting',
  quoted: 'waiting',
  in_progress: 'active',
  completed: 'waiting',
  signed: 'done',
  sent_back: 'alert',
};

export const complaintTones: Record<ComplaintStatus, Tone> = { received: 'waiting', handling: 'active', grouped: 'active', resolved: 'done' };


export const bookingTones = { booked: 'active', cancelled: 'closed' } as const satisfies Record<string, Tone>;

export const callbackTones = { open: 'waiting', done: 'done' } as const satisfies Record<string, Tone>;

/** A visitor's reception entry: settled on the spot, waiting for an answer, answered, or carried on as a repair/complaint. */
export const receptionTones = { settled: 'done', waiting: 'waiting', answered: 'done', linked: 'active' } as const satisfies Record<string, Tone>;
