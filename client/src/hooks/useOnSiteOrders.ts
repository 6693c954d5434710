import { useEffect, useMemo } from 'react';
import { compareDayPlan } from '@shared/domain/repair-queue.rules';
import { applyPending } from '../offline/optimistic';
import { loadOrder, loadOrderList, newerOf, saveOrder, saveOrderList } from '../offline/snapshots';
import { useAssignedOrders } from './useRepairs';
import { useReadySession } from './useSession';
import { isOffline, useOnSiteSync, useServerNews } from './useOnSiteSync';
import { useOnSiteFees } from './useOnSiteOrder';

/**
 * The day plan, kept on the phone as it arrives (each order and the fee schedule), so every order
 * on it opens and can be worked on without signal; queued steps show in each card's status, and a
 * step set aside says why on its card. With no signal the saved plan shows under the offline bar
 * (never the busy error); it is read again once the queue has delivered or the signal is back.
 */
export const useOnSiteOrders = () => {
  const context = useReadySession();
  const remote = useAssignedOrders();
  const queue = useOnSiteSync();
  const fees = useOnSiteFees(context?.property.propertyId ?? null);
  const { items, refresh } = remote;
  useServerNews(refresh);

  useEffect(() => {
    if (!items || !context) return;
    for (const view of items) saveOrder({ view, propertyId: context.property.propertyId, uploadPrefix: context.uploadPrefix });
    saveOrderList(items.map((r) => r.id));
  }, [items, context]);

  const shown = useMemo(() => {
    const fresh = items?.map((view) => newerOf(view, loadOrder(view.id)?.view ?? null) ?? view);
    const list = fresh ?? (remote.error || !context ? loadOrderList().map((o) => o.view).sort(compareDayPlan) : null);
    return list?.map((view) => applyPending(view, queue.commands, fees)) ?? null;
  }, [items, remote.error, context, queue.commands, fees]);

  const pendingOf = (repairId: string) => queue.commands.filter((c) => c.repairId === repairId).length;
  const setAsideOf = (repairId: string) => queue.conflicts[repairId] ?? null;
  const offlineList = !items && shown !== null;
  const offline = isOffline(queue, remote.error ?? remote.stale);
  return { ...remote, items: shown, loading: shown === null && remote.loading, error: offlineList ? null : remote.error, offline, pendingOf, setAsideOf };
};
