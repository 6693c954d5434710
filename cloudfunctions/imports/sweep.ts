import { roomImportModel } from '@shared/model/room-import.model';
import { addMinutes } from '@shared/time/shanghai';
import type { Sweep } from '../_shared/sweep';
import { carryOnImport } from './writer';
import { importsLeftWriting } from '../_shared/rooms';

/** Issue 7 (2): an import its manager stopped carrying on (the page was closed) is finished here, a few chunks a minute, each import on its own. */
export const carryOnImports = async (sweep: Sweep, limit = 3): Promise<number> => {
  const { deps } = sweep;
  const { db } = deps;
  const quiet = addMinutes(deps.now(), -1).toISOString();
  const left = await importsLeftWriting(db, quiet, limit);
  let done = 0;
  for (const doc of await sweep.parse(roomImportModel, left)) {
    if ((await sweep.unit(`import ${doc._id}`, () => carryOnImport(deps, doc._id)))?.status === 'done') done++;
  }
  return done;
};
