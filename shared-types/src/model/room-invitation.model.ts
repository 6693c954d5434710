import * as z from 'zod/mini';
import { base, defineModel, isoInstant } from './versioned';
import { InvitedRelation } from './binding.model';

/**
 * Issue 18 (5): an owner's invitation for one person to bind her room, usable once until it
 * expires. Like a staff invitation its `_id` is a slow hash of the code (cloudfunctions/members/codes.ts),
 * which is never stored.
 */
export const RoomInvitationDoc = z.object({
  ...base,
  schemaVersion: z.literal(2),
  roomId: z.string(),
  address: z.object({ building: z.string(), unit: z.string(), room: z.string() }),
  relation: InvitedRelation,
  status: z.enum(['open', 'used', 'cancelled']),
  expiresAt: isoInstant,
  createdAt: isoInstant,
  createdBy: z.object({ memberId: z.string(), name: z.string() }),
  used: z.nullable(z.object({ bindingId: z.string(), name: z.string(), at: isoInstant })),
  /** v2: when the owner withdrew the code before anyone used it, and under which command (its retry answers the same). */
  cancelled: z.nullable(z.object({ at: isoInstant, command: z.string() })),
});
export type RoomInvitationDoc = z.infer<typeof RoomInvitationDoc>;
/** v1 codes could not be withdrawn. */
export const roomInvitationModel = defineModel({ collection: 'roomInvitations', version: 2, schema: RoomInvitationDoc, migrations: { 1: (doc) => ({ ...doc, cancelled: null }) } });
