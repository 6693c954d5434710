import * as z from 'zod';
import { commandFields, defineAction, DocId, scoped, type ActionCode } from './action';
import { pageInput, pageOf } from './page';
import { BlockerKind, Channel, Material, PreferredTime, Priority, QuoteLine, RatingDoc, RepairCategory, RepairPlace, RepairStatus, TriageDoc } from '../model/repair.model';
import { Role, Skill } from '../model/member.model';
import { FileId, FileLink } from './files';
import { decisionFields, ScreeningView } from './screening.contract';

export const RepairView = z.object({
  id: z.string(),
  status: RepairStatus,
  version: z.number().int(),
  category: RepairCategory,
  description: z.string(),
  /** Null for a public place (issue 18, 5); `address` then words the place ("1栋 3层"). */
  roomId: z.string().nullable(),
  address: z.string(),
  residentName: z.string(),
  /** Issue 18 (5): true for a public place's repair nobody reported: no resident to tell, ask to rate or call back; its quote is the property's cost. */
  noReporter: z.boolean().optional(),
  /** Issue 18 (5): filed by another resident of the caller's household (she follows it; its filer acts on it). */
  byHousehold: z.boolean().optional(),
  /** Full for the desk and the assigned technician, masked (138****5678) for everyone else. */
  phone: z.string(),
  preferredTime: PreferredTime.nullable(),
  /** V4: the window the resident booked; the technician's appointment time. */
  appointment: z.object({ start: z.string(), end: z.string() }).nullable().optional(),
  photos: z.array(FileLink),
  channel: Channel,
  triage: TriageDoc,
  priority: Priority,
  technician: z.object({ memberId: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  dispatchedAt: z.string().nullable(),
  /** What the caller may do next, decided by the state machine on the server. */
  actions: z.array(z.string()),
  acknowledgedAt: z.string().nullable().optional(),
  arrivedAt: z.string().nullable().optional(),
  visitNote: z.string().nullable().optional(),
  quote: z.object({ lines: z.array(QuoteLine), totalFen: z.number().int(), at: z.string() }).nullable().optional(),
  acceptance: z.object({ via: z.enum(['resident_phone', 'signature_on_site', 'property']), signature: FileLink.nullable(), at: z.string() }).nullable().optional(),
  completion: z
    .object({ beforePhotos: z.array(FileLink), afterPhotos: z.array(FileLink), materials: z.array(Material), amountFen: z.number().int(), at: z.string() })
    .nullable()
    .optional(),
  signOff: z.object({ signature: FileLink, at: z.string() }).nullable().optional(),
  completedAt: z.string().nullable().optional(),
  rating: RatingDoc.omit({ at: true }).extend({ at: z.string() }).nullable().optional(),
  blocker: z.object({ kind: BlockerKind, reason: z.string(), since: z.string() }).nullable().optional(),
  sendBack: z
    .object({ reason: z.string(), at: z.string(), review: z.object({ approved: z.boolean(), opinion: z.string(), signature: FileLink.nullable(), at: z.string() }).nullable() })
    .nullable()
    .optional(),
  /** R9: when the order is due back, blockers excluded; null once returned. */
  returnDueAt: z.string().nullable().optional(),
  overdue: z.boolean().optional(),
  /** R11: the month it counts for. */
  countsFor: z.string().optional(),
  priorityOverride: z.object({ reason: z.string(), at: z.string() }).nullable().optional(),
  /** Issue 13 (1.9): the content checks' verdicts, for the desk side; null for everyone else. */
  screening: ScreeningView.nullable().optional(),
});
export type RepairView = z.infer<typeof RepairView>;

export const RepairEventView = z.object({
  action: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  role: Role,
  reason: z.string().nullable(),
  at: z.string(),
});

export const RepairDetail = RepairView.extend({ history: z.array(RepairEventView) });

const Page = pageOf(RepairView);

/** Issue 18 (2): what happens next, as the property promises it (`repairPromise`). */
export const RepairPromiseView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('urgent') }),
  z.object({ kind: z.literal('dispatch'), withinMinutes: z.number().int().positive() }),
]);

/**
 * The repair just filed, with what the resident is promised next. Optional because a filing
 * recorded before the promise existed still replays as it was answered then (issue 12, 5).
 */
export const FiledRepair = RepairView.extend({ promise: RepairPromiseView.optional() });
export type FiledRepair = z.infer<typeof FiledRepair>;

/**
 * Issue 18 (5): where a repair is: one of the resident's rooms, or a public place of the property
 * (a building and floor, or a public area), never both and never neither.
 */
const where = { roomId: DocId.optional(), place: RepairPlace.optional() };
const roomOrPlace = (v: { roomId?: string; place?: unknown }) => (v.roomId === undefined) !== (v.place === undefined);
const oneOfRoomOrPlace = { path: ['place'], params: { problem: 'roomOrPlace' } };

export const create = defineAction({
  fn: 'repairs',
  name: 'create',
  input: z
    .object({
      ...scoped,
      ...commandFields,
      ...where,
      category: RepairCategory,
      description: z.string().trim().min(2).max(500),
      preferredTime: PreferredTime.nullable(),
      photos: z.array(FileId).max(6),
    })
    .strict()
    .refine(roomOrPlace, oneOfRoomOrPlace),
  output: FiledRepair,
  roles: ['resident'],
  write: true,
  errors: ['REPAIR.PHOTO_NOT_YOURS', 'REPAIR.ROOM_NOT_YOURS', 'REPAIR.PLACE_NOT_FOUND', 'REPAIR.DAILY_LIMIT'],
});

/**
 * The resident's own repairs, newest first; with `open`, only those still being seen to (not yet
 * signed, R8), so the page's `total` is how many are open (issue 18, 2: the home's count).
 */
export const listMine = defineAction({
  fn: 'repairs',
  name: 'listMine',
  input: z.object({ ...scoped, ...pageInput, open: z.boolean().optional() }).strict(),
  output: Page,
  roles: ['resident'],
  write: false,
  errors: [],
});

export const get = defineAction({
  fn: 'repairs',
  name: 'get',
  input: z.object({ ...scoped, repairId: DocId }).strict(),
  output: RepairDetail,
  roles: ['resident', 'desk', 'supervisor', 'technician', 'manager'],
  write: false,
  errors: ['REPAIR.NOT_FOUND'],
});

/** The desk's queue: every open repair, waiting ones first, urgent first within each (R3); or every repair in one status. */
export const inbox = defineAction({
  fn: 'repairs',
  name: 'inbox',
  input: z.object({ ...scoped, status: RepairStatus.optional(), ...pageInput }).strict(),
  output: Page,
  roles: ['desk', 'supervisor', 'manager'],
  write: false,
  errors: [],
});

export const assigned = defineAction({
  fn: 'repairs',
  name: 'assigned',
  input: z.object({ ...scoped, ...pageInput }).strict(),
  output: Page,
  roles: ['technician'],
  write: false,
  errors: [],
});

export const TechnicianSuggestion = z.object({
  memberId: z.string(),
  name: z.string(),
  skills: z.array(Skill),
  openOrders: z.number().int(),
  rating: z.number().nullable().optional(),
  skillMatch: z.boolean(),
  /**
   * The facts in words (`suggestionReason`). Desk clients before issue 15 require it (contracts only
   * grow backward-compatibly); today's client words the facts itself with the same function.
   */
  reason: z.string(),
});

export const technicians = defineAction({
  fn: 'repairs',
  name: 'technicians',
  input: z.object({ ...scoped, repairId: DocId }).strict(),
  output: z.object({ items: z.array(TechnicianSuggestion) }),
  roles: ['desk', 'supervisor'],
  write: false,
  errors: ['REPAIR.NOT_FOUND'],
});

/** R4: the desk issues the work order to a technician. `version` is what the desk saw. */
export const dispatch = defineAction({
  fn: 'repairs',
  name: 'dispatch',
  input: z
    .object({
      ...scoped,
      ...commandFields,
      repairId: DocId,
      version: z.number().int().positive(),
      technicianId: DocId,
      reason: z.string().trim().max(200).optional(),
    })
    .strict(),
  output: RepairView,
  roles: ['desk', 'supervisor'],
  write: true,
  errors: ['REPAIR.TECHNICIAN_NOT_FOUND', 'REPAIR.NOT_FOUND', 'REPAIR.REASON_REQUIRED', 'STATE.TRANSITION_NOT_ALLOWED', 'BOOKING.TECHNICIAN_BUSY'],
});

/** The fields every on-site or desk step on one order carries: which order, and the version the caller saw. */
const step = { ...scoped, ...commandFields, repairId: DocId, version: z.number().int().positive() };
const Reason = z.string().trim().min(2).max(200);
const Stars = z.number().int().min(1).max(5);
const RatingInput = z.object({ quality: Stars, attitude: Stars, comment: z.string().trim().max(300) }).strict();

/** Every step may find the order gone from the caller's sight or not in a state that allows it; `errors` adds the step's own. */
const onOrder = <S extends z.ZodRawShape>(name: string, roles: readonly z.infer<typeof Role>[], extra: S, errors: readonly ActionCode[] = []) =>
  defineAction({
    fn: 'repairs',
    name,
    input: z.object({ ...step, ...extra }).strict(),
    output: RepairView,
    roles,
    write: true,
    errors: ['REPAIR.NOT_FOUND', 'STATE.TRANSITION_NOT_ALLOWED', ...errors],
  });

/**
 * R2 V2: the desk registers a phone or walk-in request on a resident's behalf. Issue 18 (5): a public
 * place's repair nobody reported (a staff member's round, an anonymous caller) has no resident; the
 * caller's name and number are the person who told the desk. A room's repair always has its resident.
 */
export const register = defineAction({
  fn: 'repairs',
  name: 'register',
  input: z
    .object({
      ...scoped,
      ...commandFields,
      residentId: DocId.optional(),
      ...where,
      channel: z.enum(['phone', 'walk_in']),
      callerName: z.string().trim().min(1).max(40),
      phone: z.string().regex(/^[0-9+\- ]{5,20}$/),
      category: RepairCategory,
      description: z.string().trim().min(2).max(500),
      preferredTime: PreferredTime.nullable(),
    })
    .strict()
    .refine(roomOrPlace, oneOfRoomOrPlace)
    .refine((v) => v.roomId === undefined || v.residentId !== undefined, { path: ['residentId'], params: { problem: 'residentForRoom' } }),
  output: RepairView,
  roles: ['desk', 'supervisor'],
  write: true,
  errors: ['REPAIR.RESIDENT_NOT_FOUND', 'REPAIR.ROOM_NOT_YOURS', 'REPAIR.PLACE_NOT_FOUND'],
});

/** R2: find the resident by "3-2-1502", part of it, or a name. */
export const findResidents = defineAction({
  fn: 'repairs',
  name: 'findResidents',
  input: z.object({ ...scoped, query: z.string().trim().min(1).max(40) }).strict(),
  output: z.object({
    items: z.array(z.object({ residentId: z.string(), name: z.string(), phone: z.string(), rooms: z.array(z.object({ roomId: z.string(), label: z.string() })) })),
  }),
  roles: ['desk', 'supervisor'],
  write: false,
  errors: [],
});

/** R3: the desk overrides the triage, with a reason that is logged. */
export const overridePriority = onOrder('overridePriority', ['desk', 'supervisor'], { priority: Priority, reason: Reason });
/** R4: the technician picks the order up. */
export const acknowledge = onOrder('acknowledge', ['technician'], {});
/** R5: at the door. */
export const arrive = onOrder('arrive', ['technician'], {});
/** R5: nobody home after 3 minutes: a note, and the visit goes back to be rescheduled. */
export const noAnswer = onOrder('noAnswer', ['technician'], { note: z.string().trim().min(2).max(200) }, ['STATE.TOO_EARLY']);
/** R5: the desk agrees a new time with the resident and sends the technician again. */
export const reschedule = onOrder('reschedule', ['desk', 'supervisor'], { preferredTime: PreferredTime });
/** R6: items from the fee schedule; the server prices them. Sent again once work has started, it is a revised quote for extra work. */
export const quote = onOrder('quote', ['technician'], {
  items: z.array(z.object({ code: z.string().min(1).max(20), qty: z.number().int().min(1).max(99) }).strict()).max(20),
}, ['REPAIR.UNKNOWN_FEE_ITEM']);
/** R6: the resident accepts on their own phone, or signs the quote on the technician's. */
export const accept = onOrder('accept', ['resident', 'technician'], { signature: FileId.optional() }, ['REPAIR.SIGNATURE_REQUIRED', 'REPAIR.FILE_NOT_YOURS', 'REPAIR.FILER_ONLY']);
/**
 * R7: work done, with before/after photos and the materials used; the amount is the accepted quote's
 * (R6). A phone from before issue 12 also sends `amountFen` and material prices: the amount must then
 * be the accepted total, and material prices are not kept.
 */
export const complete = onOrder('complete', ['technician'], {
  beforePhotos: z.array(FileId).min(1).max(6),
  afterPhotos: z.array(FileId).min(1).max(6),
  materials: z.array(Material.strict()).max(20),
  amountFen: z.number().int().min(0).max(100_000_00).optional(),
}, ['REPAIR.FILE_NOT_YOURS', 'REPAIR.AMOUNT_NOT_QUOTED']);
/** R7: the resident signs by hand on the technician's screen, and may rate there. */
export const signOff = onOrder('signOff', ['technician'], { signature: FileId, rating: RatingInput.optional() }, ['REPAIR.FILE_NOT_YOURS', 'REPAIR.NOBODY_TO_RATE']);
/**
 * R7: a rating from the resident's own phone within 7 days (replacing stars given with the sign-off).
 * A technician is answered REPAIR.RATING_IS_RESIDENTS: on his phone stars go with the resident's signature.
 */
export const rate = onOrder('rate', ['resident', 'technician'], { rating: RatingInput }, ['REPAIR.RATING_IS_RESIDENTS', 'STATE.TOO_LATE', 'REPAIR.FILER_ONLY']);
/** R9: something outside the technician's hands stops the work; the return clock pauses. */
export const reportBlocker = onOrder('reportBlocker', ['technician'], { kind: BlockerKind, reason: Reason });
export const clearBlocker = onOrder('clearBlocker', ['technician', 'desk', 'supervisor'], {});
/** R11: the technician sends the order back. */
export const sendBack = onOrder('sendBack', ['technician'], { reason: Reason });
/** R11: the supervisor approves (it rolls into next month) or rejects, with a signed opinion. */
export const reviewSendBack = onOrder('reviewSendBack', ['supervisor'], { approve: z.boolean(), opinion: Reason, signature: FileId }, ['REPAIR.FILE_NOT_YOURS']);

/** R6: the property's fee schedule, for quoting. */
export const fees = defineAction({
  fn: 'repairs',
  name: 'fees',
  input: z.object({ ...scoped }).strict(),
  output: z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), priceFen: z.number().int() })) }),
  roles: ['technician', 'desk', 'supervisor'],
  write: false,
  errors: [],
});

export const ScorecardView = z.object({
  memberId: z.string(),
  name: z.string(),
  ratings: z.number().int(),
  /** R7: how many of the ratings the residents gave from their own phones. */
  ownPhoneRatings: z.number().int(),
  quality: z.number().nullable(),
  attitude: z.number().nullable(),
  onTimeRate: z.number().nullable(),
  returned: z.number().int(),
  openLoad: z.number().int(),
});

/** R7 R9: the supervisor sees every technician's figures; a technician only their own. */
export const scorecards = defineAction({
  fn: 'repairs',
  name: 'scorecards',
  input: z.object({ ...scoped }).strict(),
  output: z.object({ items: z.array(ScorecardView) }),
  roles: ['technician', 'supervisor', 'manager'],
  write: false,
  errors: [],
});

const Counts = z.record(z.string(), z.number().int());

/** R8 R11 R12: the month's repair summary for the supervisor and the manager. */
export const summary = defineAction({
  fn: 'repairs',
  name: 'summary',
  input: z.object({ ...scoped, month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) }).strict(),
  output: z.object({
    month: z.string(),
    total: z.number().int(),
    byCategory: Counts,
    byPriority: Counts,
    byStatus: Counts,
    returned: z.number().int(),
    onTimeRate: z.number().nullable(),
    amountFen: z.number().int(),
    rolledOver: z.number().int(),
    rows: z.array(
      z.object({
        id: z.string(),
        address: z.string(),
        category: RepairCategory,
        priority: Priority,
        status: RepairStatus,
        createdAt: z.string(),
        completedAt: z.string().nullable(),
        amountFen: z.number().int(),
      }),
    ),
  }),
  roles: ['supervisor', 'manager'],
  write: false,
  errors: [],
});

/** Issue 13 (1.9): the desk releases a held item of a repair to the technician, or redacts it for good. */
export const decideContent = defineAction({
  fn: 'repairs',
  name: 'decideContent',
  input: z.object({ ...scoped, ...commandFields, repairId: DocId, ...decisionFields }).strict(),
  output: RepairView,
  roles: ['desk', 'supervisor', 'manager'],
  write: true,
  errors: ['REPAIR.NOT_FOUND', 'CONTENT.ITEM_NOT_FOUND', 'CONTENT.NOT_HELD', 'CONTENT.ALREADY_DECIDED'],
});

export const repairsActions = {
  create,
  listMine,
  get,
  inbox,
  assigned,
  technicians,
  dispatch,
  register,
  findResidents,
  overridePriority,
  acknowledge,
  arrive,
  noAnswer,
  reschedule,
  quote,
  accept,
  complete,
  signOff,
  rate,
  reportBlocker,
  clearBlocker,
  sendBack,
  reviewSendBack,
  fees,
  scorecards,
  summary,
  decideContent,
} as const;
