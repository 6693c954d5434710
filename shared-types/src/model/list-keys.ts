import type { PreferredTime, Priority, RepairStatus } from './repair.model';

/**
 * The keys a stored repair or complaint is listed by: derived by its model on every write (`derive`),
 * so the desk's queue, a technician's day plan and the counts are one indexed query sorted by a stored
 * field. They are the model's, not the domain's: a model reads no rule (issue 15, 4), and the list
 * rules of `domain/` (repair-queue, complaint-queue, day plan, waiting work) build on these.
 */

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

/** The rank of a case out of the desk's list: grouped into a group, or resolved. */
export const CASE_CLOSED = 9;

/**
 * C4 C9: where a case stands in the desk's list, as one number the query sorts by: top urgency
 * (VIPs, major complaints, groups) before normal; cases no longer open rank CASE_CLOSED. Stored.
 */
export const caseRank = (c: { status: string; urgency: 'top' | 'normal' }): number => {
  if (c.status !== 'received' && c.status !== 'handling') return CASE_CLOSED;
  return c.urgency === 'top' ? 0 : 1;
};

/** C4: the running time limit still to meet, or '~' (after every instant) once it is met or when none runs. Stored, for the soonest due first. */
export const caseDue = (c: { dueAt: string | null; dueMetAt: string | null }): string => (c.dueMetAt ? '~' : (c.dueAt ?? '~'));
