import { householdOf, type Household } from '@shared/domain/household.rules';
import { QUEUE_CLOSED } from '@shared/domain/repair-queue.rules';
import type { MemberDoc } from '@shared/model/member.model';
import type { Database } from '../_shared/database';
import { approvedBindingsOf } from '../members/exports';
import { countOthersFiledSince } from '../_shared/repairs.counts';

/**
 * Issue 18 (5): her household, from her membership (the rooms she is bound to now) and her approved
 * requests (since when), read by her own openid on the bindings' `applicant_pending` index.
 */
export const householdFor = async (db: Database, member: MemberDoc): Promise<Household> => {
  return householdOf(member, await approvedBindingsOf(db, member.propertyId, member.openid));
};

/** The caller's household when she is a resident; staff see by their role (`canSee`). */
export const householdOfCaller = (db: Database, member: MemberDoc): Promise<Household | null> =>
  member.role === 'resident' ? householdFor(db, member) : Promise.resolve(null);

/** A room's repairs, or only those still being seen to (`open`): the filter of the room's list and of its count. */
export const roomRepairs = (db: Database, propertyId: string, roomId: string, open: boolean) => ({ propertyId, roomId, ...(open ? { queueRank: db.command.lt(QUEUE_CLOSED) } : {}) });

/**
 * Issue 18 (5): how many of a room's repairs (open ones, or all) others filed at or after `since`:
 * one count on the `household_others` or `household_open_others` index, which reads only the room's
 * (open) repairs, however many the property holds.
 */
export const othersFiledSince = async (db: Database, member: Pick<MemberDoc, 'propertyId' | 'openid'>, roomId: string, since: string, open: boolean): Promise<number> => {
  return countOthersFiledSince(db, roomRepairs(db, member.propertyId, roomId, open), since, member.openid);
};
