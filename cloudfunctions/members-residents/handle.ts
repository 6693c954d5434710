import * as members from '@shared/contracts/members.contract';
import { defineFunction, replaysFirst } from '../_shared/router';
import { bindingRequests, myBindings, publicInfo, requestBinding, revealBindingPhone } from '../members/bindings';
import { reviewBinding } from '../members/review';
import { inviteToRoom, joinRoom } from '../members/room-invitations';
import { cancelRoomInvitation, myRoomInvitations } from '../members/room-invitation-list';

/** Issue 16: the members area's part for residents: binding to a room, its review, and the owner's room invitations (issue 18, 5). */
export const handle = defineFunction(
  'members-residents',
  {
    requestBinding: members.requestBinding,
    bindingRequests: members.bindingRequests,
    revealBindingPhone: members.revealBindingPhone,
    reviewBinding: members.reviewBinding,
    myBindings: members.myBindings,
    publicInfo: members.publicInfo,
    inviteToRoom: members.inviteToRoom,
    joinRoom: members.joinRoom,
    myRoomInvitations: members.myRoomInvitations,
    cancelRoomInvitation: members.cancelRoomInvitation,
  },
  {
    // Issue 16: these read their command's record first (replaysFirst, router.ts): a replay of a request or an
    // invitation must not take a place of the day; a cancel writes outside any transaction, so an id sent before
    // with another action must be refused before it does.
    requestBinding: replaysFirst(requestBinding),
    bindingRequests,
    revealBindingPhone,
    reviewBinding,
    myBindings,
    publicInfo,
    inviteToRoom: replaysFirst(inviteToRoom),
    joinRoom,
    myRoomInvitations,
    cancelRoomInvitation: replaysFirst(cancelRoomInvitation),
  },
);
