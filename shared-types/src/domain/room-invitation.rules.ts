import { invitationState, type InvitationState } from './invitation.rules';
import type { Relation } from '../model/binding.model';
import type { OwnerInvites } from '../model/settings.model';

/**
 * Issue 18 (5): an owner invites family members or a tenant to bind her room; the desk's approval
 * of what they ask for is a formality the property can switch off.
 */

/** What the rules read of the inviter's membership. */
interface Membership {
  role: string;
  status: 'active' | 'inactive';
  roomIds: readonly string[];
}

/** What the rules read of her binding requests. */
interface BindingRecord {
  roomId: string;
  status: 'pending' | 'approved' | 'rejected';
  relation: Relation;
  review: { at: string } | null;
}

/**
 * How she is bound to a room: as her latest approved request for it says. A membership made without
 * any approved request (the demo seed, one written by hand) holds its rooms as their owner; anyone
 * who came through requests is bound to a room only as one of them says, so a room whose request
 * names another id (a renamed building) makes nobody its owner: null.
 */
export const relationTo = (roomId: string, bindings: readonly BindingRecord[]): Relation | null => {
  const approved = bindings.filter((b) => b.status === 'approved' && b.review);
  if (!approved.length) return 'owner';
  return (
    approved
      .filter((b) => b.roomId === roomId)
      .sort((a, b) => Date.parse(a.review?.at ?? '') - Date.parse(b.review?.at ?? ''))
      .at(-1)?.relation ?? null
  );
};

export type InviteRefusal = 'ROOM_INVITATION.OFF' | 'ROOM_INVITATION.NOT_YOUR_ROOM' | 'ROOM_INVITATION.NOT_OWNER';

/** Whether she may invite someone to bind this room: the property lets owners invite, the room is hers now, and she owns it. */
export const inviteRefusal = (settings: Pick<OwnerInvites, 'enabled' | 'deskApproves'>, member: Membership, bindings: readonly BindingRecord[], roomId: string): InviteRefusal | null => {
  if (!settings.enabled) return 'ROOM_INVITATION.OFF';
  if (member.status !== 'active' || member.role !== 'resident' || !member.roomIds.includes(roomId)) return 'ROOM_INVITATION.NOT_YOUR_ROOM';
  return relationTo(roomId, bindings) === 'owner' ? null : 'ROOM_INVITATION.NOT_OWNER';
};

/** Whether the binding an invited person asks for waits for the desk, or is approved as it is asked for. */
export const invitedNeedsReview = (settings: Pick<OwnerInvites, 'enabled' | 'deskApproves'>): boolean => settings.deskApproves;

/** The join page a shared invitation opens, with the property and the code it carries. */
export const roomInvitePath = (propertyId: string, code: string): string => `pages/join/bind/index?p=${encodeURIComponent(propertyId)}&code=${code}`;

/** A room invitation's state: withdrawn by its owner, else as any invitation's (used once, open until it expires). */
export const roomInvitationState = (inv: { status: 'open' | 'used' | 'cancelled'; expiresAt: string }, now: Date): InvitationState | 'cancelled' =>
  inv.status === 'cancelled' ? 'cancelled' : invitationState({ ...inv, status: inv.status }, now);

const closedRefusals = { used: 'INVITATION.USED', expired: 'INVITATION.EXPIRED', cancelled: 'ROOM_INVITATION.CANCELLED' } as const;
export type ClosedRefusal = (typeof closedRefusals)[keyof typeof closedRefusals];

/** Why a code can no longer be used or withdrawn, each closed state with its own code; null while it is open. */
export const closedRefusal = (inv: { status: 'open' | 'used' | 'cancelled'; expiresAt: string }, now: Date): ClosedRefusal | null => {
  const state = roomInvitationState(inv, now);
  return state === 'open' ? null : closedRefusals[state];
};
