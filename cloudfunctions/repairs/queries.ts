import type * as contract from '@shared/contracts/repairs.contract';
import { failure } from '@shared/messages/failure';
import { ok } from '@shared/result';
import { QUEUE_CLOSED } from '@shared/domain/repair-queue.rules';
import { onTechnicianList } from '@shared/domain/waiting-work.rules';
import { seesRepair, seesRoomSince } from '@shared/domain/household.rules';
import { eventModel } from '@shared/model/event.model';
import type { Handler } from '../_shared/router';
import { parseAll } from '../_shared/repo';
import { eventsOf } from '../_shared/events';
import { mapPage, mergeParts, readPage, readParts, type SortKey } from '../_shared/paging';
import { canFollow, toView } from './views';
import { householdFor, householdOfCaller, othersFiledSince, roomRepairs } from './household';
import { findRepair, repairsSource } from '../_shared/repairs.repo';

const repairs = repairsSource;
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

/**
 * Issue 18 (5): her repairs and her household's: her own filings, and each bound room's repairs
 * filed since she was bound, newest first, read with her binding requests in one wait. A room's
 * repairs are read by the room (`household` indexes: room, then filing time); the ones filed before
 * she was bound are the oldest of the room's, so dropping them leaves the newest in order and the
 * page right. A room's total is a count of the others' filings there since she was bound (the
 * `household_others` indexes: room, [open,] filing time, filer). It is asked in the same wait from
 * her membership's time, when she has been bound since then (a room of her first binding, the demo
 * seed's); a room she was bound to later (she came back, or was bound to it afterwards) is counted
 * again from then once her bindings are read.
 */
export const listMine: Handler<typeof contract.listMine> = async (input, { deps, member, now }) => {
  const { db } = deps;
  const open = input.open ? { queueRank: db.command.lt(QUEUE_CLOSED) } : {};
  const ofRoom = (roomId: string) => roomRepairs(db, input.propertyId, roomId, input.open === true);
  const othersSince = (roomId: string, since: string) => othersFiledSince(db, member, roomId, since, input.open === true);
  const listing = {
    name: input.open ? 'repairs.listMine.open' : 'repairs.listMine',
    sources: [
      repairs({ propertyId: input.propertyId, residentOpenid: member.openid, ...open }, newestFirst),
      ...member.roomIds.map((roomId) => ({ ...repairs(ofRoom(roomId), newestFirst), counted: false })),
    ],
  };
  const [household, [mine, ...rooms], sinceMembership] = await Promise.all([
    householdFor(db, member),
    readParts(db, listing, input),
    Promise.all(member.roomIds.map((roomId) => othersSince(roomId, member.createdAt))),
  ]);
  const totals = await Promise.all(
    member.roomIds.map((roomId, i) => {
      const since = seesRoomSince(household, roomId) ?? member.createdAt;
      return since === member.createdAt ? sinceMembership[i]! : othersSince(roomId, since);
    }),
  );
  const seen = rooms.map((part, i) => ({ rows: part.rows.filter((row) => seesRepair(household, row.doc)), total: totals[i] ?? 0 }));
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
    findRepair(deps.db, input.repairId),
    eventsOf(deps.db, member.propertyId, input.repairId, 'asc', 100),
    householdOfCaller(deps.db, member),
  ]);
  if (!repair || !canFollow(member, household, repair)) return failure('REPAIR.NOT_FOUND');
  // Escalations the timer logs stay on the complaint side; a repair's history is its people's steps.
  const history = parseAll(eventModel, res.data).flatMap(({ action, from, to, role, reason, at }) =>
    role === 'system' ? [] : [{ action, from, to, role, reason, at }],
  );
  return ok({ ...toView(repair, member, now), history });
};
