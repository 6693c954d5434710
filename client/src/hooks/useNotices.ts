import type * as z from 'zod/mini';
import * as session from '@shared/contracts/session.contract';
import { useAction } from './useAction';
import { usePagedAction, type PagedOptions } from './usePagedAction';
import { useReadySession } from './useSession';

export type InboxItem = z.infer<typeof session.InboxItem>;
export type DeadLetter = z.infer<typeof session.DeadLetter>;
export type QuarantinedDoc = z.infer<typeof session.QuarantinedDoc>;

const useScope = () => {
  const context = useReadySession();
  return context ? { propertyId: context.property.propertyId } : null;
};

/** Issue 5: what was sent to the caller or their role, newest first, fresh on their signals. */
export const useInbox = (options: PagedOptions = {}) => usePagedAction(session.inbox, useScope(), { live: ['mine', 'role'], ...options });

/** Issue 5: the reminders timer's heartbeat, the records it set aside and the dead letters, for the supervisor and the manager. */
export const useHealth = () => useAction(session.health, useScope(), ['role']);
