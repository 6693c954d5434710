import * as members from '@shared/contracts/members.contract';
import type { CallOutput } from '../api';
import { useAction } from './useAction';
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
export const useMyBindings = () => {
  const remote = useAction(members.myBindings, {});
  return { ...remote, items: remote.data?.items ?? null };
};

/** A property's name and desk phone, which anyone may read; `propertyId` '' waits. */
export const usePropertyInfo = (propertyId: string) => useAction(members.publicInfo, propertyId ? { propertyId } : null);

/** The desk's queue of requests to bind a room, oldest first. */
export const useBindingRequests = () => {
  const remote = useAction(members.bindingRequests, useScope(), ['role']);
  return { ...remote, items: remote.data?.items ?? null };
};

/** The property's staff by name. */
export const useStaff = () => {
  const remote = useAction(members.list, useScope());
  return { ...remote, items: remote.data?.items ?? null };
};

/** Invitations not yet used nor expired, soonest to expire first. */
export const useOpenInvitations = () => {
  const remote = useAction(members.invitations, useScope());
  return { ...remote, items: remote.data?.items ?? null };
};
