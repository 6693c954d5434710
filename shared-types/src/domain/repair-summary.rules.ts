import type { RepairDoc } from '../model/repair.model';
import { chargedFen } from './quote.rules';
import { elapsedOut, RETURN_WITHIN_MS } from './return.rules';

export type SummaryInput = Pick<
  RepairDoc,
  '_id' | 'address' | 'place' | 'category' | 'priority' | 'status' | 'createdAt' | 'dispatchedAt' | 'completedAt' | 'pausedMs' | 'completion' | 'quote' | 'acceptance' | 'countsFor' | 'sendBack'
>;

const tally = <K extends string>(keys: readonly K[]) => {
  const out = {} as Record<K, number>;
  for (const key of keys) out[key] = (out[key] ?? 0) + 1;
  return out;
};

/**
 * R8 R11 R12: the month's repair summary (报修汇总表): every order that counts for the month (R11's
 * last-2-days rule and rolled-over send-backs included), by category, urgency and status; how many
 * came back, how many within R9's 3 days; the amounts charged (the accepted quotes, R6); and each order's "completed at",
 * at the place `whereOf` words.
 */
export const monthlySummary = (month: string, orders: readonly SummaryInput[], whereOf: (o: SummaryInput) => string) => {
  const counted = orders.filter((o) => o.countsFor === month);
  const returned = counted.filter((o) => o.completedAt && o.dispatchedAt);
  const onTime = returned.filter(
    (o) => elapsedOut({ dispatchedAt: o.dispatchedAt ?? '', pausedMs: o.pausedMs, blockedSince: null }, new Date(o.completedAt ?? '')) <= RETURN_WITHIN_MS,
  );
  return {
    month,
    total: counted.length,
    byCategory: tally(counted.map((o) => o.category)),
    byPriority: tally(counted.map((o) => o.priority)),
    byStatus: tally(counted.map((o) => o.status)),
    returned: returned.length,
    onTimeRate: returned.length ? onTime.length / returned.length : null,
    amountFen: counted.reduce((sum, o) => sum + chargedFen(o), 0),
    rolledOver: counted.filter((o) => o.sendBack?.review?.approved).length,
    rows: counted
      .map((o) => ({
        id: o._id,
        address: whereOf(o),
        category: o.category,
        priority: o.priority,
        status: o.status,
        createdAt: o.createdAt,
        completedAt: o.completedAt,
        amountFen: chargedFen(o),
      }))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
  };
};
