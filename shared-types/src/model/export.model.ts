import * as z from 'zod/mini';
import { base, defineModel, isoInstant } from './versioned';

export const ExportStatus = z.enum(['building', 'ready', 'failed']);
export type ExportStatus = z.infer<typeof ExportStatus>;

/**
 * Issue 17 (2): one report export a supervisor or manager asked for, recorded before its workbook is
 * built so that it can be found again after leaving the page. Only its member reads it.
 */
export const ExportDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  memberId: z.string(),
  period: z.string(),
  /** The workbook's name once it is stored (it names the property, read alongside the build). */
  fileName: z.nullable(z.string()),
  status: ExportStatus,
  /** The stored workbook once ready; never sent as it is (the answer links it). */
  fileId: z.nullable(z.string()),
  startedAt: isoInstant,
  finishedAt: z.nullable(isoInstant),
  version: z.number().check(z.int(), z.gte(1)),
});
export type ExportDoc = z.infer<typeof ExportDoc>;
export const exportModel = defineModel({ collection: 'exports', version: 1, schema: ExportDoc });
