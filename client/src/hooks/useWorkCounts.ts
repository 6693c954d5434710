import type { RepairView } from './useRepairs';
import { useCallbackQueue } from './useCallbacks';
import { useComplaintInbox } from './useComplaints';
import { useBindingRequests } from './useMembers';
import type { WorkCounts } from '../components/WorkGrid/staff-entries';

const isUrgentWaiting = (r: RepairView) => r.priority === 'urgent' && r.status === 'submitted';

/**
 * R3: how many urgent repairs wait for dispatch, as "3" or "20+". They lead the queue, so those
 * loaded are all of them unless the queue goes on and every one loaded is one.
 */
export const waitingUrgent = (items: readonly RepairView[] | null, hasMore: boolean): string | null => {
  const n = items?.filter(isUrgentWaiting).length ?? 0;
  if (n === 0) return null;
  return hasMore && items?.every(isUrgentWaiting) ? `${n}+` : String(n);
};

/** Only their counts show on a home: one item a page, and no loading more when the page scrolls down. */
const counted = { size: 1, bottom: false };

/** A staff home's badges, live; the urgent count comes from the queue the page already reads. */
export const useWorkCounts = (queue: { items: RepairView[] | null; hasMore: boolean }): WorkCounts => {
  const callbacks = useCallbackQueue(null, counted);
  const complaints = useComplaintInbox(counted);
  const bindings = useBindingRequests(counted);
  return { urgent: waitingUrgent(queue.items, queue.hasMore), callbacks: callbacks.total, complaints: complaints.total, bindings: bindings.total };
};
