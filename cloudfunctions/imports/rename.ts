import type { importsActions } from '@shared/contracts/imports.contract';
import { failure } from '@shared/messages/failure';
import { ok } from '@shared/result';
import { roomId, roomModel, type RoomDoc } from '@shared/model/property.model';
import type { Handler } from '../_shared/router';
import { recordOnce } from '../_shared/commands';
import { addRooms, markBuildingMoving, removeBuildingRooms, roomsOfBuilding } from '../_shared/rooms';
import { moveMemberRooms, residentsOfRooms } from '../_shared/membership';

const CHUNK = 100;

/**
 * Issue 7 (2): renaming a building moves its rooms to ids under the new name (an id is the room's
 * label) and rebinds every resident of them, in steps that can each be repeated: the new rooms
 * are marked with where they are going, the new rooms written (skipping those already there), the
 * residents moved, and the old rooms removed. A name another building has is refused; a rename cut
 * short is recognised by its marks and finished. Done, it records its answer for a retry (issue 12, 5).
 */
export const renameBuilding: Handler<(typeof importsActions)['renameBuilding']> = async (input, ctx) => {
  const { db } = ctx.deps;
  const _ = db.command;
  const [from, to] = [input.from.toUpperCase(), input.to.toUpperCase()];
  if (from === to) return ok({ moved: 0, residents: 0 });
  const [old, already] = await Promise.all([roomsOfBuilding(db, input.propertyId, from), roomsOfBuilding(db, input.propertyId, to)]);
  const moved = (r: RoomDoc) => roomId(r.propertyId, to, r.unit, r.room);
  const resuming = old.length > 0 && old.every((r) => r.movingTo === to);
  if (already.length && !resuming) return old.length ? failure('IMPORT.BUILDING_TAKEN') : ok({ moved: 0, residents: 0 });
  if (!old.length) return failure('IMPORT.NO_SUCH_BUILDING');
  if (!resuming) await markBuildingMoving(db, input.propertyId, from, to);

  const there = new Set(already.map((r) => r._id));
  const fresh = old
    .filter((r) => !there.has(moved(r)))
    .map(({ movingTo: _moving, ...r }) => roomModel.toStored({ ...r, _id: moved(r), building: to }));
  for (let i = 0; i < fresh.length; i += CHUNK) {
    await addRooms(db, fresh.slice(i, i + CHUNK));
  }
  const rename = new Map(old.map((r) => [r._id, moved(r)]));
  let residents = 0;
  for (let i = 0; i < old.length; i += CHUNK) {
    const ids = old.slice(i, i + CHUNK).map((r) => r._id);
    for (const m of await residentsOfRooms(db, input.propertyId, ids)) {
      await moveMemberRooms(db, m._id, m.roomIds.map((id) => rename.get(id) ?? id));
      residents++;
    }
  }
  await removeBuildingRooms(db, input.propertyId, from);
  return ok(await recordOnce(ctx, 'imports.renameBuilding', { moved: old.length, residents }));
};
