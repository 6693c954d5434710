import * as reports from '@shared/contracts/reports.contract';
import { useAction } from './useAction';
import { usePagedAction } from './usePagedAction';
import { useReadySession } from './useSession';

/** Issue 17 (2): the property's figures for a period against the one before. */
export const useReport = (period: string) => {
  const context = useReadySession();
  return useAction(reports.period, context ? { propertyId: context.property.propertyId, period } : null);
};

/** Issue 14 (3): the company's properties side by side, by name. */
export const useComparison = (period: string) => usePagedAction(reports.compare, { period });
