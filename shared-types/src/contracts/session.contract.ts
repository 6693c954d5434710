import * as z from 'zod/mini';
import { commandFields, defineAction, scoped } from './action';
import { pageInput, pageOf } from './page';
import { Role } from '../model/member.model';
import { TimerStep } from '../model/environment.model';
import { isoInstant } from '../model/versioned';

/** One place a person belongs: a property, or (role `admin`) the company itself. */
export const Membership = z.object({
  propertyId: z.string(),
  propertyName: z.string(),
  memberId: z.string(),
  role: Role,
  name: z.string(),
  /** Issue 14: false once the property was deactivated (read-only). */
  active: z.optional(z.boolean()),
});

/** Every property the caller belongs to, so the client can pick one (most people have one). */
export const me = defineAction({
  fn: 'session',
  name: 'me',
  input: z.strictObject({}),
  output: z.object({ memberships: z.array(Membership) }),
  roles: 'any-signed-in',
  write: false,
  errors: [],
});

export const RoomView = z.object({ roomId: z.string(), label: z.string() });

export const SubscribeStock = z.object({
  templates: z.array(z.object({ kind: z.string(), templateId: z.string(), remaining: z.number().check(z.int()) })),
  /** True when some template has fewer sends left than the app warns at. */
  low: z.boolean(),
});
export type SubscribeStockView = z.infer<typeof SubscribeStock>;

/** The caller's place in one property: who they are there, its desk phone, their rooms, what to watch. */
export const context = defineAction({
  fn: 'session',
  name: 'context',
  input: z.strictObject({ ...scoped }),
  output: z.object({
    memberId: z.string(),
    role: Role,
    name: z.string(),
    /** `active` false: the property was deactivated and takes no writes (issue 14). */
    property: z.object({ propertyId: z.string(), name: z.string(), deskPhone: z.string(), active: z.optional(z.boolean()) }),
    /** Issue 14 (2): every place the caller belongs, so the app can offer the others. */
    memberships: z.optional(z.array(Membership)),
    rooms: z.array(RoomView),
    /** Signal ids whose change means "fetch again". */
    signals: z.array(z.string()),
    onShift: z.boolean(),
    /** The cloud-storage folder the caller uploads into (named by the membership, no openid); functions take only files from it. */
    uploadPrefix: z.string(),
    /** Issue 5: the subscribe-message templates pushed to the caller's role, and their sends left. */
    subscribe: z.optional(SubscribeStock),
  }),
  /** The company's administrator enters the company (propertyId `_company`) the way others enter a property. */
  roles: ['resident', 'desk', 'supervisor', 'technician', 'manager', 'admin'],
  write: false,
  errors: [],
});

/** The polling fallback of the live watch: current sequence numbers of the caller's signals. */
export const signals = defineAction({
  fn: 'session',
  name: 'signals',
  input: z.strictObject({ ...scoped }),
  output: z.object({ signals: z.array(z.object({ id: z.string(), seq: z.number() })) }),
  roles: ['resident', 'desk', 'supervisor', 'technician', 'manager'],
  write: false,
  errors: [],
});

/**
 * Issue 5: what the person accepted in WeChat's consent prompt (asked inside a tap): each accepted
 * template adds one send to their ledger. Rejected ones are reported so nothing is counted for them.
 */
export const consent = defineAction({
  fn: 'session',
  name: 'consent',
  input: z.strictObject({ ...scoped, ...commandFields, accepted: z.array(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/))).check(z.maxLength(3)), rejected: z.array(z.string().check(z.maxLength(64))).check(z.maxLength(3)) }),
  output: SubscribeStock,
  roles: ['resident', 'desk', 'supervisor', 'technician', 'manager'],
  write: true,
  errors: [],
});

export const InboxItem = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  urgent: z.boolean(),
  at: z.string(),
  subject: z.object({ kind: z.string(), id: z.string() }),
  /** Issue 18 (3): a resident's line she has read, on any phone (her read marks on the server). */
  read: z.optional(z.boolean()),
});

/** Issue 5: every role's in-app inbox: what was sent to the caller or their role, newest first. */
export const inbox = defineAction({
  fn: 'session',
  name: 'inbox',
  input: z.strictObject({ ...scoped, ...pageInput }),
  output: pageOf(InboxItem),
  roles: ['resident', 'desk', 'supervisor', 'technician', 'manager'],
  write: false,
  errors: [],
});

/** One thread she opened: its subject and the newest line's instant she had (`InboxItem.at`). */
export const ReadThread = z.strictObject({
  subject: z.strictObject({ kind: z.string().check(z.regex(/^[A-Za-z]{1,32}$/)), id: z.string().check(z.minLength(1), z.maxLength(64)) }),
  at: isoInstant,
});

/**
 * Issue 18 (3): the resident read these threads up to these lines. Kept per member on the server, so
 * every phone shows them read; idempotent by command id, and a later mark always wins. Only threads
 * of her own notices (COMMON.NOT_FOUND otherwise, and nothing is written).
 */
export const markRead = defineAction({
  fn: 'session',
  name: 'markRead',
  input: z.strictObject({ ...scoped, ...commandFields, threads: z.array(ReadThread).check(z.minLength(1), z.maxLength(50)) }),
  output: z.object({ marked: z.number().check(z.int(), z.gte(0)) }),
  roles: ['resident'],
  write: true,
  errors: [],
});

export const DeadLetter = z.object({
  id: z.string(),
  kind: z.string(),
  channel: z.string(),
  title: z.string(),
  lastError: z.nullable(z.string()),
  attempts: z.number().check(z.int()),
  at: z.string(),
});

/** Issue 12 (3.8): a stored document the timer could not read, set aside: of what kind, found by which step, and why. */
export const QuarantinedDoc = z.object({
  id: z.string(),
  collection: z.string(),
  foundBy: TimerStep,
  reason: z.string(),
  at: z.string(),
});

/**
 * Issue 5: is nothing falling through the cracks? When the reminders timer last ran (and whether
 * that is too long ago) and which of its steps failed then, the stored documents it had to set
 * aside, and the notices that could not be delivered after every attempt.
 */
export const health = defineAction({
  fn: 'session',
  name: 'health',
  input: z.strictObject({ ...scoped }),
  output: z.object({
    timer: z.object({ lastRunAt: z.nullable(z.string()), stale: z.boolean(), failedSteps: z.array(TimerStep) }),
    quarantine: z.object({ count: z.number().check(z.int()), items: z.array(QuarantinedDoc) }),
    deadLetters: z.object({ count: z.number().check(z.int()), items: z.array(DeadLetter) }),
  }),
  roles: ['supervisor', 'manager'],
  write: false,
  errors: [],
});

/** A dead notice sent again, from the supervisor's page, once the cause (a wrong robot address, say) is fixed. */
export const retryNotice = defineAction({
  fn: 'session',
  name: 'retryNotice',
  input: z.strictObject({ ...scoped, ...commandFields, noticeId: z.string().check(z.regex(/^[A-Za-z0-9_:~.-]{1,128}$/)) }),
  output: z.extend(DeadLetter, { status: z.string() }),
  roles: ['supervisor', 'manager'],
  write: true,
  errors: [],
});

/** What waits for the caller in one other property of theirs: nothing of it but the counts. */
export const WaitingElsewhere = z.object({
  propertyId: z.string(),
  /** Items waiting for the caller's role there (see `waitingFor`). */
  count: z.number().check(z.int(), z.nonnegative()),
  /** Of them, urgent ones (R3 repairs, C9 top-urgency cases); a resident's are never urgent. */
  urgent: z.number().check(z.int(), z.nonnegative()),
});

/**
 * Issue 14 (2): while in one property, the work waiting in each of the caller's other (active)
 * properties, counted for their role there. Its own read, not a field of `context`: the home asks
 * again each time it shows, and `context` stays what it is. Any signed-in caller may ask, but only
 * from a property they belong to: the handler checks that from the same read of their memberships
 * it counts from, so the answer takes two waits (issue 16).
 */
export const waiting = defineAction({
  fn: 'session',
  name: 'waiting',
  input: z.strictObject({ ...scoped }),
  output: z.object({ others: z.array(WaitingElsewhere) }),
  roles: 'any-signed-in',
  write: false,
  errors: [],
});

export const sessionActions = { me, context, signals, consent, inbox, markRead, health, retryNotice, waiting } as const;
