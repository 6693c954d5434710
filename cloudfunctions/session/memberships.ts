import type * as z from 'zod/mini';
import type { Membership } from '@shared/contracts/session.contract';
import { COMPANY_SCOPE, type MemberDoc } from '@shared/model/member.model';
import type { PropertyDoc } from '@shared/model/property.model';
import type { Database } from '../_shared/database';
import { membershipsOf } from '../_shared/membership';
import { findCompany } from '../_shared/environment';
import { propertiesByIds } from '../_shared/properties';

export interface Places {
  /** Every place the caller belongs, named (no openid in it). */
  views: z.infer<typeof Membership>[];
  /** The properties read to name them, by id, with any other property asked for. */
  properties: ReadonlyMap<string, PropertyDoc>;
}

/**
 * Issue 14 (2): the places of memberships already read, named: each property (and whether it is
 * still active) and, for an administrator, the company, in one wait. `alsoRead` are properties the
 * caller wants beside them (session.context's own, which a caller with more than a page of
 * memberships might not find among them).
 */
export const placesOf = async (db: Database, members: readonly MemberDoc[], alsoRead: readonly string[] = []): Promise<Places> => {
  const ids = [...new Set([...members.map((m) => m.propertyId), ...alsoRead])].filter((id) => id !== COMPANY_SCOPE);
  const [found, company] = await Promise.all([
    propertiesByIds(db, ids),
    members.some((m) => m.propertyId === COMPANY_SCOPE) ? findCompany(db) : null,
  ]);
  const properties = new Map(found.map((p) => [p._id, p]));
  const views = members.map((m) => {
    const property = properties.get(m.propertyId);
    return {
      propertyId: m.propertyId,
      propertyName: m.propertyId === COMPANY_SCOPE ? (company?.name ?? '') : (property?.name ?? m.propertyId),
      memberId: m._id,
      role: m.role,
      name: m.name,
      active: m.propertyId === COMPANY_SCOPE || property?.status !== 'inactive',
    };
  });
  return { views, properties };
};

/** Every place the caller belongs, named. Read on every call; no openid is in it. */
export const membershipViews = async (db: Database, openid: string): Promise<z.infer<typeof Membership>[]> =>
  (await placesOf(db, await membershipsOf(db, openid))).views;
