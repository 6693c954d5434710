import { roomImportModel } from '@shared/model/room-import.model';
import { roomModel, type RoomDoc } from '@shared/model/property.model';
import type { Database } from './database';
import { findById } from './repo';

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
