import type * as contract from '@shared/contracts/complaints.contract';
import { failure } from '@shared/messages';
import { ok } from '@shared/result';
import { complaintGroupModel, complaintModel, type ComplaintGroupDoc } from '@shared/model/complaint.model';
import { eventModel } from '@shared/model/event.model';
import type { Database } from '../_shared/database';
import type { ActionContext, Handler } from '../_shared/router';
import { parseAll } from '../_shared/repo';
import { canSeeCase, caseView, loadCase, toCaseView, type Case } from './on-case';
import { toComplaintView } from './views';

const PAGE = 50;

export const groupsByIds = async (db: Database, ids: readonly string[]): Promise<Map<string, ComplaintGroupDoc>> => {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const res = await db.collection('complaintGroups').where({ _id: db.command.in(unique) }).limit(unique.length).get();
  return new Map(parseAll(complaintGroupModel, res.data).map((g) => [g._id, g]));
};

export const listMine: Handler<typeof contract.listMine> = async (input, { deps, member, now }) => {
  const res = await deps.db
    .collection('complaints')
    .where({ propertyId: input.propertyId, residentOpenid: member.openid })
    .orderBy('createdAt', 'desc')
    .limit(PAGE)
    .get();
  const items = parseAll(complaintModel, res.data);
  const groups = await groupsByIds(deps.db, items.flatMap((c) => (c.groupId ? [c.groupId] : [])));
  return ok({ items: items.map((c) => toComplaintView(c, member, now, c.groupId ? groups.get(c.groupId) ?? null : null)) });
};

/** The history a caller may read: a resident sees their complaint's own steps; staff also see the timer's warnings and escalations. */
export const getCase: Handler<typeof contract.get> = async (input, ctx) => {
  const { deps, member } = ctx;
  const found = await loadCase(deps.db, input.ref);
  if (!found || !canSeeCase(ctx, found)) return failure('COMPLAINT.NOT_FOUND');
  const res = await deps.db
    .collection('events')
    .where({ propertyId: found.propertyId, 'subject.id': found._id })
    .orderBy('at', 'asc')
    .limit(200)
    .get();
  const history = parseAll(eventModel, res.data)
    .filter((e) => member.role !== 'resident' || e.machine === 'complaint')
    .map((e) => ({ action: e.action, to: e.to, role: e.role, reason: e.reason, at: e.at }));
  return ok({ case: await caseView(deps.db, found, ctx), history });
};

const byUrgencyThenDue = (a: Case, b: Case) =>
  (a.urgency === 'top' ? 0 : 1) - (b.urgency === 'top' ? 0 : 1) ||
  (a.dueMetAt ? '~' : a.dueAt ?? '~').localeCompare(b.dueMetAt ? '~' : b.dueAt ?? '~') ||
  a.createdAt.localeCompare(b.createdAt);

/** Every open case of the property: households' complaints not in a group, and open groups. */
export const openCases = async (ctx: ActionContext): Promise<Case[]> => {
  const { db } = ctx.deps;
  const propertyId = ctx.member.propertyId;
  const [complaints, groups] = await Promise.all([
    db.collection('complaints').where({ propertyId, status: db.command.in(['received', 'handling']) }).orderBy('createdAt', 'asc').limit(200).get(),
    db.collection('complaintGroups').where({ propertyId, status: 'handling' }).orderBy('createdAt', 'asc').limit(50).get(),
  ]);
  return [...parseAll(complaintModel, complaints.data), ...parseAll(complaintGroupModel, groups.data)].sort(byUrgencyThenDue);
};

/** C4 C9: top urgency first (VIPs, major complaints and groups), then the soonest due. */
export const inbox: Handler<typeof contract.inbox> = async (_input, ctx) => {
  const cases = await openCases(ctx);
  const memberIds = cases.flatMap((k) => ('memberIds' in k ? k.memberIds : []));
  const res = memberIds.length
    ? await ctx.deps.db.collection('complaints').where({ _id: ctx.deps.db.command.in(memberIds) }).limit(1000).get()
    : { data: [] };
  const members = parseAll(complaintModel, res.data);
  return ok({
    items: cases.map((k) =>
      toCaseView(k, { group: null, members: 'memberIds' in k ? members.filter((m) => m.groupId === k._id) : [] }, ctx),
    ),
  });
};
