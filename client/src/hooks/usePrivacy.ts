import * as privacy from '@shared/contracts/privacy.contract';
import type * as z from 'zod/mini';
import { useAction } from './useAction';
import { usePagedAction } from './usePagedAction';
import { useReadySession } from './useSession';

export type MyData = z.infer<typeof privacy.MyData>;
export type ErasureView = z.infer<typeof privacy.ErasureView>;

/** PIPL: everything the property holds about the caller. */
export const useMyData = () => {
  const context = useReadySession();
  return useAction(privacy.myData, context ? { propertyId: context.property.propertyId } : null);
};

/** PIPL: the requests to delete a person's data that wait for the manager, oldest first. */
export const useErasureRequests = () => {
  const context = useReadySession();
  return usePagedAction(privacy.erasureRequests, context ? { propertyId: context.property.propertyId } : null, { live: ['role'] });
};
