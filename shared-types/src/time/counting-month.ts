import { inShanghai } from './shanghai';

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
