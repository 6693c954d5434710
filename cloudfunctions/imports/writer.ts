import type { RoomImportDoc } from '@shared/model/room-import.model';
import { roomId, roomModel } from '@shared/model/property.model';
import type { Deps } from '../_shared/deps';
import { addRooms, advanceRoomImport, findRoomImport, roomsByIds } from '../_shared/rooms';

/** A chunk is one query and one batched insert; a call writes a few, well inside a function's time. */
export const CHUNK_SIZE = 100;
export const CHUNKS_PER_CALL = 5;

const chunkOf = (doc: RoomImportDoc, index: number) => doc.rows.slice(index * doc.chunkSize, (index + 1) * doc.chunkSize);
const chunkCount = (doc: RoomImportDoc) => Math.ceil(doc.rows.length / doc.chunkSize);

/**
 * Writes one chunk: the rooms it names that do not exist yet, with deterministic ids, so a chunk
 * written twice (a retried call, the timer and a person at once) adds nothing twice and never
 * touches a room that was already there. Answers how many were added and how many existed.
 */
const writeChunk = async (deps: Deps, doc: RoomImportDoc, index: number): Promise<{ added: number; existing: number }> => {
  const { db } = deps;
  const wanted = chunkOf(doc, index).map((line) => {
    const [building = '', unit = '', room = ''] = line.split('|');
    return roomModel.toStored({ _id: roomId(doc.propertyId, building, unit, room), propertyId: doc.propertyId, building, unit, room, importId: doc._id });
  });
  const ids = wanted.map((r) => r._id);
  for (let attempt = 0; ; attempt++) {
    const there = await roomsByIds(db, ids);
    const ours = new Set(there.filter((r) => r.importId === doc._id).map((r) => r._id));
    const others = there.length - ours.size;
    const missing = wanted.filter((r) => !there.some((t) => t._id === r._id));
    if (!missing.length) return { added: ours.size, existing: others };
    try {
      await addRooms(db, missing);
      return { added: ours.size + missing.length, existing: others };
    } catch (e) {
      // Someone wrote part of this chunk meanwhile: look again and insert what is still missing.
      if (attempt >= 2) throw e;
    }
  }
};

/**
 * Carries an import on by up to CHUNKS_PER_CALL chunks. Each chunk advances `nextChunk` only from
 * the value it started at, so two writers never count a chunk twice; the last chunk marks the
 * import done, and from that moment its rooms exist for everyone. `read` is the import as the caller
 * has just read it, which then stands for the first look (a stale one only loses that chunk's
 * conditional update, and the next look reads again).
 */
export const carryOnImport = async (deps: Deps, importId: string, read?: RoomImportDoc): Promise<RoomImportDoc | null> => {
  const { db } = deps;
  for (let n = 0; n < CHUNKS_PER_CALL; n++) {
    const doc = n === 0 && read ? read : await findRoomImport(db, importId);
    if (!doc || doc.status === 'done') return doc;
    const index = doc.nextChunk;
    const { added, existing } = await writeChunk(deps, doc, index);
    const last = index + 1 >= chunkCount(doc);
    const now = deps.now().toISOString();
    await advanceRoomImport(db, importId, index, {
      added: doc.added + added,
      existing: doc.existing + existing,
      updatedAt: now,
      ...(last ? { status: 'done' as const, doneAt: now } : {}),
    });
  }
  return findRoomImport(db, importId);
};
