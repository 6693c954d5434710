import * as z from 'zod/mini';
import { base, defineModel, isoInstant, calendarDate } from './versioned';
import { caseDue, caseRank } from './list-keys';
import { Role } from './member.model';
import { exemptScreening, Screening } from './screening.model';

export const complaintCategories = [
  'service',
  'repair_quality',
  'cleaning',
  'security',
  'noise',
  'elevator',
  'parking',
  'facilities',
  'fees',
  'other',
] as const;
export const ComplaintCategory = z.enum(complaintCategories);
export type ComplaintCategory = z.infer<typeof ComplaintCategory>;

export const publicAreas = ['gate', 'garden', 'parking', 'clubhouse', 'road', 'other'] as const;
export const PublicArea = z.enum(publicAreas);
export type PublicArea = z.infer<typeof PublicArea>;

/** C3 "the same place": a building (a resident's own room counts for its building) or a public area. */
export const BuildingPlace = z.object({ scope: z.literal('building'), building: z.string().check(z.minLength(1), z.maxLength(10)) });
export const AreaPlace = z.object({ scope: z.literal('public_area'), area: PublicArea });
export const ComplaintPlace = z.discriminatedUnion('scope', [BuildingPlace, AreaPlace]);
export type ComplaintPlace = z.infer<typeof ComplaintPlace>;

/** C1: the person or department complained about, as the resident names it; she may not know, so it may be empty (issue 18, 2). */
export const ComplaintTarget = z.string().check(z.trim(), z.maxLength(60));

export const ComplaintChannel = z.enum(['miniprogram', 'phone', 'walk_in', 'letter', 'email']);
export type ComplaintChannel = z.infer<typeof ComplaintChannel>;

/** C2: responsible (major or general), non-responsible, or assistance (inside or outside the jurisdiction). */
export const ComplaintClass = z.enum(['responsible', 'non_responsible', 'assistance']);
export type ComplaintClass = z.infer<typeof ComplaintClass>;
export const Severity = z.enum(['major', 'general']);
export type Severity = z.infer<typeof Severity>;
export const Jurisdiction = z.enum(['inside', 'outside']);
export type Jurisdiction = z.infer<typeof Jurisdiction>;

/** C3: why a complaint is major; the first three the system checks itself, the last two the desk sets. */
export const MajorReason = z.enum(['repeat_unresolved', 'unresolved_month', 'group', 'government_media', 'injury_loss']);
export type MajorReason = z.infer<typeof MajorReason>;

export const ReplyForm = z.enum(['visit', 'letter', 'phone']);
export type ReplyForm = z.infer<typeof ReplyForm>;

export const Classification = z.object({
  class: ComplaintClass,
  severity: z.nullable(Severity),
  jurisdiction: z.nullable(Jurisdiction),
  reasons: z.array(MajorReason),
  note: z.string(),
  by: z.string(),
  role: Role,
  at: isoInstant,
});
export type Classification = z.infer<typeof Classification>;

/** The part of a complaint that is handled: the same for one household's complaint and for a group. */
const handling = {
  version: z.number().check(z.int(), z.positive()),
  /** C9 and C3: top urgency (特急) for VIP residents and major complaints. */
  urgency: z.enum(['top', 'normal']),
  governmentOrMedia: z.boolean(),
  injuryOrLoss: z.boolean(),
  classification: z.nullable(Classification),
  /** C1: the handling slip (投诉处理回单) for what cannot be settled on the spot. */
  slip: z.nullable(z.object({ department: z.string(), assignee: z.string(), instructions: z.string(), by: z.string(), at: isoInstant })),
  /** C4: the manager has taken up a major complaint. */
  managerAck: z.nullable(z.object({ by: z.string(), at: isoInstant })),
  /** C5: the reply, in the form it took. */
  reply: z.nullable(z.object({ form: ReplyForm, content: z.string(), by: z.string(), at: isoInstant })),
  /** C3: set when a responsible complaint would be upgraded for staying unresolved a month. */
  upgradeAt: z.nullable(isoInstant),
  /** C4: the running time limit: the rule that set it, when it is due, and when it was met. */
  dueRule: z.nullable(z.string()),
  dueAt: z.nullable(isoInstant),
  dueMetAt: z.nullable(isoInstant),
  resolvedAt: z.nullable(isoInstant),
  createdAt: isoInstant,
  updatedAt: isoInstant,
};

/** The handling of a case nobody has touched yet. */
export const untouched = {
  governmentOrMedia: false,
  injuryOrLoss: false,
  classification: null,
  slip: null,
  managerAck: null,
  reply: null,
  upgradeAt: null,
  dueMetAt: null,
  resolvedAt: null,
} as const;

export const complaintStatuses = ['received', 'handling', 'grouped', 'resolved'] as const;
export const ComplaintStatus = z.enum(complaintStatuses);
export type ComplaintStatus = z.infer<typeof ComplaintStatus>;

/** v3: the case's place in the desk's list (C4 C9), stored so the query sorts by it; computed on every write. */
const listed = { queueRank: z.number().check(z.int(), z.gte(0)), queueDue: z.string() };
const placeInList = (c: { status: string; urgency: 'top' | 'normal'; dueAt: string | null; dueMetAt: string | null }) => ({ queueRank: caseRank(c), queueDue: caseDue(c) });
const withPlace = (doc: Record<string, unknown>) => ({ ...doc, ...placeInList(doc as Parameters<typeof placeInList>[0]) });

const ComplaintV1 = z.object({
  ...base,
  schemaVersion: z.literal(1),
  status: ComplaintStatus,
  ...handling,
  residentOpenid: z.string(),
  residentName: z.string(),
  phone: z.string(),
  roomId: z.string(),
  address: z.object({ building: z.string(), unit: z.string(), room: z.string() }),
  vip: z.boolean(),
  channel: ComplaintChannel,
  category: ComplaintCategory,
  place: ComplaintPlace,
  /** C3: category and place as one key: complaints with the same key are about the same matter. */
  matterKey: z.string(),
  /** C1: when it happened, whom it is about, what happened, what the resident asks for. */
  occurredAt: isoInstant,
  target: z.string(),
  description: z.string(),
  request: z.string(),
  /** C4: a general complaint is due by the resident's own deadline when they give an earlier one. */
  residentDeadline: z.nullable(isoInstant),
  photos: z.array(z.string()),
  /** C1: the desk apologised on behalf of the department. */
  apology: z.nullable(z.object({ by: z.string(), at: isoInstant })),
  /** C3: the earlier unresolved complaint of this household on the same matter. */
  repeatOf: z.nullable(z.string()),
  groupId: z.nullable(z.string()),
  /** The desk's record of a call, walk-in, letter or e-mail (V2). */
  callRecord: z.nullable(z.object({ callerName: z.string(), phone: z.string(), receivedAt: isoInstant, recorder: z.string() })),
  rating: z.nullable(z.object({ score: z.number().check(z.int(), z.gte(1), z.lte(5)), comment: z.string(), at: isoInstant })),
  /** C6: the Shanghai day of the register it is entered in. */
  registerDate: calendarDate,
  createdBy: z.object({ openid: z.string(), role: Role }),
});
/** v2: what the content checks said of the resident's text and photos (issue 13, 1.9). */
/** v3: the case's place in the desk's list (issue 12, 3.3). */
export const ComplaintDoc = z.extend(ComplaintV1, {
  schemaVersion: z.literal(3),
  screening: Screening,
  ...listed,
});
export type ComplaintDoc = z.infer<typeof ComplaintDoc>;
export const complaintModel = defineModel<typeof ComplaintDoc, 'queueRank' | 'queueDue'>({
  collection: 'complaints',
  version: 3,
  schema: ComplaintDoc,
  derive: placeInList,
  migrations: {
    // Filed before checks began: nothing was checked, and nothing is held.
    1: (doc) => ({ ...doc, screening: exemptScreening(Array.isArray(doc.photos) ? (doc.photos as string[]) : []) }),
    2: withPlace,
  },
});

/** C3: one group complaint linking every household's complaint about one matter. */
export const ComplaintGroupDoc = z.object({
  ...base,
  schemaVersion: z.literal(2),
  ...listed,
  status: z.enum(['handling', 'resolved']),
  ...handling,
  matterKey: z.string(),
  category: ComplaintCategory,
  place: ComplaintPlace,
  memberIds: z.array(z.string()),
  roomIds: z.array(z.string()),
  /** Once resolved, every household's complaint is resolved with it; set when the last one is. */
  settledAt: z.nullable(isoInstant),
  registerDate: calendarDate,
});
export type ComplaintGroupDoc = z.infer<typeof ComplaintGroupDoc>;
export const complaintGroupModel = defineModel<typeof ComplaintGroupDoc, 'queueRank' | 'queueDue'>({
  collection: 'complaintGroups',
  version: 2,
  schema: ComplaintGroupDoc,
  derive: placeInList,
  migrations: { 1: withPlace },
});

/**
 * C3: the recent complaints about one matter, one document per (property, matter), so that every
 * complaint about it passes through one document in its own transaction: concurrent filings
 * serialise here, and the fifth household is seen however close together they file.
 */
export const ComplaintMatterDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  matterKey: z.string(),
  recent: z.array(z.object({ complaintId: z.string(), roomId: z.string(), at: isoInstant })),
  openGroupId: z.nullable(z.string()),
});
export type ComplaintMatterDoc = z.infer<typeof ComplaintMatterDoc>;
export const complaintMatterModel = defineModel({ collection: 'complaintMatters', version: 1, schema: ComplaintMatterDoc });

/** C6: the supervisor's signature on one day's complaint register. */
export const ComplaintRegisterDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  date: calendarDate,
  signedBy: z.nullable(z.object({ name: z.string(), openid: z.string(), at: isoInstant })),
  remarks: z.string(),
  count: z.number().check(z.int(), z.gte(0)),
  flaggedAt: z.nullable(isoInstant),
});
export type ComplaintRegisterDoc = z.infer<typeof ComplaintRegisterDoc>;
export const complaintRegisterModel = defineModel({ collection: 'complaintRegisters', version: 1, schema: ComplaintRegisterDoc });
