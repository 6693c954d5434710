import type * as z from 'zod/mini';
import type { Membership } from '@shared/contracts/session.contract';
import { COMPANY_SCOPE } from '@shared/model/member.model';
import type { Database } from '../_shared/database';
import { membershipsOf } from '../_shared/membership';
import { findCompany } from '../_shared/environment';
import { propertiesByIds } from '../_shared/properties';

/**
 * Issue 14 (2): every place the caller belongs, named: each property (and whether it is still
 * active) and, for an administrator, the company. Read on every call; no openid is in it.
 */
export const membershipViews = async (db: Database, openid: string): Promise<z.infer<typeof Membership>[]> => {
  const members = await membershipsOf(db, openid);
  const ids = members.map((m) => m.propertyId).filter((id) => id !== COMPANY_SCOPE);
  const [properties, company] = await Promise.all([
    propertiesByIds(db, ids),
    ids.length < members.length ? findCompany(db) : null,
  ]);
  const byId = new Map(properties.map((p) => [p._id, p]));
  return members.map((m) => {
    const property = byId.get(m.propertyId);
    return {
      propertyId: m.propertyId,
      propertyName: m.propertyId === COMPANY_SCOPE ? (company?.name ?? '') : (property?.name ?? m.propertyId),
      memberId: m._id,
      role: m.role,
      name: m.name,
      active: m.propertyId === COMPANY_SCOPE || property?.status !== 'inactive',
    };
  });
};
