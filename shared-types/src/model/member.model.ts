import * as z from 'zod/mini';
import { base, defineModel, isoInstant } from './versioned';

/**
 * The roles of a membership. `admin` is the company's administrator (issue 14): held in the company's
 * own scope (`COMPANY_SCOPE`), never in a property, so it reaches company actions only.
 */
export const roles = ['resident', 'desk', 'supervisor', 'technician', 'manager', 'admin'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export const staffRoles: readonly Role[] = ['desk', 'supervisor', 'technician', 'manager'];

/** The roles of a property's members: every role but the company's administrator. */
export const propertyRoles = ['resident', 'desk', 'supervisor', 'technician', 'manager'] as const satisfies readonly Role[];

/**
 * The propertyId of the administrators' memberships: the company itself. A property's id starts with
 * a letter or digit (`PropertySlug`), so none can be this one.
 */
export const COMPANY_SCOPE = '_company';

export const Skill = z.enum(['plumbing', 'electrical', 'elevator', 'carpentry', 'general']);
export type Skill = z.infer<typeof Skill>;

/**
 * One person's place in one property; a manager of three properties has three members. Its `_id`
 * is opaque so that member ids can be shown to other staff without revealing an openid; the pair
 * (propertyId, openid) is unique.
 */
export const MemberDoc = z.object({
  ...base,
  schemaVersion: z.literal(2),
  openid: z.string().check(z.minLength(1)),
  role: Role,
  status: z.enum(['active', 'inactive']),
  name: z.string().check(z.minLength(1), z.maxLength(40)),
  phone: z.string().check(z.maxLength(20)),
  roomIds: z.array(z.string()),
  skills: z.array(Skill),
  /** C9: a VIP resident's complaints are top urgency. */
  vip: z.boolean(),
  createdAt: isoInstant,
});
export type MemberDoc = z.infer<typeof MemberDoc>;

/** v1 had no VIPs. */
export const memberModel = defineModel({ collection: 'members', version: 2, schema: MemberDoc, migrations: { 1: (doc) => ({ ...doc, vip: false }) } });
