import { shanghaiDate, inShanghai } from '../time/shanghai';
import { compareDayPlan, plannedAt, type Planned } from './repair-queue.rules';

export type DayGroup = 'today' | 'tomorrow' | 'later';

/**
 * Which part of the technician's day plan an order belongs to, by the Shanghai calendar date it
 * is planned for: an order for today, one already overdue and one to do "尽快" (planned for no
 * time) are all today's work, and so is every urgent one (R3: before everything else).
 */
export const dayGroupOf = (order: Planned, now: Date): DayGroup => {
  const at = plannedAt(order);
  if (!at || order.priority === 'urgent') return 'today';
  const day = shanghaiDate(new Date(at));
  const today = shanghaiDate(now);
  if (day <= today) return 'today';
  return day === inShanghai(now).add(1, 'day').format('YYYY-MM-DD') ? 'tomorrow' : 'later';
};

const GROUPS: readonly DayGroup[] = ['today', 'tomorrow', 'later'];

/** The day plan in its groups (today, tomorrow, later; empty ones left out), urgent first inside each, then by planned time. */
export const groupDayPlan = <T extends Planned>(orders: readonly T[], now: Date): { group: DayGroup; orders: T[] }[] =>
  GROUPS.map((group) => ({ group, orders: orders.filter((o) => dayGroupOf(o, now) === group).sort(compareDayPlan) })).filter((g) => g.orders.length > 0);
