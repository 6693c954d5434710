import * as z from 'zod/mini';
import { base, defineModel, isoInstant } from './versioned';

/**
 * Issue 5: the consent ledger. WeChat allows one subscribe message per acceptance of a one-time
 * template, so each acceptance adds one send for that person and template, and each send uses one.
 */
export const ConsentDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  openid: z.string().check(z.minLength(1)),
  templateId: z.string().check(z.minLength(1)),
  remaining: z.number().check(z.int(), z.gte(0)),
  updatedAt: isoInstant,
});
export type ConsentDoc = z.infer<typeof ConsentDoc>;
export const consentModel = defineModel({ collection: 'consents', version: 1, schema: ConsentDoc });
