import * as callbacks from '@shared/contracts/callbacks.contract';
import { useAction } from './useAction';
import { useReadySession } from './useSession';

export type CallbackView = callbacks.CallbackView;
export type CallbackKind = CallbackView['kind'];
export type CallbackMethod = NonNullable<CallbackView['outcome']>['method'];

/**
 * B1: the desk's open callbacks, soonest due first as the function answers them, kept fresh by the
 * session's signals like the repair queue.
 */
export const useCallbackQueue = () => {
  const context = useReadySession();
  const remote = useAction(callbacks.queue, context ? { propertyId: context.property.propertyId } : null, ['role']);
  return { ...remote, items: remote.data?.items ?? null };
};

/** B4 R13 C7: one month's callback report ("2026-11"), for the supervisor and the manager. */
export const useCallbackFigures = (month: string) => {
  const context = useReadySession();
  return useAction(callbacks.figures, context ? { propertyId: context.property.propertyId, month } : null);
};
