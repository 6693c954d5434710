import * as z from 'zod/mini';
import { commandFields, defineAction, DocId, scoped, type ActionCode } from './action';
import { pageInput, pageOf } from './page';
import { BlockerKind, Channel, Material, PreferredTime, Priority, QuoteLine, RatingDoc, RepairCategory, RepairPlace, RepairStatus, TriageDoc } from '../model/repair.model';
import { Role, Skill } from '../model/member.model';
import { FileId, FileLink } from './files';
import { decisionFields, ScreeningView } from './screening.contract';

export const RepairView = z.object({
  id: z.string(),
  status: RepairStatus,
  version: z.number().check(z.int()),
  category: RepairCategory,
  description: z.string(),
  /** Null for a public place (issue 18, 5); `address` then words the place ("1栋 3层"). */
  roomId: z.nullable(z.string()),
  address: z.string(),
  residentName: z.string(),
  /** Issue 18 (5): true for a public place's repair nobody reported: no resident to tell, ask to rate or call back; its quote is the property's cost. */
  noReporter: z.optional(z.boolean()),
  /** Issue 18 (5): filed by another resident of the caller's household (she follows it; its filer acts on it). */
  byHousehold: z.optional(z.boolean()),
  /** Full for the desk and the assigned technician, masked (138****5678) for everyone else. */
  phone: z.string(),
  preferredTime: z.nullable(PreferredTime),
  /** V4: the window the resident booked; the technician's appointment time. */
  appointment: z.optional(z.nullable(z.object({ start: z.string(), end: z.string() }))),
  photos: z.array(FileLink),
  channel: Channel,
  triage: TriageDoc,
  priority: Priority,
  technician: z.nullable(z.object({ memberId: z.string(), name: z.string() })),
  createdAt: z.string(),
  dispatchedAt: z.nullable(z.string()),
  /** What the caller may do next, decided by the state machine on the server. */
  actions: z.array(z.string()),
  acknowledgedAt: z.optional(z.nullable(z.string())),
  arrivedAt: z.optional(z.nullable(z.string())),
  visitNote: z.optional(z.nullable(z.string())),
  quote: z.optional(z.nullable(z.object({ lines: z.array(QuoteLine), totalFen: z.number().check(z.int()), at: z.string() }))),
  acceptance: z.optional(z.nullable(z.object({ via: z.enum(['resident_phone', 'signature_on_site', 'property']), signature: z.nullable(FileLink), at: z.string() }))),
  completion: z.optional(z.nullable(z.object({ beforePhotos: z.array(FileLink), afterPhotos: z.array(FileLink), materials: z.array(Material), amountFen: z.number().check(z.int()), at: z.string() }))),
  signOff: z.optional(z.nullable(z.object({ signature: FileLink, at: z.string() }))),
  completedAt: z.optional(z.nullable(z.string())),
  rating: z.optional(z.nullable(z.extend(z.omit(RatingDoc, { at: true }), { at: z.string() }))),
  blocker: z.optional(z.nullable(z.object({ kind: BlockerKind, reason: z.string(), since: z.string() }))),
  sendBack: z.optional(z.nullable(z.object({ reason: z.string(), at: z.string(), review: z.nullable(z.object({ approved: z.boolean(), opinion: z.string(), signature: z.nullable(FileLink), at: z.string() })) }))),
  /** R9: when the order is due back, blockers excluded; null once returned. */
  returnDueAt: z.optional(z.nullable(z.string())),
  overdue: z.optional(z.boolean()),
  /** R11: the month it counts for. */
  countsFor: z.optional(z.string()),
  priorityOverride: z.optional(z.nullable(z.object({ reason: z.string(), at: z.string() }))),
  /** Issue 13 (1.9): the content checks' verdicts, for the desk side; null for everyone else. */
  screening: z.optional(z.nullable(ScreeningView)),
});
export type RepairView = z.infer<typeof RepairView>;

export const RepairEventView = z.object({
  action: z.string(),
  from: z.nullable(z.string()),
  to: z.string(),
  role: Role,
  reason: z.nullable(z.string()),
  at: z.string(),
});

export const RepairDetail = z.extend(RepairView, { history: z.array(RepairEventView) });

const Page = pageOf(RepairView);

/** Issue 18 (2): what happens next, as the property promises it (`repairPromise`). */
export const RepairPromiseView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('urgent') }),
  z.object({ kind: z.literal('dispatch'), withinMinutes: z.number().check(z.int(), z.positive()) }),
]);

/**
 * The repair just filed, with what the resident is promised next. Optional because a filing
 * recorded before the promise existed still replays as it was answered then (issue 12, 5).
 */
export const FiledRepair = z.extend(RepairView, { promise: z.optional(RepairPromiseView) });
export type FiledRepair = z.infer<typeof FiledRepair>;

/**
 * Issue 18 (5): where a repair is: one of the resident's rooms, or a public place of the property
 * (a building and floor, or a public area), never both and never neither.
 */
const where = { roomId: z.optional(DocId), place: z.optional(RepairPlace) };
const roomOrPlace = (v: { roomId?: string; place?: unknown }) => (v.roomId === undefined) !== (v.place === undefined);
const oneOfRoomOrPlace = { path: ['place'], params: { problem: 'roomOrPlace' } };

export const create = defineAction({
  fn: 'repairs',
  name: 'create',
  input: z.strictObject({
    ...scoped,
    ...commandFields,
    ...where,
    category: RepairCategory,
    description: z.string().check(z.trim(), z.minLength(2), z.maxLength(500)),
    preferredTime: z.nullable(PreferredTime),
    photos: z.array(FileId).check(z.maxLength(6)),
  }).check(z.refine(roomOrPlace, oneOfRoomOrPlace)),
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
  input: z.strictObject({ ...scoped, ...pageInput, open: z.optional(z.boolean()) }),
  output: Page,
  roles: ['resident'],
  write: false,
  errors: [],
});

export const get = defineAction({
  fn: 'repairs',
  name: 'get',
  input: z.strictObject({ ...scoped, repairId: DocId }),
  output: RepairDetail,
  roles: ['resident', 'desk', 'supervisor', 'technician', 'manager'],
  write: false,
  errors: ['REPAIR.NOT_FOUND'],
});

/** The desk's queue: every open repair, waiting ones first, urgent first within each (R3); or every repair in one status. */
export const inbox = defineAction({
  fn: 'repairs',
  name: 'inbox',
  input: z.strictObject({ ...scoped, status: z.optional(RepairStatus), ...pageInput }),
  output: Page,
  roles: ['desk', 'supervisor', 'manager'],
  write: false,
  errors: [],
});

export const assigned = defineAction({
  fn: 'repairs',
  name: 'assigned',
  input: z.strictObject({ ...scoped, ...pageInput }),
  output: Page,
  roles: ['technician'],
  write: false,
  errors: [],
});

export const TechnicianSuggestion = z.object({
  memberId: z.string(),
  name: z.string(),
  skills: z.array(Skill),
  openOrders: z.number().check(z.int()),
  rating: z.optional(z.nullable(z.number())),
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
  input: z.strictObject({ ...scoped, repairId: DocId }),
  output: z.object({ items: z.array(TechnicianSuggestion) }),
  roles: ['desk', 'supervisor'],
  write: false,
  errors: ['REPAIR.NOT_FOUND'],
});

/** R4: the desk issues the work order to a technician. `version` is what the desk saw. */
export const dispatch = defineAction({
  fn: 'repairs',
  name: 'dispatch',
  input: z.strictObject({
    ...scoped,
    ...commandFields,
    repairId: DocId,
    version: z.number().check(z.int(), z.positive()),
    technicianId: DocId,
    reason: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  }),
  output: RepairView,
  roles: ['desk', 'supervisor'],
  write: true,
  errors: ['REPAIR.TECHNICIAN_NOT_FOUND', 'REPAIR.NOT_FOUND', 'REPAIR.REASON_REQUIRED', 'STATE.TRANSITION_NOT_ALLOWED', 'BOOKING.TECHNICIAN_BUSY'],
});

/** The fields every on-site or desk step on one order carries: which order, and the version the caller saw. */
const step = { ...scoped, ...commandFields, repairId: DocId, version: z.number().check(z.int(), z.positive()) };
const Reason = z.string().check(z.trim(), z.minLength(2), z.maxLength(200));
const Stars = z.number().check(z.int(), z.gte(1), z.lte(5));
const RatingInput = z.strictObject({ quality: Stars, attitude: Stars, comment: z.string().check(z.trim(), z.maxLength(300)) });

/** Every step may find the order gone from the caller's sight or not in a state that allows it; `errors` adds the step's own. */
const onOrder = <S extends z.core.$ZodShape>(name: string, roles: readonly z.infer<typeof Role>[], extra: S, errors: readonly ActionCode[] = []) =>
  defineAction({
    fn: 'repairs',
    name,
    input: z.strictObject({ ...step, ...extra }),
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
  input: z.strictObject({
    ...scoped,
    ...commandFields,
    residentId: z.optional(DocId),
    ...where,
    channel: z.enum(['phone', 'walk_in']),
    callerName: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
    phone: z.string().check(z.regex(/^[0-9+\- ]{5,20}$/)),
    category: RepairCategory,
    description: z.string().check(z.trim(), z.minLength(2), z.maxLength(500)),
    preferredTime: z.nullable(PreferredTime),
  }).check(z.refine(roomOrPlace, oneOfRoomOrPlace), z.refine((v) => v.roomId === undefined || v.residentId !== undefined, { path: ['residentId'], params: { problem: 'residentForRoom' } })),
  output: RepairView,
  roles: ['desk', 'supervisor'],
  write: true,
  errors: ['REPAIR.RESIDENT_NOT_FOUND', 'REPAIR.ROOM_NOT_YOURS', 'REPAIR.PLACE_NOT_FOUND'],
});

/** R2: find the resident by "3-2-1502", part of it, or a name. */
export const findResidents = defineAction({
  fn: 'repairs',
  name: 'findResidents',
  input: z.strictObject({ ...scoped, query: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)) }),
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
export const noAnswer = onOrder('noAnswer', ['technician'], { note: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)) }, ['STATE.TOO_EARLY']);
/** R5: the desk agrees a new time with the resident and sends the technician again. */
export const reschedule = onOrder('reschedule', ['desk', 'supervisor'], { preferredTime: PreferredTime });
/** R6: items from the fee schedule; the server prices them. Sent again once work has started, it is a revised quote for extra work. */
export const quote = onOrder('quote', ['technician'], {
  items: z.array(z.strictObject({ code: z.string().check(z.minLength(1), z.maxLength(20)), qty: z.number().check(z.int(), z.gte(1), z.lte(99)) })).check(z.maxLength(20)),
}, ['REPAIR.UNKNOWN_FEE_ITEM']);
/** R6: the resident accepts on their own phone, or signs the quote on the technician's. */
export const accept = onOrder('accept', ['resident', 'technician'], { signature: z.optional(FileId) }, ['REPAIR.SIGNATURE_REQUIRED', 'REPAIR.FILE_NOT_YOURS', 'REPAIR.FILER_ONLY']);
/**
 * R7: work done, with before/after photos and the materials used; the amount is the accepted quote's
 * (R6). A phone from before issue 12 also sends `amountFen` and material prices: the amount must then
 * be the accepted total, and material prices are not kept.
 */
export const complete = onOrder('complete', ['technician'], {
  beforePhotos: z.array(FileId).check(z.minLength(1), z.maxLength(6)),
  afterPhotos: z.array(FileId).check(z.minLength(1), z.maxLength(6)),
  materials: z.array(z.strictObject(Material.shape)).check(z.maxLength(20)),
  amountFen: z.optional(z.number().check(z.int(), z.gte(0), z.lte(100_000_00))),
}, ['REPAIR.FILE_NOT_YOURS', 'REPAIR.AMOUNT_NOT_QUOTED']);
/** R7: the resident signs by hand on the technician's screen, and may rate there. */
export const signOff = onOrder('signOff', ['technician'], { signature: FileId, rating: z.optional(RatingInput) }, ['REPAIR.FILE_NOT_YOURS', 'REPAIR.NOBODY_TO_RATE']);
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
  input: z.strictObject({ ...scoped }),
  output: z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), priceFen: z.number().check(z.int()) })) }),
  roles: ['technician', 'desk', 'supervisor'],
  write: false,
  errors: [],
});

export const ScorecardView = z.object({
  memberId: z.string(),
  name: z.string(),
  ratings: z.number().check(z.int()),
  /** R7: how many of the ratings the residents gave from their own phones. */
  ownPhoneRatings: z.number().check(z.int()),
  quality: z.nullable(z.number()),
  attitude: z.nullable(z.number()),
  onTimeRate: z.nullable(z.number()),
  returned: z.number().check(z.int()),
  openLoad: z.number().check(z.int()),
});

/** R7 R9: the supervisor sees every technician's figures; a technician only their own. */
export const scorecards = defineAction({
  fn: 'repairs',
  name: 'scorecards',
  input: z.strictObject({ ...scoped }),
  output: z.object({ items: z.array(ScorecardView) }),
  roles: ['technician', 'supervisor', 'manager'],
  write: false,
  errors: [],
});

const Counts = z.record(z.string(), z.number().check(z.int()));

/** R8 R11 R12: the month's repair summary for the supervisor and the manager. */
export const summary = defineAction({
  fn: 'repairs',
  name: 'summary',
  input: z.strictObject({ ...scoped, month: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/)) }),
  output: z.object({
    month: z.string(),
    total: z.number().check(z.int()),
    byCategory: Counts,
    byPriority: Counts,
    byStatus: Counts,
    returned: z.number().check(z.int()),
    onTimeRate: z.nullable(z.number()),
    amountFen: z.number().check(z.int()),
    rolledOver: z.number().check(z.int()),
    rows: z.array(
      z.object({
        id: z.string(),
        address: z.string(),
        category: RepairCategory,
        priority: Priority,
        status: RepairStatus,
        createdAt: z.string(),
        completedAt: z.nullable(z.string()),
        amountFen: z.number().check(z.int()),
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
  input: z.strictObject({ ...scoped, ...commandFields, repairId: DocId, ...decisionFields }),
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
