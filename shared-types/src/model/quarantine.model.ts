import * as z from 'zod';
import { TimerStep } from './environment.model';
import { defineModel, isoInstant } from './versioned';

/**
 * Issue 12 (3.8): a stored document that failed its model when the timer read it, moved here whole
 * with the reason, so no sweep reads it again and the health page shows it until someone repairs it.
 */
export const QuarantineDoc = z.object({
  _id: z.string().min(1),
  schemaVersion: z.literal(1),
  /** The property the document named, or null for one the whole environment shares. */
  propertyId: z.string().nullable(),
  collection: z.string(),
  docId: z.string(),
  reason: z.string(),
  foundBy: TimerStep,
  at: isoInstant,
  /** The document as it was stored, to repair and put back by hand. */
  doc: z.record(z.string(), z.unknown()),
});
export type QuarantineDoc = z.infer<typeof QuarantineDoc>;
export const quarantineModel = defineModel({ collection: 'quarantine', version: 1, schema: QuarantineDoc });
