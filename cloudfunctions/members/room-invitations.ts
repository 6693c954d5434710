import type * as c from '@shared/contracts/members.contract';
import { requestRefusal } from '@shared/domain/binding.rules';
import { DEFAULT_EXPIRY_HOURS, expiryOf, normalizeCode } from '@shared/domain/invitation.rules';
import { closedRefusal, invitedNeedsReview, inviteRefusal, roomInvitePath } from '@shared/domain/room-invitation.rules';
import { failure } from '@shared/messages/failure';
import { format } from '@shared/messages/format';
import * as messages from '@shared/messages/words';
import { ok } from '@shared/result';
import { bindingModel } from '@shared/model/binding.model';
import type { OutboxDoc } from '@shared/model/outbox.model';
import { roomLabel } from '@shared/model/property.model';
import { roomInvitationModel, type RoomInvitationDoc } from '@shared/model/room-invitation.model';
import { audienceOfRole } from '@shared/model/signal.model';
import type { Caller, Deps } from '../_shared/deps';
import { withPrefetch, type Handler } from '../_shared/router';
import { applyOnce } from '../_shared/commands';
import { alongsideDailyLimit, dailyQuota } from '../_shared/daily-limits';
import { appendEvent } from '../_shared/events';
import { ActionFailure } from '../_shared/failures';
import { derivedId } from '../_shared/ids';
import { membershipIn } from '../_shared/membership';
import { enqueueNotice, sendNow } from '../_shared/outbox';
import { findRoom } from '../_shared/rooms';
import { loadSettings } from '../_shared/settings';
import { notice } from './bindings';
import { bindingsOfPerson, findRoomInvitation, pendingOf, readRoomInvitationInTx, writeBindingInTx, writeRoomInvitationInTx } from './bindings.repo';
import { newInvitationCode, roomInvitationIdOf } from './codes';
import { bindingEvent, bindingSubject } from './history';
import { inviterOf, tellInviter } from './joined-notice';
import { phoneOf } from './phone';
import { approve } from './review';
import { toBindingView } from './views';

/**
 * Issue 18 (5): an owner invites a family member or a tenant to bind one of her rooms. The code is
 * answered once and stored only as its hash, as a staff invitation's; it expires as they do. Each
 * invitation counts against her own daily limit of invitations (settings `ownerInvites.perDay`).
 */
/**
 * Issue 16: what an invitation reads needs only the input and the caller's own OPENID (the settings, her
 * bindings, the room): read with her membership, checked against it below.
 */
const inviteReads = (input: { propertyId: string; roomId: string }, deps: Deps, caller: Caller) =>
  Promise.all([loadSettings(deps, input.propertyId), bindingsOfPerson(deps.db, caller.openid), findRoom(deps.db, input.roomId)]);

export const inviteToRoom: Handler<typeof c.inviteToRoom> = /* @__PURE__ */ withPrefetch<typeof c.inviteToRoom, Awaited<ReturnType<typeof inviteReads>>>(inviteReads, async (input, ctx, [settings, bindings, room]) => {
  const { deps, member, now } = ctx;
  const refused = inviteRefusal(settings.ownerInvites, member, bindings.filter((b) => b.propertyId === member.propertyId), input.roomId);
  if (refused) return failure(refused);
  if (!room) return failure('ROOM_INVITATION.NOT_YOUR_ROOM');

  const code = newInvitationCode();
  const doc = roomInvitationModel.toStored({
    _id: await roomInvitationIdOf(code),
    propertyId: member.propertyId,
    roomId: room._id,
    address: { building: room.building, unit: room.unit, room: room.room },
    relation: input.relation,
    status: 'open',
    expiresAt: expiryOf(now, DEFAULT_EXPIRY_HOURS).toISOString(),
    createdAt: now.toISOString(),
    createdBy: { memberId: member._id, name: member.name },
    used: null,
    cancelled: null,
  });
  // The day's place is taken beside the transaction's one operation, and held before its commit (alongsideDailyLimit).
  const { result, fresh } = await alongsideDailyLimit(deps.db, dailyQuota('roomInvitations', member.openid, settings, ctx), (place) =>
    applyOnce(ctx, 'members.inviteToRoom', async (tx) => {
      place.take();
      await writeRoomInvitationInTx(tx, doc);
      await place.held();
      return { id: doc._id, address: roomLabel(doc.address), relation: doc.relation, expiresAt: doc.expiresAt, code: null, path: null };
    }),
  );
  return ok(fresh ? { ...result, code, path: roomInvitePath(member.propertyId, code) } : result);
});

/** The invitation as the transaction reads it: still open, or the refusal. */
const stillOpen = (inv: RoomInvitationDoc, now: Date): RoomInvitationDoc => {
  const closed = closedRefusal(inv, now);
  if (closed) throw new ActionFailure(closed);
  return inv;
};

/**
 * Issue 18 (5): the invited person binds the room with the owner's code, on the join page of the
 * invitation's property. The request is approved at once where the property does not have the desk
 * review owners' invitations (she is bound from that instant: the household rule shows her the
 * room's repairs filed since), else it waits in the desk's queue marked as the owner's invitation.
 * The code is claimed in the same transaction, so of two people racing one code exactly one binds;
 * bound at once, the owner is told in that transaction too.
 */
export const joinRoom: Handler<typeof c.joinRoom> = async (input, ctx) => {
  const { deps, caller, now } = ctx;
  const code = normalizeCode(input.code);
  if (!code) return failure('INVITATION.NOT_FOUND');
  const id = await roomInvitationIdOf(code);
  const [found, settings, member, pending] = await Promise.all([
    findRoomInvitation(deps.db, id),
    loadSettings(deps, input.propertyId),
    membershipIn(deps.db, input.propertyId, caller.openid),
    pendingOf(deps.db, input.propertyId, caller.openid),
  ]);
  if (!found) return failure('INVITATION.NOT_FOUND');
  if (found.propertyId !== input.propertyId) return failure('INVITATION.OTHER_PROPERTY');
  const closed = closedRefusal(found, now);
  if (closed) return failure(closed);
  if (!settings.ownerInvites.enabled) return failure('ROOM_INVITATION.OFF');
  const refused = requestRefusal(member, pending, found.roomId);
  if (refused) return failure(refused);
  const phone = await phoneOf(deps, input);

  const review = invitedNeedsReview(settings.ownerInvites);
  const inviter = review ? null : await inviterOf(deps.db, { invitedBy: { ...found.createdBy, invitationId: found._id } });
  const at = now.toISOString();
  const queued: OutboxDoc[] = [];
  const { result, fresh } = await applyOnce(
    ctx,
    'members.joinRoom',
    async (tx) => {
      queued.length = 0;
      const invitation = stillOpen(await readRoomInvitationInTx(tx, id), now);
      const asked = bindingModel.toStored({
        _id: derivedId('bd', ctx.commandKey),
        propertyId: invitation.propertyId,
        status: 'pending',
        version: 1,
        openid: caller.openid,
        roomId: invitation.roomId,
        address: invitation.address,
        name: input.name,
        relation: invitation.relation,
        phone,
        review: null,
        invitedBy: { memberId: invitation.createdBy.memberId, name: invitation.createdBy.name, invitationId: invitation._id },
        createdAt: at,
        updatedAt: at,
      });
      const by = { actor: caller.openid, role: 'resident' as const, now, reason: messages.relations[asked.relation] };
      await appendEvent(tx, bindingSubject(asked), bindingEvent('joinRoom', null, 'pending', 1, by), input.commandId);
      const memberId = review ? null : await approve(tx, asked, ctx, by, input.commandId);
      const doc = memberId
        ? bindingModel.toStored({ ...asked, status: 'approved', version: 2, review: { by: invitation.createdBy.name, role: 'resident', at, reason: null, memberId } })
        : asked;
      if (memberId) await appendEvent(tx, bindingSubject(doc), bindingEvent('approve', 'pending', 'approved', 2, { ...by, reason: invitation.createdBy.name }), input.commandId);
      await writeBindingInTx(tx, doc);
      const used = roomInvitationModel.toStored({ ...invitation, status: 'used', used: { bindingId: doc._id, name: doc.name, at } });
      await writeRoomInvitationInTx(tx, used);
      queued.push(...(await tellInviter(tx, doc, inviter, now)));
      if (review) {
        const body = format(messages.memberTexts.bindingInvited, { name: doc.name, relation: messages.relations[doc.relation], owner: invitation.createdBy.name, address: roomLabel(doc.address) });
        queued.push(await enqueueNotice(tx, `${doc._id}@1`, notice(doc, 'binding.new', audienceOfRole('desk'), body), now));
      }
      return toBindingView(doc);
    },
    input.propertyId,
  );
  if (fresh) await sendNow(deps, queued, settings);
  return ok(result);
};
