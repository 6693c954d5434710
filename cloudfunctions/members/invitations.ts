import type * as c from '@shared/contracts/members.contract';
import { canInvite, expiryOf, INVITE_PAGE, invitationState, normalizeCode, sceneOf } from '@shared/domain/invitation.rules';
import { failure } from '@shared/messages/failure';
import { ok } from '@shared/result';
import { invitationModel, type InvitationDoc } from '@shared/model/invitation.model';
import { memberModel } from '@shared/model/member.model';
import type * as z from 'zod/mini';
import type { ActionContext } from '../_shared/context';
import type { Tx } from '../_shared/database';
import { withPrefetch, type Handler } from '../_shared/router';
import type { Caller, Deps } from '../_shared/deps';
import { applyOnce } from '../_shared/commands';
import { appendEvent } from '../_shared/events';
import { ActionFailure } from '../_shared/failures';
import { memberIdFor, membershipIn } from '../_shared/membership';
import { findById, withoutId, readInTx } from '../_shared/repo';
import { mapPage, readPage, type Source } from '../_shared/paging';
import { findProperty } from '../_shared/properties';
import { invitationIdOf, newInvitationCode } from './codes';
import { memberEvent, memberSubject } from './history';
import { toInvitationView, toMembership } from './views';
import { phoneOf } from './phone';
import { readMemberInTx, writeMemberInTx } from '../_shared/membership';

/**
 * Issue 7 (3): an invitation to join in a staff role. The code goes back to the inviter and is
 * stored nowhere, not even in the command record, so a retry of the same command returns the
 * invitation without it. (Two codes with one hash would need 2^40 draws to be likely.)
 */
export const invite: Handler<typeof c.invite> = async (input, ctx) => {
  if (!canInvite(ctx.member.role, input.role)) return failure('INVITATION.ROLE_NOT_ALLOWED');
  return ok(await issueInvitation(ctx, 'members.invite', { ...input, propertyId: ctx.member.propertyId, replaces: null }));
};

interface Invitation {
  propertyId: string;
  role: InvitationDoc['role'];
  note: string;
  hours: number;
  replaces: string | null;
}

/** An invitation into `propertyId`, by the caller (a manager or supervisor there, or the company's administrator). */
export const issueInvitation = async (ctx: ActionContext, action: string, wanted: Invitation): Promise<z.infer<typeof c.IssuedInvitation>> => {
  const { member, now } = ctx;
  const code = newInvitationCode();
  const doc = invitationModel.toStored({
    _id: await invitationIdOf(code),
    propertyId: wanted.propertyId,
    role: wanted.role,
    note: wanted.note,
    status: 'open',
    expiresAt: expiryOf(now, wanted.hours).toISOString(),
    createdAt: now.toISOString(),
    createdBy: { memberId: member._id, name: member.name, role: member.role },
    used: null,
    replaces: wanted.replaces,
  });
  const { result, fresh } = await applyOnce(
    ctx,
    action,
    async (tx) => {
      await tx.collection('invitations').doc(doc._id).set({ data: withoutId(doc) });
      return { ...toInvitationView(doc, now), code: null, qr: null, qrImage: null };
    },
    wanted.propertyId,
  );
  if (!fresh) return result;
  return { ...result, code, qr: { page: INVITE_PAGE, scene: sceneOf(code) }, qrImage: await codeImageOf(ctx.deps, sceneOf(code)) };
};

/** The mini-program code to scan; an invitation works without it (the code can be typed), so a failure only leaves it out. */
const codeImageOf = async (deps: Deps, scene: string) => {
  if (!deps.wechat) return null;
  try {
    const png = await deps.wechat.miniProgramCode(INVITE_PAGE, scene);
    return { mime: png.subarray(1, 4).toString() === 'PNG' ? 'image/png' : 'image/svg+xml', base64: png.toString('base64') };
  } catch (e) {
    console.warn('wxacode.getUnlimited failed; the invitation is given as a code only', e);
    return null;
  }
};

const refusalOf = (state: 'used' | 'expired') => (state === 'used' ? 'INVITATION.USED' : 'INVITATION.EXPIRED');

/**
 * The invited person joins: their OPENID becomes a member in the invitation's role. The invitation
 * is claimed in the same transaction as the membership is written, so of two people racing one
 * code exactly one joins; the other's retried transaction finds it used. Someone already active in
 * the property is refused; a former member comes back under their old membership.
 */
/**
 * Issue 16: what a join reads needs only its input and the caller's own OPENID: the invitation, then
 * its property and the caller's membership there, read beside the command's records.
 */
const joinReads = async (input: { code: string }, deps: Deps, caller: Caller) => {
  const code = normalizeCode(input.code);
  if (!code) return null;
  const id = await invitationIdOf(code);
  const found = await findById(deps.db, invitationModel, id);
  if (!found) return null;
  const [property, existing] = await Promise.all([findProperty(deps.db, found.propertyId), membershipIn(deps.db, found.propertyId, caller.openid)]);
  return { id, found, property, existing };
};

export const join: Handler<typeof c.join> = /* @__PURE__ */ withPrefetch<typeof c.join, Awaited<ReturnType<typeof joinReads>>>(joinReads, async (input, ctx, reads) => {
  const { deps, caller, now } = ctx;
  if (!reads) return failure('INVITATION.NOT_FOUND');
  const { id, found, property, existing } = reads;
  const state = invitationState(found, now);
  if (state !== 'open') return failure(refusalOf(state));
  const { propertyId } = found;
  if (existing?.status === 'active') return failure('MEMBER.ALREADY_MEMBER');
  if (property?.status === 'inactive') return failure('COMMON.PROPERTY_INACTIVE');
  const phone = await phoneOf(deps, input);

  const at = now.toISOString();
  const { result } = await applyOnce(
    ctx,
    'members.join',
    async (tx) => {
      // The membership is looked up again on every run, once its transaction has started (the first reads' may be
      // older than its snapshot): a run retried after a conflict sees a membership another join just made. It is
      // read outside the transaction, so beside the transaction's one operation at a time.
      const [invitation, previous] = await Promise.all([readInTx(tx, invitationModel, id), membershipIn(deps.db, propertyId, caller.openid)]);
      const current = invitationState(invitation, now);
      if (current !== 'open') throw new ActionFailure(refusalOf(current));
      const former = previous ? await readMemberInTx(tx, previous._id) : null;
      if (former?.status === 'active') throw new ActionFailure('MEMBER.ALREADY_MEMBER');
      const member = memberModel.toStored({
        _id: former?._id ?? memberIdFor(propertyId, caller.openid),
        propertyId,
        openid: caller.openid,
        role: invitation.role,
        status: 'active',
        name: input.name,
        phone,
        roomIds: [],
        skills: former?.role === 'technician' && invitation.role === 'technician' ? former.skills : [],
        vip: false,
        createdAt: former?.createdAt ?? at,
      });
      await writeMemberInTx(tx, member);
      const used = invitationModel.toStored({ ...invitation, status: 'used', used: { memberId: member._id, name: member.name, at } });
      await tx.collection('invitations').doc(id).set({ data: withoutId(used) });
      const by = { actor: caller.openid, role: member.role, now, reason: invitation.createdBy.name };
      const event = memberEvent('join', former ? `${former.role}:${former.status}` : null, member.role, by);
      await appendEvent(tx, memberSubject(member), event, input.commandId, `join~${ctx.commandKey}`);
      if (invitation.replaces && invitation.replaces !== member._id) await standDown(tx, invitation.replaces, { ...by, reason: member.name }, input.commandId, ctx.commandKey);
      return toMembership(member, property?.name ?? propertyId);
    },
    propertyId,
  );
  return ok(result);
});

/** Issue 14 (1): the manager an appointment replaces leaves as the new one joins, if still the active manager there. */
const standDown = async (tx: Tx, memberId: string, by: Parameters<typeof memberEvent>[3], commandId: string, commandKey: string) => {
  const replaced = await readMemberInTx(tx, memberId);
  if (replaced.status !== 'active' || replaced.role !== 'manager') return;
  await writeMemberInTx(tx, memberModel.toStored({ ...replaced, status: 'inactive' }));
  await appendEvent(tx, memberSubject(replaced), memberEvent('replaced', 'active', 'inactive', by), commandId, `replaced~${commandKey}`);
};

/** A property's open invitations, soonest to expire first; codes are not stored, so none are shown. */
export const invitations: Handler<typeof c.invitations> = async (input, { deps, now }) => {
  const open: Source<InvitationDoc> = {
    collection: 'invitations',
    where: { propertyId: input.propertyId, status: 'open', expiresAt: deps.db.command.gt(now.toISOString()) },
    sort: [{ field: 'expiresAt', order: 'asc' }],
    parse: (raw) => invitationModel.parse(raw),
  };
  const page = await readPage(deps.db, { name: 'members.invitations', sources: [open] }, input);
  return ok(mapPage(page, (inv) => toInvitationView(inv, now)));
};
