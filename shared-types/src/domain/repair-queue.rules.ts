import type { PreferredTime, Priority, RepairStatus } from '../model/repair.model';
import { plannedAt, queueRank } from '../model/list-keys';

/** R3: an order's place in the desk's queue and in a day plan are keys its stored model derives (model/list-keys.ts). */
export { isOpenRepair, plannedAt, QUEUE_CLOSED, queueRank } from '../model/list-keys';

export type Planned = { status: RepairStatus; priority: Priority; appointment?: { start: string } | null; preferredTime: PreferredTime | null; createdAt: string };

/** A technician's day plan (the query's order, and the phone's when it lists its saved orders offline): urgent first, then "尽快", then by planned time, then the oldest. */
export const compareDayPlan = (a: Planned, b: Planned): number =>
  queueRank(a) - queueRank(b) || plannedAt(a).localeCompare(plannedAt(b)) || a.createdAt.localeCompare(b.createdAt);
