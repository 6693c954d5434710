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
  schemaVersion: z.literal(1),
  roomId: z.string(),
  address: z.object({ building: z.string(), unit: z.string(), room: z.string() }),
  relation: InvitedRelation,
  status: z.enum(['open', 'used']),
  expiresAt: isoInstant,
  createdAt: isoInstant,
  createdBy: z.object({ memberId: z.string(), name: z.string() }),
  used: z.nullable(z.object({ bindingId: z.string(), name: z.string(), at: isoInstant })),
});
export type RoomInvitationDoc = z.infer<typeof RoomInvitationDoc>;
export const roomInvitationModel = defineModel({ collection: 'roomInvitations', version: 1, schema: RoomInvitationDoc });
