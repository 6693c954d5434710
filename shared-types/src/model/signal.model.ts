import * as z from 'zod/mini';
import { base, defineModel, isoInstant } from './versioned';

/**
 * What clients watch for live updates: an audience key and a counter, nothing personal. A change
 * tells the client to fetch through a cloud function, which applies the caller's permissions.
 */
export const SignalDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  audience: z.string(),
  seq: z.number().check(z.int(), z.gte(0)),
  changedAt: isoInstant,
});
export type SignalDoc = z.infer<typeof SignalDoc>;
export const signalModel = defineModel({ collection: 'signals', version: 1, schema: SignalDoc });

export const signalId = (propertyId: string, audience: string) => `${propertyId}~${audience}`;

/** FNV-1a, 32 bit: a short stable key so a signal never carries an openid. */
const fnv1a = (text: string): string => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
};

export const audienceOfRole = (role: string) => `role:${role}`;
export const audienceOfUser = (openid: string) => `user:${fnv1a(openid)}`;

/**
 * Whom a signal speaks for: the person's own (`mine`: their repairs, orders, bookings, notices) or
 * their role's queue (`role`). A client watches only the signals its data concerns.
 */
export type SignalConcern = 'mine' | 'role';
export const concernOf = (id: string): SignalConcern => (id.slice(id.indexOf('~') + 1).startsWith(audienceOfRole('')) ? 'role' : 'mine');
