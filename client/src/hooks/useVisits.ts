import * as visits from '@shared/contracts/visits.contract';
import { useAction } from './useAction';
import { usePagedAction, type PagedOptions } from './usePagedAction';
import { useReadySession } from './useSession';

export type BookingView = visits.BookingView;

const useScope = () => {
  const context = useReadySession();
  return context ? { propertyId: context.property.propertyId } : null;
};

/** V4: the resident's own desk appointments, as the function answers them. */
export const useMyBookings = (options?: PagedOptions) => usePagedAction(visits.mine, useScope(), { live: ['mine'], ...options });

/** V4: one day's ("YYYY-MM-DD", Shanghai) desk appointment slots, or home visits, and the places each has left. */
export const useSlots = (date: string, kind: 'desk' | 'home' = 'desk', upTo?: string) => {
  const scope = useScope();
  const remote = useAction(visits.slots, scope ? { ...scope, date, kind, ...(upTo ? { upTo } : {}) } : null);
  return { ...remote, slots: remote.data?.slots ?? null, date: remote.data?.date ?? null };
};

/** V4: what a booking of this kind can move to on a day: a repair's windows, or the desk's or home visits' slots. */
export const useOffered = (kind: BookingView['kind'], date: string, repairId: string | null) => {
  const scope = useScope();
  const windows = useAction(visits.windows, scope && kind === 'repair' && repairId ? { ...scope, date, repairId } : null);
  const slots = useAction(visits.slots, scope && kind !== 'repair' ? { ...scope, date, kind } : null);
  const remote = kind === 'repair' ? windows : slots;
  return { ...remote, slots: remote.data?.slots ?? null };
};

/** V4: the desk's view of one day's bookings, with full numbers. */
export const useDayBookings = (date: string) => {
  const scope = useScope();
  return usePagedAction(visits.day, scope ? { ...scope, date } : null, { live: ['role'] });
};
