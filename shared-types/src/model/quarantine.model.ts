import * as z from 'zod/mini';
import { TimerStep } from './environment.model';
import { defineModel, isoInstant } from './versioned';

/**
 * Issue 12 (3.8): a stored document that failed its model when the timer read it, moved here whole
 * with the reason, so no sweep reads it again and the health page shows it until someone repairs it.
 */
export const QuarantineDoc = z.object({
  _id: z.string().check(z.minLength(1)),
  schemaVersion: z.literal(1),
  /** The property the document named, or null for one the whole environment shares. */
  propertyId: z.nullable(z.string()),
  collection: z.string(),
  docId: z.string(),
  reason: z.string(),
  foundBy: TimerStep,
  at: isoInstant,
  /**
   * The document as it was stored, as JSON text, to repair and put back by hand. Text, not a nested
   * document: its field names are whatever the broken document had (issue 13, 1.2).
   */
  document: z.string(),
});
export type QuarantineDoc = z.infer<typeof QuarantineDoc>;
export const quarantineModel = defineModel({ collection: 'quarantine', version: 1, schema: QuarantineDoc });
