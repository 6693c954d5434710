import * as z from 'zod/mini';
import { base, defineModel, isoInstant } from './versioned';

/** PIPL: a person's request that a property delete what it holds about them, and what came of it. */
export const ErasureDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  openid: z.string().check(z.minLength(1)),
  name: z.string(),
  status: z.enum(['pending', 'done']),
  reason: z.string(),
  requestedAt: isoInstant,
  done: z.nullable(z.object({ by: z.string(), at: isoInstant })),
});
export type ErasureDoc = z.infer<typeof ErasureDoc>;
export const erasureModel = defineModel({ collection: 'erasures', version: 1, schema: ErasureDoc });

/** What stays of an erased person on the records the property must keep (work orders, complaints). */
export const ERASED_NAME = '已注销住户';
