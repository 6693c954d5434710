import * as z from 'zod/mini';
import { commandFields, defineAction, DocId, scoped } from './action';
import { FileId } from './files';
import { KEY_COLUMNS } from '../domain/key-import.rules';
import { KeyKind, KeySet } from '../model/key.model';

const Part = z.string().check(z.trim(), z.regex(/^[A-Za-z0-9]{1,10}$/));

export const ImportView = z.object({
  /** Null when the file was refused: nothing was written. */
  id: z.nullable(z.string()),
  status: z.enum(['refused', 'writing', 'done']),
  fileName: z.string(),
  total: z.number().check(z.int()),
  written: z.number().check(z.int()),
  added: z.number().check(z.int()),
  existing: z.number().check(z.int()),
  /** A refused file's problem as a whole (no header, nothing in it, over 2 MB), or null. */
  fileProblem: z.nullable(z.enum(['bad_header', 'empty', 'unreadable', 'too_large'])),
  /** Every bad row by its number (the first 500). */
  problems: z.array(z.object({ line: z.number().check(z.int()), problem: z.string(), firstLine: z.nullable(z.number().check(z.int())) })),
});
export type ImportView = z.infer<typeof ImportView>;

/** The template to fill in: CSV text and an .xlsx workbook (base64). */
export const template = defineAction({
  fn: 'imports',
  name: 'template',
  input: z.strictObject({ ...scoped }),
  output: z.object({ csvName: z.string(), csv: z.string(), xlsxName: z.string(), xlsxBase64: z.string() }),
  roles: ['manager'],
  write: false,
  errors: [],
});

/** The largest spreadsheet an import takes. */
export const MAX_SHEET_BYTES = 2 * 1024 * 1024;

/**
 * Issue 7 (2): a spreadsheet of buildings, units and rooms (.csv or .xlsx, up to 2 MB). Every row is
 * checked first; one bad row and nothing is imported. A good file starts writing in chunks.
 *
 * The file goes to cloud storage first and the call names it (`fileId`), which the function
 * downloads: call data is no place for a file (WeChat advises wx.cloud.CDN above 100 KB,
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/functions/Cloud.callFunction.html;
 * CloudBase refuses text bodies over 100 KB with EXCEED_MAX_PAYLOAD_SIZE,
 * https://docs.cloudbase.net/en/error-code/service/EXCEED_MAX_PAYLOAD_SIZE). Releases before 11
 * sent the file inside the call as base64 (`contentBase64`), which still works for what fits.
 */
export const start = defineAction({
  fn: 'imports',
  name: 'start',
  input: z.strictObject({
    ...scoped,
    ...commandFields,
    fileName: z.string().check(z.trim(), z.regex(/\.(csv|xlsx)$/i), z.maxLength(100)),
    fileId: z.optional(FileId),
    contentBase64: z.optional(z.string().check(z.maxLength(100_000), z.regex(/^[A-Za-z0-9+/=]*$/))),
  }).check(z.refine((i) => (i.fileId === undefined) !== (i.contentBase64 === undefined), { path: ['fileId'] })),
  output: ImportView,
  roles: ['manager'],
  write: true,
  errors: ['IMPORT.FILE_NOT_YOURS'],
});

/** Writes the next chunks of an import; calling it again after it is done changes nothing. */
export const carryOn = defineAction({
  fn: 'imports',
  name: 'carryOn',
  input: z.strictObject({ ...scoped, importId: DocId }),
  output: ImportView,
  roles: ['manager'],
  write: false,
  errors: ['IMPORT.NOT_FOUND'],
});

/** A room added by hand (a small edit), visible at once; adding one that exists changes nothing. */
export const addRoom = defineAction({
  fn: 'imports',
  name: 'addRoom',
  input: z.strictObject({ ...scoped, ...commandFields, building: Part, unit: Part, room: Part }),
  output: z.object({ roomId: z.string(), label: z.string(), added: z.boolean() }),
  roles: ['manager'],
  write: true,
  errors: [],
});

/**
 * A small edit: a building's new name. Rooms are addressed by their labels (3-2-1502), so its rooms
 * move to ids under the new name and every resident bound to one follows; running it again after
 * an interruption finishes the move.
 */
export const renameBuilding = defineAction({
  fn: 'imports',
  name: 'renameBuilding',
  input: z.strictObject({ ...scoped, ...commandFields, from: Part, to: Part }),
  output: z.object({ moved: z.number().check(z.int()), residents: z.number().check(z.int()) }),
  roles: ['manager'],
  write: true,
  errors: ['IMPORT.BUILDING_TAKEN', 'IMPORT.NO_SUCH_BUILDING'],
});

/** K1: the key register's template to fill in: CSV text and an .xlsx workbook (base64). */
export const keyTemplate = defineAction({
  fn: 'imports',
  name: 'keyTemplate',
  input: z.strictObject({ ...scoped }),
  output: template.output,
  roles: ['desk', 'supervisor'],
  write: false,
  errors: [],
});

export const KeyImportView = z.object({
  /** Null when the file was refused: nothing can be committed. */
  id: z.nullable(z.string()),
  status: z.enum(['refused', 'previewed', 'committed']),
  fileName: z.string(),
  /** A refused file's problem as a whole, or null. */
  fileProblem: z.nullable(z.enum(['bad_header', 'empty', 'unreadable', 'too_large', 'too_many'])),
  /** Every problem by its row and column (the first 500). */
  problems: z.array(z.object({ line: z.number().check(z.int()), column: z.enum(KEY_COLUMNS), problem: z.string(), firstLine: z.nullable(z.number().check(z.int())) })),
  /** K1: kinds the file lists without a key of their emergency spare set. */
  sparesMissing: z.array(KeyKind),
  /** The keys as they will be written (the first 500), each marked when the register already holds it. */
  keys: z.array(z.object({ line: z.number().check(z.int()), kind: KeyKind, opens: z.string(), label: z.string(), set: KeySet, depositFen: z.number().check(z.int()), existing: z.boolean() })),
  total: z.number().check(z.int()),
  /** Committed: how many were added, and how many the register already held (left as they were). */
  added: z.number().check(z.int()),
  existing: z.number().check(z.int()),
});
export type KeyImportView = z.infer<typeof KeyImportView>;

/**
 * K1: a key register file (.csv or .xlsx, up to 2 MB, the caller's own upload) checked row by row
 * and shown before anything is written: each problem by its row and column, or the keys as they
 * will be written. A clean file is kept for `commitKeys`.
 */
export const previewKeys = defineAction({
  fn: 'imports',
  name: 'previewKeys',
  input: z.strictObject({ ...scoped, ...commandFields, fileName: z.string().check(z.trim(), z.regex(/\.(csv|xlsx)$/i), z.maxLength(100)), fileId: FileId }),
  output: KeyImportView,
  roles: ['desk', 'supervisor'],
  write: true,
  errors: ['IMPORT.FILE_NOT_YOURS'],
});

/** K1: a previewed file written into the register: keys it already holds are left as they are, so committing or importing again adds nothing twice. */
export const commitKeys = defineAction({
  fn: 'imports',
  name: 'commitKeys',
  input: z.strictObject({ ...scoped, ...commandFields, importId: DocId }),
  output: KeyImportView,
  roles: ['desk', 'supervisor'],
  write: true,
  errors: ['IMPORT.NOT_FOUND'],
});

export const importsActions = { template, start, carryOn, addRoom, renameBuilding, keyTemplate, previewKeys, commitKeys } as const;
