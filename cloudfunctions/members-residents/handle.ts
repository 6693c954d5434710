import * as members from '@shared/contracts/members.contract';
import { defineFunction } from '../_shared/router';
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
  { requestBinding, bindingRequests, revealBindingPhone, reviewBinding, myBindings, publicInfo, inviteToRoom, joinRoom, myRoomInvitations, cancelRoomInvitation },
);
