import * as session from '@shared/contracts/session.contract';
import type { CallOutput } from '../api';
import { useAction } from './useAction';
import { useReadySession } from './useSession';

export type WaitingElsewhere = CallOutput<typeof session.waiting>['others'][number];

/**
 * Issue 14 (2): what waits in the person's other properties, asked only by someone who has others,
 * and again each time the page shows (useAction's refresh on show). Until it answers, nothing.
 */
export const useWaitingElsewhere = (): WaitingElsewhere[] => {
  const context = useReadySession();
  const several = (context?.memberships?.length ?? 0) > 1;
  const remote = useAction(session.waiting, context && several ? { propertyId: context.property.propertyId } : null);
  return remote.data?.others ?? [];
};
