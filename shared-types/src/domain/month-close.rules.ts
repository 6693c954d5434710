import { inShanghai } from '../time/shanghai';

/**
 * R11: the month a work order counts for, "YYYY-MM" in Asia/Shanghai. Orders created in the last
 * 2 days of a month count for the next month (30 days: the 29th and 30th; February: the 27th and
 * 28th, or the 28th and 29th in a leap year).
 */
export const countingMonth = (createdAt: Date | string): string => {
  const local = inShanghai(createdAt);
  const lastTwo = local.date() > local.daysInMonth() - 2;
  return (lastTwo ? local.add(1, 'month') : local).format('YYYY-MM');
};

/** R11: a sent-back order the supervisor approved rolls into the month after the one it counted for. */
export const nextMonth = (month: string): string => inShanghai(`${month}-15T04:00:00.000Z`).add(1, 'month').format('YYYY-MM');
