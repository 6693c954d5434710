import type * as c from '@shared/contracts/files.contract';
import { fileGrantMachine } from '@shared/domain/file-grant.machine';
import { transition } from '@shared/domain/state-machine';
import type { FileGrantDoc, ResidentFileDoc } from '@shared/model/resident-file.model';
import { failure } from '@shared/messages/failure';
import { ok } from '@shared/result';
import { applyOnce, type Tx } from '../_shared/commands';
import type { ActionContext } from '../_shared/context';
import { ActionFailure } from '../_shared/failures';
import { findRoom } from '../_shared/rooms';
import type { Handler } from '../_shared/router';
import { findFile, householdOf, latestGrant, readFileInTx, readIdOf, writeFile, writeRead } from './files.repo';
import { fileView, keptView } from './views';

/**
 * P1: the grant that lets the caller open a household's file now, or the refusal: none granted
 * (ask first), the latest one has run out (the grant machine's `read` is too late), or the
 * supervisor revoked it (the machine allows no read of a revoked grant).
 */
const holdingGrant = async (ctx: ActionContext, roomId: string): Promise<FileGrantDoc> => {
  const { deps, member, now } = ctx;
  const grant = await latestGrant(deps.db, member.propertyId, member._id, roomId);
  if (!grant) throw new ActionFailure('FILE.PERMISSION_REQUIRED');
  const step = transition(fileGrantMachine, grant, { action: 'read', actor: member.openid, role: member.role, now });
  if (step.ok) return grant;
  if (step.code === 'STATE.TOO_LATE') throw new ActionFailure('FILE.PERMISSION_EXPIRED');
  throw new ActionFailure(grant.status === 'revoked' ? 'FILE.PERMISSION_REVOKED' : 'FILE.PERMISSION_REQUIRED');
};

/**
 * P1: a file opened under a grant: what `kept` reads or writes of the property's own record, and the read logged
 * (who, when, which file, why) in the same write. `alongside` is read beside the grant (the household from the
 * other areas, for a read); `answer` makes the caller's view.
 */
const openFile = async <A, V>(
  ctx: ActionContext,
  call: string,
  roomId: string,
  alongside: () => Promise<A>,
  kept: (tx: Tx, before: ResidentFileDoc | null) => Promise<ResidentFileDoc | null>,
  answer: (file: ResidentFileDoc | null, readableUntil: string, found: A) => V,
) => {
  const { deps, member, now } = ctx;
  // Read side by side (issue 16); nothing read leaves the function unless the grant holds.
  const [grant, found, before] = await Promise.all([holdingGrant(ctx, roomId), alongside(), findFile(deps.db, roomId)]);
  const { result } = await applyOnce(ctx, call, async (tx) => {
    const file = await kept(tx, before);
    await writeRead(tx, {
      _id: readIdOf(ctx.commandKey),
      act: 'read',
      propertyId: member.propertyId,
      roomId,
      grantId: grant._id,
      reader: { memberId: member._id, name: member.name },
      holder: null,
      reason: grant.reason,
      at: now.toISOString(),
    });
    return answer(file, grant.until ?? now.toISOString(), found);
  });
  return ok(result);
};

/** P1: the desk reads a household's file while its grant holds; the read is in the access log. */
export const read: Handler<typeof c.read> = (input, ctx) =>
  openFile(
    ctx,
    'files.read',
    input.roomId,
    () => householdOf(ctx.deps.db, ctx.member.propertyId, input.roomId),
    async (_tx, before) => before,
    (file, until, household) => fileView(input.roomId, household, file, until),
  );

/**
 * P1: the desk keeps a household's vehicles and notes current while its grant holds (a logged read too). Issue 16:
 * it answers what it kept, and reads no household: the desk has it from the read it saves on.
 */
export const keep: Handler<typeof c.keep> = async (input, ctx) => {
  const { member, now } = ctx;
  const kept = async (tx: Tx, before: ResidentFileDoc | null) => {
    const current = before && input.version > 0 ? await readFileInTx(tx, input.roomId) : before;
    if ((current?.version ?? 0) !== input.version) throw new ActionFailure('COMMON.VERSION_CONFLICT');
    return writeFile(tx, {
      propertyId: member.propertyId,
      roomId: input.roomId,
      vehicles: input.vehicles,
      memo: input.memo,
      updatedBy: member.name,
      updatedAt: now.toISOString(),
      version: input.version + 1,
    });
  };
  return openFile(ctx, 'files.keep', input.roomId, async () => null, kept, (file, until) => keptView(input.roomId, file, until));
};

/** P1: the supervisor reads a household's file himself, with his reason; the read is logged like any other. */
export const inspect: Handler<typeof c.inspect> = async (input, ctx) => {
  const { deps, member, now } = ctx;
  const [room, household, kept] = await Promise.all([findRoom(deps.db, input.roomId), householdOf(deps.db, member.propertyId, input.roomId), findFile(deps.db, input.roomId)]);
  if (!room || room.propertyId !== member.propertyId) return failure('FILE.ROOM_NOT_FOUND');
  const { result } = await applyOnce(ctx, 'files.inspect', async (tx) => {
    await writeRead(tx, {
      _id: readIdOf(ctx.commandKey),
      act: 'read',
      propertyId: member.propertyId,
      roomId: room._id,
      grantId: null,
      reader: { memberId: member._id, name: member.name },
      holder: null,
      reason: input.reason,
      at: now.toISOString(),
    });
    return fileView(room._id, household, kept, null);
  });
  return ok(result);
};
