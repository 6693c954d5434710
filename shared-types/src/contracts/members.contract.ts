import * as z from 'zod/mini';
import { commandFields, defineAction, DocId, PropertyId, scoped } from './action';
import { pageInput, pageOf } from './page';
import { Membership } from './session.contract';
import { settingsActions } from './settings.contract';
import { privacyActions } from './privacy.contract';
import { Role, Skill } from '../model/member.model';
import { StaffRole } from '../model/invitation.model';
import { BindingStatus, InvitedRelation, Relation } from '../model/binding.model';
import { DEFAULT_EXPIRY_HOURS, MAX_EXPIRY_HOURS } from '../domain/invitation.rules';

const Phone = z.string().check(z.trim(), z.regex(/^[0-9+\- ]{5,20}$/));
const PersonName = z.string().check(z.trim(), z.minLength(1), z.maxLength(40));
const Reason = z.string().check(z.trim(), z.minLength(2), z.maxLength(200));

/** A new property's id, as it will appear in links: lower-case letters, digits and hyphens. */
export const PropertySlug = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{1,31}$/));

/**
 * Issue 7 (1), issue 14 (1): the company, its first property and the caller as the company's
 * administrator and that property's manager. Works only with the secret configured on the function
 * (BOOTSTRAP_SECRET), and once per environment: never once a company or an active manager exists.
 */
export const bootstrap = defineAction({
  fn: 'members',
  name: 'bootstrap',
  input: z.strictObject({
    ...commandFields,
    secret: z.string().check(z.minLength(1), z.maxLength(200)),
    propertyId: PropertySlug,
    propertyName: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)),
    deskPhone: Phone,
    name: PersonName,
    phone: Phone,
    /** Issue 14: the company the environment serves; its first property's name when left out. */
    companyName: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(60))),
  }),
  output: Membership,
  roles: 'any-signed-in',
  write: true,
  errors: ['BOOTSTRAP.NOT_CONFIGURED', 'BOOTSTRAP.WRONG_SECRET', 'BOOTSTRAP.ALREADY_DONE', 'PROPERTY.EXISTS'],
});

export const InvitationView = z.object({
  id: z.string(),
  role: StaffRole,
  note: z.string(),
  status: z.enum(['open', 'used', 'expired']),
  expiresAt: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  usedBy: z.nullable(z.string()),
  usedAt: z.nullable(z.string()),
});
export type InvitationView = z.infer<typeof InvitationView>;

/**
 * The code is shown once: it is never stored, so a retried command gets the invitation back with
 * `code` and `qr` null, and the inviter makes a new one.
 */
export const IssuedInvitation = z.extend(InvitationView, {
  code: z.nullable(z.string()),
  /** For wxacode.getUnlimited: the page and the scene (`inv=<code>`) it opens with. */
  qr: z.nullable(z.object({ page: z.string(), scene: z.string() })),
  /** The mini-program code itself, to show or save; null when WeChat could not make it (the code still works typed). */
  qrImage: z.optional(z.nullable(z.object({ mime: z.string(), base64: z.string() }))),
});

/**
 * Issue 7 (4): where WeChat's phone-number button is available the client sends its one-time code
 * instead of a typed number; the server asks WeChat for the number.
 */
const phoneFields = { phone: z.optional(Phone), phoneCode: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(128))) };
const onePhone = (v: { phone?: string; phoneCode?: string }) => (v.phone === undefined) !== (v.phoneCode === undefined);

/** Issue 7 (3): an invitation for one person to join in a staff role, usable once before it expires. */
export const invite = defineAction({
  fn: 'members',
  name: 'invite',
  input: z.strictObject({
    ...scoped,
    ...commandFields,
    role: StaffRole,
    hours: z._default(z.number().check(z.int(), z.gte(1), z.lte(MAX_EXPIRY_HOURS)), DEFAULT_EXPIRY_HOURS),
    note: z._default(z.string().check(z.trim(), z.maxLength(40)), ''),
  }),
  output: IssuedInvitation,
  roles: ['manager', 'supervisor'],
  write: true,
  errors: ['INVITATION.ROLE_NOT_ALLOWED'],
});

/** The invited person joins with the code they typed or scanned; their WeChat identity becomes the member. */
export const join = defineAction({
  fn: 'members',
  name: 'join',
  input: z.strictObject({ ...commandFields, code: z.string().check(z.trim(), z.minLength(8), z.maxLength(20)), name: PersonName, ...phoneFields }).check(z.refine(onePhone)),
  output: Membership,
  roles: 'any-signed-in',
  write: true,
  errors: ['INVITATION.NOT_FOUND', 'INVITATION.USED', 'INVITATION.EXPIRED', 'MEMBER.ALREADY_MEMBER', 'MEMBER.PHONE_CODE'],
});

/** A property's open invitations, soonest to expire first, without their codes. */
export const invitations = defineAction({
  fn: 'members',
  name: 'invitations',
  input: z.strictObject({ ...scoped, ...pageInput }),
  output: pageOf(InvitationView),
  roles: ['manager', 'supervisor'],
  write: false,
  errors: [],
});

export const MemberView = z.object({
  id: z.string(),
  role: Role,
  status: z.enum(['active', 'inactive']),
  name: z.string(),
  /** Staff see each other's numbers; a resident's is masked here (P1). */
  phone: z.string(),
  skills: z.array(Skill),
  rooms: z.array(z.string()),
  vip: z.boolean(),
  createdAt: z.string(),
});
export type MemberView = z.infer<typeof MemberView>;

/** The property's members by name; staff unless other roles are asked for, active unless inactive ones are too. */
export const list = defineAction({
  fn: 'members',
  name: 'list',
  input: z.strictObject({ ...scoped, roles: z.optional(z.array(Role).check(z.minLength(1), z.maxLength(5))), includeInactive: z.optional(z.boolean()), ...pageInput }),
  output: pageOf(MemberView),
  roles: ['manager', 'supervisor'],
  write: false,
  errors: [],
});

const onMember = { ...scoped, ...commandFields, memberId: DocId };

export const setRole = defineAction({
  fn: 'members',
  name: 'setRole',
  input: z.strictObject({ ...onMember, role: StaffRole }),
  output: MemberView,
  roles: ['manager'],
  write: true,
  errors: ['MEMBER.NOT_FOUND', 'MEMBER.NOT_YOURSELF', 'MEMBER.INACTIVE', 'MEMBER.NOT_STAFF'],
});

/** R4: the skills dispatch suggestions match against. */
export const setSkills = defineAction({
  fn: 'members',
  name: 'setSkills',
  input: z.strictObject({ ...onMember, skills: z.array(Skill).check(z.maxLength(5)) }),
  output: MemberView,
  roles: ['manager'],
  write: true,
  errors: ['MEMBER.NOT_FOUND', 'MEMBER.NOT_YOURSELF', 'MEMBER.INACTIVE', 'MEMBER.NOT_TECHNICIAN'],
});

/** Someone leaves: refused from their next call on; the work orders they held go back to the desk. */
export const deactivate = defineAction({
  fn: 'members',
  name: 'deactivate',
  input: z.strictObject({ ...onMember, reason: Reason }),
  output: MemberView,
  roles: ['manager'],
  write: true,
  errors: ['MEMBER.NOT_FOUND', 'MEMBER.NOT_YOURSELF'],
});

export const BindingView = z.object({
  id: z.string(),
  propertyId: z.string(),
  roomId: z.string(),
  address: z.string(),
  name: z.string(),
  relation: Relation,
  /** Always masked (P1); the desk reads the full number through revealBindingPhone, which is logged. */
  phone: z.string(),
  status: BindingStatus,
  version: z.number().check(z.int()),
  reason: z.nullable(z.string()),
  createdAt: z.string(),
  reviewedAt: z.nullable(z.string()),
  /** Issue 18 (5): the owner who invited the applicant (业主邀请); null when she asked on her own. Absent from answers before it. */
  invitedBy: z.optional(z.nullable(z.string())),
});
export type BindingView = z.infer<typeof BindingView>;

/** Issue 7 (4): a WeChat user asks to be bound to a room as its owner, a family member or a tenant. */
export const requestBinding = defineAction({
  fn: 'members',
  name: 'requestBinding',
  input: z.strictObject({ ...scoped, ...commandFields, roomId: DocId, name: PersonName, relation: Relation, ...phoneFields }).check(z.refine(onePhone)),
  output: BindingView,
  roles: 'any-signed-in',
  write: true,
  errors: ['PROPERTY.NOT_FOUND', 'BINDING.ROOM_NOT_FOUND', 'BINDING.STAFF_CANNOT_BIND', 'BINDING.ALREADY_BOUND', 'BINDING.ALREADY_PENDING', 'BINDING.TOO_MANY_PENDING', 'MEMBER.PHONE_CODE', 'BINDING.DAILY_LIMIT'],
});

/** The desk's queue of requests to review, oldest first, every one of them page by page. */
export const bindingRequests = defineAction({
  fn: 'members',
  name: 'bindingRequests',
  input: z.strictObject({ ...scoped, ...pageInput }),
  output: pageOf(BindingView),
  roles: ['desk', 'supervisor', 'manager'],
  write: false,
  errors: [],
});

/** P1: the desk calls an applicant back to check who they are; each look at the full number is logged. */
export const revealBindingPhone = defineAction({
  fn: 'members',
  name: 'revealBindingPhone',
  input: z.strictObject({ ...scoped, bindingId: DocId }),
  output: z.object({ phone: z.string() }),
  roles: ['desk', 'supervisor', 'manager'],
  write: false,
  errors: ['BINDING.NOT_FOUND'],
});

/** Approve (the applicant becomes a resident of the room) or reject with a reason; the applicant is told either way. */
export const reviewBinding = defineAction({
  fn: 'members',
  name: 'reviewBinding',
  input: z.strictObject({ ...scoped, ...commandFields, bindingId: DocId, version: z.number().check(z.int(), z.positive()), decision: z.enum(['approve', 'reject']), reason: z.string().check(z.trim(), z.maxLength(200)) }),
  output: BindingView,
  roles: ['desk', 'supervisor', 'manager'],
  write: true,
  errors: ['BINDING.REASON_REQUIRED', 'BINDING.NOT_FOUND', 'BINDING.ALREADY_REVIEWED', 'BINDING.STAFF_CANNOT_BIND'],
});

/** The caller's own requests in every property, newest first, so a user still waiting sees where they stand. */
export const myBindings = defineAction({
  fn: 'members',
  name: 'myBindings',
  input: z.strictObject({ ...pageInput }),
  output: pageOf(z.extend(BindingView, { propertyName: z.string(), deskPhone: z.string() })),
  roles: 'any-signed-in',
  write: false,
  errors: [],
});

/** What anyone may see of a property before they belong to it: its name and the desk's phone. */
export const publicInfo = defineAction({
  fn: 'members',
  name: 'publicInfo',
  input: z.strictObject({ propertyId: PropertyId }),
  output: z.object({ propertyId: z.string(), name: z.string(), deskPhone: z.string() }),
  roles: 'any-signed-in',
  write: false,
  errors: ['PROPERTY.NOT_FOUND'],
});

/**
 * Issue 18 (5): the code an owner gives family or a tenant, shown once (never stored, like a staff
 * invitation's), with the join page's path to share; a retried command answers both null.
 */
export const IssuedRoomInvitation = z.object({
  id: z.string(),
  address: z.string(),
  relation: InvitedRelation,
  expiresAt: z.string(),
  code: z.nullable(z.string()),
  path: z.nullable(z.string()),
});
export type IssuedRoomInvitation = z.infer<typeof IssuedRoomInvitation>;

/** Issue 18 (5): an owner invites a family member or a tenant to bind one of her rooms. */
export const inviteToRoom = defineAction({
  fn: 'members',
  name: 'inviteToRoom',
  input: z.strictObject({ ...scoped, ...commandFields, roomId: DocId, relation: InvitedRelation }),
  output: IssuedRoomInvitation,
  roles: ['resident'],
  write: true,
  errors: ['ROOM_INVITATION.OFF', 'ROOM_INVITATION.NOT_YOUR_ROOM', 'ROOM_INVITATION.NOT_OWNER', 'ROOM_INVITATION.DAILY_LIMIT'],
});

/** Issue 18 (5): a code an owner issued and nobody has used yet, as she sees it: never the code itself (only its hash is stored). */
export const OpenRoomInvitation = z.object({ id: z.string(), address: z.string(), relation: InvitedRelation, createdAt: z.string(), expiresAt: z.string() });
export type OpenRoomInvitation = z.infer<typeof OpenRoomInvitation>;

/** Issue 18 (5): the codes the caller issued that are still open, soonest to expire first; everyone else's stay hidden. */
export const myRoomInvitations = defineAction({
  fn: 'members',
  name: 'myRoomInvitations',
  input: z.strictObject({ ...scoped, ...pageInput }),
  output: pageOf(OpenRoomInvitation),
  roles: ['resident'],
  write: false,
  errors: [],
});

/** Issue 18 (5): the owner withdraws a code she issued before anyone used it; it then refuses `joinRoom` with ROOM_INVITATION.CANCELLED. */
export const cancelRoomInvitation = defineAction({
  fn: 'members',
  name: 'cancelRoomInvitation',
  input: z.strictObject({ ...scoped, ...commandFields, invitationId: DocId }),
  output: z.object({ id: z.string(), cancelledAt: z.string() }),
  roles: ['resident'],
  write: true,
  errors: ['ROOM_INVITATION.NOT_FOUND', 'ROOM_INVITATION.CANCELLED', 'INVITATION.USED', 'INVITATION.EXPIRED'],
});

/**
 * Issue 18 (5): the invited person binds the room with the owner's code, on the property's join
 * page: approved at once where the property lets owners' invitations through, else waiting for the
 * desk, marked as the owner's invitation.
 */
export const joinRoom = defineAction({
  fn: 'members',
  name: 'joinRoom',
  input: z.strictObject({ ...scoped, ...commandFields, code: z.string().check(z.trim(), z.minLength(8), z.maxLength(20)), name: PersonName, ...phoneFields }).check(z.refine(onePhone)),
  output: BindingView,
  roles: 'any-signed-in',
  write: true,
  errors: [
    'INVITATION.NOT_FOUND',
    'INVITATION.USED',
    'INVITATION.EXPIRED',
    'INVITATION.OTHER_PROPERTY',
    'ROOM_INVITATION.CANCELLED',
    'ROOM_INVITATION.OFF',
    'BINDING.STAFF_CANNOT_BIND',
    'BINDING.ALREADY_BOUND',
    'BINDING.ALREADY_PENDING',
    'BINDING.TOO_MANY_PENDING',
    'MEMBER.PHONE_CODE',
  ],
});

export const membersActions = {
  bootstrap,
  invite,
  join,
  invitations,
  list,
  setRole,
  setSkills,
  deactivate,
  requestBinding,
  bindingRequests,
  revealBindingPhone,
  reviewBinding,
  myBindings,
  publicInfo,
  inviteToRoom,
  joinRoom,
  myRoomInvitations,
  cancelRoomInvitation,
  ...settingsActions,
  ...privacyActions,
} as const;
