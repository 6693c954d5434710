import type * as c from '@shared/contracts/members.contract';
import { closedRefusal } from '@shared/domain/room-invitation.rules';
import { failure } from '@shared/messages/failure';
import { ok } from '@shared/result';
import { roomLabel } from '@shared/model/property.model';
import type { Handler } from '../_shared/router';
import { recordOnce } from '../_shared/commands';
import { mapPage, readPage } from '../_shared/paging';
import { cancelOpenRoomInvitation, findRoomInvitation, roomInvitationsSoonestFirst } from './bindings.repo';

/** Issue 18 (5): the codes she issued that nobody used, withdrew or let expire, soonest to expire first. Never the code: only its hash is kept. */
export const myRoomInvitations: Handler<typeof c.myRoomInvitations> = async (input, { deps, member, now }) => {
  const open = roomInvitationsSoonestFirst({ propertyId: member.propertyId, 'createdBy.memberId': member._id, status: 'open', expiresAt: deps.db.command.gt(now.toISOString()) });
  const page = await readPage(deps.db, { name: 'members.myRoomInvitations', sources: [open] }, input);
  return ok(mapPage(page, (inv) => ({ id: inv._id, address: roomLabel(inv.address), relation: inv.relation, createdAt: inv.createdAt, expiresAt: inv.expiresAt })));
};

/**
 * Issue 18 (5): she withdraws a code before anyone uses it, by one conditional update (hers, open,
 * not expired) that the database applies atomically: a join's transaction that read the code open
 * conflicts at its write and, run again, finds it withdrawn; a withdrawal that comes after a join's
 * write waits for it and finds the code used. Anyone else's code, here or in another property, is
 * not found: whether it exists is not theirs to learn. Issue 16: no transaction, so it stays within
 * the write budget; the command is recorded after, and the command kept on the code answers a retry.
 */
export const cancelRoomInvitation: Handler<typeof c.cancelRoomInvitation> = async (input, ctx) => {
  const { deps, member, now } = ctx;
  const at = now.toISOString();
  const mine = { _id: input.invitationId, propertyId: member.propertyId, 'createdBy.memberId': member._id };
  if (await cancelOpenRoomInvitation(deps.db, mine, at, ctx.commandKey)) return ok(await recordOnce(ctx, 'members.cancelRoomInvitation', { id: input.invitationId, cancelledAt: at }));
  const found = await findRoomInvitation(deps.db, input.invitationId);
  if (!found || found.propertyId !== member.propertyId || found.createdBy.memberId !== member._id) return failure('ROOM_INVITATION.NOT_FOUND');
  // Withdrawn by this very command, whose record was not written: answered as it was then.
  if (found.cancelled?.command === ctx.commandKey) return ok(await recordOnce(ctx, 'members.cancelRoomInvitation', { id: found._id, cancelledAt: found.cancelled.at }));
  return failure(closedRefusal(found, now) ?? 'ROOM_INVITATION.CANCELLED');
};
