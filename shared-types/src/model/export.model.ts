import * as z from 'zod/mini';
import { base, defineModel, isoInstant } from './versioned';

/** `expired`: its file deleted by the timer once the retention ran out (export.machine.ts, EXPORT_KEPT_DAYS). */
export const ExportStatus = z.enum(['building', 'ready', 'failed', 'expired']);
export type ExportStatus = z.infer<typeof ExportStatus>;

/**
 * Issue 17 (2): one report export a supervisor or manager asked for, recorded before its workbook is
 * built so that it can be found again after leaving the page. Only its member reads it. v2: the
 * command id it was asked with (a replay of that command answers its file again; null before v2),
 * and `expired`.
 */
export const ExportDoc = z.object({
  ...base,
  schemaVersion: z.literal(2),
  memberId: z.string(),
  /** The client's command id of the exportXlsx that made it; null for exports recorded before v2. */
  commandId: z.nullable(z.string()),
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
export const exportModel = defineModel({ collection: 'exports', version: 2, schema: ExportDoc, migrations: { 1: (doc) => ({ ...doc, commandId: null }) } });
