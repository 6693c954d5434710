import { membersActions } from '@shared/contracts/members.contract';
import { companyActions } from '@shared/contracts/company.contract';
import { defineFunction, replaysFirst, writesFirst } from '../_shared/router';
import { bootstrap } from './bootstrap';
import { invitations, invite, join } from './invitations';
import { deactivate, list, setRole, setSkills } from './management';
import { bindingRequests, myBindings, publicInfo, requestBinding, revealBindingPhone } from './bindings';
import { reviewBinding } from './review';
import { inviteToRoom, joinRoom } from './room-invitations';
import { cancelRoomInvitation, myRoomInvitations } from './room-invitation-list';
import { settings, updateSettings } from './settings';
import { erase, erasureRequests, myData, requestErasure } from './privacy';
import { company, properties } from './company';
import { createProperty, deactivateProperty } from './properties';
import { appointManager } from './appoint';

/**
 * Issue 7: who belongs to a property and in which role: the first manager, staff by invitation,
 * residents by room (issue 18, 5: or by their owner's invitation). Issue 14: the company's properties, created, staffed and closed by its administrator.
 */
export const handle = defineFunction('members', { ...membersActions, ...companyActions }, {
  // The first bootstrap makes the record its transaction reads (a concurrent one must read it too: members.test.ts).
  bootstrap: writesFirst(bootstrap),
  invite,
  join,
  invitations,
  list,
  setRole,
  setSkills,
  deactivate,
  // Issue 16: read its command's record first (replaysFirst, router.ts): a replay must not take a place of the day.
  requestBinding: replaysFirst(requestBinding),
  bindingRequests,
  revealBindingPhone,
  reviewBinding,
  myBindings,
  publicInfo,
  // Issue 16: read its command's record first (replaysFirst, router.ts): a replay must not take a place of the day.
  inviteToRoom: replaysFirst(inviteToRoom),
  joinRoom,
  myRoomInvitations,
  // Issue 16: read its command's record first (replaysFirst, router.ts): it cancels outside any transaction, so an id sent before with another action must be refused before it does.
  cancelRoomInvitation: replaysFirst(cancelRoomInvitation),
  settings,
  updateSettings,
  myData,
  requestErasure,
  erasureRequests,
  erase: writesFirst(erase),
  company,
  properties,
  createProperty,
  appointManager,
  deactivateProperty,
});
