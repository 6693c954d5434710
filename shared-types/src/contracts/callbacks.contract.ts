import * as z from 'zod/mini';
import { commandFields, defineAction, DocId, scoped } from './action';
import { pageInput, pageOf } from './page';
import { CallbackKind, CallbackReason } from '../model/callback.model';
import { ComplaintCategory, ComplaintPlace, ComplaintTarget } from '../model/complaint.model';
import { FileId, FileLink } from './files';

export const CallbackView = z.object({
  id: z.string(),
  kind: CallbackKind,
  reason: CallbackReason,
  subjectId: z.string(),
  status: z.enum(['open', 'done', 'cancelled']),
  version: z.number().check(z.int()),
  residentName: z.string(),
  /** The desk calls: the full number. */
  phone: z.string(),
  address: z.string(),
  dueAt: z.string(),
  /** C7: the manager calls back on major complaints. */
  assignee: z.enum(['desk', 'manager']),
  overdue: z.boolean(),
  outcome: z.nullable(z.object({
    reached: z.boolean(),
    satisfied: z.nullable(z.boolean()),
    notes: z.string(),
    method: z.enum(['phone', 'home_visit']),
    at: z.string(),
    /** B2: the resident's signature on a home visit's record. */
    signature: z.optional(z.nullable(FileLink)),
  })),
  /** B3: the complaint raised from this callback, if any. */
  complaintId: z.optional(z.nullable(z.string())),
});
export type CallbackView = z.infer<typeof CallbackView>;

/** B1: the desk's callback queue: open tasks, soonest due first, optionally of one kind. */
export const queue = defineAction({
  fn: 'callbacks',
  name: 'queue',
  input: z.strictObject({ ...scoped, kind: z.optional(CallbackKind), ...pageInput }),
  output: pageOf(CallbackView),
  roles: ['desk', 'supervisor', 'manager'],
  write: false,
  errors: [],
});

/** B2: one callback task, open or done, with its outcome: the record a home visit's resident signed. */
export const get = defineAction({
  fn: 'callbacks',
  name: 'get',
  input: z.strictObject({ ...scoped, callbackId: DocId }),
  output: CallbackView,
  roles: ['desk', 'supervisor', 'manager'],
  write: false,
  errors: ['CALLBACK.NOT_FOUND'],
});

/** R10 B2: the outcome of a callback: reached or not, satisfied or not, notes, by phone or at home. */
export const record = defineAction({
  fn: 'callbacks',
  name: 'record',
  input: z.strictObject({
    ...scoped,
    ...commandFields,
    callbackId: DocId,
    version: z.number().check(z.int(), z.positive()),
    reached: z.boolean(),
    satisfied: z.nullable(z.boolean()),
    notes: z.string().check(z.trim(), z.maxLength(500)),
    method: z.enum(['phone', 'home_visit']),
    /** B2: the resident's signature on a home visit's record (a file the desk uploaded). */
    signature: z.optional(FileId),
  }),
  output: CallbackView,
  roles: ['desk', 'supervisor', 'manager'],
  write: true,
  errors: ['CALLBACK.NOT_FOUND', 'CALLBACK.MANAGER_ONLY', 'CALLBACK.SIGNATURE_REQUIRED', 'CALLBACK.FILE_NOT_YOURS', 'CALLBACK.ALREADY_DONE', 'CALLBACK.CANCELLED'],
});

/**
 * B3: a problem raised in a callback that is a complaint becomes a complaint record, linked to the
 * callback, in one tap: the resident and room come from the callback; the desk says what it is about.
 */
export const raiseComplaint = defineAction({
  fn: 'callbacks',
  name: 'raiseComplaint',
  input: z.strictObject({
    ...scoped,
    ...commandFields,
    callbackId: DocId,
    category: ComplaintCategory,
    place: ComplaintPlace,
    target: z._default(ComplaintTarget, ''),
    description: z.string().check(z.trim(), z.minLength(2), z.maxLength(1000)),
    request: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
  }),
  output: z.object({ callbackId: z.string(), complaintId: z.string() }),
  roles: ['desk', 'supervisor', 'manager'],
  write: true,
  errors: ['CALLBACK.NOT_FOUND', 'CALLBACK.ALREADY_RAISED', 'COMPLAINT.RESIDENT_NOT_FOUND', 'COMPLAINT.ROOM_NOT_YOURS'],
});

export const KindFigures = z.object({
  kind: CallbackKind,
  /** Tasks planned in the period, and done (reached or not, recorded). */
  planned: z.number().check(z.int()),
  done: z.number().check(z.int()),
  reached: z.number().check(z.int()),
  satisfied: z.number().check(z.int()),
  /** B4: done out of planned; null with none planned. */
  rate: z.nullable(z.number()),
});

/**
 * B4 R13 C7: a month's callback report (业户回访率统计报表): counts by kind for the month and each of
 * its weeks; the repair check (last week's callbacks against half its returned work orders), the
 * complaint check (every complaint handled last week called back), and R13's month-end top-up list.
 */
export const figures = defineAction({
  fn: 'callbacks',
  name: 'figures',
  input: z.strictObject({ ...scoped, month: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/)) }),
  output: z.object({
    month: z.string(),
    byKind: z.array(KindFigures),
    weeks: z.array(z.object({ from: z.string(), to: z.string(), byKind: z.array(KindFigures) })),
    /**
     * R13 over the month's returned orders the desk can call back; issue 18 (5): those it cannot
     * (a public place's repair nobody reported) are outside the half and counted here by reason.
     */
    repairCheck: z.object({
      returned: z.number().check(z.int()),
      calledBack: z.number().check(z.int()),
      rate: z.nullable(z.number()),
      met: z.boolean(),
      skipped: z.array(z.object({ reason: z.enum(['no_resident']), count: z.number().check(z.int(), z.positive()) })),
    }),
    complaintCheck: z.object({ handled: z.number().check(z.int()), calledBack: z.number().check(z.int()), rate: z.nullable(z.number()), met: z.boolean() }),
    topUp: z.array(z.object({ repairId: z.string(), address: z.string(), residentName: z.string(), completedAt: z.string() })),
  }),
  roles: ['supervisor', 'manager'],
  write: false,
  errors: [],
});

export const callbacksActions = { queue, get, record, raiseComplaint, figures } as const;
