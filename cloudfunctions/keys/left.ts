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
import { findLeftKeyInTx, LEFT_OPEN, leftKeysNewestFirst, leftKeyIdOf, writeLeftKey } from './keys.repo';
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

/**
 * One step of a left key through its machine. Issue 16: the key is read once, in the command's transaction started
 * with the membership (a read before it was one more wait): one of another property is not there for the caller
 * (KEY.LEFT_NOT_FOUND), then the step's own checks (`check`), then the version, in the order the caller always met
 * them. `beside` is a check on another document the key names, read outside the transaction while the key is
 * written: its refusal still comes before the version's, and rolls the write back. Every refusal rolls back.
 */
const step = async (
  ctx: ActionContext,
  call: string,
  input: { leftKeyId: string; version: number; commandId: string; deviceTime?: string },
  action: LeftKeyAction,
  change: (k: LeftKeyDoc) => Partial<LeftKeyDoc>,
  checks: { check?: (k: LeftKeyDoc) => void; beside?: (k: LeftKeyDoc) => Promise<void> } = {},
) => {
  const { member, now } = ctx;
  const { result } = await applyOnce(ctx, call, async (tx) => {
    const key = await findLeftKeyInTx(tx, input.leftKeyId);
    if (!key || key.propertyId !== member.propertyId) throw new ActionFailure('KEY.LEFT_NOT_FOUND');
    checks.check?.(key);
    const beside = checks.beside?.(key) ?? Promise.resolve();
    // Settled here too: a refusal thrown before it is awaited leaves no rejection unhandled.
    beside.catch(() => undefined);
    const moved = transition(leftKeyMachine, key, { action, actor: member.openid, role: member.role, now, deviceTime: input.deviceTime });
    if (key.version !== input.version || !moved.ok) {
      await beside;
      throw new ActionFailure(key.version !== input.version ? 'COMMON.VERSION_CONFLICT' : 'STATE.TRANSITION_NOT_ALLOWED');
    }
    const next = { ...key, ...change(key), status: moved.status, version: moved.version, updatedAt: now.toISOString() };
    // Both settled before either's failure ends the work: the transaction is never rolled back under its own write.
    const [written, checked] = await Promise.allSettled([writeLeftKey(tx, next, moved.event, input.commandId), beside]);
    if (checked.status === 'rejected') throw checked.reason;
    if (written.status === 'rejected') throw written.reason;
    return leftKeyView(written.value, member);
  });
  return ok(result);
};

/** K2: only the technician it was left for signs for it, on his phone, with a signature he uploaded. */
export const borrowLeft: Handler<typeof c.borrowLeft> = (input, ctx) =>
  step(ctx, 'keys.borrowLeft', input, 'borrow', () => ({ signature: input.signature, borrowedAt: ctx.now.toISOString() }), {
    check: (key) => {
      if (key.technician.memberId !== ctx.member._id) throw new ActionFailure('KEY.NOT_YOUR_LOAN');
      if (!ownsFile(ctx.member, input.signature)) throw new ActionFailure('KEY.FILE_NOT_YOURS');
    },
  });

/** K2: the technician brings the key back to the desk. */
export const bringBackLeft: Handler<typeof c.bringBackLeft> = (input, ctx) => step(ctx, 'keys.bringBackLeft', input, 'bringBack', () => ({ backAt: ctx.now.toISOString() }));

/** K2: the desk gives the key back to the resident once the order is signed off; until then it stays. */
export const giveToResident: Handler<typeof c.giveToResident> = (input, ctx) =>
  step(ctx, 'keys.giveToResident', input, 'giveToResident', () => ({ returnedAt: ctx.now.toISOString(), returnedTo: input.residentName }), {
    beside: async (key) => {
      const repair = await findRepair(ctx.deps.db, key.repairId);
      if (repair?.status !== 'signed') throw new ActionFailure('KEY.ORDER_NOT_SIGNED');
    },
  });

/** K2: keys left and not yet returned, the newest first: every one for the desk side, a technician's own for him. */
export const leftKeys: Handler<typeof c.leftKeys> = async (input, { deps, member }) => {
  const open = { propertyId: input.propertyId, status: deps.db.command.in([...LEFT_OPEN]) };
  const where = member.role === 'technician' ? { ...open, 'technician.memberId': member._id } : open;
  return ok(mapPage(await readPage(deps.db, { name: 'keys.leftKeys', sources: [leftKeysNewestFirst(where)] }, input), (k) => leftKeyView(k, member)));
};
