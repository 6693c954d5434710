import { repairWhere } from '@shared/messages/place-label';
import type { OutboxDoc } from '@shared/model/outbox.model';
import type * as c from '@shared/contracts/privacy.contract';
import { failure } from '@shared/messages/failure';
import { format } from '@shared/messages/format';
import * as messages from '@shared/messages/words';
import { ok } from '@shared/result';
import { ERASED_NAME, erasureModel, type ErasureDoc } from '@shared/model/erasure.model';
import { memberModel } from '@shared/model/member.model';
import { roomLabel, roomLabelOfId } from '@shared/model/property.model';
import { audienceOfRole } from '@shared/model/signal.model';
import type { Database } from '../_shared/database';
import type { Deps } from '../_shared/deps';
import type { Page } from '@shared/contracts/page';
import type * as z from 'zod/mini';
import { withPrefetch, type Handler } from '../_shared/router';
import { applyOnce } from '../_shared/commands';
import { derivedId } from '../_shared/ids';
import { membershipIn } from '../_shared/membership';
import { enqueueNotice, sendNow } from '../_shared/outbox';
import { readPage, type Source } from '../_shared/paging';
import { findById, withoutId } from '../_shared/repo';
import { complaintsOfResident, eraseResidentFromComplaints } from '../_shared/complaints.repo';
import { servedCopyOf } from '../_shared/storage';
import { bindingsOfPerson, eraseBindingPerson, eraseRoomInvitationUser, rewriteBindings, rewriteRoomInvitations, roomInvitationsMadeBy, storedBindings } from './bindings.repo';
import { leftKeysOfRepairs, rewriteLeftKeys } from '../keys/exports';
import { writeMember } from '../_shared/membership';
import { anonymiseRepairsOf, eraseRepairSignatures, repairsOfResident } from '../_shared/repairs.repo';
import { anonymiseCallbacksOf, callbacksOfResident, eraseCallbackSignature } from '../_shared/callbacks';
import { scrubErasedPerson, scrubOwnTickets, type Elsewhere } from '../_shared/erasure-scrub';

const erasureIdOf = (propertyId: string, openid: string) => derivedId('er', propertyId, openid);

/** Everything of one person in one property, read through the indexes that hold it. */
const holdings = async (db: Database, propertyId: string, openid: string) => {
  const [member, bindings, repairs, complaints, callbacks] = await Promise.all([
    membershipIn(db, propertyId, openid),
    bindingsOfPerson(db, openid),
    repairsOfResident(db, propertyId, openid),
    complaintsOfResident(db, propertyId, openid),
    callbacksOfResident(db, propertyId, openid),
  ]);
  return { member, bindings: bindings.filter((b) => b.propertyId === propertyId), repairs, complaints, callbacks };
};

/**
 * PIPL: what else shows her, beyond her own records: the keys left at the desk for her repairs (K2: who left each and
 * who took it back are typed by the desk), the room invitations she made (issue 18 (5)) and the bindings made with
 * them (each names who invited it). One wait; the bindings are read beside the scrub's next reads.
 */
const elsewhere = async (db: Database, propertyId: string, h: Awaited<ReturnType<typeof holdings>>): Promise<Elsewhere> => {
  const [leftKeys, invitations] = await Promise.all([
    leftKeysOfRepairs(db, propertyId, h.repairs.map((r) => r._id)),
    h.member ? roomInvitationsMadeBy(db, propertyId, h.member._id) : [],
  ]);
  const invitedIds = invitations.flatMap((i) => (i.used ? [i.used.bindingId] : []));
  const invited = storedBindings(db, invitedIds);
  // Awaited by the rewrite; should the scrub end before it, its failure is the next call's, not an unhandled one.
  invited.catch(() => undefined);
  return {
    ids: [...leftKeys.map((k) => k._id), ...invitations.map((i) => i._id), ...invitedIds],
    rewrite: async (rewrite) => Promise.all([rewriteLeftKeys(db, leftKeys, rewrite), rewriteRoomInvitations(db, invitations, rewrite), rewriteBindings(db, await invited, rewrite)]),
  };
};

const openTicketsOf = (h: Awaited<ReturnType<typeof holdings>>) =>
  h.repairs.filter((r) => r.status !== 'signed').length + h.complaints.filter((k) => k.status !== 'resolved').length;

/** PIPL: the caller's own data, numbers in full: it is theirs. */
export const myData: Handler<typeof c.myData> = async (input, { deps, caller }) => {
  const h = await holdings(deps.db, input.propertyId, caller.openid);
  const erasure = await findById(deps.db, erasureModel, erasureIdOf(input.propertyId, caller.openid));
  return ok({
    memberships: h.member
      ? [{ propertyId: h.member.propertyId, role: h.member.role, name: h.member.name, phone: h.member.phone, rooms: h.member.roomIds.map(roomLabelOfId), status: h.member.status, since: h.member.createdAt }]
      : [],
    bindings: h.bindings.map((b) => ({ propertyId: b.propertyId, address: roomLabel(b.address), name: b.name, phone: b.phone, relation: b.relation, status: b.status, at: b.createdAt })),
    repairs: h.repairs.map((r) => ({ id: r._id, address: repairWhere(r), description: r.description, phone: r.phone, photos: r.photos.length, status: r.status, at: r.createdAt })),
    complaints: h.complaints.map((k) => ({ id: k._id, address: roomLabel(k.address), description: k.description, phone: k.phone, photos: k.photos.length, status: k.status, at: k.createdAt })),
    callbacks: h.callbacks.map((cb) => ({ kind: cb.kind, status: cb.status, notes: cb.outcome?.notes ?? '', at: cb.createdAt })),
    erasure: erasure ? { status: erasure.status, requestedAt: erasure.requestedAt } : null,
  });
};

/** PIPL: a request to delete; asking twice keeps the first. The manager is told in the app. */
export const requestErasure: Handler<typeof c.requestErasure> = async (input, ctx) => {
  const { deps, caller, now } = ctx;
  const id = erasureIdOf(input.propertyId, caller.openid);
  const [existing, member] = await Promise.all([findById(deps.db, erasureModel, id), membershipIn(deps.db, input.propertyId, caller.openid)]);
  if (existing) return ok({ status: existing.status, requestedAt: existing.requestedAt });
  if (!member) return failure('COMMON.NOT_A_MEMBER');
  const doc = erasureModel.toStored({ _id: id, propertyId: input.propertyId, openid: caller.openid, name: member.name, status: 'pending', reason: input.reason, requestedAt: now.toISOString(), done: null });
  const queued: OutboxDoc[] = [];
  const { result, fresh } = await applyOnce(
    ctx,
    'members.requestErasure',
    async (tx) => {
      queued.length = 0;
      await tx.collection('erasures').doc(id).set({ data: withoutId(doc) });
      const notice = await enqueueNotice(
        tx,
        id,
        {
          propertyId: input.propertyId,
          kind: 'privacy.erasure',
          channel: 'inbox',
          recipient: audienceOfRole('manager'),
          subject: { kind: 'erasure', id },
          title: messages.notices['privacy.erasure'],
          body: format(messages.memberTexts.erasureRequested, { name: member.name }),
          urgent: false,
        },
        now,
      );
      queued.push(notice);
      // The recorded result is the answer itself, so the request sent again answers the same.
      return { status: doc.status, requestedAt: doc.requestedAt };
    },
    input.propertyId,
  );
  if (fresh) await sendNow(deps, queued);
  return ok(result);
};

const viewOf = (e: ErasureDoc, openTickets: number) => ({ id: e._id, name: e.name, reason: e.reason, status: e.status, requestedAt: e.requestedAt, openTickets });

const pendingErasures = (input: z.infer<typeof c.erasureRequests.input>, deps: Deps): Promise<Page<ErasureDoc>> => {
  const pending: Source<ErasureDoc> = {
    collection: 'erasures',
    where: { propertyId: input.propertyId, status: 'pending' },
    sort: [{ field: 'requestedAt', order: 'asc' }],
    parse: (raw) => erasureModel.parse(raw),
  };
  return readPage(deps.db, { name: 'members.erasureRequests', sources: [pending] }, input);
};

/** The page needs only the input: it is read with the caller's membership (issue 16); what each person still holds after. */
export const erasureRequests: Handler<typeof c.erasureRequests> = /* @__PURE__ */ withPrefetch<typeof c.erasureRequests, Page<ErasureDoc>>(pendingErasures, async (_input, { deps }, page) => {
  const items = await Promise.all(page.items.map(async (e) => viewOf(e, openTicketsOf(await holdings(deps.db, e.propertyId, e.openid)))));
  return ok({ ...page, items });
});

/**
 * PIPL: the person's membership ends, their photos and handwritten signatures are deleted from
 * storage, and the records the property keeps lose their name, phone and those files. Each collection is rewritten by one idempotent update, so a call cut short is finished by
 * calling again; the request is marked done last.
 */
export const erase: Handler<typeof c.erase> = /* @__PURE__ */ withPrefetch<typeof c.erase, ErasureDoc | null>(
  // Issue 16: the request needs only the input: read beside the membership, checked against the property below.
  (input, deps) => findById(deps.db, erasureModel, input.erasureId),
  async (input, ctx, request) => {
  const { deps, member, now } = ctx;
  const { db } = deps;
  if (!request || request.propertyId !== input.propertyId) return failure('PRIVACY.NOT_FOUND');
  if (request.status === 'done') return ok(viewOf(request, 0));
  const h = await holdings(db, request.propertyId, request.openid);
  if (openTicketsOf(h)) return failure('PRIVACY.OPEN_TICKETS');
  const person = { ...h, propertyId: request.propertyId, openid: request.openid, request, elsewhere: elsewhere(db, request.propertyId, h) };
  // Awaited by the scrub; should a step fail first, its failure is the next call's, not an unhandled one.
  person.elsewhere.catch(() => undefined);
  const scrubbing = scrubErasedPerson(db, person);
  // Awaited below; should the storage step fail first, its failure is the call's, not an unhandled one.
  scrubbing.catch(() => undefined);
  // Their photos and handwritten signatures go from storage first (with the copies older ones were
  // served from); the records then stop naming them.
  const files = [
    ...h.repairs.flatMap((r) => [...r.photos, ...(r.acceptance?.signature ? [r.acceptance.signature] : []), ...(r.signOff ? [r.signOff.signature] : [])]),
    ...h.complaints.flatMap((k) => k.photos),
    ...h.callbacks.flatMap((c) => (c.outcome?.signature ? [c.outcome.signature] : [])),
  ].filter(Boolean);
  const copies = files.map(servedCopyOf).filter((copy): copy is string => copy !== null);
  if (files.length) await deps.files.remove([...files, ...copies]);
  const anonymous = { residentName: ERASED_NAME, phone: '', photos: [], 'screening.photos': [] };
  // Issue 16: each record is changed field by field (the member's is its own document), so they go in one wait;
  // her membership keeps her name until the scrub of the texts that name her is done (a call cut short is finished by calling again).
  await Promise.all([
    ...h.callbacks.flatMap((c) => (c.outcome?.signature ? [eraseCallbackSignature(db, c._id)] : [])),
    ...h.repairs.flatMap((r) => (r.acceptance?.signature || r.signOff ? [eraseRepairSignatures(db, r)] : [])),
    anonymiseRepairsOf(db, request.propertyId, request.openid, anonymous),
    eraseResidentFromComplaints(db, request.propertyId, request.openid, anonymous),
    anonymiseCallbacksOf(db, request.propertyId, request.openid, ERASED_NAME),
    ...h.bindings.map((b) => eraseBindingPerson(db, b._id)),
    // Issue 18 (5): the owner's invitation she bound with keeps who used it.
    ...h.bindings.flatMap((b) => (b.invitedBy ? [eraseRoomInvitationUser(db, b.invitedBy.invitationId)] : [])),
    scrubbing,
  ]);
  // What was typed about her in those records themselves, once they are anonymised (read again).
  await scrubOwnTickets(db, person);
  if (h.member) await writeMember(db, memberModel.toStored({ ...h.member, status: 'inactive', name: ERASED_NAME, phone: '', roomIds: [], vip: false }));
  const { result } = await applyOnce(ctx, 'members.erase', async (tx) => {
    const done = erasureModel.toStored({ ...request, name: ERASED_NAME, status: 'done', done: { by: member.name, at: now.toISOString() } });
    await tx.collection('erasures').doc(request._id).set({ data: withoutId(done) });
    return viewOf(done, 0);
  });
  return ok(result);
  },
);
