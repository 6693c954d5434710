import type { PreferredTime, Priority, RepairStatus } from '../model/repair.model';

/** A signed order is back and closed (R8); every other status is still the desk's to see through. */
export const isOpenRepair = (status: RepairStatus): boolean => status !== 'signed';

/** The rank of a closed order: after every open one, and out of the desk's queue. */
export const QUEUE_CLOSED = 9;

/**
 * R3: where an order stands in the desk's queue, as one number the query sorts by: waiting for
 * dispatch before out with a technician, urgent before normal within each (0 urgent waiting,
 * 1 waiting, 2 urgent out, 3 out); closed orders rank QUEUE_CLOSED. Stored on the order.
 */
export const queueRank = (r: { status: RepairStatus; priority: Priority }): number => {
  if (!isOpenRepair(r.status)) return QUEUE_CLOSED;
  return (r.status === 'submitted' ? 0 : 2) + (r.priority === 'urgent' ? 0 : 1);
};

/** Where a part of the day starts, so a wish ("明天晚上") sorts among booked windows. */
const slotStarts = { morning: '08:00', afternoon: '13:00', evening: '18:00', any: '23:59' } as const;

/**
 * When an order is planned for, in a technician's day plan: the booked window (V4), else the
 * part of the day the resident asked for, else '' ("尽快", before every planned one). Shanghai
 * keeps +08:00 all year (no daylight saving since 1991), so the offset is written out.
 */
export const plannedAt = (r: { appointment?: { start: string } | null; preferredTime: PreferredTime | null }): string => {
  if (r.appointment) return r.appointment.start;
  if (!r.preferredTime) return '';
  return new Date(Date.parse(`${r.preferredTime.date}T${slotStarts[r.preferredTime.slot]}:00+08:00`)).toISOString();
};

export type Planned = { status: RepairStatus; priority: Priority; appointment?: { start: string } | null; preferredTime: PreferredTime | null; createdAt: string };

/** A technician's day plan (the query's order, and the phone's when it lists its saved orders offline): urgent first, then "尽快", then by planned time, then the oldest. */
export const compareDayPlan = (a: Planned, b: Planned): number =>
  queueRank(a) - queueRank(b) || plannedAt(a).localeCompare(plannedAt(b)) || a.createdAt.localeCompare(b.createdAt);
