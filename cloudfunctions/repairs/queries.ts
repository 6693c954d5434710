import * as z from 'zod/mini';
import type * as contract from '@shared/contracts/repairs.contract';
import { failure } from '@shared/messages/failure';
import { ok } from '@shared/result';
import { QUEUE_CLOSED } from '@shared/domain/repair-queue.rules';
import { onTechnicianList } from '@shared/domain/waiting-work.rules';
import { filedBy, seesRepair, type FiledRepair } from '@shared/domain/household.rules';
import { repairModel, type RepairDoc } from '@shared/model/repair.model';
import { eventModel } from '@shared/model/event.model';
import type { Handler } from '../_shared/router';
import { findById, parseAll } from '../_shared/repo';
import { mapPage, mergeParts, readPage, readParts, type SortKey, type Source } from '../_shared/paging';
import { canFollow, toView } from './views';
import { householdFor, householdOfCaller } from './household';

/** What a room's count reads of each of its repairs. */
const FiledKey = z.object({ residentOpenid: z.string(), roomId: z.string(), createdAt: z.string() });

const repairs = (where: object, sort: SortKey[]): Source<RepairDoc> => ({ collection: 'repairs', where, sort, parse: (raw) => repairModel.parse(raw) });
const newestFirst: SortKey[] = [{ field: 'createdAt', order: 'desc' }];
/** R3: the desk's queue order (see `queueRank`), the oldest first within a rank. */
const queueOrder: SortKey[] = [
  { field: 'queueRank', order: 'asc' },
  { field: 'createdAt', order: 'asc' },
];
const dayPlanOrder: SortKey[] = [
  { field: 'queueRank', order: 'asc' },
  { field: 'plannedAt', order: 'asc' },
  { field: 'createdAt', order: 'asc' },
];

/** A room's repairs read to count those she sees: far more than a household files while bound. */
const ROOM_COUNT_READ = 1000;

/**
 * Issue 18 (5): her repairs and her household's: her own filings, and each bound room's repairs
 * filed since she was bound, newest first, read with her binding requests in one wait. A room's
 * repairs are read by the room (`household` indexes: room, then filing time); the ones filed before
 * she was bound are the oldest of the room's, so dropping them leaves the newest in order and the
 * page right. A room's count is read the same way (the filing times and filers only), since what
 * she sees of it depends on her binding, which is read in the same wait.
 */
export const listMine: Handler<typeof contract.listMine> = async (input, { deps, member, now }) => {
  const { db } = deps;
  const open = input.open ? { queueRank: db.command.lt(QUEUE_CLOSED) } : {};
  const ofRoom = (roomId: string) => ({ propertyId: input.propertyId, roomId, ...open });
  const listing = {
    name: input.open ? 'repairs.listMine.open' : 'repairs.listMine',
    sources: [
      repairs({ propertyId: input.propertyId, residentOpenid: member.openid, ...open }, newestFirst),
      ...member.roomIds.map((roomId) => ({ ...repairs(ofRoom(roomId), newestFirst), counted: false })),
    ],
  };
  const [household, [mine, ...rooms], filedInRooms] = await Promise.all([
    householdFor(db, member),
    readParts(db, listing, input),
    Promise.all(
      member.roomIds.map(async (roomId) => {
        const res = await db.collection('repairs').where(ofRoom(roomId)).orderBy('createdAt', 'desc').field({ residentOpenid: true, roomId: true, createdAt: true }).limit(ROOM_COUNT_READ).get();
        return res.data.map((raw) => FiledKey.parse(raw));
      }),
    ),
  ]);
  const others = (r: FiledRepair) => !filedBy(household, r) && seesRepair(household, r);
  const seen = rooms.map((part, i) => ({ rows: part.rows.filter((row) => seesRepair(household, row.doc)), total: (filedInRooms[i] ?? []).filter(others).length }));
  const page = mergeParts(listing, mine ? [mine, ...seen] : seen, input);
  return ok(mapPage(page, (r) => toView(r, member, now)));
};

/** R3: the desk's queue: every open order (or every order in one status), urgent ones first. */
export const inbox: Handler<typeof contract.inbox> = async (input, { deps, member, now }) => {
  const where = input.status ? { propertyId: input.propertyId, status: input.status } : { propertyId: input.propertyId, queueRank: deps.db.command.lt(QUEUE_CLOSED) };
  const page = await readPage(deps.db, { name: `repairs.inbox.${input.status ?? 'open'}`, sources: [repairs(where, queueOrder)] }, input);
  return ok(mapPage(page, (r) => toView(r, member, now)));
};

export const assigned: Handler<typeof contract.assigned> = async (input, { deps, member, now }) => {
  const where = { propertyId: input.propertyId, 'technician.openid': member.openid, status: deps.db.command.in([...onTechnicianList]) };
  const page = await readPage(deps.db, { name: 'repairs.assigned', sources: [repairs(where, dayPlanOrder)] }, input);
  return ok(mapPage(page, (r) => toView(r, member, now)));
};

export const getRepair: Handler<typeof contract.get> = async (input, { deps, member, now }) => {
  // The order, its history and (for a resident) her household are read together; the history is
  // shown only with an order the caller may see, and a visible order is of the caller's property.
  const [repair, res, household] = await Promise.all([
    findById(deps.db, repairModel, input.repairId),
    deps.db.collection('events').where({ propertyId: member.propertyId, 'subject.id': input.repairId }).orderBy('at', 'asc').limit(100).get(),
    householdOfCaller(deps.db, member),
  ]);
  if (!repair || !canFollow(member, household, repair)) return failure('REPAIR.NOT_FOUND');
  // Escalations the timer logs stay on the complaint side; a repair's history is its people's steps.
  const history = parseAll(eventModel, res.data).flatMap(({ action, from, to, role, reason, at }) =>
    role === 'system' ? [] : [{ action, from, to, role, reason, at }],
  );
  return ok({ ...toView(repair, member, now), history });
};
