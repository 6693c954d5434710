import { MAX_SHEET_BYTES, type importsActions, type KeyImportView } from '@shared/contracts/imports.contract';
import { checkKeyRows, KEY_COLUMNS, KEY_TEMPLATE_EXAMPLES, KEY_TEMPLATE_HEADER, type KeyRow, type KeyRowReport } from '@shared/domain/key-import.rules';
import { failure } from '@shared/messages/failure';
import { keyImportModel, type ImportedKey, type KeyImportDoc } from '@shared/model/key-import.model';
import { roomId } from '@shared/model/property.model';
import { ok } from '@shared/result';
import { applyOnce } from '../_shared/commands';
import type { Database } from '../_shared/database';
import { derivedId } from '../_shared/ids';
import { findById, parseStored, settledAll, withoutId } from '../_shared/repo';
import { roomsByIds } from '../_shared/rooms';
import { withPrefetch, type Handler } from '../_shared/router';
import type { Deps } from '../_shared/deps';
import { ownsFile, pathOfFileId, uploadFolderOfPath } from '../_shared/storage';
import { keysHeld, registerKeys } from '../keys/exports';
import { readSheet, templateXlsx } from './read-sheet';

/** What a preview shows at most: the first 500 problems, the first 500 keys. */
const SHOWN = 500;

const csvOf = (rows: readonly (readonly string[])[]) => `\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;

/** K1: the register's template, with one example of each kind and its spare. */
export const keyTemplate: Handler<(typeof importsActions)['keyTemplate']> = async () =>
  ok({
    csvName: '钥匙登记导入模板.csv',
    csv: csvOf([KEY_TEMPLATE_HEADER, ...KEY_TEMPLATE_EXAMPLES]),
    xlsxName: '钥匙登记导入模板.xlsx',
    xlsxBase64: (await templateXlsx(KEY_TEMPLATE_HEADER, KEY_TEMPLATE_EXAMPLES, '钥匙登记')).toString('base64'),
  });

const refused = (fileName: string, fileProblem: KeyImportView['fileProblem'], problems: KeyRowReport[] = [], sparesMissing: KeyImportView['sparesMissing'] = []): KeyImportView => ({
  id: null,
  status: 'refused',
  fileName,
  fileProblem,
  problems: problems.slice(0, SHOWN),
  sparesMissing,
  keys: [],
  total: 0,
  added: 0,
  existing: 0,
});

const viewOf = (doc: KeyImportDoc, held: readonly boolean[]): KeyImportView => ({
  id: doc._id,
  status: doc.status,
  fileName: doc.fileName,
  fileProblem: null,
  problems: [],
  sparesMissing: [],
  keys: doc.keys.slice(0, SHOWN).map((k, i) => ({ ...k, existing: held[i] ?? false })),
  total: doc.keys.length,
  added: doc.added,
  existing: doc.existing,
});

/** K1: resident keys whose room the property does not have, reported on their row's 开启位置. */
const unknownRooms = async (db: Database, propertyId: string, rows: readonly KeyRow[]): Promise<KeyRowReport[]> => {
  const wanted = rows.flatMap((r) => (r.room ? [{ line: r.line, id: roomId(propertyId, r.room.building, r.room.unit, r.room.room) }] : []));
  const there = new Set<string>();
  for (let i = 0; i < wanted.length; i += 100) {
    const ids = [...new Set(wanted.slice(i, i + 100).map((w) => w.id))];
    for (const room of await roomsByIds(db, ids)) there.add(room._id);
  }
  return wanted.filter((w) => !there.has(w.id)).map((w) => ({ line: w.line, column: 'opens' as const, problem: 'no_such_room' as const, firstLine: null }));
};

const byRowAndColumn = (a: KeyRowReport, b: KeyRowReport) => a.line - b.line || KEY_COLUMNS.indexOf(a.column) - KEY_COLUMNS.indexOf(b.column);

/**
 * Issue 16: the upload the input names, downloaded beside the membership (any upload folder's file: whose folder it is
 * depends on the membership found, `ownsFile`). As every prefetch, it reaches the handler only once the caller is
 * authorised, and the handler refuses a file outside the caller's own folder before it reads a byte of it: a caller
 * learns nothing of another's upload, and could have had a file of that size downloaded with an upload of her own.
 */
const uploadNamed = async (input: { fileId: string }, deps: Deps): Promise<Buffer | null> =>
  uploadFolderOfPath(pathOfFileId(input.fileId) ?? '') === null ? null : deps.files.download(input.fileId);

/**
 * K1: the desk's own upload read and every row checked, column by column, with resident keys'
 * rooms looked up; nothing is written to the register. A clean file is kept (its keys, in order)
 * for `commitKeys`, and shown with the keys the register already holds marked.
 */
export const previewKeys: Handler<(typeof importsActions)['previewKeys']> = /* @__PURE__ */ withPrefetch<(typeof importsActions)['previewKeys'], Buffer | null>(uploadNamed, async (input, ctx, content) => {
  const { deps, member, now } = ctx;
  if (!ownsFile(member, input.fileId)) return failure('IMPORT.FILE_NOT_YOURS');
  if (!content) return ok(refused(input.fileName, 'unreadable'));
  if (content.length > MAX_SHEET_BYTES) return ok(refused(input.fileName, 'too_large'));
  const cells = await readSheet(input.fileName, content, KEY_COLUMNS.length);
  if (!cells) return ok(refused(input.fileName, 'unreadable'));
  const checked = checkKeyRows(cells);
  if (typeof checked === 'string') return ok(refused(input.fileName, checked));
  const keys: ImportedKey[] = checked.rows.map(({ room: _room, ...k }) => k);
  // Issue 16: the rooms and the register read together; what the register holds is shown only for a clean file.
  const [noRoom, held] = await Promise.all([unknownRooms(deps.db, member.propertyId, checked.rows), keysHeld(deps.db, member.propertyId, keys)]);
  const problems = [...checked.problems, ...noRoom].sort(byRowAndColumn);
  if (problems.length || checked.sparesMissing.length) return ok(refused(input.fileName, null, problems, checked.sparesMissing));
  const existing = held.filter(Boolean).length;
  const doc = keyImportModel.toStored({
    _id: derivedId('kimp', ctx.commandKey),
    propertyId: member.propertyId,
    status: 'previewed',
    fileName: input.fileName,
    keys,
    added: keys.length - existing,
    existing,
    by: { memberId: member._id, name: member.name },
    createdAt: now.toISOString(),
    committedAt: null,
  });
  const { result } = await applyOnce(ctx, 'imports.previewKeys', async (tx) => {
    await tx.collection('keyImports').doc(doc._id).set({ data: withoutId(doc) });
    return viewOf(doc, held);
  });
  return ok(result);
});

/**
 * K1: a previewed file written into the register through the keys area (keys it already holds are
 * left as they are), then marked committed; its counts are the preview's (new to the register, and
 * already in it). Committing it again, even at the same moment, answers the same and adds nothing.
 */
export const commitKeys: Handler<(typeof importsActions)['commitKeys']> = /* @__PURE__ */ withPrefetch<(typeof importsActions)['commitKeys'], KeyImportDoc | null>(
  // Issue 16: the import needs only the input: read beside the membership, checked against the caller's property below.
  (input, deps) => findById(deps.db, keyImportModel, input.importId),
  async (input, ctx, doc) => {
  const { deps, member, now } = ctx;
  if (!doc || doc.propertyId !== member.propertyId) return failure('IMPORT.NOT_FOUND');
  const all = doc.keys.map(() => true);
  if (doc.status === 'committed') return ok(viewOf(doc, all));
  const { result } = await applyOnce(ctx, 'imports.commitKeys', async (tx) => {
    // Issue 16: the keys are written to the register outside the transaction (each once, whoever writes it: a rerun or a
    // second commit adds nothing), beside its operations rather than before them; the import is marked only with them
    // stored: the transaction commits after both, and a failed registration fails the commit.
    const [view] = await settledAll([
      (async () => {
        const current = parseStored(keyImportModel, (await tx.collection('keyImports').doc(doc._id).get()).data);
        if (current.status === 'committed') return viewOf(current, all);
        const done = keyImportModel.toStored({ ...current, status: 'committed', committedAt: now.toISOString() });
        await tx.collection('keyImports').doc(doc._id).set({ data: withoutId(done) });
        return viewOf(done, all);
      })(),
      registerKeys(deps.db, doc.propertyId, doc.keys, member.name, now),
    ]);
    return view;
  });
  return ok(result);
  },
);
