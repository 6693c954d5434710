import type * as contract from '@shared/contracts/repairs.contract';
import { failure } from '@shared/messages';
import { ok } from '@shared/result';
import { QUEUE_CLOSED } from '@shared/domain/repair-queue.rules';
import { onTechnicianList } from '@shared/domain/waiting-work.rules';
import { repairModel, type RepairDoc } from '@shared/model/repair.model';
import { eventModel } from '@shared/model/event.model';
import type { Handler } from '../_shared/router';
import { findById, parseAll } from '../_shared/repo';
import { mapPage, readPage, type SortKey, type Source } from '../_shared/paging';
import { canSee, toView } from './views';

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

export const listMine: Handler<typeof contract.listMine> = async (input, { deps, member, now }) => {
  const mine = { propertyId: input.propertyId, residentOpenid: member.openid };
  const source = repairs(input.open ? { ...mine, queueRank: deps.db.command.lt(QUEUE_CLOSED) } : mine, newestFirst);
  const page = await readPage(deps.db, { name: input.open ? 'repairs.listMine.open' : 'repairs.listMine', sources: [source] }, input);
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
  // The order and its history are read together by the id the caller sent (a visible order is of the
  // caller's property); the history is shown only with an order the caller may see.
  const [repair, res] = await Promise.all([
    findById(deps.db, repairModel, input.repairId),
    deps.db.collection('events').where({ propertyId: member.propertyId, 'subject.id': input.repairId }).orderBy('at', 'asc').limit(100).get(),
  ]);
  if (!repair || !canSee(member, repair)) return failure('REPAIR.NOT_FOUND');
  // Escalations the timer logs stay on the complaint side; a repair's history is its people's steps.
  const history = parseAll(eventModel, res.data).flatMap(({ action, from, to, role, reason, at }) =>
    role === 'system' ? [] : [{ action, from, to, role, reason, at }],
  );
  return ok({ ...toView(repair, member, now), history });
};
