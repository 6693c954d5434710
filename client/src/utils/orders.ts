import type { RepairView } from '@shared/contracts/repairs.contract';
import { fill, ui } from '../i18n/ui.zh-CN';
import { formatPreferred, formatSpan } from './time';

/** V4: "已约 明天 18:30-20:30" for a booked window, else the wish ("明天 晚上"), else `asap`. */
export const appointmentText = (r: Pick<RepairView, 'appointment' | 'preferredTime'>, asap: string): string => {
  if (r.appointment) return fill(ui.windows.booked, { when: formatSpan(r.appointment.start, r.appointment.end) });
  return r.preferredTime ? formatPreferred(r.preferredTime) : asap;
};
