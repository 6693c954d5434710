/**
 * Issue 18 (5): a household sees its household's repairs. Residents bound to one room are one
 * household (C3 counts households by room, not by person); each of them sees and follows the room's
 * repairs filed since she was bound, so a new tenant never sees the last tenant's and a resident
 * unbound from the room no longer sees them. Her own filings stay hers wherever she lives now. Only
 * the one who filed acts on a repair as its resident (R6 accepts the quote, R7 rates); complaints
 * stay personal (no rule here reaches them).
 */

/** A room the resident is bound to now, and since when (ISO-8601 UTC). */
export interface BoundRoom {
  roomId: string;
  since: string;
}

/** Whom a resident's household view is for: her openid and the rooms she is bound to now. */
export interface Household {
  openid: string;
  rooms: readonly BoundRoom[];
}

/** What the rule reads of a binding request (the `bindings` collection). */
export interface BindingRecord {
  roomId: string;
  status: 'pending' | 'approved' | 'rejected';
  review: { at: string } | null;
}

/** What the rule reads of a repair. */
export interface FiledRepair {
  /** Null for a public place's repair nobody reported (issue 18, 5): no resident follows it. */
  residentOpenid: string | null;
  /** Null for a public place: only the one who reported it follows it. */
  roomId: string | null;
  /** When it was filed (ISO-8601 UTC). */
  createdAt: string;
}

/**
 * When she was bound to a room: the approval of her latest approved request for it (a resident who
 * left and came back is bound from her return). A room her membership was made with, without any
 * request (the demo seed, a membership written by hand), is hers since the membership was made.
 */
export const boundSince = (roomId: string, bindings: readonly BindingRecord[], membershipSince: string): string =>
  bindings
    .flatMap((b) => (b.roomId === roomId && b.status === 'approved' && b.review ? [b.review.at] : []))
    .sort((a, b) => Date.parse(a) - Date.parse(b))
    .at(-1) ?? membershipSince;

/** Her household: each room her membership holds now, with when she was bound to it. */
export const householdOf = (
  member: { openid: string; roomIds: readonly string[]; createdAt: string },
  bindings: readonly BindingRecord[],
): Household => ({
  openid: member.openid,
  rooms: member.roomIds.map((roomId) => ({ roomId, since: boundSince(roomId, bindings, member.createdAt) })),
});

/** Whether she filed it herself (she alone accepts its quote and rates it). */
export const filedBy = (household: Pick<Household, 'openid'>, repair: Pick<FiledRepair, 'residentOpenid'>): boolean =>
  repair.residentOpenid === household.openid;

/** Since when she sees a room's repairs; null when she is not bound to it now. */
export const seesRoomSince = (household: Household, roomId: string): string | null => household.rooms.find((r) => r.roomId === roomId)?.since ?? null;

/** Whether she sees a repair: her own, or one filed for a room she is bound to, at or after she was bound. */
export const seesRepair = (household: Household, repair: FiledRepair): boolean => {
  if (filedBy(household, repair)) return true;
  if (repair.roomId === null) return false;
  const since = seesRoomSince(household, repair.roomId);
  return since !== null && Date.parse(repair.createdAt) >= Date.parse(since);
};
