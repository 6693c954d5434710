import type * as c from '@shared/contracts/files.contract';
import { fileReadModel } from '@shared/model/resident-file.model';
import { ok } from '@shared/result';
import { mapPage, readPage } from '../_shared/paging';
import type { Handler } from '../_shared/router';
import { readView } from './views';

/** P1: every read of a resident file in the property, the newest first. */
export const log: Handler<typeof c.log> = async (input, { deps }) => {
  const source = { collection: 'fileReads', where: { propertyId: input.propertyId }, sort: [{ field: 'at', order: 'desc' as const }], parse: (raw: unknown) => fileReadModel.parse(raw) };
  return ok(mapPage(await readPage(deps.db, { name: 'files.log', sources: [source] }, input), readView));
};
