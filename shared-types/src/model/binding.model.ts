import * as z from 'zod/mini';
import { base, defineModel, isoInstant } from './versioned';
import { Role } from './member.model';

export const Relation = z.enum(['owner', 'family', 'tenant']);
export type Relation = z.infer<typeof Relation>;

/** Issue 18 (5): whom an owner may invite to her room: her family or a tenant, never another owner. */
export const InvitedRelation = z.enum(['family', 'tenant']);
export type InvitedRelation = z.infer<typeof InvitedRelation>;

export const BindingStatus = z.enum(['pending', 'approved', 'rejected']);
export type BindingStatus = z.infer<typeof BindingStatus>;

/** Issue 18 (5): the owner whose invitation the request came with, so the desk sees it is 业主邀请. */
export const InvitedBy = z.object({ memberId: z.string(), name: z.string(), invitationId: z.string() });

/**
 * A WeChat user's request to be bound to one room, as a resident. Until the desk approves it the
 * user is no member of the property; approval creates their resident membership or adds the room
 * to it. One request per room; a user may ask for several rooms. One made with an owner's
 * invitation is approved at once where the property does not want the desk to review it.
 */
export const BindingDoc = z.object({
  ...base,
  schemaVersion: z.literal(2),
  status: BindingStatus,
  version: z.number().check(z.int(), z.positive()),
  openid: z.string().check(z.minLength(1)),
  roomId: z.string(),
  address: z.object({ building: z.string(), unit: z.string(), room: z.string() }),
  name: z.string().check(z.minLength(1), z.maxLength(40)),
  relation: Relation,
  phone: z.string().check(z.maxLength(20)),
  review: z.nullable(z.object({ by: z.string(), role: Role, at: isoInstant, reason: z.nullable(z.string()), memberId: z.nullable(z.string()) })),
  invitedBy: z.nullable(InvitedBy),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type BindingDoc = z.infer<typeof BindingDoc>;
/** v1 requests were all asked for by the applicant alone. */
export const bindingModel = defineModel({ collection: 'bindings', version: 2, schema: BindingDoc, migrations: { 1: (doc) => ({ ...doc, invitedBy: null }) } });
