import { CASE_CLOSED } from '@shared/domain/complaint-queue.rules';
import {
  AWAITING_ACCEPTANCE,
  onTechnicianList,
  ratableSince,
  TOP_CASE_RANK,
  URGENT_OUT_RANK,
  URGENT_WAITING_RANK,
  WAITING_DISPATCH_MAX_RANK,
} from '@shared/domain/waiting-work.rules';
import { waitingFor } from '@shared/domain/waiting-for.rules';
import type { MemberDoc } from '@shared/model/member.model';
import type { Database } from '../_shared/database';
import { complaintsQueued, complaintsToRate } from '../_shared/complaints.repo';
import { groupsQueued } from '../complaints/exports';
import { repairsAtRank, residentRepairsQuery, technicianRepairsQuery } from '../_shared/repairs.counts';

export interface Waiting {
  count: number;
  urgent: number;
}

type Query = { count: () => Promise<{ total: number }> };

/** Every count issued at once; the waiting ones summed, then the urgent ones. */
const tally = async (waiting: Query[], urgent: Query[]): Promise<Waiting> => {
  const totals = await Promise.all([...waiting, ...urgent].map((q) => q.count().then((r) => r.total)));
  const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
  return { count: sum(totals.slice(0, waiting.length)), urgent: sum(totals.slice(waiting.length)) };
};

/** R3 C4 C9: repairs waiting for dispatch and open complaint cases (households' and groups'), urgent ones apart. */
const forDesk = (db: Database, propertyId: string) => {
  const _ = db.command;
  return tally(
    [repairsAtRank(db, propertyId, _.lte(WAITING_DISPATCH_MAX_RANK)), complaintsQueued(db, propertyId, _.lt(CASE_CLOSED)), groupsQueued(db, propertyId, _.lt(CASE_CLOSED))],
    [repairsAtRank(db, propertyId, URGENT_WAITING_RANK), complaintsQueued(db, propertyId, TOP_CASE_RANK), groupsQueued(db, propertyId, TOP_CASE_RANK)],
  );
};

/** The orders on the technician's list there, urgent ones apart. */
const forTechnician = (db: Database, member: MemberDoc) => {
  const mine = { propertyId: member.propertyId, 'technician.openid': member.openid, status: db.command.in([...onTechnicianList]) };
  return tally([technicianRepairsQuery(db, mine)], [technicianRepairsQuery(db, mine, URGENT_OUT_RANK)]);
};

/** R6 R7: quotes to accept and signed orders to rate while the window is open; resolved complaints to rate. */
const forResident = (db: Database, member: MemberDoc, now: Date) => {
  const theirs = { propertyId: member.propertyId, residentOpenid: member.openid };
  return tally(
    [
      residentRepairsQuery(db, theirs, AWAITING_ACCEPTANCE),
      residentRepairsQuery(db, theirs, 'signed', { rating: null, 'signOff.at': db.command.gte(ratableSince(now)) }),
      complaintsToRate(db, member.propertyId, member.openid),
    ],
    [],
  );
};

/** Issue 14 (2): what waits for this membership's role in its property, by counts on declared indexes, all issued together. */
export const waitingIn = (db: Database, member: MemberDoc, now: Date): Promise<Waiting> => {
  const kind = waitingFor(member.role);
  if (kind === 'desk') return forDesk(db, member.propertyId);
  if (kind === 'technician') return forTechnician(db, member);
  if (kind === 'resident') return forResident(db, member, now);
  return Promise.resolve({ count: 0, urgent: 0 });
};
