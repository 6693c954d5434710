import * as z from 'zod/mini';
import { calendarDate, isoDateTime } from '../model/versioned';
import { commandFields, defineAction, DocId, scoped } from './action';
import { FileId, FileLink } from './files';
import { DutyKind } from '../model/duty-kind.model';
import { DutyEntry, EntrySource, EntryStatus, HandoverStatus } from '../model/duty.model';
import { HHmm } from '../model/settings.model';

const Instant = isoDateTime({ offset: true });
const Text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const Note = (max: number) => z.string().check(z.trim(), z.maxLength(max));

/** D1: an entry as staff see it: its photos as short-lived links. */
export const EntryView = z.extend(z.omit(DutyEntry, { loggedAt: true, emergency: true }), {
  emergency: z.nullable(z.object({ account: z.string(), photos: z.array(FileLink), by: z.string(), at: z.string() })),
  /** D2: major, and its emergency record with photos is still missing. */
  needsEmergency: z.boolean(),
});
export type EntryViewT = z.infer<typeof EntryView>;

export const ProposalView = z.object({ source: EntrySource, kind: DutyKind, at: z.string(), what: z.string() });

export const HandoverView = z.object({
  id: z.string(),
  status: HandoverStatus,
  outgoing: z.object({ name: z.string(), at: z.string() }),
  incoming: z.object({ name: z.string(), substitute: z.boolean(), at: z.nullable(z.string()) }),
  matters: z.array(z.object({ entryId: z.string(), cause: z.string(), process: z.string(), result: z.string() })),
  instructions: z.string(),
  preparation: z.array(z.object({ item: z.string(), done: z.boolean() })),
  late: z.boolean(),
  /** The caller is the incoming member and has not signed yet. */
  canReceive: z.boolean(),
  version: z.number().check(z.int()),
});

export const PageView = z.object({
  pageId: z.string(),
  date: z.string(),
  shiftName: z.string(),
  shiftStart: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  onDuty: z.boolean(),
  signedIn: z.array(z.object({ memberId: z.string(), name: z.string(), at: z.string() })),
  entries: z.array(EntryView),
  /**
   * D1: what the system knows happened during the page on duty, to confirm onto it: in the page's view (`page`) and in
   * a confirmation's answer. Issue 16: the other writes answer none (three reads fewer on each); the desk reloads the
   * page after every write.
   */
  proposals: z.array(ProposalView),
  /** D3: the preparation list of the outgoing member. */
  checklist: z.array(z.string()),
  /** D3: the open major matters the handover must carry. */
  mattersToHand: z.array(z.string()),
  handover: z.nullable(HandoverView),
  daySigned: z.boolean(),
  version: z.number().check(z.int()),
});
export type PageViewT = z.infer<typeof PageView>;

const staff = ['desk', 'supervisor', 'manager'] as const;
const onDesk = ['desk', 'supervisor'] as const;

/** D1: a page of the duty log: the one on duty now, or a date's shift. */
export const page = defineAction({
  fn: 'duty',
  name: 'page',
  input: z.strictObject({ ...scoped, date: z.optional(calendarDate), shiftStart: z.optional(HHmm) }),
  output: PageView,
  roles: staff,
  write: false,
  errors: ['DUTY.PAGE_NOT_FOUND'],
});

const entryFields = {
  handling: Note(500),
  followUp: Note(500),
  result: Note(500),
  status: EntryStatus,
};

/** D1: an entry on the page on duty: when, what kind, what happened, how it was handled, follow-up and result. */
export const logEntry = defineAction({
  fn: 'duty',
  name: 'logEntry',
  input: z.strictObject({ ...scoped, ...commandFields, kind: DutyKind, at: z.optional(Instant), what: Text(500), ...entryFields }),
  output: PageView,
  roles: onDesk,
  write: true,
  errors: ['DUTY.ENTRY_TIME'],
});

/** D1: an event another area knows of (a complaint call, a move-in, an urgent water or power repair), confirmed onto the page on duty. */
export const confirmProposal = defineAction({
  fn: 'duty',
  name: 'confirmProposal',
  input: z.strictObject({ ...scoped, ...commandFields, source: z.strictObject({ ...EntrySource.shape, id: DocId }), ...entryFields }),
  output: PageView,
  roles: onDesk,
  write: true,
  errors: ['DUTY.PROPOSAL_NOT_FOUND'],
});

const onEntry = { ...scoped, ...commandFields, pageId: DocId, entryId: DocId, version: z.number().check(z.int(), z.positive()) };

/** D1: how an entry was handled, its follow-up and result, as they come. */
export const updateEntry = defineAction({
  fn: 'duty',
  name: 'updateEntry',
  input: z.strictObject({ ...onEntry, ...entryFields }),
  output: PageView,
  roles: onDesk,
  write: true,
  errors: ['DUTY.PAGE_NOT_FOUND', 'DUTY.ENTRY_NOT_FOUND', 'DUTY.DAY_SIGNED'],
});

/** D2: the emergency record of a major event, with photos from the caller's own uploads. */
export const recordEmergency = defineAction({
  fn: 'duty',
  name: 'recordEmergency',
  input: z.strictObject({ ...onEntry, account: Text(1000), photos: z.array(FileId).check(z.minLength(1), z.maxLength(9)) }),
  output: PageView,
  roles: onDesk,
  write: true,
  errors: ['DUTY.PAGE_NOT_FOUND', 'DUTY.ENTRY_NOT_FOUND', 'DUTY.DAY_SIGNED', 'DUTY.NOT_MAJOR', 'DUTY.PHOTO_NOT_YOURS'],
});

/** D3: a desk member signs in for the shift on duty, or for the next one in its last hour. */
export const signIn = defineAction({
  fn: 'duty',
  name: 'signIn',
  input: z.strictObject({ ...scoped, ...commandFields }),
  output: PageView,
  roles: ['desk'],
  write: true,
  errors: [],
});

/** D3: the outgoing member hands the page over, with every open major matter and the instructions from above, and signs. */
export const handOver = defineAction({
  fn: 'duty',
  name: 'handOver',
  input: z.strictObject({
    ...scoped,
    ...commandFields,
    pageId: DocId,
    matters: z.array(z.strictObject({ entryId: DocId, cause: Text(300), process: Text(500), result: Text(300) })).check(z.maxLength(50)),
    instructions: Note(1000),
    preparation: z.array(z.boolean()).check(z.maxLength(12)),
    substituteId: z.nullable(DocId),
  }),
  output: PageView,
  roles: ['desk'],
  write: true,
  errors: [
    'DUTY.PAGE_NOT_FOUND',
    'DUTY.HANDOVER_NOT_DUE',
    'DUTY.HANDOVER_EVENT_UNFINISHED',
    'DUTY.HANDOVER_EQUIPMENT_CHANGING',
    'DUTY.HANDOVER_PREPARATION_INCOMPLETE',
    'DUTY.HANDOVER_NO_INCOMING',
    'DUTY.HANDOVER_MATTER_MISSING',
    'DUTY.SUBSTITUTE_NOT_FOUND',
    'STATE.TRANSITION_NOT_ALLOWED',
  ],
});

/** D3: the incoming member signs the handover on their own phone. */
export const receive = defineAction({
  fn: 'duty',
  name: 'receive',
  input: z.strictObject({ ...scoped, ...commandFields, handoverId: DocId, version: z.number().check(z.int(), z.positive()) }),
  output: PageView,
  roles: ['desk'],
  write: true,
  errors: ['DUTY.HANDOVER_NOT_FOUND', 'DUTY.NOT_INCOMING', 'STATE.TRANSITION_NOT_ALLOWED'],
});

export const DayView = z.object({
  date: z.string(),
  pages: z.array(PageView),
  signed: z.nullable(z.object({ by: z.string(), at: z.string(), remarks: z.string() })),
  flaggedAt: z.nullable(z.string()),
  /** D2: major events still without their emergency record. */
  missingEmergency: z.number().check(z.int()),
});

/** D2: a day's duty log, every shift's page, and its signature. */
export const day = defineAction({
  fn: 'duty',
  name: 'day',
  input: z.strictObject({ ...scoped, date: calendarDate }),
  output: DayView,
  roles: staff,
  write: false,
  errors: [],
});

/** D2: the desk manager signs a day's log once its last shift is over and every major event has its emergency record. */
export const signDay = defineAction({
  fn: 'duty',
  name: 'signDay',
  input: z.strictObject({ ...scoped, ...commandFields, date: calendarDate, remarks: Note(200) }),
  output: DayView,
  roles: ['supervisor'],
  write: true,
  errors: ['DUTY.DAY_NOT_OVER', 'DUTY.EMERGENCY_RECORD_MISSING'],
});

export const dutyActions = { page, logEntry, confirmProposal, updateEntry, recordEmergency, signIn, handOver, receive, day, signDay } as const;
