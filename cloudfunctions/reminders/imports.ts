import { roomImportModel } from '@shared/model/room-import.model';
import { addMinutes } from '@shared/time/shanghai';
import type { Deps } from '../_shared/deps';
import { parseAll } from '../_shared/repo';
import { carryOnImport } from '../imports/writer';

/** Issue 7 (2): an import its manager stopped carrying on (the page was closed) is finished here, a few chunks a minute. */
export const carryOnImports = async (deps: Deps, limit = 3): Promise<number> => {
  const { db } = deps;
  const quiet = addMinutes(deps.now(), -1).toISOString();
  const res = await db.collection('roomImports').where({ status: 'writing', updatedAt: db.command.lte(quiet) }).limit(limit).get();
  let done = 0;
  for (const doc of parseAll(roomImportModel, res.data)) {
    if ((await carryOnImport(deps, doc._id))?.status === 'done') done++;
  }
  return done;
};
