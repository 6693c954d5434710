import type * as c from '@shared/contracts/files.contract';
import { fileGrantMachine, GRANT_MINUTES } from '@shared/domain/file-grant.machine';
import { birth, transition } from '@shared/domain/state-machine';
import { failure } from '@shared/messages/failure';
import { format } from '@shared/messages/format';
import { filesTexts } from '@shared/messages/files.zh-CN';
import * as messages from '@shared/messages/words';
import type { OutboxDoc } from '@shared/model/outbox.model';
import { roomLabelOfId } from '@shared/model/property.model';
import { fileGrantModel, type FileGrantDoc } from '@shared/model/resident-file.model';
import { audienceOfRole } from '@shared/model/signal.model';
import { ok } from '@shared/result';
import { addMinutes } from '@shared/time/shanghai';
import { applyOnce } from '../_shared/commands';
import { ActionFailure } from '../_shared/failures';
import { enqueueNotice, sendNow } from '../_shared/outbox';
import { mapPage, readPage } from '../_shared/paging';
import { findRoom } from '../_shared/rooms';
import type { Handler } from '../_shared/router';
import { findGrantInTx, grantIdOf, grantsNewestFirst, readIdOf, writeGrant, writeRead } from './files.repo';
import { grantView } from './views';

/** P1: the desk asks to read a household's file with its reason; the supervisors are told at once. */
export const ask: Handler<typeof c.ask> = async (input, ctx) => {
  const { deps, member, now } = ctx;
  const room = await findRoom(deps.db, input.roomId);
  if (!room || room.propertyId !== member.propertyId) return failure('FILE.ROOM_NOT_FOUND');
  const queued: OutboxDoc[] = [];
  const { result, fresh } = await applyOnce(ctx, 'files.ask', async (tx) => {
    queued.length = 0;
    const event = birth(fileGrantMachine, 'ask', { actor: member.openid, role: member.role, now, deviceTime: input.deviceTime });
    const grant: FileGrantDoc = fileGrantModel.toStored({
      _id: grantIdOf(ctx.commandKey),
      propertyId: member.propertyId,
      roomId: room._id,
      askedBy: { memberId: member._id, name: member.name },
      reason: input.reason,
      status: event.to,
      until: null,
      decidedBy: null,
      decidedAt: null,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      version: event.version,
    });
    const stored = await writeGrant(tx, grant, event, input.commandId);
    queued.push(
      await enqueueNotice(tx, stored._id, {
        propertyId: stored.propertyId,
        kind: 'file.asked',
        channel: 'inbox',
        recipient: audienceOfRole('supervisor'),
        subject: { kind: 'fileGrant', id: stored._id },
        title: messages.notices['file.asked'],
        body: format(filesTexts.asked, { name: member.name, address: roomLabelOfId(stored.roomId), reason: stored.reason }),
        urgent: false,
      }, now),
    );
    return grantView(stored, now);
  });
  if (fresh) await sendNow(deps, queued);
  return ok(result);
};

/** P1: requests and grants, the newest first: the desk's own, or every one for the supervisor and the manager. */
export const grants: Handler<typeof c.grants> = async (input, { deps, member, now }) => {
  const where = member.role === 'desk' ? { propertyId: input.propertyId, 'askedBy.memberId': member._id } : { propertyId: input.propertyId };
  return ok(mapPage(await readPage(deps.db, { name: 'files.grants', sources: [grantsNewestFirst(where)] }, input), (g) => grantView(g, now)));
};

/** P1: the supervisor grants a request until a time (the clock's now plus the minutes chosen), or refuses it. */
export const decide: Handler<typeof c.decide> = async (input, ctx) => {
  const { member, now } = ctx;
  // Issue 16: the grant is read once, in the transaction started with the membership (a read before it was one more wait).
  const { result } = await applyOnce(ctx, 'files.decide', async (tx) => {
    const grant = await findGrantInTx(tx, input.grantId);
    if (!grant || grant.propertyId !== member.propertyId) throw new ActionFailure('FILE.GRANT_NOT_FOUND');
    if (grant.version !== input.version) throw new ActionFailure('COMMON.VERSION_CONFLICT');
    const step = transition(fileGrantMachine, grant, { action: input.decision, actor: member.openid, role: member.role, now, deviceTime: input.deviceTime });
    if (!step.ok) throw new ActionFailure('STATE.TRANSITION_NOT_ALLOWED');
    const until = input.decision === 'grant' ? addMinutes(now, input.minutes ?? GRANT_MINUTES.default).toISOString() : null;
    const next = { ...grant, status: step.status, version: step.version, until, decidedBy: member.name, decidedAt: now.toISOString(), updatedAt: now.toISOString() };
    return grantView(await writeGrant(tx, next, step.event, input.commandId), now);
  });
  return ok(result);
};

/**
 * P1: the supervisor revokes a grant while it holds (the grant machine's `revoke`): it holds until
 * now, and the revoke goes into the access log in the same write.
 */
export const revoke: Handler<typeof c.revoke> = async (input, ctx) => {
  const { member, now } = ctx;
  // Issue 16: the grant is read once, in the transaction started with the membership (a read before it was one more wait).
  const { result } = await applyOnce(ctx, 'files.revoke', async (tx) => {
    const grant = await findGrantInTx(tx, input.grantId);
    if (!grant || grant.propertyId !== member.propertyId) throw new ActionFailure('FILE.GRANT_NOT_FOUND');
    if (grant.version !== input.version) throw new ActionFailure('COMMON.VERSION_CONFLICT');
    const step = transition(fileGrantMachine, grant, { action: 'revoke', actor: member.openid, role: member.role, now, deviceTime: input.deviceTime });
    if (!step.ok) throw new ActionFailure(step.code === 'STATE.TOO_LATE' ? step.code : 'STATE.TRANSITION_NOT_ALLOWED');
    const next = { ...grant, status: step.status, version: step.version, until: now.toISOString(), updatedAt: now.toISOString() };
    const stored = await writeGrant(tx, next, step.event, input.commandId);
    await writeRead(tx, {
      _id: readIdOf(ctx.commandKey),
      act: 'revoke',
      propertyId: stored.propertyId,
      roomId: stored.roomId,
      grantId: stored._id,
      reader: { memberId: member._id, name: member.name },
      holder: stored.askedBy.name,
      reason: stored.reason,
      at: now.toISOString(),
    });
    return grantView(stored, now);
  });
  return ok(result);
};
