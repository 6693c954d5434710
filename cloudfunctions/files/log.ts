import type * as c from '@shared/contracts/files.contract';
import { ok } from '@shared/result';
import { mapPage, readPage } from '../_shared/paging';
import type { Handler } from '../_shared/router';
import { readsNewestFirst } from './files.repo';
import { readView } from './views';

/** P1: every read of a resident file in the property, the newest first. */
export const log: Handler<typeof c.log> = async (input, { deps }) => {
  return ok(mapPage(await readPage(deps.db, { name: 'files.log', sources: [readsNewestFirst(input.propertyId)] }, input), readView));
};
