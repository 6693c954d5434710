import type * as c from '@shared/contracts/keys.contract';
import { leftKeyMachine, type LeftKeyAction } from '@shared/domain/left-key.machine';
import { birth, transition } from '@shared/domain/state-machine';
import { failure } from '@shared/messages/failure';
import { leftKeyModel, type LeftKeyDoc } from '@shared/model/key.model';
import { roomLabelOfId } from '@shared/model/property.model';
import { ok } from '@shared/result';
import type { ActionContext } from '../_shared/context';
import { applyOnce } from '../_shared/commands';
import { ActionFailure } from '../_shared/failures';
import { mapPage, readPage } from '../_shared/paging';
import type { Handler } from '../_shared/router';
import { ownsFile } from '../_shared/storage';
import { findLeftKey, LEFT_OPEN, leftKeysNewestFirst, leftKeyIdOf, readLeftKeyInTx, writeLeftKey } from './keys.repo';
import { findMember } from '../_shared/membership';
import { findRepair } from '../_shared/repairs.repo';

const leftKeyView = (k: LeftKeyDoc, viewer: { _id: string }): c.LeftKeyViewT => ({
  id: k._id,
  repairId: k.repairId,
  roomLabel: roomLabelOfId(k.roomId),
  description: k.description,
  leftBy: k.leftBy,
  technician: k.technician.name,
  status: k.status,
  receivedBy: k.receivedBy,
  createdAt: k.createdAt,
  borrowedAt: k.borrowedAt,
  returnedTo: k.returnedTo,
  mineToBorrow: k.status === 'held' && k.technician.memberId === viewer._id,
  version: k.version,
});

/** K2: the desk records a resident's key left for the named technician's visit on one of the property's repairs. */
export const leaveKey: Handler<typeof c.leaveKey> = async (input, ctx) => {
  const { deps, member, now } = ctx;
  const [repair, technician] = await Promise.all([findRepair(deps.db, input.repairId), findMember(deps.db, input.technicianId)]);
  if (!repair || repair.propertyId !== member.propertyId) return failure('KEY.REPAIR_NOT_FOUND');
  const { roomId } = repair;
  if (roomId === null) return failure('KEY.PUBLIC_PLACE');
  if (!technician || technician.propertyId !== member.propertyId || technician.role !== 'technician' || technician.status !== 'active') return failure('KEY.BORROWER_NOT_FOUND');
  const { result } = await applyOnce(ctx, 'keys.leaveKey', async (tx) => {
    const event = birth(leftKeyMachine, 'leave', { actor: member.openid, role: member.role, now, deviceTime: input.deviceTime });
    const key = leftKeyModel.toStored({
      _id: leftKeyIdOf(ctx.commandKey),
      propertyId: member.propertyId,
      repairId: repair._id,
      roomId,
      description: input.keys,
      leftBy: input.leftBy,
      technician: { memberId: technician._id, name: technician.name },
      status: event.to,
      receivedBy: member.name,
      createdAt: now.toISOString(),
      signature: null,
      borrowedAt: null,
      backAt: null,
      returnedAt: null,
      returnedTo: null,
      remindedAt: null,
      version: event.version,
      updatedAt: now.toISOString(),
    });
    return leftKeyView(await writeLeftKey(tx, key, event, input.commandId), member);
  });
  return ok(result);
};

/** One step of a left key through its machine, checked against the version the caller saw. */
const step = async (ctx: ActionContext, call: string, found: LeftKeyDoc, input: { version: number; commandId: string; deviceTime?: string }, action: LeftKeyAction, change: (k: LeftKeyDoc) => Partial<LeftKeyDoc>) => {
  const { member, now } = ctx;
  const { result } = await applyOnce(ctx, call, async (tx) => {
    const key = await readLeftKeyInTx(tx, found._id);
    if (key.version !== input.version) throw new ActionFailure('COMMON.VERSION_CONFLICT');
    const moved = transition(leftKeyMachine, key, { action, actor: member.openid, role: member.role, now, deviceTime: input.deviceTime });
    if (!moved.ok) throw new ActionFailure('STATE.TRANSITION_NOT_ALLOWED');
    const next = { ...key, ...change(key), status: moved.status, version: moved.version, updatedAt: now.toISOString() };
    return leftKeyView(await writeLeftKey(tx, next, moved.event, input.commandId), member);
  });
  return ok(result);
};

const findOwn = async (ctx: ActionContext, id: string) => {
  const found = await findLeftKey(ctx.deps.db, id);
  return found && found.propertyId === ctx.member.propertyId ? found : null;
};

/** K2: only the technician it was left for signs for it, on his phone, with a signature he uploaded. */
export const borrowLeft: Handler<typeof c.borrowLeft> = async (input, ctx) => {
  const found = await findOwn(ctx, input.leftKeyId);
  if (!found) return failure('KEY.LEFT_NOT_FOUND');
  if (found.technician.memberId !== ctx.member._id) return failure('KEY.NOT_YOUR_LOAN');
  if (!ownsFile(ctx.member, input.signature)) return failure('KEY.FILE_NOT_YOURS');
  return step(ctx, 'keys.borrowLeft', found, input, 'borrow', () => ({ signature: input.signature, borrowedAt: ctx.now.toISOString() }));
};

/** K2: the technician brings the key back to the desk. */
export const bringBackLeft: Handler<typeof c.bringBackLeft> = async (input, ctx) => {
  const found = await findOwn(ctx, input.leftKeyId);
  if (!found) return failure('KEY.LEFT_NOT_FOUND');
  return step(ctx, 'keys.bringBackLeft', found, input, 'bringBack', () => ({ backAt: ctx.now.toISOString() }));
};

/** K2: the desk gives the key back to the resident once the order is signed off; until then it stays. */
export const giveToResident: Handler<typeof c.giveToResident> = async (input, ctx) => {
  const found = await findOwn(ctx, input.leftKeyId);
  if (!found) return failure('KEY.LEFT_NOT_FOUND');
  const repair = await findRepair(ctx.deps.db, found.repairId);
  if (repair?.status !== 'signed') return failure('KEY.ORDER_NOT_SIGNED');
  return step(ctx, 'keys.giveToResident', found, input, 'giveToResident', () => ({ returnedAt: ctx.now.toISOString(), returnedTo: input.residentName }));
};

/** K2: keys left and not yet returned, the newest first: every one for the desk side, a technician's own for him. */
export const leftKeys: Handler<typeof c.leftKeys> = async (input, { deps, member }) => {
  const open = { propertyId: input.propertyId, status: deps.db.command.in([...LEFT_OPEN]) };
  const where = member.role === 'technician' ? { ...open, 'technician.memberId': member._id } : open;
  return ok(mapPage(await readPage(deps.db, { name: 'keys.leftKeys', sources: [leftKeysNewestFirst(where)] }, input), (k) => leftKeyView(k, member)));
};
