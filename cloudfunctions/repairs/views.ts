import type { RepairView } from '@shared/contracts/repairs.contract';
import { allowedActions } from '@shared/domain/state-machine';
import { repairMachine } from '@shared/domain/repair.machine';
import { maskPhone } from '@shared/domain/phone';
import type { MemberDoc } from '@shared/model/member.model';
import type { RepairDoc } from '@shared/model/repair.model';
import { repairWhere } from '@shared/messages/place-label';
import * as messages from '@shared/messages/words';
import { isReturnOverdue, returnDueAt } from '@shared/domain/return.rules';
import { filedBy, seesRepair, type Household } from '@shared/domain/household.rules';
import { photosFor, screeningViewFor, seesAll, textForOthers } from '../_shared/screened';

/** Who may see a repair at all: its resident, the desk side, and the technician it is assigned to. */
export const canSee = (member: MemberDoc, repair: RepairDoc): boolean => {
  if (repair.propertyId !== member.propertyId) return false;
  switch (member.role) {
    case 'resident':
      return repair.residentOpenid === member.openid;
    case 'technician':
      return repair.technician?.openid === member.openid;
    default:
      return true;
  }
};

/**
 * Issue 18 (5): who may read and follow a repair: whoever may act on it (`canSee`), and a resident
 * of its room bound before it was filed (her household, read by `householdFor`).
 */
export const canFollow = (member: MemberDoc, household: Household | null, repair: RepairDoc): boolean =>
  canSee(member, repair) || (household !== null && repair.propertyId === member.propertyId && seesRepair(household, repair));

/** P1: the full number only for the desk side and the technician who must call; masked for everyone else. */
export const needsFullPhone = (member: MemberDoc, repair: RepairDoc) =>
  member.role === 'desk' || member.role === 'supervisor' || (member.role === 'technician' && repair.technician?.openid === member.openid);

/**
 * The mapper: copies only what the role may see; no openid ever leaves the server. Issue 13 (1.9):
 * what the content checks hold is kept from everyone but its author and the desk side, who see it marked.
 */
export const toView = (repair: RepairDoc, member: MemberDoc, now: Date): RepairView => ({
  id: repair._id,
  status: repair.status,
  version: repair.version,
  category: repair.category,
  description: seesAll(member, repair.residentOpenid) ? repair.description : textForOthers(repair.description, repair.screening.text),
  roomId: repair.roomId,
  address: repairWhere(repair),
  residentName: repair.residentName ?? messages.reporterWords.none,
  ...(repair.residentOpenid === null ? { noReporter: true } : {}),
  byHousehold: member.role === 'resident' && !filedBy(member, repair),
  phone: needsFullPhone(member, repair) ? repair.phone : maskPhone(repair.phone),
  preferredTime: repair.preferredTime,
  appointment: repair.appointment ? { start: repair.appointment.start, end: repair.appointment.end } : null,
  photos: photosFor(member, repair.residentOpenid, repair.photos, repair.screening),
  channel: repair.channel,
  triage: repair.triage,
  priority: repair.priority,
  technician: repair.technician ? { memberId: repair.technician.memberId, name: repair.technician.name } : null,
  createdAt: repair.createdAt,
  dispatchedAt: repair.dispatchedAt,
  actions: allowedActions(repairMachine, repair, member.role, now).filter(
    () => member.role !== 'resident' || repair.residentOpenid === member.openid,
  ),
  acknowledgedAt: repair.acknowledgedAt,
  arrivedAt: repair.arrivedAt,
  visitNote: repair.visitNote,
  quote: repair.quote,
  acceptance: repair.acceptance,
  completion: repair.completion,
  signOff: repair.signOff,
  completedAt: repair.completedAt,
  rating: repair.rating,
  blocker: repair.blocker,
  sendBack: repair.sendBack,
  ...returnClock(repair, now),
  countsFor: repair.countsFor,
  priorityOverride: repair.priorityOverride,
  screening: screeningViewFor(member, repair.screening, repair.photos),
});

/** R9: due back 3 days after dispatch, blockers excluded; nothing once it is back or before it is out. */
const returnClock = (repair: RepairDoc, now: Date) => {
  if (!repair.dispatchedAt || repair.completedAt) return { returnDueAt: null, overdue: false };
  const clock = { dispatchedAt: repair.dispatchedAt, pausedMs: repair.pausedMs, blockedSince: repair.blocker?.since ?? null };
  return { returnDueAt: returnDueAt(clock, now).toISOString(), overdue: isReturnOverdue(clock, now) };
};
