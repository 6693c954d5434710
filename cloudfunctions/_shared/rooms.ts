import { roomImportModel, type RoomImportDoc } from '@shared/model/room-import.model';
import { roomModel, type RoomDoc } from '@shared/model/property.model';
import type { Database, Tx } from './database';
import { findById, parseAll, readAll, withoutId } from './repo';

/**
 * A property's rooms (`rooms`) and the spreadsheet imports that write them (`roomImports`, issue 7): the
 * only module that names them. In `_shared/` because every area that takes a room (repairs, complaints,
 * visits, session, members) looks it up here, and `_shared/` imports no area; the imports area writes them
 * through it.
 */

/** A room as stored, whether or not the import that wrote it is in. */
export const findRoomAsStored = (db: Database, id: string): Promise<RoomDoc | null> => findById(db, roomModel, id);

/**
 * A room of the property as people may use it: one written by a spreadsheet import exists only
 * once that whole import is in (issue 7: the rooms become visible when the batch is complete).
 */
export const findRoom = async (db: Database, id: string): Promise<RoomDoc | null> => {
  const room = await findById(db, roomModel, id);
  if (!room?.importId) return room;
  const batch = await findById(db, roomImportModel, room.importId);
  return batch?.status === 'done' ? room : null;
};

/** The rooms of these ids that exist, as stored (one read: at most 100 ids). */
export const roomsByIds = async (db: Database, ids: readonly string[], limit = ids.length): Promise<RoomDoc[]> =>
  parseAll(roomModel, (await db.collection('rooms').where({ _id: db.command.in([...ids]) }).limit(limit).get()).data);

/** R1: whether the property has any room in a building (one read). */
export const buildingHasRooms = async (db: Database, propertyId: string, building: string): Promise<boolean> =>
  (await db.collection('rooms').where({ propertyId, building }).limit(1).get()).data.length > 0;

/** A building's rooms, by unit and room. */
export const roomsOfBuilding = (db: Database, propertyId: string, building: string): Promise<RoomDoc[]> =>
  readAll(roomModel, db.collection('rooms').where({ propertyId, building }).orderBy('unit', 'asc').orderBy('room', 'asc'));

/** Issue 7 (2): a building's rooms marked with the name they are moving to, so a rename cut short is recognised. */
export const markBuildingMoving = async (db: Database, propertyId: string, building: string, to: string): Promise<void> => {
  await db.collection('rooms').where({ propertyId, building }).update({ data: { movingTo: to } });
};

/** Rooms inserted in one batch (at most 100); one whose id is taken makes the whole insert fail, and the caller looks again. */
export const addRooms = async (db: Database, rooms: readonly RoomDoc[]): Promise<void> => {
  await db.collection('rooms').add({ data: rooms.map((r) => ({ _id: r._id, ...withoutId(r) })) });
};

/** Issue 7 (2): a renamed building's old rooms, removed once their residents moved. */
export const removeBuildingRooms = async (db: Database, propertyId: string, building: string): Promise<void> => {
  await db.collection('rooms').where({ propertyId, building }).remove();
};

export const writeRoomInTx = async (tx: Tx, room: RoomDoc): Promise<void> => {
  await tx.collection('rooms').doc(room._id).set({ data: withoutId(room) });
};

export const findRoomImport = (db: Database, id: string): Promise<RoomImportDoc | null> => findById(db, roomImportModel, id);

export const writeRoomImportInTx = async (tx: Tx, doc: RoomImportDoc): Promise<void> => {
  await tx.collection('roomImports').doc(doc._id).set({ data: withoutId(doc) });
};

/** Issue 7 (2): an import moved on past chunk `index` only from that value, so two writers never count a chunk twice. */
export const advanceRoomImport = async (db: Database, id: string, index: number, data: Partial<Omit<RoomImportDoc, '_id' | 'nextChunk'>>): Promise<void> => {
  await db
    .collection('roomImports')
    .where({ _id: id, nextChunk: index })
    .update({ data: { nextChunk: index + 1, ...data } });
};

/** Imports left writing, quiet since `quiet` (ISO): stored documents, for the timer to parse (and quarantine). */
export const importsLeftWriting = async (db: Database, quiet: string, limit: number): Promise<unknown[]> =>
  (await db.collection('roomImports').where({ status: 'writing', updatedAt: db.command.lte(quiet) }).limit(limit).get()).data;
