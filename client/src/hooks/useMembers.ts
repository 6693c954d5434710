import * as members from '@shared/contracts/members.contract';
import type { CallOutput } from '../api';
import { useAction } from './useAction';
import { usePagedAction, type PagedOptions } from './usePagedAction';
import { useReadySession } from './useSession';

export type BindingView = members.BindingView;
export type MyBinding = CallOutput<typeof members.myBindings>['items'][number];
export type MemberView = members.MemberView;
export type InvitationView = members.InvitationView;

const useScope = () => {
  const context = useReadySession();
  return context ? { propertyId: context.property.propertyId } : null;
};

/** Where the caller's requests to bind a room stand, in every property; needs no membership. */
export const useMyBindings = () => usePagedAction(members.myBindings, {});

/** A property's name and desk phone, which anyone may read; `propertyId` '' waits. */
export const usePropertyInfo = (propertyId: string) => useAction(members.publicInfo, propertyId ? { propertyId } : null);

/** The desk's queue of requests to bind a room, oldest first, every one of them page by page. */
export const useBindingRequests = (options?: PagedOptions) => usePagedAction(members.bindingRequests, useScope(), { live: ['role'], ...options });

/** The property's staff by name. */
export const useStaff = () => usePagedAction(members.list, useScope());

/** Invitations not yet used nor expired, soonest to expire first. */
export const useOpenInvitations = (options?: PagedOptions) => usePagedAction(members.invitations, useScope(), options);

/** Issue 18 (5): the codes the owner issued that nobody has used yet, soonest to expire first; null (not an owner): not asked. */
export const useMyRoomInvitations = (propertyId: string | null, options?: PagedOptions) =>
  usePagedAction(members.myRoomInvitations, propertyId === null ? null : { propertyId }, options);
