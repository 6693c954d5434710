import type * as c from '@shared/contracts/members.contract';
import { requestRefusal } from '@shared/domain/binding.rules';
import { failure } from '@shared/messages/failure';
import { format } from '@shared/messages/format';
import * as messages from '@shared/messages/words';
import { ok } from '@shared/result';
import { bindingModel, type BindingDoc } from '@shared/model/binding.model';
import type { NoticeKind, OutboxDoc } from '@shared/model/outbox.model';
import { roomLabel } from '@shared/model/property.model';
import { findRoom } from '../_shared/rooms';
import type { Caller, Deps } from '../_shared/deps';
import { phoneOf } from './phone';
import { audienceOfRole } from '@shared/model/signal.model';
import { withPrefetch, type Handler } from '../_shared/router';
import { applyOnce } from '../_shared/commands';
import { dailyQuota, withinDailyLimit } from '../_shared/daily-limits';
import { loadSettings } from '../_shared/settings';
import { appendEvent } from '../_shared/events';
import { derivedId } from '../_shared/ids';
import { membershipIn } from '../_shared/membership';
import { enqueueNotice, sendNow } from '../_shared/outbox';
import { findProperty } from '../_shared/properties';
import { mapPage, readPage } from '../_shared/paging';
import { bindingEvent, bindingSubject } from './history';
import { toBindingView } from './views';
import { bindingsByCreation, findBinding, pendingOf, writeBindingInTx } from './bindings.repo';

const bindings = bindingsByCreation;

export const notice = (b: BindingDoc, kind: NoticeKind, recipient: string, body: string) => ({
  propertyId: b.propertyId,
  kind,
  channel: 'inbox' as const,
  recipient,
  subject: { kind: 'binding', id: b._id },
  title: `${messages.notices[kind]} · ${roomLabel(b.address)}`,
  body,
  urgent: false,
});

/**
 * Issue 7 (4): a WeChat user asks to be bound to a room of the property. They stay no member until
 * the desk approves; the desk is told there is a request to review.
 */
/**
 * Everything a binding request is decided on follows from the input and the caller: read together, with the router's
 * first reads (issue 16: one wait less before its commit), and refused in the same order as ever.
 */
const requestReads = (input: { propertyId: string; roomId: string }, deps: Deps, caller: Caller) =>
  Promise.all([
    findProperty(deps.db, input.propertyId),
    findRoom(deps.db, input.roomId),
    loadSettings(deps, input.propertyId),
    membershipIn(deps.db, input.propertyId, caller.openid),
    pendingOf(deps.db, input.propertyId, caller.openid),
  ]);

export const requestBinding: Handler<typeof c.requestBinding> = /* @__PURE__ */ withPrefetch<typeof c.requestBinding, Awaited<ReturnType<typeof requestReads>>>(requestReads, async (input, ctx, [property, room, settings, member, pending]) => {
  const { deps, caller, now } = ctx;
  if (!property) return failure('PROPERTY.NOT_FOUND');
  if (!room || room.propertyId !== property._id) return failure('BINDING.ROOM_NOT_FOUND');
  const refused = requestRefusal(member, pending, room._id);
  if (refused) return failure(refused);
  const phone = await phoneOf(deps, input);

  const at = now.toISOString();
  const doc = bindingModel.toStored({
    _id: derivedId('bd', ctx.commandKey),
    propertyId: property._id,
    status: 'pending',
    version: 1,
    openid: caller.openid,
    roomId: room._id,
    address: { building: room.building, unit: room.unit, room: room.room },
    name: input.name,
    relation: input.relation,
    phone,
    review: null,
    invitedBy: null,
    createdAt: at,
    updatedAt: at,
  });
  const queued: OutboxDoc[] = [];
  // Not yet a member: the one asking is known by their openid alone, and counted by it.
  const { result, fresh } = await withinDailyLimit(deps.db, dailyQuota('bindingRequests', caller.openid, settings, ctx), () =>
    applyOnce(
      ctx,
      'members.requestBinding',
      async (tx) => {
        queued.length = 0;
        await writeBindingInTx(tx, doc);
        const event = bindingEvent('request', null, 'pending', 1, { actor: caller.openid, role: 'resident', now, reason: messages.relations[doc.relation] });
        await appendEvent(tx, bindingSubject(doc), event, input.commandId);
        const body = format(messages.memberTexts.bindingRequested, { name: doc.name, relation: messages.relations[doc.relation], address: roomLabel(doc.address) });
        queued.push(await enqueueNotice(tx, `${doc._id}@1`, notice(doc, 'binding.new', audienceOfRole('desk'), body), now));
        return toBindingView(doc);
      },
      property._id,
    ),
  );
  if (fresh) await sendNow(deps, queued, settings);
  return ok(result);
});

/** The desk's queue: pending requests, oldest first, phones masked; every one of them, page by page. */
export const bindingRequests: Handler<typeof c.bindingRequests> = async (input, { deps }) => {
  const page = await readPage(deps.db, { name: 'members.bindingRequests', sources: [bindings({ propertyId: input.propertyId, status: 'pending' }, 'asc')] }, input);
  return ok(mapPage(page, toBindingView));
};

/**
 * P1: the list masks the applicant's phone, since it shows many people's requests at once on the
 * counter's screen; the desk calls an applicant back to check who they are, so it may read one
 * full number at a time, and each reading is kept in the request's history with who read it.
 * Issue 16: the request, named by the input, is read beside the caller's membership and reaches this
 * only once the caller is authorised; the reading is recorded before the number is answered.
 */
export const revealBindingPhone: Handler<typeof c.revealBindingPhone> = withPrefetch<typeof c.revealBindingPhone, BindingDoc | null>(
  (input, deps) => findBinding(deps.db, input.bindingId),
  async (_input, { deps, member, now }, b) => {
    if (!b || b.propertyId !== member.propertyId) return failure('BINDING.NOT_FOUND');
    const event = bindingEvent('revealPhone', b.status, b.status, b.version, { actor: member.openid, role: member.role, now });
    await appendEvent(deps.db, bindingSubject(b), event, '', `phone~${member._id}~${now.toISOString()}`);
    return ok({ phone: b.phone });
  },
);

/** Where a user's requests stand, in every property, with the desk's phone to call about them. */
export const myBindings: Handler<typeof c.myBindings> = async (input, { deps, caller }) => {
  const page = await readPage(deps.db, { name: 'members.myBindings', sources: [bindings({ openid: caller.openid }, 'desc')] }, input);
  const ids = [...new Set(page.items.map((b) => b.propertyId))];
  const properties = new Map((await Promise.all(ids.map((id) => findProperty(deps.db, id)))).flatMap((p) => (p ? [[p._id, p] as const] : [])));
  return ok(mapPage(page, (b) => ({ ...toBindingView(b), propertyName: properties.get(b.propertyId)?.name ?? '', deskPhone: properties.get(b.propertyId)?.deskPhone ?? '' })));
};

/** Before they belong to a property, people see its name and the desk's phone, nothing more. */
export const publicInfo: Handler<typeof c.publicInfo> = async (input, { deps }) => {
  const property = await findProperty(deps.db, input.propertyId);
  if (!property) return failure('PROPERTY.NOT_FOUND');
  return ok({ propertyId: property._id, name: property.name, deskPhone: property.deskPhone });
};
