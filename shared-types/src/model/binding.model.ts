import * as z from 'zod';
import { base, defineModel, isoInstant } from './versioned';
import { Role } from './member.model';

export const Relation = z.enum(['owner', 'family', 'tenant']);
export type Relation = z.infer<typeof Relation>;

export const BindingStatus = z.enum(['pending', 'approved', 'rejected']);
export type BindingStatus = z.infer<typeof BindingStatus>;

/**
 * A WeChat user's request to be bound to one room, as a resident. Until the desk approves it the
 * user is no member of the property; approval creates their resident membership or adds the room
 * to it. One request per room; a user may ask for several rooms.
 */
export const BindingDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  status: BindingStatus,
  version: z.number().int().positive(),
  openid: z.string().min(1),
  roomId: z.string(),
  address: z.object({ building: z.string(), unit: z.string(), room: z.string() }),
  name: z.string().min(1).max(40),
  relation: Relation,
  phone: z.string().max(20),
  review: z
    .object({ by: z.string(), role: Role, at: isoInstant, reason: z.string().nullable(), memberId: z.string().nullable() })
    .nullable(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type BindingDoc = z.infer<typeof BindingDoc>;
export const bindingModel = defineModel({ collection: 'bindings', version: 1, schema: BindingDoc });
