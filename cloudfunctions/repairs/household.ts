import { householdOf, type Household } from '@shared/domain/household.rules';
import { bindingModel } from '@shared/model/binding.model';
import type { MemberDoc } from '@shared/model/member.model';
import type { Database } from '../_shared/database';
import { parseAll } from '../_shared/repo';

/** A resident's requests to be bound, a handful in a lifetime: the latest approval of each room is in them. */
const BINDINGS_READ = 100;

/**
 * Issue 18 (5): her household, from her membership (the rooms she is bound to now) and her approved
 * requests (since when), read by her own openid on the bindings' `applicant_pending` index.
 */
export const householdFor = async (db: Database, member: MemberDoc): Promise<Household> => {
  const res = await db.collection('bindings').where({ propertyId: member.propertyId, openid: member.openid, status: 'approved' }).limit(BINDINGS_READ).get();
  return householdOf(member, parseAll(bindingModel, res.data));
};

/** The caller's household when she is a resident; staff see by their role (`canSee`). */
export const householdOfCaller = (db: Database, member: MemberDoc): Promise<Household | null> =>
  member.role === 'resident' ? householdFor(db, member) : Promise.resolve(null);
