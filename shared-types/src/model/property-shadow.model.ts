import * as z from 'zod/mini';
import { defineModel } from './versioned';

/**
 * Issue 16 (speed) for issue 14 (1): a property's status, copied into the `members` collection so that
 * the router reads it with the caller's membership in one query (`{ propertyId, openid: in [caller,
 * PROPERTY_SHADOW_OPENID] }`, served by the members' unique (propertyId, openid) index). Its openid is
 * one no WeChat user has (an OPENID is letters, digits, `-` and `_`), so exactly one shadow per
 * property fits that unique index (without an openid it would be indexed as null, and two properties'
 * copies would collide: https://mongodb.com/docs/v3.0/core/index-unique/, "Unique Index and Missing
 * Field"; the local engine does the same, local/db/collection-store.ts), and it holds no `role`, `status`, `roomIds` or `name`: every other
 * query on `members` names one of them (or an openid of a person, or a member's id), so none returns it.
 * It carries no `schemaVersion` either: a members upgrade (`where schemaVersion < n`) never reads it.
 *
 * Only the deactivation makes a property inactive (there is no way back), and it writes the property
 * and this copy in one transaction; an `active` copy is only ever inserted, never written over a copy
 * that is there. So a copy that is there is the property's status, and a property with none (made before
 * the copies, or in the minute before the timer's upgrade step wrote it) is read from its own document.
 */
export const PROPERTY_SHADOW_OPENID = '~property';

export const PropertyShadowDoc = z.object({
  _id: z.string().check(z.minLength(1)),
  propertyId: z.string().check(z.minLength(1)),
  openid: z.literal(PROPERTY_SHADOW_OPENID),
  propertyStatus: z.enum(['active', 'inactive']),
});
export type PropertyShadowDoc = z.infer<typeof PropertyShadowDoc>;

/** Read through `parseStored` like every stored document; never written through `toStored` (it has no version). */
export const propertyShadowModel = defineModel({ collection: 'members', version: 1, schema: PropertyShadowDoc });

/** The copy's id: `~` is in no membership's id (server-made ids are `mb_` and hex, the platform's own are hex). */
export const propertyShadowId = (propertyId: string) => `property~${propertyId}`;

export const propertyShadow = (propertyId: string, propertyStatus: PropertyShadowDoc['propertyStatus']): PropertyShadowDoc => ({
  _id: propertyShadowId(propertyId),
  propertyId,
  openid: PROPERTY_SHADOW_OPENID,
  propertyStatus,
});
