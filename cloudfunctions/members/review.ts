import type * as c from '@shared/contracts/members.contract';
import { approvalOf, reviewRefusal } from '@shared/domain/binding.rules';
import { failure } from '@shared/messages/failure';
import { format } from '@shared/messages/format';
import * as messages from '@shared/messages/words';
import { ok } from '@shared/result';
import { bindingModel, type BindingDoc } from '@shared/model/binding.model';
import { memberModel, type Role } from '@shared/model/member.model';
import type { OutboxDoc } from '@shared/model/outbox.model';
import { roomLabel } from '@shared/model/property.model';
import type { Tx } from '../_shared/database';
import type { Deps } from '../_shared/deps';
import { withPrefetch, type Handler } from '../_shared/router';
import type { SettingsDoc } from '@shared/model/settings.model';
import { applyOnce } from '../_shared/commands';
import { appendEvent } from '../_shared/events';
import { ActionFailure } from '../_shared/failures';
import { memberIdFor, membershipIn } from '../_shared/membership';
import { enqueueNotice, sendNow } from '../_shared/outbox';
import { loadSettings } from '../_shared/settings';
import { findBindingInTx, writeBindingInTx } from './bindings.repo';
import { notice } from './bindings';
import { bindingEvent, bindingSubject, memberEvent, memberSubject } from './history';
import { inviterOf, tellInviter } from './joined-notice';
import { toBindingView } from './views';
import { readMemberInTx, writeMemberInTx } from '../_shared/membership';

/** Who approves: the desk member reviewing, or the invited person whose owner's invitation needs no review (issue 18, 5). */
export interface Approver {
  actor: string;
  role: Role;
}

/**
 * Approving makes the applicant a resident of the room: a new membership, a former member back,
 * or one more room on their membership. Looked up again on every run of the transaction, so two
 * approvals for one person racing each other add both rooms.
 */
export const approve = async (tx: Tx, b: BindingDoc, ctx: { deps: Deps; now: Date }, by: Approver, commandId: string): Promise<string> => {
  const { deps, now } = ctx;
  const found = await membershipIn(deps.db, b.propertyId, b.openid);
  const current = found ? await readMemberInTx(tx, found._id) : null;
  const approval = approvalOf(current, b.roomId);
  if (approval.kind === 'refuse') throw new ActionFailure(approval.code);
  const at = now.toISOString();
  const next = memberModel.toStored(
    current && approval.kind === 'addRoom'
      ? { ...current, roomIds: approval.roomIds }
      : {
          _id: current?._id ?? memberIdFor(b.propertyId, b.openid),
          propertyId: b.propertyId,
          openid: b.openid,
          role: 'resident',
          status: 'active',
          name: b.name,
          phone: b.phone,
          roomIds: approval.roomIds,
          skills: [],
          vip: false,
          createdAt: current?.createdAt ?? at,
        },
  );
  await writeMemberInTx(tx, next);
  const from = current ? `${current.role}:${current.status}` : null;
  const event = memberEvent('approve', from, 'resident', { ...by, now, reason: roomLabel(b.address) });
  await appendEvent(tx, memberSubject(next), event, commandId, `approve~${b._id}`);
  return next._id;
};

/** The desk approves or rejects (with a reason); the applicant is told either way, in the app; the owner who invited her when she is bound (issue 18, 5). */
// The settings are for the applicant's notice after the commit (push templates): read with the membership.
export const reviewBinding: Handler<typeof c.reviewBinding> = /* @__PURE__ */ withPrefetch<typeof c.reviewBinding, SettingsDoc>((input, deps) => loadSettings(deps, input.propertyId), async (input, ctx, settings) => {
  const { deps, member, now } = ctx;
  const refused = reviewRefusal(input.decision, input.reason);
  if (refused) return failure(refused);

  const queued: OutboxDoc[] = [];
  const { result, fresh } = await applyOnce(ctx, 'members.reviewBinding', async (tx) => {
    queued.length = 0;
    // Issue 16: the request is read once, in the transaction started with the membership (a read before it was one
    // more wait); the owner who invited her is read outside it, beside the approval's reads, once the desk may see it.
    const b = await findBindingInTx(tx, input.bindingId);
    if (!b || b.propertyId !== member.propertyId) throw new ActionFailure('BINDING.NOT_FOUND');
    if (b.status !== 'pending') throw new ActionFailure('BINDING.ALREADY_REVIEWED');
    if (b.version !== input.version) throw new ActionFailure('COMMON.VERSION_CONFLICT');
    const approved = input.decision === 'approve';
    const invited = approved ? inviterOf(deps.db, b) : Promise.resolve(null);
    invited.catch(() => undefined);
    const memberId = approved ? await approve(tx, b, ctx, { actor: member.openid, role: member.role }, input.commandId) : null;
    const inviter = await invited;
    const at = now.toISOString();
    const reason = approved ? null : input.reason;
    const next = bindingModel.toStored({
      ...b,
      status: approved ? 'approved' : 'rejected',
      version: b.version + 1,
      review: { by: member.name, role: member.role, at, reason, memberId },
      updatedAt: at,
    });
    await writeBindingInTx(tx, next);
    const event = bindingEvent(input.decision, 'pending', next.status, next.version, { actor: member.openid, role: member.role, now, reason: reason ?? undefined });
    await appendEvent(tx, bindingSubject(next), event, input.commandId);
    const address = roomLabel(b.address);
    const told = approved
      ? notice(next, 'binding.approved', b.openid, format(messages.memberTexts.bindingApproved, { address }))
      : notice(next, 'binding.rejected', b.openid, format(messages.memberTexts.bindingRejected, { address, reason: input.reason }));
    queued.push(await enqueueNotice(tx, `${b._id}@${next.version}`, told, now), ...(await tellInviter(tx, next, inviter, now)));
    return toBindingView(next);
  });
  if (fresh) await sendNow(deps, queued, settings);
  return ok(result);
});
