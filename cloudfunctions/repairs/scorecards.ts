import type { scorecards as contract, fees as feesContract, summary as summaryContract } from '@shared/contracts/repairs.contract';
import { monthlySummary } from '@shared/domain/repair-summary.rules';
import { ok } from '@shared/result';
import { scorecard } from '@shared/domain/scorecard.rules';
import { elapsedOut, RETURN_WITHIN_MS } from '@shared/domain/return.rules';
import { memberModel, type MemberDoc } from '@shared/model/member.model';
import { repairModel, type RepairDoc } from '@shared/model/repair.model';
import type { Database } from '../_shared/database';
import type { Handler } from '../_shared/router';
import { parseAll } from '../_shared/repo';
import { loadSettings } from '../_shared/settings';

const PAGE = 1000;

/** Every order of one technician in the given states, a page of 1000 at a time (the cloud's limit). */
const ordersOf = async (db: Database, technician: MemberDoc, statuses: string[]): Promise<RepairDoc[]> => {
  const out: RepairDoc[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const res = await db
      .collection('repairs')
      .where({ propertyId: technician.propertyId, 'technician.openid': technician.openid, status: db.command.in(statuses) })
      .skip(skip)
      .limit(PAGE)
      .get();
    out.push(...parseAll(repairModel, res.data));
    if (res.data.length < PAGE) return out;
  }
};

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

/** R7 R9: quality and attitude as true means over every rating, the on-time rate and the open load. */
export const scorecards: Handler<typeof contract> = async (input, { deps, member }) => {
  const { db } = deps;
  const technicians =
    member.role === 'technician'
      ? [member]
      : parseAll(memberModel, (await db.collection('members').where({ propertyId: input.propertyId, role: 'technician', status: 'active' }).limit(200).get()).data);
  const items = await Promise.all(technicians.map(async (t) => ({ memberId: t._id, name: t.name, ...(await figuresOf(db, t)) })));
  return ok({ items });
};

export const fees: Handler<typeof feesContract> = async (input, { deps }) =>
  ok({ items: (await loadSettings(deps.db, input.propertyId)).feeSchedule });

/** R8 R11 R12: every order that counts for the month, a page of 1000 at a time. */
export const summary: Handler<typeof summaryContract> = async (input, { deps }) => {
  const orders: RepairDoc[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const res = await deps.db.collection('repairs').where({ propertyId: input.propertyId, countsFor: input.month }).skip(skip).limit(PAGE).get();
    orders.push(...parseAll(repairModel, res.data));
    if (res.data.length < PAGE) break;
  }
  return ok(monthlySummary(input.month, orders));
};
