import type { RepairView } from '@shared/contracts/repairs.contract';

const slotOrder = { morning: 0, afternoon: 1, evening: 2, any: 3 } as const;

/** A technician's day plan: urgent first, then by appointment (date, part of day), then oldest. */
export const compareOrders = (a: RepairView, b: RepairView): number => {
  if (a.priority !== b.priority) return a.priority === 'urgent' ? -1 : 1;
  const at = a.preferredTime;
  const bt = b.preferredTime;
  if (at && bt && at.date !== bt.date) return at.date.localeCompare(bt.date);
  if (at && bt && at.slot !== bt.slot) return slotOrder[at.slot] - slotOrder[bt.slot];
  if (!at !== !bt) return at ? 1 : -1;
  return a.createdAt.localeCompare(b.createdAt);
};
