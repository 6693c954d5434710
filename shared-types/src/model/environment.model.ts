import * as z from 'zod';
import { defineModel, isoInstant } from './versioned';

export const BOOTSTRAP_DOC_ID = 'bootstrap';

/**
 * What the environment itself records, not any property: how many times a first manager was
 * bootstrapped. A bootstrap commits only if `runs` is still what it read before checking that no
 * manager exists, so two bootstraps racing each other cannot both succeed.
 */
export const BootstrapDoc = z.object({
  _id: z.literal(BOOTSTRAP_DOC_ID),
  schemaVersion: z.literal(1),
  runs: z.number().int().min(0),
  last: z.object({ propertyId: z.string(), at: isoInstant }).nullable(),
});
export type BootstrapDoc = z.infer<typeof BootstrapDoc>;
export const bootstrapModel = defineModel({ collection: 'environment', version: 1, schema: BootstrapDoc });
