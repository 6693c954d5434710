import { MAX_SHEET_BYTES, importsActions, type ImportView } from '@shared/contracts/imports.contract';
import { failure } from '@shared/messages/failure';
import { ok } from '@shared/result';
import { checkRoomRows, TEMPLATE_HEADER, templateCsv, type RowReport } from '@shared/domain/room-import.rules';
import { roomImportModel, type RoomImportDoc } from '@shared/model/room-import.model';
import { roomId, roomLabel, roomModel } from '@shared/model/property.model';
import { defineFunction, replaysFirst, withPrefetch, writesFirst, type Handler } from '../_shared/router';
import { applyOnce, finishOnce } from '../_shared/commands';
import { derivedId } from '../_shared/ids';
import { findRoomAsStored, findRoomImport, writeRoomImportInTx, writeRoomInTx } from '../_shared/rooms';
import { ownsFile } from '../_shared/storage';
import type { ActionContext } from '../_shared/context';
import { readSheet, templateXlsx } from './read-sheet';
import { CHUNK_SIZE, carryOnImport } from './writer';
import { renameBuilding } from './rename';
import { commitKeys, keyTemplate, previewKeys } from './key-import';

const MAX_PROBLEMS = 500;

const viewOf = (doc: RoomImportDoc): ImportView => ({
  id: doc._id,
  status: doc.status,
  fileName: doc.fileName,
  total: doc.rows.length,
  written: Math.min(doc.rows.length, doc.nextChunk * doc.chunkSize),
  added: doc.added,
  existing: doc.existing,
  fileProblem: null,
  problems: [],
});

const refused = (fileName: string, fileProblem: ImportView['fileProblem'], problems: RowReport[] = []): ImportView => ({
  id: null,
  status: 'refused',
  fileName,
  total: 0,
  written: 0,
  added: 0,
  existing: 0,
  fileProblem,
  problems: problems.slice(0, MAX_PROBLEMS),
});

const template: Handler<(typeof importsActions)['template']> = async () => {
  const examples = [
    ['1', '1', '101'],
    ['1', '1', '102'],
  ];
  return ok({
    csvName: '房屋导入模板.csv',
    csv: templateCsv(),
    xlsxName: '房屋导入模板.xlsx',
    xlsxBase64: (await templateXlsx(TEMPLATE_HEADER, examples)).toString('base64'),
  });
};

/**
 * Issue 7 (2): every row is checked before anything is written, and one bad row refuses the file.
 * A good one is recorded as an import (its rows, in order) in one write, then written in chunks
 * with deterministic room ids, here and by later calls or the timer, until it is done.
 */
/** The file's bytes: the caller's own upload, downloaded; or, from releases before 11, the call's own base64. */
const contentOf = (input: { fileId?: string; contentBase64?: string }, { deps }: ActionContext): Promise<Buffer | null> =>
  input.fileId ? deps.files.download(input.fileId) : Promise.resolve(Buffer.from(input.contentBase64 ?? '', 'base64'));

const start: Handler<(typeof importsActions)['start']> = async (input, ctx) => {
  const { deps, member, now } = ctx;
  if (input.fileId && !ownsFile(member, input.fileId)) return failure('IMPORT.FILE_NOT_YOURS');
  const content = await contentOf(input, ctx);
  if (!content) return ok(refused(input.fileName, 'unreadable'));
  if (content.length > MAX_SHEET_BYTES) return ok(refused(input.fileName, 'too_large'));
  const cells = await readSheet(input.fileName, content);
  if (!cells) return ok(refused(input.fileName, 'unreadable'));
  const checked = checkRoomRows(cells);
  if (typeof checked === 'string') return ok(refused(input.fileName, checked));
  if (checked.problems.length) return ok(refused(input.fileName, null, checked.problems));
  const at = now.toISOString();
  const doc = roomImportModel.toStored({
    _id: derivedId('ri', ctx.commandKey),
    propertyId: input.propertyId,
    status: 'writing',
    fileName: input.fileName,
    rows: checked.rows.map((r) => `${r.building}|${r.unit}|${r.room}`),
    chunkSize: CHUNK_SIZE,
    nextChunk: 0,
    added: 0,
    existing: 0,
    by: { name: member.name, openid: member.openid },
    createdAt: at,
    updatedAt: at,
    doneAt: null,
  });
  const applied = await applyOnce(ctx, 'imports.start', async (tx) => {
    await writeRoomImportInTx(tx, doc);
    return viewOf(doc);
  });
  // The import runs on within the call: a retry answers with it as this call left it.
  return ok(await finishOnce(ctx, applied, async (first) => {
    const after = await carryOnImport(deps, doc._id);
    return after ? viewOf(after) : first;
  }));
};

/**
 * Issue 16: the import named by the input is read beside the manager's membership and reaches this
 * only once they are authorised; that read is the writer's first look, so a finished import answers in one wait.
 */
const carryOn: Handler<(typeof importsActions)['carryOn']> = withPrefetch<(typeof importsActions)['carryOn'], RoomImportDoc | null>(
  (input, deps) => findRoomImport(deps.db, input.importId),
  async (input, { deps }, doc) => {
    if (!doc || doc.propertyId !== input.propertyId) return failure('IMPORT.NOT_FOUND');
    return ok(viewOf((await carryOnImport(deps, doc._id, doc)) ?? doc));
  },
);

/** A small edit: one room, visible at once. */
const addRoom: Handler<(typeof importsActions)['addRoom']> = async (input, ctx) => {
  const parts = { building: input.building.toUpperCase(), unit: input.unit.toUpperCase(), room: input.room.toUpperCase() };
  const id = roomId(input.propertyId, parts.building, parts.unit, parts.room);
  const existing = await findRoomAsStored(ctx.deps.db, id);
  const { result } = await applyOnce(ctx, 'imports.addRoom', async (tx) => {
    if (!existing) {
      const room = roomModel.toStored({ _id: id, propertyId: input.propertyId, ...parts, importId: null });
      await writeRoomInTx(tx, room);
    }
    return { roomId: id, label: roomLabel(parts), added: !existing };
  });
  return ok(result);
};

/** Issue 7 (2): the property's rooms from a spreadsheet, and small edits by hand; issue 19 (2): the key register from a spreadsheet (K1). */
export const handle = defineFunction('imports', importsActions, {
  template,
  start,
  carryOn,
  addRoom,
  renameBuilding: writesFirst(renameBuilding),
  keyTemplate,
  previewKeys,
  // Issue 16: read its command's record first (replaysFirst, router.ts): it adds the keys to the register outside its
  // transaction, so an id sent before with another action must be refused before it does.
  commitKeys: replaysFirst(commitKeys),
});
