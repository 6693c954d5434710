import { useCallback, useEffect, useMemo } from 'react';
import * as repairs from '@shared/contracts/repairs.contract';
import { onSiteQueue } from '../offline/sync';
import { applyPending, type FeeSchedule } from '../offline/optimistic';
import { loadFees, loadOrder, newerOf, saveFees, saveOrder } from '../offline/snapshots';
import type { OnSiteAction, StepInput } from '../offline/commands';
import { useAction } from './useAction';
import { useRepair } from './useRepairs';
import { useReadySession } from './useSession';
import { isOffline, useOnSiteSync, useServerNews } from './useOnSiteSync';

/** The fee schedule for quoting, from the last time there was signal when there is none. */
export const useOnSiteFees = (propertyId: string | null): FeeSchedule => {
  const remote = useAction(repairs.fees, propertyId ? { propertyId } : null);
  const items = remote.data?.items ?? null;
  useEffect(() => {
    if (items && propertyId) saveFees(propertyId, items);
  }, [items, propertyId]);
  return useMemo(() => items ?? (propertyId ? loadFees(propertyId) : []), [items, propertyId]);
};

/**
 * One order on the technician's phone: the server's latest (or what was saved, offline), with the
 * steps still waiting in the queue already applied, and `run` to take the next step. A step is
 * queued at once and sent when there is signal; the page goes on from the optimistic state.
 */
export const useOnSiteOrder = (repairId: string) => {
  const context = useReadySession();
  const remote = useRepair(repairId, { offlineShown: true });
  const queue = useOnSiteSync();
  const detail = remote.data;

  useEffect(() => {
    if (detail && context) saveOrder({ view: detail, propertyId: context.property.propertyId, uploadPrefix: context.uploadPrefix });
  }, [detail, context]);

  // Read again whenever the queue moves: an acknowledged command saves the order as the server answered it.
  const saved = useMemo(() => loadOrder(repairId), [repairId, detail, queue]);
  const base = newerOf(detail, saved?.view ?? null);
  const propertyId = context?.property.propertyId ?? saved?.propertyId ?? null;
  const uploadPrefix = context?.uploadPrefix ?? saved?.uploadPrefix ?? '';
  const fees = useOnSiteFees(propertyId);
  const pending = useMemo(() => queue.commands.filter((c) => c.repairId === repairId), [queue.commands, repairId]);
  const conflict = queue.conflicts[repairId] ?? null;
  const view = useMemo(() => (base && !conflict ? applyPending(base, pending, fees) : base), [base, conflict, pending, fees]);

  const { refresh } = remote;
  useServerNews(refresh, repairId);
  useEffect(() => {
    if (conflict) void refresh();
  }, [conflict, refresh]);

  const baseVersion = base?.version ?? null;
  const run = useCallback(
    <K extends OnSiteAction>(action: K, input: StepInput<K>): boolean => {
      if (baseVersion === null || !propertyId) return false;
      const queued = onSiteQueue.enqueue(action, { repairId, propertyId, uploadPrefix, version: baseVersion }, input);
      if (queued) void onSiteQueue.flush({ force: true });
      return queued !== null;
    },
    [baseVersion, propertyId, repairId, uploadPrefix],
  );

  const discard = useCallback(() => {
    onSiteQueue.discard(repairId);
    void refresh();
  }, [repairId, refresh]);

  return {
    view,
    pending: pending.length,
    conflict,
    offline: isOffline(queue, remote.error ?? remote.stale),
    fees,
    deskPhone: context?.property.deskPhone ?? '',
    loading: !view && remote.loading,
    error: view ? null : remote.error,
    refresh,
    run,
    discard,
  };
};

export type OnSiteOrder = ReturnType<typeof useOnSiteOrder>;
