import type { ComplaintView, GroupView } from '@shared/contracts/complaints.contract';
import { allowedActions } from '@shared/domain/state-machine';
import { complaintMachine } from '@shared/domain/complaint.machine';
import { proposeClass } from '@shared/domain/complaint-class.rules';
import { heldItems } from '@shared/domain/content-screening.rules';
import { maskPhone } from '@shared/domain/phone';
import { placeLabel } from '@shared/messages/place-label';
import type { ComplaintDoc, ComplaintGroupDoc } from '@shared/model/complaint.model';
import type { MemberDoc } from '@shared/model/member.model';
import { roomLabel } from '@shared/model/property.model';
import { photosFor, screeningViewFor, seesAll, textForOthers } from '../_shared/screened';

/** What people do to a case; filing, joining a group and settling with it are the server's own steps. */
const userActions = new Set(['classify', 'issueSlip', 'acknowledge', 'reply', 'rate']);

const isStaff = (member: MemberDoc) => member.role === 'desk' || member.role === 'supervisor' || member.role === 'manager';

/** Who may see a household's complaint: the resident who filed it and the desk side; never another household. */
export const canSeeComplaint = (member: MemberDoc, c: ComplaintDoc): boolean =>
  c.propertyId === member.propertyId && (isStaff(member) || (member.role === 'resident' && c.residentOpenid === member.openid));

type Handling = ComplaintDoc | ComplaintGroupDoc;

const handlingOf = (c: Handling, member: MemberDoc, now: Date, grouped: boolean) => ({
  id: c._id,
  version: c.version,
  urgency: c.urgency,
  category: c.category,
  place: c.place,
  placeLabel: placeLabel(c.place),
  classification: c.classification
    ? { class: c.classification.class, severity: c.classification.severity, jurisdiction: c.classification.jurisdiction, reasons: c.classification.reasons, note: c.classification.note, at: c.classification.at }
    : null,
  proposal: isStaff(member)
    ? proposeClass(c.category, {
        repeatOf: 'repeatOf' in c ? c.repeatOf : null,
        grouped,
        unresolvedMonth: c.classification?.reasons.includes('unresolved_month') ?? false,
        governmentOrMedia: c.governmentOrMedia,
        injuryOrLoss: c.injuryOrLoss,
      })
    : null,
  slip: c.slip ? { department: c.slip.department, assignee: c.slip.assignee, instructions: c.slip.instructions, at: c.slip.at } : null,
  managerAck: c.managerAck,
  reply: c.reply,
  dueAt: c.dueAt,
  dueRule: c.dueRule,
  overdue: !!c.dueAt && !c.dueMetAt && !c.resolvedAt && new Date(c.dueAt) <= now,
  governmentOrMedia: c.governmentOrMedia,
  injuryOrLoss: c.injuryOrLoss,
  resolvedAt: c.resolvedAt,
  createdAt: c.createdAt,
  registerDate: c.registerDate,
  actions: allowedActions(complaintMachine, { ...c, rating: 'rating' in c ? c.rating : null }, member.role, now).filter((a) => userActions.has(a)),
});

/** What a household sees of its group: the shared progress and how many households, nothing of the others. */
const progressOf = (g: ComplaintGroupDoc) => ({
  id: g._id,
  households: g.roomIds.length,
  status: g.status,
  classification: g.classification ? { class: g.classification.class, severity: g.classification.severity } : null,
  managerAck: !!g.managerAck,
  reply: g.reply ? { form: g.reply.form, content: g.reply.content, at: g.reply.at } : null,
});

/** The mapper: only what the role may see; no openid leaves the server; the phone is full only for staff (P1). */
export const toComplaintView = (c: ComplaintDoc, member: MemberDoc, now: Date, group: ComplaintGroupDoc | null): ComplaintView => ({
  kind: 'complaint',
  ...handlingOf(c, member, now, !!c.groupId),
  status: c.status,
  address: roomLabel(c.address),
  residentName: c.residentName,
  phone: isStaff(member) ? c.phone : maskPhone(c.phone),
  vip: isStaff(member) ? c.vip : false,
  channel: c.channel,
  occurredAt: c.occurredAt,
  ...textsFor(c, member),
  residentDeadline: c.residentDeadline,
  photos: photosFor(member, c.residentOpenid, c.photos, c.screening),
  apology: c.apology ? { at: c.apology.at } : null,
  repeatOf: isStaff(member) ? c.repeatOf : null,
  group: group ? progressOf(group) : null,
  rating: c.rating,
  screening: screeningViewFor(member, c.screening, c.photos),
});

/** Issue 13 (1.9): what the resident wrote; held by the content check, only its author and the desk side read it. */
const textsFor = (c: ComplaintDoc, member: MemberDoc) => {
  if (seesAll(member, c.residentOpenid)) return { target: c.target, description: c.description, request: c.request };
  const shown = (text: string) => textForOthers(text, c.screening.text);
  return { target: shown(c.target), description: shown(c.description), request: shown(c.request) };
};

export const toGroupView = (g: ComplaintGroupDoc, member: MemberDoc, now: Date, members: readonly ComplaintDoc[]): GroupView => ({
  kind: 'group',
  ...handlingOf(g, member, now, true),
  status: g.status,
  households: g.roomIds.length,
  members: members.map((c) => ({ id: c._id, address: roomLabel(c.address), residentName: c.residentName, status: c.status, createdAt: c.createdAt })),
  heldItems: members.reduce((n, c) => n + heldItems(c.screening), 0),
});
