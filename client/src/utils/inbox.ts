import type { RepairView } from '@shared/contracts/repairs.contract';
import { compareQueue } from '@shared/domain/repair-queue.rules';

/** The desk's queue: what still waits for dispatch on top (urgent first, R3), then what is out with a technician. */
export const compareInbox = (a: RepairView, b: RepairView): number => {
  if (a.status !== b.status) return a.status === 'submitted' ? -1 : 1;
  return compareQueue(a, b);
};
