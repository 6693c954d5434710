import * as callbacks from '@shared/contracts/callbacks.contract';
import { useAction } from './useAction';
import { usePagedAction, type PagedOptions } from './usePagedAction';
import { useReadySession } from './useSession';

export type CallbackView = callbacks.CallbackView;
export type CallbackKind = CallbackView['kind'];
export type CallbackMethod = NonNullable<CallbackView['outcome']>['method'];

/**
 * B1: the desk's open callbacks (of one kind, or all), soonest due first as the function answers
 * them, kept fresh by the session's signals like the repair queue.
 */
export const useCallbackQueue = (kind: CallbackKind | null = null, options: PagedOptions = {}) => {
  const context = useReadySession();
  return usePagedAction(callbacks.queue, context ? { propertyId: context.property.propertyId, ...(kind ? { kind } : {}) } : null, { live: ['role'], ...options });
};

/** B4 R13 C7: one month's callback report ("2026-11"), for the supervisor and the manager. */
export const useCallbackFigures = (month: string) => {
  const context = useReadySession();
  return useAction(callbacks.figures, context ? { propertyId: context.property.propertyId, month } : null);
};
