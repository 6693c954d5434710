import * as z from 'zod/mini';
import { DutyKind } from './duty-kind.model';
import { base, defineModel, isoInstant, calendarDate } from './versioned';

const Person = z.object({ openid: z.string().check(z.minLength(1)), memberId: z.string().check(z.minLength(1)), name: z.string() });

/** D1: happening (still unfolding), following (handled, follow-up open), closed. */
export const EntryStatus = z.enum(['happening', 'following', 'closed']);
export type EntryStatus = z.infer<typeof EntryStatus>;

/** D1: where a proposed entry came from: an event another area already knows of. */
export const EntrySource = z.object({ kind: z.enum(['complaint', 'repair', 'binding']), id: z.string().check(z.minLength(1)) });
export type EntrySource = z.infer<typeof EntrySource>;

/** D2: the emergency record of a major event: what happened, told in full, with photos. */
export const EmergencyRecord = z.object({ account: z.string(), photos: z.array(z.string()).check(z.minLength(1)), by: z.string(), at: isoInstant });

/** D1: one line of a duty-log page: time, kind, what happened, how it was handled, follow-up and result. */
export const DutyEntry = z.object({
  id: z.string().check(z.minLength(1)),
  at: isoInstant,
  loggedAt: isoInstant,
  kind: DutyKind,
  what: z.string(),
  handling: z.string(),
  followUp: z.string(),
  result: z.string(),
  status: EntryStatus,
  /** D2: major when logged, by the property's settings then. */
  major: z.boolean(),
  source: z.nullable(EntrySource),
  recorder: z.string(),
  emergency: z.nullable(EmergencyRecord),
});
export type DutyEntry = z.infer<typeof DutyEntry>;

/**
 * D1: one page of the duty log (值班记录): a shift of the roster on the date it started. Written the
 * first time someone logs, signs in, or the timer flags its handover late.
 */
export const DutyPageDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  date: calendarDate,
  shiftName: z.string(),
  shiftStart: z.string(),
  startsAt: isoInstant,
  endsAt: isoInstant,
  /** D3: who signed in for this shift, and when. */
  signedIn: z.array(z.extend(Person, { at: isoInstant })).check(z.maxLength(20)),
  entries: z.array(DutyEntry).check(z.maxLength(300)),
  /** D3: when the timer told the supervisor this page's handover was late. */
  handoverLateFlaggedAt: z.nullable(isoInstant),
  version: z.number().check(z.int(), z.gte(0)),
  updatedAt: isoInstant,
});
export type DutyPageDoc = z.infer<typeof DutyPageDoc>;
export const dutyPageModel = defineModel({ collection: 'dutyPages', version: 1, schema: DutyPageDoc });

/** D3: an open major matter handed over: its cause, what was done, and where it stands. */
export const HandedMatter = z.object({ entryId: z.string(), cause: z.string(), process: z.string(), result: z.string() });

export const HandoverStatus = z.enum(['handed', 'received']);
export type HandoverStatus = z.infer<typeof HandoverStatus>;

/** D3: the handover record (交接班记录) at the end of a page: the outgoing member signs, then the incoming one. */
export const HandoverDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  status: HandoverStatus,
  version: z.number().check(z.int(), z.positive()),
  pageId: z.string(),
  date: calendarDate,
  /** When the shift ended: the handover is due then. */
  dueAt: isoInstant,
  outgoing: z.extend(Person, { at: isoInstant }),
  incoming: z.extend(Person, { substitute: z.boolean(), at: z.nullable(isoInstant) }),
  matters: z.array(HandedMatter).check(z.maxLength(50)),
  instructions: z.string(),
  preparation: z.array(z.object({ item: z.string(), done: z.boolean() })).check(z.maxLength(12)),
  /** D3: completed (both signed) after the grace time. */
  late: z.boolean(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type HandoverDoc = z.infer<typeof HandoverDoc>;
export const handoverModel = defineModel({ collection: 'handovers', version: 1, schema: HandoverDoc });

/** D2: a day's duty log signed by the desk manager (supervisor), or flagged the next morning. */
export const DutyDayDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  date: calendarDate,
  signedBy: z.nullable(z.object({ name: z.string(), openid: z.string(), at: isoInstant })),
  remarks: z.string(),
  flaggedAt: z.nullable(isoInstant),
});
export type DutyDayDoc = z.infer<typeof DutyDayDoc>;
export const dutyDayModel = defineModel({ collection: 'dutyDays', version: 1, schema: DutyDayDoc });
