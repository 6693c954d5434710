import type * as contract from '@shared/contracts/complaints.contract';
import { complaintFigures, dateRangeOf, monthsOf, type ComplaintRow } from '@shared/domain/complaint-figures.rules';
import { ok } from '@shared/result';
import type { Handler } from '../_shared/router';
import { complaintsInRegisterOrder } from '../_shared/complaints.repo';
import { groupsByIds } from './queries';
import { callbacksFollowingOnce } from '../_shared/callbacks';

const CHUNK = 100;

/** C8: a month's or a quarter's complaints by class, handling rate, on-time rate and callbacks. */
export const figures: Handler<typeof contract.figures> = async (input, { deps }) => {
  const { db } = deps;
  const _ = db.command;
  const { from, to } = dateRangeOf(input.period);
  const complaints = await complaintsInRegisterOrder(db, input.propertyId, from, to);
  const groups = await groupsByIds(db, complaints.flatMap((c) => (c.groupId ? [c.groupId] : [])));
  const calledBack = new Set<string>();
  const ids = complaints.map((c) => c._id);
  for (let i = 0; i < ids.length; i += CHUNK) {
    for (const cb of await callbacksFollowingOnce(db, 'complaint', ids.slice(i, i + CHUNK))) if (cb.status === 'done') calledBack.add(cb.subject.id);
  }
  const rows: ComplaintRow[] = complaints.map((c) => {
    const handled = (c.groupId && groups.get(c.groupId)) || c;
    return { id: c._id, registerDate: c.registerDate, classification: handled.classification, dueAt: handled.dueAt, dueMetAt: handled.dueMetAt, resolvedAt: c.resolvedAt };
  });
  const months = monthsOf(input.period).map((month) => ({
    month,
    figures: complaintFigures(rows.filter((r) => r.registerDate.startsWith(month)), calledBack),
  }));
  return ok({ period: input.period, months, total: complaintFigures(rows, calledBack) });
};
