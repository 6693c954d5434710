import type * as c from '@shared/contracts/members.contract';
import type { ErrorCode } from '@shared/messages';
import { ok } from '@shared/result';
import { memberModel, staffRoles, type MemberDoc } from '@shared/model/member.model';
import type { SettingsDoc } from '@shared/model/settings.model';
import type { Tx } from '../_shared/database';
import type { Deps } from '../_shared/deps';
import type { ActionContext } from '../_shared/context';
import { withPrefetch, type Handler } from '../_shared/router';
import { applyOnce } from '../_shared/commands';
import { appendEvent } from '../_shared/events';
import { ActionFailure } from '../_shared/failures';
import { mapPage, readPage } from '../_shared/paging';
import { readSettingsInTx, storedSettingsOf, writeSettingsInTx } from '../_shared/settings';
import { memberEvent, memberSubject, type MemberAction } from './history';
import { returnOpenWork } from './release';
import { toMemberView } from './views';
import { findMember, findMemberInTx, membersByName, writeMemberInTx } from '../_shared/membership';

/** The property's members by name: staff unless other roles are asked for, active unless inactive ones too. */
export const list: Handler<typeof c.list> = async (input, { deps }) => {
  const _ = deps.db.command;
  const roles = [...(input.roles ?? staffRoles)].sort();
  const statuses = input.includeInactive ? ['active', 'inactive'] : ['active'];
  const members = membersByName({ propertyId: input.propertyId, role: _.in(roles), status: _.in(statuses) });
  const page = await readPage(deps.db, { name: `members.list.${roles.join(',')}.${statuses.join(',')}`, sources: [members] }, input);
  return ok(mapPage(page, toMemberView));
};

/**
 * Another member of the caller's property, read in the command's transaction (issue 16: started with the caller's
 * membership, so this read is the call's second wait, as a read before it was); a manager changes no one's place
 * but others'.
 */
const targetInTx = async (tx: Tx, ctx: ActionContext, memberId: string): Promise<MemberDoc> => {
  const target = await findMemberInTx(tx, memberId);
  if (!target || target.propertyId !== ctx.member.propertyId) throw new ActionFailure('MEMBER.NOT_FOUND');
  if (target._id === ctx.member._id) throw new ActionFailure('MEMBER.NOT_YOURSELF');
  return target;
};

/** Whether the person is on the desk's shift roster, where notices for the desk on shift go by openid. */
const onRoster = (settings: SettingsDoc | null, m: MemberDoc): boolean => settings?.shifts.some((s) => s.deskOpenids.includes(m.openid)) ?? false;

/** The roster as stored (never the settings' memory): it needs only the input, so it is read beside the membership. */
const rosterFirst = (input: { propertyId: string }, deps: Deps) => storedSettingsOf(deps.db, input.propertyId);

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

/**
 * One change to a member, with its history event, once per command id; the member is read only in the
 * transaction. Answers the applied result and the member as the transaction read it before the change (also
 * when it met the command's stored record: the work runs up to that insert), or null when it did not run.
 */
const changeMember = async (ctx: ActionContext, memberId: string, change: Change, roster: SettingsDoc | null = null) => {
  let before: MemberDoc | null = null;
  const applied = await applyOnce(ctx, `members.${change.action}`, async (tx) => {
    const current = await targetInTx(tx, ctx, memberId);
    before = current;
    const next = change.apply(current);
    if (typeof next === 'string') throw new ActionFailure(next);
    if (!next) return toMemberView(current);
    await writeMemberInTx(tx, memberModel.toStored(next));
    const by = { actor: ctx.member.openid, role: ctx.member.role, now: ctx.now, reason: change.reason };
    const event = memberEvent(change.action, change.from(current), change.to(next), by);
    await appendEvent(tx, memberSubject(current), event, change.commandId, `${change.action}~${ctx.commandKey}`);
    if (current.role === 'desk' && onRoster(roster, current) && change.leavesRoster(current, next)) await leaveRoster(tx, current);
    return toMemberView(next);
  });
  return { ...applied, before: before as MemberDoc | null };
};

/** A staff member's role; a technician who becomes something else hands their open orders back to the desk. */
export const setRole: Handler<typeof c.setRole> = /* @__PURE__ */ withPrefetch<typeof c.setRole, SettingsDoc | null>(rosterFirst, async (input, ctx, roster) => {
  const { result, fresh, before } = await changeMember(
    ctx,
    input.memberId,
    {
      action: 'setRole',
      commandId: input.commandId,
      apply: (m) => {
        if (m.status !== 'active') return 'MEMBER.INACTIVE';
        if (m.role === 'resident') return 'MEMBER.NOT_STAFF';
        return m.role === input.role ? null : { ...m, role: input.role };
      },
      from: (m) => m.role,
      to: (m) => m.role,
      leavesRoster: (was, now) => was.role === 'desk' && now.role !== 'desk',
    },
    roster,
  );
  if (fresh && before?.role === 'technician' && result.role !== 'technician') await returnOpenWork(ctx, before);
  return ok(result);
});

/** R4: the skills a technician's dispatch suggestions are matched on. */
export const setSkills: Handler<typeof c.setSkills> = async (input, ctx) => {
  const skills = [...new Set(input.skills)];
  const { result } = await changeMember(ctx, input.memberId, {
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
export const deactivate: Handler<typeof c.deactivate> = /* @__PURE__ */ withPrefetch<typeof c.deactivate, SettingsDoc | null>(rosterFirst, async (input, ctx, roster) => {
  const { result, before } = await changeMember(
    ctx,
    input.memberId,
    {
      action: 'deactivate',
      commandId: input.commandId,
      apply: (m) => (m.status === 'inactive' ? null : { ...m, status: 'inactive' }),
      from: (m) => m.status,
      to: (m) => m.status,
      reason: input.reason,
      leavesRoster: () => true,
    },
    roster,
  );
  // A command answered from its record before its work ran (never on this path today) reads the member it named.
  const person = before ?? (await findMember(ctx.deps.db, input.memberId));
  if (person) await returnOpenWork(ctx, person);
  return ok(result);
});
