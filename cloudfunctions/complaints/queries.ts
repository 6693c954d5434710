import type * as contract from '@shared/contracts/complaints.contract';
import { failure } from '@shared/messages/failure';
import { ok } from '@shared/result';
import { CASE_CLOSED } from '@shared/domain/complaint-queue.rules';
import { eventModel } from '@shared/model/event.model';
import type { Database } from '../_shared/database';
import type { Handler } from '../_shared/router';
import { parseAll } from '../_shared/repo';
import { eventsOf } from '../_shared/events';
import { mapPage, readPage, readWholeList, type Listing, type SortKey } from '../_shared/paging';
import { canSeeCase, loadCase, relatedOf, toCaseView, type Case } from './on-case';
import { complaintSource, householdsOf } from '../_shared/complaints.repo';
import { toComplaintView } from './views';
import { groupSource, groupsByIds } from './complaints.repo';

/** Read in the area's repository; still offered here, where its readers found it. */
export { groupsByIds } from './complaints.repo';

const newestFirst: SortKey[] = [{ field: 'createdAt', order: 'desc' }];

export const listMine: Handler<typeof contract.listMine> = async (input, { deps, member, now }) => {
  const mine = complaintSource({ propertyId: input.propertyId, residentOpenid: member.openid }, newestFirst);
  const page = await readPage(deps.db, { name: 'complaints.listMine', sources: [mine] }, input);
  const groups = await groupsByIds(deps.db, page.items.flatMap((c) => (c.groupId ? [c.groupId] : [])));
  return ok(mapPage(page, (c) => toComplaintView(c, member, now, c.groupId ? groups.get(c.groupId) ?? null : null)));
};

/** The history a caller may read: a resident sees their complaint's own steps; staff also see the timer's warnings and escalations. */
export const getCase: Handler<typeof contract.get> = async (input, ctx) => {
  const { deps, member } = ctx;
  const { ref } = input;
  // The case, its history and a group's households are read together by the id the caller sent (a
  // visible case is of the caller's property); nothing of them is shown unless the caller may see the case.
  const [found, res, households] = await Promise.all([
    loadCase(deps.db, ref),
    eventsOf(deps.db, member.propertyId, ref.id, 'asc', 200),
    ref.kind === 'group' ? householdsOf(deps.db, member.propertyId, ref.id) : null,
  ]);
  if (!found || !canSeeCase(ctx, found)) return failure('COMPLAINT.NOT_FOUND');
  const history = parseAll(eventModel, res.data)
    .filter((e) => member.role !== 'resident' || e.machine === 'complaint')
    .map((e) => ({ action: e.action, to: e.to, role: e.role, reason: e.reason, at: e.at }));
  const related = households ? { group: null, members: households } : await relatedOf(deps.db, found);
  return ok({ case: toCaseView(found, related, ctx), history });
};

/** C4 C9: top urgency first (VIPs, major complaints and groups), then the soonest due, then the oldest. */
const caseOrder: SortKey[] = [
  { field: 'queueRank', order: 'asc' },
  { field: 'queueDue', order: 'asc' },
  { field: 'createdAt', order: 'asc' },
];

/** Every open case of the property: households' complaints not in a group, and open groups. */
const openCaseList = (db: Database, propertyId: string): Listing<Case> => {
  const where = { propertyId, queueRank: db.command.lt(CASE_CLOSED) };
  return {
    name: 'complaints.inbox',
    sources: [
      complaintSource(where, caseOrder),
      groupSource(where, caseOrder),
    ],
  };
};

/** C6: every open case, however many, for the register. */
export const openCases = (db: Database, propertyId: string): Promise<Case[]> => readWholeList(db, openCaseList(db, propertyId));

/** C4 C9: a page of the open cases; a group's households are listed on its own page. */
export const inbox: Handler<typeof contract.inbox> = async (input, ctx) => {
  const page = await readPage(ctx.deps.db, openCaseList(ctx.deps.db, input.propertyId), input);
  return ok(mapPage(page, (k) => toCaseView(k, { group: null, members: [] }, ctx)));
};
