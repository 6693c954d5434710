import { repairWhere } from '@shared/messages/place-label';
import type { scorecards as contract, fees as feesContract, summary as summaryContract } from '@shared/contracts/repairs.contract';
import { monthlySummary } from '@shared/domain/repair-summary.rules';
import { ok } from '@shared/result';
import { scorecard } from '@shared/domain/scorecard.rules';
import { elapsedOut, RETURN_WITHIN_MS } from '@shared/domain/return.rules';
import type { MemberDoc } from '@shared/model/member.model';
import type { RepairDoc } from '@shared/model/repair.model';
import type { Database } from '../_shared/database';
import { withPrefetch, type Handler } from '../_shared/router';
import { activeMembers } from '../_shared/membership';
import { loadSettings } from '../_shared/settings';
import { repairsCountingFor, technicianRepairs } from '../_shared/repairs.repo';

/** Every order of one technician in the given states. */
const ordersOf = (db: Database, technician: MemberDoc, statuses: string[]): Promise<RepairDoc[]> =>
  technicianRepairs(db, technician.propertyId, technician.openid, statuses);

const onTime = (r: RepairDoc) =>
  !!r.dispatchedAt && !!r.completedAt && elapsedOut({ dispatchedAt: r.dispatchedAt, pausedMs: r.pausedMs, blockedSince: null }, new Date(r.completedAt)) <= RETURN_WITHIN_MS;

/** One technician's scorecard from every order they returned and every order still open. */
export const figuresOf = async (db: Database, technician: MemberDoc) => {
  const [done, open] = await Promise.all([
    ordersOf(db, technician, ['signed']),
    ordersOf(db, technician, ['dispatched', 'acknowledged', 'arrived', 'quoted', 'in_progress', 'completed']),
  ]);
  const ratings = done.flatMap((r) => (r.rating ? [r.rating] : []));
  return scorecard(ratings, done.map(onTime), open.length);
};

/** R7 R9: quality and attitude as true means over every rating (and how many came from residents' own phones), the on-time rate and the open load. */
export const scorecards: Handler<typeof contract> = withPrefetch<typeof contract, MemberDoc[]>(
  // The property's technicians need only the input: read with the caller's membership (issue 16); a technician sees only his own card.
  (input, deps) => activeMembers(deps.db, input.propertyId, 'technician'),
  async (_input, { deps, member }, all) => {
    const technicians = member.role === 'technician' ? [member] : all;
    const items = await Promise.all(technicians.map(async (t) => ({ memberId: t._id, name: t.name, ...(await figuresOf(deps.db, t)) })));
    return ok({ items });
  },
);

export const fees: Handler<typeof feesContract> = async (input, { deps }) =>
  ok({ items: (await loadSettings(deps, input.propertyId)).feeSchedule });

/** R8 R11 R12: every order that counts for the month. */
export const summary: Handler<typeof summaryContract> = async (input, { deps }) =>
  ok(monthlySummary(input.month, await repairsCountingFor(deps.db, input.propertyId, input.month), repairWhere));
