import { useCallback, useState } from 'react';
import type * as z from 'zod/mini';
import type { Action } from '@shared/contracts/action';
import * as repairs from '@shared/contracts/repairs.contract';
import { call, type CallInput, type CallOutput } from '../api';
import { toastError, toastOk } from '../utils/toast';
import type { OfflineShown } from './refresh-failure';
import { useAction } from './useAction';
import { usePagedAction, type PagedOptions } from './usePagedAction';
import { useReadySession } from './useSession';

export type RepairView = repairs.RepairView;

const useScope = () => {
  const context = useReadySession();
  return context ? { propertyId: context.property.propertyId } : null;
};

/** 我的报修: the resident's own requests, newest first, page by page. */
export const useMyRepairs = (options?: PagedOptions) => usePagedAction(repairs.listMine, useScope(), { live: ['mine'], ...options });

/** How many of her repairs are still being seen to (not yet signed), counted by the function (issue 18, 2). */
export const useOpenRepairCount = (): number | null => {
  const scope = useScope();
  return usePagedAction(repairs.listMine, scope ? { ...scope, open: true } : null, { live: ['mine'], size: 1, bottom: false }).total;
};

/** The desk's queue as the function orders it: waiting repairs on top, urgent first (R3), oldest first within each. */
export const useDeskInbox = () => usePagedAction(repairs.inbox, useScope(), { live: ['role'] });

/** A technician's day plan as the function orders it: urgent first, then "尽快", then by appointment. */
export const useAssignedOrders = () => usePagedAction(repairs.assigned, useScope(), { live: ['mine'], offlineShown: true });

/** `offlineShown`: the page shows "no signal" itself (the technician's offline bar), so a refresh without signal raises no toast. */
export const useRepair = (repairId: string, options: OfflineShown = {}) => {
  const scope = useScope();
  return useAction(repairs.get, scope && repairId ? { ...scope, repairId } : null, ['mine', 'role'], options);
};

/** Who the desk could send, with the reason for each; asked only while the repair can be dispatched. */
export const useTechnicianSuggestions = (repairId: string, enabled: boolean) => {
  const scope = useScope();
  return useAction(repairs.technicians, scope && enabled ? { ...scope, repairId } : null);
};

export type ResidentMatch = CallOutput<typeof repairs.findResidents>['items'][number];
export type Scorecard = z.infer<typeof repairs.ScorecardView>;

/** R2: residents matching what the desk typed ("3-2-1502", part of it, or a name); '' asks nothing. */
export const useResidentSearch = (query: string) => {
  const scope = useScope();
  const q = query.trim();
  const remote = useAction(repairs.findResidents, scope && q ? { ...scope, query: q } : null);
  return { ...remote, items: remote.data?.items ?? null };
};

/** R7 R9: every technician's figures for the supervisor and manager; a technician gets their own. */
export const useScorecards = () => {
  const remote = useAction(repairs.scorecards, useScope());
  return { ...remote, items: remote.data?.items ?? null };
};

/** R11: sent-back work orders waiting for the supervisor: the queue of that one status, urgent first, oldest first. */
export const useSendBacks = () => {
  const scope = useScope();
  return usePagedAction(repairs.inbox, scope ? { ...scope, status: 'sent_back' } : null, { live: ['role'] });
};

/**
 * One write on a repair the page is showing: busy while it runs, a toast either way, and the page
 * reloaded afterwards (a version conflict shows the newer state at once). Answers whether it worked.
 */
export const useRepairStep = (onDone: () => void) => {
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <A extends Action>(action: A, input: CallInput<A>, done: string): Promise<CallOutput<A> | null> => {
      setBusy(true);
      const res = await call(action, input);
      setBusy(false);
      if (res.ok) toastOk(done);
      else toastError(res.message);
      onDone();
      return res.ok ? res.data : null;
    },
    [onDone],
  );
  return { busy, run };
};
