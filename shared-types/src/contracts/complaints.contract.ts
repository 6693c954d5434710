import * as z from 'zod/mini';
import { calendarDate, isoDateTime } from '../model/versioned';
import { commandFields, defineAction, DocId, scoped, type ActionCode } from './action';
import { pageInput, pageOf } from './page';
import { FileId, FileLink } from './files';
import { decisionFields, ScreeningView } from './screening.contract';
import {
  Classification,
  ComplaintCategory,
  ComplaintChannel,
  ComplaintClass,
  ComplaintPlace,
  ComplaintTarget,
  ComplaintStatus,
  Jurisdiction,
  ReplyForm,
  Severity,
} from '../model/complaint.model';
import type { Role } from '../model/member.model';

/** A complaint of one household, or a group complaint linking several (C3). */
export const CaseRef = z.strictObject({ kind: z.enum(['complaint', 'group']), id: DocId });
export type CaseRef = z.infer<typeof CaseRef>;

const Instant = isoDateTime({ offset: true });

export const Proposal = z.object({
  class: ComplaintClass,
  severity: z.nullable(Severity),
  jurisdiction: z.nullable(Jurisdiction),
  because: z.array(z.string()),
});

/** The handling every case shares; what a role may see of it is decided by the server's mapper. */
const handlingView = {
  id: z.string(),
  version: z.number().check(z.int()),
  urgency: z.enum(['top', 'normal']),
  category: ComplaintCategory,
  place: ComplaintPlace,
  placeLabel: z.string(),
  classification: z.nullable(z.omit(Classification, { by: true, role: true })),
  /** C2 C3: what the system proposes and why; staff only. */
  proposal: z.nullable(Proposal),
  slip: z.nullable(z.object({ department: z.string(), assignee: z.string(), instructions: z.string(), at: z.string() })),
  managerAck: z.nullable(z.object({ by: z.string(), at: z.string() })),
  reply: z.nullable(z.object({ form: ReplyForm, content: z.string(), by: z.string(), at: z.string() })),
  /** C4: the running time limit, the rule that set it, and whether it has passed. */
  dueAt: z.nullable(z.string()),
  dueRule: z.nullable(z.string()),
  overdue: z.boolean(),
  governmentOrMedia: z.boolean(),
  injuryOrLoss: z.boolean(),
  resolvedAt: z.nullable(z.string()),
  createdAt: z.string(),
  registerDate: z.string(),
  actions: z.array(z.string()),
};

/** What a household sees of the group its complaint joined: the shared progress, never the other households. */
export const GroupProgress = z.object({
  id: z.string(),
  households: z.number().check(z.int()),
  status: z.enum(['handling', 'resolved']),
  classification: z.nullable(z.pick(Classification, { class: true, severity: true })),
  managerAck: z.boolean(),
  reply: z.nullable(z.object({ form: ReplyForm, content: z.string(), at: z.string() })),
});

export const ComplaintView = z.object({
  kind: z.literal('complaint'),
  ...handlingView,
  status: ComplaintStatus,
  address: z.string(),
  residentName: z.string(),
  /** Full for the desk side, masked (138****5678) for the resident's own view. */
  phone: z.string(),
  vip: z.boolean(),
  channel: ComplaintChannel,
  occurredAt: z.string(),
  target: z.string(),
  description: z.string(),
  request: z.string(),
  residentDeadline: z.nullable(z.string()),
  photos: z.array(FileLink),
  apology: z.nullable(z.object({ at: z.string() })),
  repeatOf: z.nullable(z.string()),
  group: z.nullable(GroupProgress),
  rating: z.nullable(z.object({ score: z.number().check(z.int()), comment: z.string(), at: z.string() })),
  /** Issue 13 (1.9): the content checks' verdicts, for the desk side; null for the resident. */
  screening: z.optional(z.nullable(ScreeningView)),
});
export type ComplaintView = z.infer<typeof ComplaintView>;

export const GroupView = z.object({
  kind: z.literal('group'),
  ...handlingView,
  status: z.enum(['handling', 'resolved']),
  households: z.number().check(z.int()),
  members: z.array(z.object({ id: z.string(), address: z.string(), residentName: z.string(), status: ComplaintStatus, createdAt: z.string() })),
  /** Issue 13 (1.9): items of its households' complaints the content checks held, waiting for the desk. */
  heldItems: z.optional(z.number().check(z.int())),
});
export type GroupView = z.infer<typeof GroupView>;

export const CaseView = z.discriminatedUnion('kind', [ComplaintView, GroupView]);
export type CaseView = z.infer<typeof CaseView>;

export const CaseEvent = z.object({ action: z.string(), to: z.string(), role: z.string(), reason: z.nullable(z.string()), at: z.string() });
export const CaseDetail = z.object({ case: CaseView, history: z.array(CaseEvent) });

/** C1: what every complaint records, whoever files it. */
const intake = {
  roomId: DocId,
  category: ComplaintCategory,
  place: ComplaintPlace,
  occurredAt: Instant,
  /** Optional (issue 18, 2): a resident often does not know whom to name; clients before it always send one. */
  target: z._default(ComplaintTarget, ''),
  description: z.string().check(z.trim(), z.minLength(2), z.maxLength(1000)),
  request: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
  residentDeadline: z.nullable(Instant),
};

const Reason = z.string().check(z.trim(), z.minLength(2), z.maxLength(500));

/** C1: a resident files from the mini-program, for one of their rooms. */
export const create = defineAction({
  fn: 'complaints',
  name: 'create',
  input: z.strictObject({ ...scoped, ...commandFields, ...intake, photos: z.array(FileId).check(z.maxLength(6)) }),
  output: ComplaintView,
  roles: ['resident'],
  write: true,
  errors: ['COMPLAINT.PHOTO_NOT_YOURS', 'COMPLAINT.ROOM_NOT_YOURS', 'COMPLAINT.IN_THE_FUTURE', 'COMPLAINT.DEADLINE_PASSED', 'COMPLAINT.DAILY_LIMIT'],
});

/** C1 V2: the desk registers a call, walk-in, letter or e-mail on a resident's behalf, having apologised. */
export const register = defineAction({
  fn: 'complaints',
  name: 'register',
  input: z.strictObject({
    ...scoped,
    ...commandFields,
    ...intake,
    residentId: DocId,
    channel: z.enum(['phone', 'walk_in', 'letter', 'email']),
    callerName: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
    phone: z.string().check(z.regex(/^[0-9+\- ]{5,20}$/)),
    apologised: z.literal(true),
  }),
  output: ComplaintView,
  roles: ['desk', 'supervisor'],
  write: true,
  errors: ['COMPLAINT.RESIDENT_NOT_FOUND', 'COMPLAINT.ROOM_NOT_YOURS', 'COMPLAINT.IN_THE_FUTURE', 'COMPLAINT.DEADLINE_PASSED'],
});

export const listMine = defineAction({
  fn: 'complaints',
  name: 'listMine',
  input: z.strictObject({ ...scoped, ...pageInput }),
  output: pageOf(ComplaintView),
  roles: ['resident'],
  write: false,
  errors: [],
});

export const get = defineAction({
  fn: 'complaints',
  name: 'get',
  input: z.strictObject({ ...scoped, ref: CaseRef }),
  output: CaseDetail,
  roles: ['resident', 'desk', 'supervisor', 'manager'],
  write: false,
  errors: ['COMPLAINT.NOT_FOUND'],
});

/** C4 C9: open cases, top urgency first, then the soonest due; a group's households are on its own page, not in the list. */
export const inbox = defineAction({
  fn: 'complaints',
  name: 'inbox',
  input: z.strictObject({ ...scoped, ...pageInput }),
  output: pageOf(CaseView),
  roles: ['desk', 'supervisor', 'manager'],
  write: false,
  errors: [],
});

/** Every step may find the case gone from the caller's sight, merged into a group, or not in a state that allows it; `errors` adds the step's own. */
const onCase = <S extends z.core.$ZodShape>(name: string, roles: readonly z.infer<typeof Role>[], fields: S, errors: readonly ActionCode[] = []) =>
  defineAction({
    fn: 'complaints',
    name,
    input: z.strictObject({ ...scoped, ...commandFields, ref: CaseRef, version: z.number().check(z.int(), z.positive()), ...fields }),
    output: CaseView,
    roles,
    write: true,
    errors: ['COMPLAINT.NOT_FOUND', 'COMPLAINT.IN_A_GROUP', 'STATE.TRANSITION_NOT_ALLOWED', ...errors],
  });

/** C2 C3: the desk's class; major criteria the system knows cannot be called general. */
export const classify = onCase('classify', ['desk', 'supervisor', 'manager'], {
  class: ComplaintClass,
  severity: z.nullable(Severity),
  jurisdiction: z.nullable(Jurisdiction),
  governmentOrMedia: z.boolean(),
  injuryOrLoss: z.boolean(),
  apologised: z.boolean(),
  note: z.string().check(z.trim(), z.maxLength(500)),
}, ['COMPLAINT.APOLOGY_REQUIRED', 'COMPLAINT.SEVERITY_REQUIRED', 'COMPLAINT.JURISDICTION_REQUIRED', 'COMPLAINT.MUST_BE_MAJOR']);

/** C1: the handling slip to the department and person responsible. */
export const issueSlip = onCase('issueSlip', ['desk', 'supervisor', 'manager'], {
  department: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
  assignee: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
  instructions: z.string().check(z.trim(), z.maxLength(500)),
});

/** C4: the manager takes up a major or group complaint. */
export const acknowledge = onCase('acknowledge', ['manager'], {});

/** C5: the reply, in the complaint's own form. */
export const reply = onCase('reply', ['desk', 'supervisor', 'manager'], { form: ReplyForm, content: Reason }, ['COMPLAINT.REPLY_FORM']);

/** How the resident rates the handling of their complaint. */
export const rate = defineAction({
  fn: 'complaints',
  name: 'rate',
  input: z.strictObject({
    ...scoped,
    ...commandFields,
    complaintId: DocId,
    version: z.number().check(z.int(), z.positive()),
    score: z.number().check(z.int(), z.gte(1), z.lte(5)),
    comment: z.string().check(z.trim(), z.maxLength(300)),
  }),
  output: ComplaintView,
  roles: ['resident'],
  write: true,
  errors: ['COMPLAINT.NOT_FOUND', 'STATE.TRANSITION_NOT_ALLOWED'],
});


export const RegisterRow = z.object({
  id: z.string(),
  createdAt: z.string(),
  address: z.string(),
  residentName: z.string(),
  channel: ComplaintChannel,
  category: ComplaintCategory,
  target: z.string(),
  description: z.string(),
  status: ComplaintStatus,
  classification: z.nullable(z.pick(Classification, { class: true, severity: true, jurisdiction: true })),
  groupId: z.nullable(z.string()),
  slip: z.nullable(z.object({ department: z.string(), assignee: z.string() })),
  resolvedAt: z.nullable(z.string()),
});

export const RegisterView = z.object({
  date: calendarDate,
  rows: z.array(RegisterRow),
  signed: z.nullable(z.object({ by: z.string(), at: z.string(), remarks: z.string() })),
  flaggedAt: z.nullable(z.string()),
  /** C6: every complaint still open, whatever day it came in, for the supervisor to follow. */
  open: z.array(CaseView),
});

/** C6: one day's complaint register (投诉信息登记表). */
export const registerOf = defineAction({
  fn: 'complaints',
  name: 'registerOf',
  input: z.strictObject({ ...scoped, date: calendarDate }),
  output: RegisterView,
  roles: ['desk', 'supervisor', 'manager'],
  write: false,
  errors: [],
});

/** C6: the supervisor signs the day's register. */
export const signRegister = defineAction({
  fn: 'complaints',
  name: 'signRegister',
  input: z.strictObject({ ...scoped, ...commandFields, date: calendarDate, remarks: z.string().check(z.trim(), z.maxLength(500)) }),
  output: z.omit(RegisterView, { open: true }),
  roles: ['supervisor'],
  write: true,
  errors: ['COMPLAINT.REGISTER_FUTURE'],
});

export const Figures = z.object({
  total: z.number().check(z.int()),
  byClass: z.object({ major: z.number().check(z.int()), general: z.number().check(z.int()), non_responsible: z.number().check(z.int()), assistance: z.number().check(z.int()), unclassified: z.number().check(z.int()) }),
  handled: z.number().check(z.int()),
  handlingRate: z.nullable(z.number()),
  onTime: z.number().check(z.int()),
  onTimeRate: z.nullable(z.number()),
  calledBack: z.number().check(z.int()),
  callbackRate: z.nullable(z.number()),
});

/** C8: a month's ("2026-11") or a quarter's ("2026-Q4") complaint analysis. */
export const figures = defineAction({
  fn: 'complaints',
  name: 'figures',
  input: z.strictObject({ ...scoped, period: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/)) }),
  output: z.object({ period: z.string(), months: z.array(z.object({ month: z.string(), figures: Figures })), total: Figures }),
  roles: ['supervisor', 'manager'],
  write: false,
  errors: [],
});

/** Issue 13 (1.9): the desk releases a held item of a complaint, or redacts it for good. */
export const decideContent = defineAction({
  fn: 'complaints',
  name: 'decideContent',
  input: z.strictObject({ ...scoped, ...commandFields, complaintId: DocId, ...decisionFields }),
  output: ComplaintView,
  roles: ['desk', 'supervisor', 'manager'],
  write: true,
  errors: ['COMPLAINT.NOT_FOUND', 'CONTENT.ITEM_NOT_FOUND', 'CONTENT.NOT_HELD', 'CONTENT.ALREADY_DECIDED'],
});

export const complaintsActions = {
  create,
  register,
  listMine,
  get,
  inbox,
  classify,
  issueSlip,
  acknowledge,
  reply,
  rate,
  registerOf,
  signRegister,
  figures,
  decideContent,
} as const;
