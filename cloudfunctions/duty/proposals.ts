import { repairWhere } from '@shared/messages/place-label';
import { accidentKindOf, type Proposal } from '@shared/domain/duty-log.rules';
import { format } from '@shared/messages/format';
import { dutyTexts } from '@shared/messages/duty.zh-CN';
import { roomLabel } from '@shared/model/property.model';
import type { Database } from '../_shared/database';
import { approvedBindingsRequestedBetween } from '../members/exports';
import { phoneComplaintsReceived } from '../_shared/complaints.repo';
import { repairsFiledWithin } from '../_shared/repairs.repo';

/** A binding is approved within days of the request; older requests are not read. */
const BINDING_LOOKBACK_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * D1: the events other areas already know of from `from` up to `to` (now), proposed as entries: complaint
 * calls the desk registered, move-ins (room bindings approved), urgent water and power repairs (R3.3,
 * R3.4). Read only, each through its own model and an index its area declares.
 */
export const proposalsBetween = async (db: Database, propertyId: string, from: Date, to: Date): Promise<Proposal[]> => {
  const _ = db.command;
  const window = _.gte(from.toISOString()).and(_.lte(to.toISOString()));
  const [calls, repairs, bindings] = await Promise.all([
    phoneComplaintsReceived(db, propertyId, window),
    repairsFiledWithin(db, propertyId, window),
    approvedBindingsRequestedBetween(db, propertyId, new Date(from.getTime() - BINDING_LOOKBACK_MS).toISOString(), to.toISOString()),
  ]);
  const t = dutyTexts;
  return [
    ...calls.map((c): Proposal => ({ source: { kind: 'complaint', id: c._id }, kind: 'complaint_call', at: c.callRecord?.receivedAt ?? c.createdAt, what: format(t.complaintCall, { address: roomLabel(c.address), text: c.description }) })),
    ...repairs.flatMap((r): Proposal[] => {
      const kind = r.triage.urgent ? accidentKindOf(r.triage.rule) : null;
      return kind ? [{ source: { kind: 'repair', id: r._id }, kind, at: r.createdAt, what: format(t.urgentRepair, { address: repairWhere(r), text: r.description }) }] : [];
    }),
    ...bindings.flatMap((b): Proposal[] => {
      const at = b.review?.at;
      return at && at >= from.toISOString() && at <= to.toISOString() ? [{ source: { kind: 'binding', id: b._id }, kind: 'move_in', at, what: format(t.moveIn, { address: roomLabel(b.address), name: b.name }) }] : [];
    }),
  ];
};
