import type * as c from '@shared/contracts/members.contract';
import { failure } from '@shared/messages/failure';
import type { ErrorCode } from '@shared/messages';
import { ok } from '@shared/result';
import { memberModel, staffRoles, type MemberDoc } from '@shared/model/member.model';
import type { Database, Tx } from '../_shared/database';
import type { ActionContext } from '../_shared/context';
import type { Handler } from '../_shared/router';
import { applyOnce } from '../_shared/commands';
import { appendEvent } from '../_shared/events';
import { ActionFailure } from '../_shared/failures';
import { mapPage, readPage } from '../_shared/paging';
import { readSettingsInTx, storedSettingsOf, writeSettingsInTx } from '../_shared/settings';
import { memberEvent, memberSubject, type MemberAction } from './history';
import { returnOpenWork } from './release';
import { toMemberView } from './views';
import { findMember, membersByName, readMemberInTx, writeMemberInTx } from '../_shared/membership';

/** The property's members by name: staff unless other roles are asked for, active unless inactive ones too. */
export const list: Handler<typeof c.list> = async (input, { deps }) => {
  const _ = deps.db.command;
  const roles = [...(input.roles ?? staffRoles)].sort();
  const statuses = input.includeInactive ? ['active', 'inactive'] : ['active'];
  const members = membersByName({ propertyId: input.propertyId, role: _.in(roles), status: _.in(statuses) });
  const page = await readPage(deps.db, { name: `members.list.${roles.join(',')}.${statuses.join(',')}`, sources: [members] }, input);
  return ok(mapPage(page, toMemberView));
};

/** Another member of the caller's property; a manager changes no one's place but others'. */
const targetOf = async (ctx: ActionContext, memberId: string): Promise<MemberDoc | ErrorCode> => {
  const target = await findMember(ctx.deps.db, memberId);
  if (!target || target.propertyId !== ctx.member.propertyId) return 'MEMBER.NOT_FOUND';
  if (target._id === ctx.member._id) return 'MEMBER.NOT_YOURSELF';
  return target;
};

/** Whether the person is on the desk's shift roster, where notices for the desk on shift go by openid. */
const onRoster = async (db: Database, m: MemberDoc): Promise<boolean> =>
  (await storedSettingsOf(db, m.propertyId))?.shifts.some((s) => s.deskOpenids.includes(m.openid)) ?? false;

const leaveRoster = async (tx: Tx, m: MemberDoc): Promise<void> => {
  const settings = await readSettingsInTx(tx, m.propertyId);
  const shifts = settings.shifts.map((s) => ({ ...s, deskOpenids: s.deskOpenids.filter((o) => o !== m.openid) }));
  await writeSettingsInTx(tx, m.propertyId, { ...settings, shifts });
};

interface Change {
  action: MemberAction;
  commandId: string;
  /** What the member becomes, or an error code; null leaves them as they are. */
  apply: (m: MemberDoc) => MemberDoc | ErrorCode | null;
  from: (m: MemberDoc) => string;
  to: (m: MemberDoc) => string;
  reason?: string;
  /** Off the desk's roster too (a desk member leaving or moving to another role). */
  leavesRoster: (before: MemberDoc, after: MemberDoc) => boolean;
}

/** One change to a member, with its history event, once per command id; the member is read again in the transaction. */
const changeMember = async (ctx: ActionContext, target: MemberDoc, change: Change) => {
  const rostered = target.role === 'desk' && (await onRoster(ctx.deps.db, target));
  return applyOnce(ctx, `members.${change.action}`, async (tx) => {
    const current = await readMemberInTx(tx, target._id);
    const next = change.apply(current);
    if (typeof next === 'string') throw new ActionFailure(next);
    if (!next) return toMemberView(current);
    await writeMemberInTx(tx, memberModel.toStored(next));
    const by = { actor: ctx.member.openid, role: ctx.member.role, now: ctx.now, reason: change.reason };
    const event = memberEvent(change.action, change.from(current), change.to(next), by);
    await appendEvent(tx, memberSubject(current), event, change.commandId, `${change.action}~${ctx.commandKey}`);
    if (rostered && change.leavesRoster(current, next)) await leaveRoster(tx, current);
    return toMemberView(next);
  });
};

/** A staff member's role; a technician who becomes something else hands their open orders back to the desk. */
export const setRole: Handler<typeof c.setRole> = async (input, ctx) => {
  const target = await targetOf(ctx, input.memberId);
  if (typeof target === 'string') return failure(target);
  const { result, fresh } = await changeMember(ctx, target, {
    action: 'setRole',
    commandId: input.commandId,
    apply: (m) => {
      if (m.status !== 'active') return 'MEMBER.INACTIVE';
      if (m.role === 'resident') return 'MEMBER.NOT_STAFF';
      return m.role === input.role ? null : { ...m, role: input.role };
    },
    from: (m) => m.role,
    to: (m) => m.role,
    leavesRoster: (before, after) => before.role === 'desk' && after.role !== 'desk',
  });
  if (fresh && target.role === 'technician' && result.role !== 'technician') await returnOpenWork(ctx, target);
  return ok(result);
};

/** R4: the skills a technician's dispatch suggestions are matched on. */
export const setSkills: Handler<typeof c.setSkills> = async (input, ctx) => {
  const target = await targetOf(ctx, input.memberId);
  if (typeof target === 'string') return failure(target);
  const skills = [...new Set(input.skills)];
  const { result } = await changeMember(ctx, target, {
    action: 'setSkills',
    commandId: input.commandId,
    apply: (m) => {
      if (m.status !== 'active') return 'MEMBER.INACTIVE';
      if (m.role !== 'technician') return 'MEMBER.NOT_TECHNICIAN';
      return { ...m, skills };
    },
    from: (m) => m.skills.join(','),
    to: (m) => m.skills.join(','),
    leavesRoster: () => false,
  });
  return ok(result);
};

/**
 * Someone leaves. The router resolves membership on every call and ignores inactive members, so
 * they are refused from their next call on. Off the desk's roster, and every order they held goes
 * back to the desk, also when a manager deactivates again someone already inactive (that finishes
 * a return cut short).
 */
export const deactivate: Handler<typeof c.deactivate> = async (input, ctx) => {
  const target = await targetOf(ctx, input.memberId);
  if (typeof target === 'string') return failure(target);
  const { result } = await changeMember(ctx, target, {
    action: 'deactivate',
    commandId: input.commandId,
    apply: (m) => (m.status === 'inactive' ? null : { ...m, status: 'inactive' }),
    from: (m) => m.status,
    to: (m) => m.status,
    reason: input.reason,
    leavesRoster: () => true,
  });
  await returnOpenWork(ctx, target);
  return ok(result);
};
