import { memberModel, type MemberDoc } from '@shared/model/member.model';
import type { Database } from './deps';
import { parseAll } from './repo';

/** The caller's active membership in one property, looked up on every call; null when there is none. */
export const resolveMember = async (db: Database, propertyId: string, openid: string): Promise<MemberDoc | null> => {
  if (!openid) return null;
  const res = await db.collection('members').where({ propertyId, openid }).limit(1).get();
  const [member] = parseAll(memberModel, res.data);
  return member && member.status === 'active' ? member : null;
};

export const membershipsOf = async (db: Database, openid: string): Promise<MemberDoc[]> => {
  if (!openid) return [];
  const res = await db.collection('members').where({ openid, status: 'active' }).limit(100).get();
  return parseAll(memberModel, res.data);
};
