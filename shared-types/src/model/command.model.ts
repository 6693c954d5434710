import * as z from 'zod/mini';
import { base, defineModel, isoInstant } from './versioned';

const CommandV1 = z.object({
  ...base,
  schemaVersion: z.literal(1),
  openid: z.string(),
  commandId: z.string(),
  /** What the command did, as its history names it (`repairs.approveSendBack`). */
  action: z.string(),
  result: z.unknown(),
  at: isoInstant,
});

/**
 * A write command applied once; a retry with the same id gets `result` back instead of a second write.
 * v2: `call` names the function and contract action the id was first sent with (`repairs.reviewSendBack`);
 * the id replays only for that one, and is refused for any other.
 */
/**
 * Issue 16: the documents the command's transaction created that travel in its record instead of as
 * operations of their own (its events, its notices, the callback tasks a complaint's settlement plans and their clocks,
 * the entries of P1's access log it makes), each with its collection; `fanned` false until they are inserted
 * where they belong (after the commit by the call, else by the timer).
 */
export const JournalCollection = z.enum(['events', 'outbox', 'deadlines', 'fileReads', 'slots', 'keyLoans', 'callbacks']);
export type JournalCollection = z.infer<typeof JournalCollection>;
/**
 * A journaled change of a document that exists apart from the command, applied after the commit by the call and
 * again by the timer's journal step, so that applying it twice is applying it once:
 * - a clock its subject's write moved (`ClockMoveAction`), applied only where the clock's `subjectVersion` is older
 *   than `subjectVersion` (deadlines.ts `journaledMove`), so in any order with other writes' changes it leaves what the
 *   newest write said; `doc` holds the fields it sets (all of them for `open`, which inserts the clock when none is
 *   stored: first when `insertFirst`, a clock most likely new);
 * - the place a cancelled booking gives back (`release`, places.ts `givePlaceBackAfter`): `doc` names the slot and
 *   the booking, whose id is pulled from it;
 * - a copy's new state (`put`, journaled-puts.ts `putAfter`): `doc` is the whole document at `subjectVersion` (its own
 *   `version`), written where the stored one is no newer, inserted where none is stored (a key loan's, whose open
 *   state lives on its key).
 */
export const JournalMove = z.object({
  action: z.enum(['open', 'cancel', 'reopen', 'release', 'put']),
  subjectVersion: z.number().check(z.int(), z.gte(0)),
  insertFirst: z.optional(z.boolean()),
});
export type JournalMove = z.infer<typeof JournalMove>;
/** What a write does to a clock after its commit: no write meets or pauses one (the timer does, from the subject). */
export type ClockMoveAction = Exclude<JournalMove['action'], 'release' | 'put'>;
export const JournalEntry = z.object({ collection: JournalCollection, doc: z.looseObject({ _id: z.string() }), move: z.optional(JournalMove) });
export type JournalEntry = z.infer<typeof JournalEntry>;

export const CommandDoc = z.extend(CommandV1, {
  schemaVersion: z.literal(2),
  call: z.string().check(z.regex(/^[a-z]+\.[A-Za-z]+$/)),
  journal: z.optional(z.array(JournalEntry)),
  fanned: z.optional(z.boolean()),
  /**
   * PIPL: the ids its answer shows (each `id` and `roomId` in it: the entity, its rows, its room), indexed with the
   * property, so an erasure finds every record whose answer may name the person (cloudfunctions/_shared/erasure-scrub.ts).
   */
  about: z.optional(z.array(z.string())),
});
export type CommandDoc = z.infer<typeof CommandDoc>;

/**
 * How long a command's record answers its retries (and is kept at all): the timer's `commandRetention` step removes
 * older ones. A retry comes from the phone that sent the command: at once (the app's own retries), or when a
 * technician's phone is back online with its offline queue (client/src/offline/). 90 days: a season of CloudBase
 * storage per record instead of forever, far beyond any phone's time offline, and three times the queue's window.
 */
export const COMMAND_RETENTION_DAYS = 90;

/**
 * The offline queue sends a command only within this many days of its queueing; an older one is set aside, shown
 * to the technician with its reason, never sent. Well inside COMMAND_RETENTION_DAYS, so no command is ever sent
 * after its record could be gone: a create sent again then would be applied a second time (an on-site step carries
 * the order's version, so its late duplicate is refused by the state machine anyway).
 */
export const OFFLINE_SEND_WINDOW_DAYS = 30;

/** v1 recorded what was done; where that differs from the contract action that did it, the action is named here. */
const callOfV1Action: Record<string, string> = {
  'repairs.approveSendBack': 'repairs.reviewSendBack',
  'repairs.rejectSendBack': 'repairs.reviewSendBack',
};

export const commandModel = defineModel({
  collection: 'commands',
  version: 2,
  schema: CommandDoc,
  migrations: { 1: (doc) => ({ ...doc, call: callOfV1Action[String(doc.action)] ?? doc.action }) },
});
