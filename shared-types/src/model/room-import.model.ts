import * as z from 'zod/mini';
import { base, defineModel, isoInstant } from './versioned';

/**
 * Issue 7 (2): one spreadsheet import, written in chunks across calls. Its rooms exist for nobody
 * until `status` is done; `nextChunk` says how far the writing has come, so any call (or the timer)
 * can carry it on.
 */
export const RoomImportDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  status: z.enum(['writing', 'done']),
  fileName: z.string(),
  /** "building|unit|room", in the file's order. */
  rows: z.array(z.string()),
  chunkSize: z.number().check(z.int(), z.positive()),
  nextChunk: z.number().check(z.int(), z.gte(0)),
  added: z.number().check(z.int(), z.gte(0)),
  existing: z.number().check(z.int(), z.gte(0)),
  by: z.object({ name: z.string(), openid: z.string() }),
  createdAt: isoInstant,
  updatedAt: isoInstant,
  doneAt: z.nullable(isoInstant),
});
export type RoomImportDoc = z.infer<typeof RoomImportDoc>;
export const roomImportModel = defineModel({ collection: 'roomImports', version: 1, schema: RoomImportDoc });
