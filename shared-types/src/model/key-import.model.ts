import * as z from 'zod/mini';
import { KeyKind, KeySet } from './key.model';
import { base, defineModel, isoInstant } from './versioned';

/** K1: one key of an import, as its row was checked. */
export const ImportedKey = z.object({
  line: z.number().check(z.int()),
  kind: KeyKind,
  opens: z.string(),
  label: z.string(),
  set: KeySet,
  depositFen: z.number().check(z.int(), z.gte(0)),
});
export type ImportedKey = z.infer<typeof ImportedKey>;

/**
 * K1: a key register file the desk has checked (previewed) and may commit. Its keys exist for
 * nobody until it is committed; committing again changes nothing.
 */
export const KeyImportDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  status: z.enum(['previewed', 'committed']),
  fileName: z.string(),
  keys: z.array(ImportedKey),
  added: z.number().check(z.int(), z.gte(0)),
  existing: z.number().check(z.int(), z.gte(0)),
  by: z.object({ memberId: z.string(), name: z.string() }),
  createdAt: isoInstant,
  committedAt: z.nullable(isoInstant),
});
export type KeyImportDoc = z.infer<typeof KeyImportDoc>;
export const keyImportModel = defineModel({ collection: 'keyImports', version: 1, schema: KeyImportDoc });
