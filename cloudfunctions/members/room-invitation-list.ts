import type * as c from '@shared/contracts/members.contract';
import { closedRefusal } from '@shared/domain/room-invitation.rules';
import { failure } from '@shared/messages';
import { ok } from '@shared/result';
import { roomLabel } from '@shared/model/property.model';
import { roomInvitationModel, type RoomInvitationDoc } from '@shared/model/room-invitation.model';
import type { Handler } from '../_shared/router';
import { applyOnce } from '../_shared/commands';
import { ActionFailure } from '../_shared/failures';
import { mapPage, readPage, type Source } from '../_shared/paging';
import { findById, withoutId } from '../_shared/repo';

/** Issue 18 (5): the codes she issued that nobody used, withdrew or let expire, soonest to expire first. Never the code: only its hash is kept. */
export const myRoomInvitations: Handler<typeof c.myRoomInvitations> = async (input, { deps, member, now }) => {
  const open: Source<RoomInvitationDoc> = {
    collection: 'roomInvitations',
    where: { propertyId: member.propertyId, 'createdBy.memberId': member._id, status: 'open', expiresAt: deps.db.command.gt(now.toISOString()) },
    sort: [{ field: 'expiresAt', order: 'asc' }],
    parse: (raw) => roomInvitationModel.parse(raw),
  };
  const page = await readPage(deps.db, { name: 'members.myRoomInvitations', sources: [open] }, input);
  return ok(mapPage(page, (inv) => ({ id: inv._id, address: roomLabel(inv.address), relation: inv.relation, createdAt: inv.createdAt, expiresAt: inv.expiresAt })));
};

/**
 * Issue 18 (5): she withdraws a code before anyone uses it. Anyone else's code, in this property or
 * another, is not found: whether it exists is not theirs to learn. Decided again in the transaction,
 * so a join and a withdrawal racing each other cannot both succeed.
 */
export const cancelRoomInvitation: Handler<typeof c.cancelRoomInvitation> = async (input, ctx) => {
  const { deps, member, now } = ctx;
  const found = await findById(deps.db, roomInvitationModel, input.invitationId);
  if (!found || found.propertyId !== member.propertyId || found.createdBy.memberId !== member._id) return failure('ROOM_INVITATION.NOT_FOUND');
  const closed = closedRefusal(found, now);
  if (closed) return failure(closed);
  const { result } = await applyOnce(ctx, 'members.cancelRoomInvitation', async (tx) => {
    const current = roomInvitationModel.parse((await tx.collection('roomInvitations').doc(found._id).get()).data);
    const closedMeanwhile = closedRefusal(current, now);
    if (closedMeanwhile) throw new ActionFailure(closedMeanwhile);
    const cancelled = roomInvitationModel.toStored({ ...current, status: 'cancelled', cancelledAt: now.toISOString() });
    await tx.collection('roomInvitations').doc(found._id).set({ data: withoutId(cancelled) });
    return { id: found._id, cancelledAt: now.toISOString() };
  });
  return ok(result);
};
