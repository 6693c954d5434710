import { memberModel, type MemberDoc } from '@shared/model/member.model';
import type { Database } from './deps';
import { derivedId } from './ids';
import { parseAll } from './repo';
import { findProperty } from './properties';

/** The id of a membership made by the server: opaque (no openid), and one per person and property. */
export const memberIdFor = (propertyId: string, openid: string) => derivedId('mb', propertyId, openid);

/** The one membership of an openid in a property, active or not (a former member who comes back keeps its id). */
export const membershipIn = async (db: Database, propertyId: string, openid: string): Promise<MemberDoc | null> => {
  if (!openid) return null;
  const res = await db.collection('members').where({ propertyId, openid }).limit(1).get();
  return parseAll(memberModel, res.data)[0] ?? null;
};

/** The caller's active membership in one property, looked up on every call; null when there is none. */
export const resolveMember = async (db: Database, propertyId: string, openid: string): Promise<MemberDoc | null> => {
  const member = await membershipIn(db, propertyId, openid);
  return member && member.status === 'active' ? member : null;
};

export const membershipsOf = async (db: Database, openid: string): Promise<MemberDoc[]> => {
  if (!openid) return [];
  const res = await db.collection('members').where({ openid, status: 'active' }).limit(100).get();
  return parseAll(memberModel, res.data);
};

/** Every active member of a role in a property (a property has a few dozen staff at most). */
export const activeMembers = async (db: Database, propertyId: string, role: MemberDoc['role']): Promise<MemberDoc[]> =>
  parseAll(memberModel, (await db.collection('members').where({ propertyId, role, status: 'active' }).limit(200).get()).data);

/** Issue 14 (1): whether a property was deactivated, read on every write (never cached: it takes effect at the next call). */
export const propertyClosed = async (db: Database, propertyId: string): Promise<boolean> =>
  (await findProperty(db, propertyId))?.status === 'inactive';
