import type * as contract from '@shared/contracts/repairs.contract';
import { failure } from '@shared/messages';
import { ok } from '@shared/result';
import { compareQueue } from '@shared/domain/repair-queue.rules';
import { repairModel, type RepairStatus } from '@shared/model/repair.model';
import { eventModel } from '@shared/model/event.model';
import type { Handler } from '../_shared/router';
import { findById, parseAll } from '../_shared/repo';
import { canSee, toView } from './views';

const PAGE = 50;

/** Everything the desk still has to see through (R8: until the signed order is back). */
const openStatuses: readonly RepairStatus[] = ['submitted', 'dispatched', 'acknowledged', 'arrived', 'rescheduling', 'quoted', 'in_progress', 'completed', 'sent_back'];
/** A technician's day plan: what is theirs to visit, quote, finish or have signed. */
const onTheirList: readonly RepairStatus[] = ['dispatched', 'acknowledged', 'arrived', 'quoted', 'in_progress', 'completed'];

export const listMine: Handler<typeof contract.listMine> = async (input, { deps, member, now }) => {
  const res = await deps.db
    .collection('repairs')
    .where({ propertyId: input.propertyId, residentOpenid: member.openid })
    .orderBy('createdAt', 'desc')
    .limit(PAGE)
    .get();
  return ok({ items: parseAll(repairModel, res.data).map((r) => toView(r, member, now)) });
};

/** R3: the desk's queue, urgent first, then oldest first. */
export const inbox: Handler<typeof contract.inbox> = async (input, { deps, member, now }) => {
  const _ = deps.db.command;
  const status = input.status ?? _.in([...openStatuses]);
  const res = await deps.db
    .collection('repairs')
    .where({ propertyId: input.propertyId, status })
    .orderBy('createdAt', 'asc')
    .limit(200)
    .get();
  const items = parseAll(repairModel, res.data).sort(compareQueue);
  return ok({ items: items.map((r) => toView(r, member, now)) });
};

export const assigned: Handler<typeof contract.assigned> = async (input, { deps, member, now }) => {
  const res = await deps.db
    .collection('repairs')
    .where({ propertyId: input.propertyId, 'technician.openid': member.openid, status: deps.db.command.in([...onTheirList]) })
    .limit(PAGE)
    .get();
  const items = parseAll(repairModel, res.data).sort(compareQueue);
  return ok({ items: items.map((r) => toView(r, member, now)) });
};

export const getRepair: Handler<typeof contract.get> = async (input, { deps, member, now }) => {
  const repair = await findById(deps.db, repairModel, input.repairId);
  if (!repair || !canSee(member, repair)) return failure('REPAIR.NOT_FOUND');
  const res = await deps.db
    .collection('events')
    .where({ propertyId: repair.propertyId, 'subject.id': repair._id })
    .orderBy('at', 'asc')
    .limit(100)
    .get();
  // Escalations the timer logs stay on the complaint side; a repair's history is its people's steps.
  const history = parseAll(eventModel, res.data).flatMap(({ action, from, to, role, reason, at }) =>
    role === 'system' ? [] : [{ action, from, to, role, reason, at }],
  );
  return ok({ ...toView(repair, member, now), history });
};
