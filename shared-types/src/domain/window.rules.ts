import type { RepairStatus } from '../model/repair.model';

/**
 * V4: a repair can have its window booked or moved until the technician is at the door. Kept apart
 * from the slot arithmetic (which needs the Shanghai calendar) so the client asks the same question.
 */
const WINDOW_STATUSES: readonly RepairStatus[] = ['submitted', 'dispatched', 'acknowledged', 'rescheduling'];

export type WindowRefusal = 'BOOKING.REPAIR_NOT_OPEN' | 'BOOKING.REPAIR_URGENT';

/** V4 R3: an urgent repair is on its way at once and takes no window; one already under way takes none either. */
export const windowRefusal = (repair: { status: RepairStatus; priority: 'urgent' | 'normal' }): WindowRefusal | null => {
  if (!WINDOW_STATUSES.includes(repair.status)) return 'BOOKING.REPAIR_NOT_OPEN';
  if (repair.priority === 'urgent') return 'BOOKING.REPAIR_URGENT';
  return null;
};
