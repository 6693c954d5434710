import * as visits from '@shared/contracts/visits.contract';
import { useAction } from './useAction';
import { useReadySession } from './useSession';

export type BookingView = visits.BookingView;

const useScope = () => {
  const context = useReadySession();
  return context ? { propertyId: context.property.propertyId } : null;
};

/** V4: the resident's own desk appointments, as the function answers them. */
export const useMyBookings = () => {
  const remote = useAction(visits.mine, useScope());
  return { ...remote, items: remote.data?.items ?? null };
};

/** V4: one day's ("YYYY-MM-DD", Shanghai) appointment slots and the places each has left. */
export const useSlots = (date: string) => {
  const scope = useScope();
  const remote = useAction(visits.slots, scope ? { ...scope, date } : null);
  return { ...remote, slots: remote.data?.slots ?? null };
};

/** V4: the desk's view of one day's bookings, with full numbers. */
export const useDayBookings = (date: string) => {
  const scope = useScope();
  const remote = useAction(visits.day, scope ? { ...scope, date } : null);
  return { ...remote, items: remote.data?.items ?? null };
};
