import type { RepairView } from '@shared/contracts/repairs.contract';
import { fill, ui } from '../i18n/ui.zh-CN';
import { formatPreferred, formatSpan, shanghaiInstant } from './time';

/** Where a part of the day starts, so a wish ("明天晚上") sorts among booked windows. */
const slotStarts = { morning: '08:00', afternoon: '13:00', evening: '18:00', any: '23:59' } as const;

/** When the order is to be done: the booked window (V4) if there is one, else the time the resident wished for. */
const plannedAt = (r: RepairView): string | null =>
  r.appointment ? r.appointment.start : r.preferredTime ? shanghaiInstant(r.preferredTime.date, slotStarts[r.preferredTime.slot]) : null;

/** A technician's day plan: urgent first, then "尽快", then by appointment (a booked window, else the wished-for part of the day), then oldest. */
export const compareOrders = (a: RepairView, b: RepairView): number => {
  if (a.priority !== b.priority) return a.priority === 'urgent' ? -1 : 1;
  const at = plannedAt(a);
  const bt = plannedAt(b);
  if (at && bt && at !== bt) return at.localeCompare(bt);
  // An order with no time asked for is "尽快": before the planned ones.
  if (!at !== !bt) return at ? 1 : -1;
  return a.createdAt.localeCompare(b.createdAt);
};

/** V4: "已约 明天 18:30-20:30" for a booked window, else the wish ("明天 晚上"), else `asap`. */
export const appointmentText = (r: Pick<RepairView, 'appointment' | 'preferredTime'>, asap: string): string => {
  if (r.appointment) return fill(ui.windows.booked, { when: formatSpan(r.appointment.start, r.appointment.end) });
  return r.preferredTime ? formatPreferred(r.preferredTime) : asap;
};
