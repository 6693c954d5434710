import type * as z from 'zod/mini';
import type * as contract from '@shared/contracts/complaints.contract';
import { complaintFigures, dateRangeOf, monthsOf, type ComplaintRow } from '@shared/domain/complaint-figures.rules';
import { ok } from '@shared/result';
import type { Deps } from '../_shared/deps';
import { withPrefetch, type Handler } from '../_shared/router';
import { complaintsInRegisterOrder } from '../_shared/complaints.repo';
import { groupsByIds } from './queries';
import { callbacksFollowingOnce } from '../_shared/callbacks';

/** The `in` operator takes at most 100 values a query in CloudBase. */
const CHUNK = 100;

/** The period's complaints need only the input: read with the caller's membership (issue 16). */
const periodComplaints = (input: z.infer<typeof contract.figures.input>, { db }: Pick<Deps, 'db'>) => {
  const { from, to } = dateRangeOf(input.period);
  return complaintsInRegisterOrder(db, input.propertyId, from, to);
};

/** Which of the complaints have a callback recorded as done (C7): every chunk of ids at once. */
const calledBackOf = async ({ db }: Pick<Deps, 'db'>, ids: readonly string[]): Promise<Set<string>> => {
  const chunks = Array.from({ length: Math.ceil(ids.length / CHUNK) }, (_x, i) => ids.slice(i * CHUNK, (i + 1) * CHUNK));
  const found = await Promise.all(chunks.map((chunk) => callbacksFollowingOnce(db, 'complaint', chunk)));
  return new Set(found.flat().flatMap((cb) => (cb.status === 'done' ? [cb.subject.id] : [])));
};

/**
 * C8: a month's or a quarter's complaints by class, handling rate, on-time rate and callbacks. Two
 * waits (issue 16): the complaints with the membership, then their groups and callbacks together.
 */
export const figures: Handler<typeof contract.figures> = withPrefetch<typeof contract.figures, Awaited<ReturnType<typeof periodComplaints>>>(periodComplaints, async (input, { deps }, complaints) => {
  const [groups, calledBack] = await Promise.all([
    groupsByIds(deps.db, complaints.flatMap((c) => (c.groupId ? [c.groupId] : []))),
    calledBackOf(deps, complaints.map((c) => c._id)),
  ]);
  const rows: ComplaintRow[] = complaints.map((c) => {
    const handled = (c.groupId && groups.get(c.groupId)) || c;
    return { id: c._id, registerDate: c.registerDate, classification: handled.classification, dueAt: handled.dueAt, dueMetAt: handled.dueMetAt, resolvedAt: c.resolvedAt };
  });
  const months = monthsOf(input.period).map((month) => ({
    month,
    figures: complaintFigures(rows.filter((r) => r.registerDate.startsWith(month)), calledBack),
  }));
  return ok({ period: input.period, months, total: complaintFigures(rows, calledBack) });
});
