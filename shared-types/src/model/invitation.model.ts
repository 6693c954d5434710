import * as z from 'zod/mini';
import { base, defineModel, isoInstant } from './versioned';
import { Role } from './member.model';

/** The roles an invitation can give: staff only; residents bind a room instead. */
export const StaffRole = z.enum(['desk', 'technician', 'supervisor', 'manager']);
export type StaffRole = z.infer<typeof StaffRole>;

/**
 * An invitation for one person to join a property in a staff role, usable once until it expires.
 * Its `_id` is a slow hash of the code (see cloudfunctions/members/codes.ts); the code itself is
 * never stored, so a database reader cannot join with it.
 */
export const InvitationDoc = z.object({
  ...base,
  schemaVersion: z.literal(2),
  role: StaffRole,
  /** Who it is for, as the inviter wrote it ("新来的夜班客服"), so open invitations can be told apart. */
  note: z.string().check(z.maxLength(40)),
  status: z.enum(['open', 'used']),
  expiresAt: isoInstant,
  createdAt: isoInstant,
  createdBy: z.object({ memberId: z.string(), name: z.string(), role: Role }),
  used: z.nullable(z.object({ memberId: z.string(), name: z.string(), at: isoInstant })),
  /** Issue 14: the manager an administrator's appointment replaces; stood down when the new one joins. */
  replaces: z.nullable(z.string()),
});
export type InvitationDoc = z.infer<typeof InvitationDoc>;
/** v1 invitations replaced nobody. */
export const invitationModel = defineModel({ collection: 'invitations', version: 2, schema: InvitationDoc, migrations: { 1: (doc) => ({ ...doc, replaces: null }) } });
