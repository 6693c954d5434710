import { useMemo } from 'react';
import * as repairs from '@shared/contracts/repairs.contract';
import { compareOrders } from '../utils/orders';
import { compareInbox } from '../utils/inbox';
import { useAction } from './useAction';
import { useReadySession } from './useSession';

export type RepairView = repairs.RepairView;

const useScope = () => {
  const context = useReadySession();
  return context ? { propertyId: context.property.propertyId } : null;
};

const useSorted = <T extends { data: { items: RepairView[] } | null }>(remote: T, compare: (a: RepairView, b: RepairView) => number) => {
  const items = useMemo(() => (remote.data ? [...remote.data.items].sort(compare) : null), [remote.data, compare]);
  return { ...remote, items };
};

/** 我的报修: the resident's own requests, newest first as the function answers them. */
export const useMyRepairs = () => {
  const remote = useAction(repairs.listMine, useScope());
  return { ...remote, items: remote.data?.items ?? null };
};

/** The desk's queue: waiting repairs on top, urgent first (R3), oldest first within each. */
export const useDeskInbox = () => useSorted(useAction(repairs.inbox, useScope()), compareInbox);

/** A technician's orders: urgent first, then by appointment. */
export const useAssignedOrders = () => useSorted(useAction(repairs.assigned, useScope()), compareOrders);

export const useRepair = (repairId: string) => {
  const scope = useScope();
  return useAction(repairs.get, scope && repairId ? { ...scope, repairId } : null);
};

/** Who the desk could send, with the reason for each; asked only while the repair can be dispatched. */
export const useTechnicianSuggestions = (repairId: string, enabled: boolean) => {
  const scope = useScope();
  return useAction(repairs.technicians, scope && enabled ? { ...scope, repairId } : null);
};
