import type { Action } from '@shared/contracts';
import { failure } from '@shared/messages/failure';
import type { ErrorCode } from '@shared/messages';
import { COMMAND_RETENTION_DAYS, commandModel, type CommandDoc, type JournalEntry, type JournalMove } from '@shared/model/command.model';
import { ok, type Result } from '@shared/result';
import type { Database, DocRef, Tx } from './database';
import type { Sweep } from './sweep';

export type { Tx };
import { addAllOnce, chunks, everyPage, everyPageIn, findById, IN_MOST, isDuplicateKey, parseAll, rewriteStored, withoutId, type Rewrite, type StoredDoc } from './repo';
import type { ActionContext, AnyContext, SignedInContext } from './context';
import { ActionFailure } from './failures';
import type { Deps } from './deps';

const callOf = (action: Action) => `${action.fn}.${action.name}`;

/** One id reused in every property a person belongs to, and as no member: more than enough. */
const SENT_LIMIT = 20;

/**
 * The records of a command id sent by this openid (as a member of any property, or as no member):
 * one indexed query the router issues beside the membership's for an action with effects before its
 * transaction (`replaysFirst`, router.ts), so looking for a replay costs the call no wait of its own
 * (issue 16). The key picks the caller's own among them.
 */
export const commandsSent = async (db: Database, openid: string, commandId: string): Promise<CommandDoc[]> =>
  parseAll(commandModel, (await db.collection('commands').where({ openid, commandId }).limit(SENT_LIMIT).get()).data);

/**
 * What a command id already answers for `action`: nothing yet (null), the first result, or a refusal
 * when the id was first sent with another action (COMMON.COMMAND_REUSED) or its stored result no
 * longer fits the action's output contract (COMMON.COMMAND_DONE: applied, but not replayable).
 */
export const replayIn = (sent: readonly CommandDoc[], key: string, action: Action): Result<unknown, ErrorCode> | null => {
  const command = sent.find((c) => c._id === key);
  if (!command) return null;
  if (command.call !== callOf(action)) return failure('COMMON.COMMAND_REUSED');
  const stored = action.output.safeParse(command.result);
  if (!stored.success) {
    const [issue] = stored.error.issues;
    console.error(`command ${key}: its stored result does not fit ${command.call}'s output contract (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})`);
    return failure('COMMON.COMMAND_DONE');
  }
  return ok(stored.data);
};

export const replayOf = async (db: Database, key: string, action: Action): Promise<Result<unknown, ErrorCode> | null> => {
  const command = await findById(db, commandModel, key);
  return replayIn(command ? [command] : [], key, action);
};

/** The call's command record is settled: committed with its work, or the stored one answered (context.ts). */
const settled = (ctx: AnyContext) => {
  if (ctx.command) ctx.command.settled = true;
};

/** A replay inside applyOnce: the first result, or the refusal thrown. */
const replayed = async <T>(ctx: AnyContext): Promise<Applied<T> | null> => {
  const replay = await replayOf(ctx.deps.db, ctx.commandKey, ctx.action);
  if (!replay) return null;
  settled(ctx);
  if (!replay.ok) throw new ActionFailure(replay.code);
  return { result: replay.data as T, fresh: false };
};

/**
 * Applies a write command at most once. The work and the command record commit in one transaction,
 * and the record is created (`add`), never overwritten: a transaction whose command id already has
 * a record fails at that insert (E11000 duplicate key when the record committed before it began,
 * DATABASE_TRANSACTION_CONFLICT when another open or later-committed transaction holds it), so
 * nothing of it commits; only then is the record read and the first result answered. Issue 16: this
 * insert is how a write command sent again is found (the router reads no record before the work,
 * except for `replaysFirst` actions, and reads it after a work that refused, router.ts). CloudBase
 * refuses an insert whose _id is taken (DATABASE_DUPLICATE_WRITE,
 * https://docs.cloudbase.net/en/error-code/DATABASE_DUPLICATE_WRITE) but does not say whether a
 * transaction reports it at the insert or at its commit: both end here, in the same catch, and the
 * local engine reports it at the insert, the stricter. CloudBase's transactions are snapshot-isolated and
 * take `add` (https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/transaction/Transaction.collection.html;
 * https://docs.cloudbase.net/en/database/transaction); the local engine refuses the same inserts
 * (local/db/transactions.ts). In the cloud a write conflict can surface at the write itself, where
 * the SDK does not retry it, so the whole transaction is retried here, with waits (backOff); when conflicts persist
 * the caller is told to try again (COMMON.BUSY), which is safe with the same id.
 */
export interface Applied<T> {
  result: T;
  /** False when the result is a replay of an earlier application: its side effects are not this call's. */
  fresh: boolean;
  /** What the fresh application's record journaled (its `about` names the events' subjects: `finishOnce` keeps them). */
  journal?: readonly JournalEntry[];
}

export function applyOnce<T>(ctx: ActionContext, action: string, work: (tx: Tx) => Promise<T>, propertyId?: string): Promise<Applied<T>>;
/** A caller who is no member (yet) names the property the command belongs to. */
export function applyOnce<T>(ctx: SignedInContext, action: string, work: (tx: Tx) => Promise<T>, propertyId: string): Promise<Applied<T>>;
export async function applyOnce<T>(ctx: AnyContext, action: string, work: (tx: Tx) => Promise<T>, propertyId?: string): Promise<Applied<T>> {
  const owner = ownerOf(ctx, action, propertyId);
  const { db } = ctx.deps;
  const key = ctx.commandKey;
  const record = (result: T, journal: readonly JournalEntry[]) => recordOf(ctx, action, result, owner, journal);
  // As runTransaction with no retries of its own: commit, or roll back on any failure and rethrow. The
  // first attempt runs in the transaction the router started with the call's first reads (issue 16).
  const run = async (attempt: number): Promise<Applied<T>> => {
    const tx = (attempt === 1 ? await ctx.early?.take() : null) ?? (await db.startTransaction());
    try {
      const journaled = new JournalTx(tx);
      const result = await work(journaled);
      const journal = journaled.entries();
      await tx.collection('commands').add({ data: { _id: key, ...record(result, journal), ...(journal.length ? { journal, fanned: false } : {}) } });
      await tx.commit();
      settled(ctx);
      if (journal.length) await fanOutBeside(ctx, key, journal, journaled.besides());
      return { result, fresh: true, journal };
    } catch (e) {
      // A transaction a conflict has ended is gone already: its rollback's refusal says nothing new.
      await tx.rollback().catch(() => undefined);
      throw e;
    }
  };
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await run(attempt);
    } catch (e) {
      if (e instanceof ActionFailure) throw e;
      const replay = await replayed<T>(ctx);
      if (replay) return replay;
      if (isDuplicateKey(e)) throw new KeyTaken();
      const wait = backOff(attempt);
      if (attempt >= ATTEMPTS || Date.now() - started + wait > RETRY_BUDGET_MS) {
        console.warn(`${action}: gave up after ${attempt} attempts`, e);
        throw new ActionFailure('COMMON.BUSY');
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/**
 * Every attempt is one run of the transaction (runTransaction with no retries of its own: the SDK
 * reruns a conflict at once, while the lock that caused it is most likely still held), so all of a
 * call's conflicts are spaced out here: 16 runs, as many as the SDK's 4 tries in each of 4 attempts
 * made before, now each after a wait.
 */
const ATTEMPTS = 16;

/**
 * The retries' share of the call's time: the shortest timeout of a function that applies commands
 * is 5 s (session, callbacks; cloudfunctions/<area>/area.json), and a call that gives up in time
 * answers COMMON.BUSY, which the client may retry with the same id, instead of the platform's
 * timeout. Waits that would end past it are not started. 4 s: eight households filing on one matter
 * at once took up to 2.1 s of retries for the last of them on a loaded 2-core machine (3 s let one
 * in three rounds give up there), and it still leaves a 5 s function a second for its own work.
 */
const RETRY_BUDGET_MS = 4_000;

/** The command's record: who sent which id for which action, and the answer a retry gets. */
const ownerOf = (ctx: AnyContext, action: string, propertyId?: string): string => {
  const owner = propertyId ?? ctx.member?.propertyId;
  if (owner === undefined) throw new Error(`${action}: a caller who is no member must name the command's property`);
  return owner;
};

/** Ids a record's `about` keeps at most: a page of rows is far fewer. */
const ABOUT_MOST = 200;

/**
 * The ids a record is about (`about`): the subjects of the events its journal carries, first (a history finds
 * them there until the timer has stored them, `journaledEventsAbout`), then the value of every `id` and `roomId`
 * its answer shows, its rows' included.
 */
export const aboutOf = (result: unknown, journal: readonly JournalEntry[] = []): string[] => {
  const ids = new Set<string>();
  const walk = (value: unknown): void => {
    if (ids.size >= ABOUT_MOST) return;
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object')
      for (const [key, v] of Object.entries(value)) {
        if ((key === 'id' || key === 'roomId') && typeof v === 'string') ids.add(v);
        else walk(v);
      }
  };
  // Its events' subjects (`{ kind, id }`) first, then the answer.
  walk(journal.map((e) => (e.collection === 'events' ? e.doc.subject : null)));
  walk(result);
  return [...ids].slice(0, ABOUT_MOST);
};

const recordOf = (ctx: AnyContext, action: string, result: unknown, owner: string, journal: readonly JournalEntry[] = []) => {
  const key = ctx.commandKey;
  const about = aboutOf(result, journal);
  return withoutId(
    commandModel.toStored({
      _id: key,
      propertyId: owner,
      openid: ctx.caller.openid,
      commandId: key.slice(key.indexOf('~') + 1),
      action,
      call: callOf(ctx.action),
      result,
      at: ctx.now.toISOString(),
      ...(about.length ? { about } : {}),
    }),
  );
};

/**
 * Issue 12 (5): an action whose answer is known only after its transaction committed (a notice sent, an
 * import carried on) records that answer over the one the transaction wrote, so a retry answers what the
 * first call did; a replay answers what is recorded. A call cut short between the two leaves the
 * transaction's answer recorded, which fits the action's output as well.
 */
export const finishOnce = async <T>(ctx: AnyContext, applied: Applied<T>, finish: (result: T) => Promise<T>): Promise<T> => {
  if (!applied.fresh) return applied.result;
  const answer = await finish(applied.result);
  // `set` replaces the field whole: an object given to update is merged into it field by field.
  // What the record is about: the subjects of its journal's events stay first, then what the answer shows.
  const about = aboutOf(answer, applied.journal);
  await ctx.deps.db.collection('commands').doc(ctx.commandKey).update({ data: { result: ctx.deps.db.command.set(answer), ...(about.length ? { about } : {}) } });
  return answer;
};

/**
 * Issue 12 (5): an action made of steps that each can be repeated, outside one transaction (a building
 * renamed room by room), records its answer once it is done: a retry after that answers it; a retry
 * before it finishes what is left and answers for itself. Of two that finish together, the first
 * record stands and both answer it.
 */
export const recordOnce = async <T>(ctx: ActionContext, action: string, answer: T): Promise<T> => {
  try {
    await ctx.deps.db.collection('commands').add({ data: { _id: ctx.commandKey, ...recordOf(ctx, action, answer, ownerOf(ctx, action)) } });
    settled(ctx);
    return answer;
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    const replay = await replayed<T>(ctx);
    if (!replay) throw e;
    return replay.result;
  }
};

/**
 * The work inserts a document whose key another command has already committed (not this command's
 * record: that is a replay): running it again cannot succeed, so it ends at once. Its code is
 * COMMON.BUSY unless the handler, which knows what the key means, answers with its own.
 */
export class KeyTaken extends ActionFailure {
  constructor() {
    super('COMMON.BUSY');
  }
}

/**
 * A write conflict is answered at the write while the other transaction still holds the document,
 * so an immediate rerun would meet the same lock. Full jitter (a wait drawn anywhere from 0 to a
 * ceiling that doubles each attempt: 10, 20, 40, … ms, at most 200) spreads the calls that met one
 * lock apart, so they do not meet again all together when it is released: with the contended
 * document written first (complaints' matter), each round lets one through and the others wait on.
 * At most 2.3 s in all over the 15 waits, 1.2 s on average.
 */
const BACKOFF_BASE_MS = 10;
const BACKOFF_CAP_MS = 200;
const backOff = (attempt: number) => Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));

/**
 * Issue 16: the documents a command's transaction creates that need no operation of their own there
 * (its events, `appendEvent`; its notices, `enqueueNotice` and `scheduleNotice`; a new callback task's clock,
 * `openNewSubjectClock`; P1's access log entries, `writeRead`) travel in the one `add` of its command
 * record, as its `journal` (CloudBase takes single-document operations only in a transaction, one at a
 * time: each document was a wait before the commit). The transaction still reads them as its own: a
 * read of one answers the journaled document. Changing one in the transaction that creates it is
 * refused: none does, and the journal keeps the document as created.
 */
export class JournalTx implements Tx {
  private readonly buffered = new Map<string, JournalEntry>();
  private readonly moves = new Map<string, JournalEntry>();
  private readonly toRunBeside = new Set<Beside>();

  constructor(private readonly tx: Tx) {}

  /** The document travels in the command's record; a second one with its id replaces it, as a `set` in the transaction did. */
  create(collection: JournalEntry['collection'], doc: JournalEntry['doc']): void {
    this.buffered.set(`${collection}\u0000${doc._id}`, { collection, doc });
  }

  /**
   * A change of a stored document, applied after the commit where its guard allows (`JournalEntry.move`; deadlines.ts
   * `journaledMove`), by a `beside` its maker registers and by the timer's journal step; never inserted. The transaction
   * reads the document as stored: the change is not its own yet. A second change of the document replaces the first.
   */
  move(collection: JournalEntry['collection'], doc: JournalEntry['doc'], move: JournalMove): void {
    this.moves.set(`${collection}\u0000${doc._id}`, { collection, doc, move });
  }

  entries(): JournalEntry[] {
    return [...this.buffered.values(), ...this.moves.values()];
  }

  /** Runs `run` once after the commit, beside the journal's insert (one wait): a command's notices delivered ahead (outbox.ts), its clocks' changes (deadlines.ts). */
  beside(run: Beside): void {
    this.toRunBeside.add(run);
  }

  besides(): Beside[] {
    return [...this.toRunBeside];
  }

  collection(name: string): ReturnType<Tx['collection']> {
    const real = this.tx.collection(name);
    return {
      add: (options) => real.add(options),
      doc: (id: string): DocRef => {
        const own = this.buffered.get(`${name}\u0000${id}`);
        if (!own) return real.doc(id);
        const refuse = () => Promise.reject(new Error(`${name}/${id} is journaled: not changed where made`));
        return { get: () => Promise.resolve({ data: own.doc }), set: refuse, update: refuse, remove: refuse };
      },
    };
  }
}

/** What runs after a command's commit beside its journal's insert: it never rejects. */
export type Beside = (deps: Deps, journal: readonly JournalEntry[]) => Promise<void>;

/** The command's journal, when the transaction is a command's; null in any other transaction (its documents are operations). */
export const journalOf = (tx: Tx): JournalTx | null => (tx instanceof JournalTx ? tx : null);

/** Journaled documents whose fan-out failed: the call does not deliver them; the timer inserts them, and the outbox sends them. */
const unfanned = new WeakSet<object>();

/** Whether a journaled document is in its collection by now (one that was never journaled is). */
export const fannedOut = (doc: object): boolean => !unfanned.has(doc);

/** The journal's documents by collection, in the journal's order. */
const byCollection = (journal: readonly JournalEntry[]): Map<JournalEntry['collection'], JournalEntry[]> => {
  const out = new Map<JournalEntry['collection'], JournalEntry[]>();
  for (const entry of journal) out.set(entry.collection, [...(out.get(entry.collection) ?? []), entry]);
  return out;
};

/**
 * Issue 16: an inbox notice a command's call delivers beside the journal's insert (outbox.ts `enqueueNotice`,
 * inbox-ahead.ts `deliverAhead`) is stored delivered, so nothing marks it after; the journal keeps it pending
 * with the call's lease, as the timer's journal step inserts it should the call's insert fail.
 */
const asDelivered = (entry: JournalEntry): JournalEntry['doc'] => (deliveredNow(entry) ? { ...entry.doc, status: 'sent', sentAt: entry.doc.createdAt } : entry.doc);

/** A journaled inbox notice for now, which its call delivers (`deliverAhead`): a scheduled one (no attempt claimed) waits for its time. */
export const deliveredNow = ({ collection, doc }: JournalEntry): boolean => collection === 'outbox' && doc.channel === 'inbox' && doc.attempts !== 0;

/** How far ahead a scheduled notice must be for its call to leave its insert to the timer (`leftToTimer`). */
const TIMER_STORES_AHEAD_MS = 10 * 60_000;

/**
 * Issue 16: a notice scheduled at least ten minutes after it was made (a booking's reminders, a day and an hour
 * before; a group visit's, half an hour before its arrival) is stored by the timer's journal step, which runs every
 * minute, before the outbox is drained: one round trip less on the call, and the notice is in the outbox minutes before
 * it is due. One due sooner is inserted by the call, as a notice for now is, so none is sent late.
 */
const leftToTimer = ({ collection, doc }: JournalEntry): boolean =>
  collection === 'outbox' && doc.attempts === 0 && Date.parse(String(doc.nextAttemptAt)) - Date.parse(String(doc.createdAt)) >= TIMER_STORES_AHEAD_MS;

/**
 * Inserts each journaled document where it belongs: each collection's documents in one batch insert,
 * the collections side by side (one wait, one round trip per collection; `addAllOnce`). One refused as
 * a duplicate is there already, and is never overwritten; a failed batch falls back to one insert per
 * document, so whatever the batch left stored, each document ends up stored once.
 */
const insertJournal = async (db: Database, journal: readonly JournalEntry[], delivering: boolean): Promise<void> => {
  const failed = await Promise.all([...byCollection(journal)].map(([collection, entries]) => addAllOnce(db, collection, entries.map((e) => (delivering ? asDelivered(e) : e.doc)))));
  const first = failed.flat()[0];
  if (first) throw first.error;
};

/**
 * After the commit, the call fans its journal out (all but its events), in one wait, before it delivers anything (a notice is
 * marked sent where it is stored). It does not mark the record: that would be one more round trip for
 * every write. A failure here loses nothing: its notices are not sent now (`fannedOut`), and the
 * timer's first step (`fanOutJournals`) inserts what is missing, with the lease the call held, so the
 * outbox sends them once that lease ends, as it did a notice the call failed to send.
 */
const fanOut = async (db: Database, record: string, journal: readonly JournalEntry[], delivering = false): Promise<void> => {
  // Issue 16: a command's events are stored by the timer's journal step alone, not by the call (one round trip
  // less on every write that makes one): nothing waits on them but a history, and a history reads them from the
  // unchecked records about its subject as well (`journaledEventsAbout`), so it shows them the moment the command
  // has committed. Its notices and clocks are inserted by the call: they are sent, and swept, from where they are stored;
  // a notice scheduled well ahead is left to that step too (`leftToTimer`).
  const now = journal.filter((e) => e.collection !== 'events' && !e.move && !leftToTimer(e));
  try {
    await insertJournal(db, now, delivering);
  } catch (e) {
    for (const entry of now) unfanned.add(entry.doc);
    console.warn(`command ${record}: its journal was not fanned out; the timer will`, e);
  }
};

/**
 * Issue 16: a command's fan-out, with what its journal's documents asked to do beside it (`JournalTx.beside`:
 * a command's inbox notices delivered, outbox.ts), all in one wait. Answers once the journal's insert is
 * done, so applyOnce keeps its contract (its documents stored, or left to the timer, when it returns) and
 * the call's other notices (a robot's post) go out at once; what runs beside it is awaited by the sender,
 * and by the router before the call answers, so nothing of it is left running.
 */
const fanOutBeside = async (ctx: AnyContext, record: string, journal: readonly JournalEntry[], besides: readonly Beside[]): Promise<void> => {
  // Its documents as the call stores them: what it delivers beside the insert, stored delivered (`asDelivered`: every
  // inbox notice for now a command journals has its delivery run beside, outbox.ts `enqueueNotice`).
  const inserted = fanOut(ctx.deps.db, record, journal, true);
  const beside = Promise.all(besides.map((run) => run(ctx.deps, journal))).then(() => undefined);
  if (ctx.command) ctx.command.delivering.push(beside);
  await Promise.all([inserted, ctx.command ? undefined : beside]);
};

/**
 * The events about `subjectId` still in the journals of records the timer has not checked (`fanned: false`),
 * as journaled: what a history adds to the events stored (`eventsOf`, events.ts). Found by the records' `about`
 * (which names their events' subjects first, `aboutOf`) with the `about_fanned` index (the property, `about`, `fanned`); a subject's records are at most
 * a few a minute, and a checked record keeps no journal.
 */
export const journaledEventsAbout = async (db: Database, propertyId: string, subjectId: string): Promise<StoredDoc[]> => {
  const unchecked = await everyPage(db.collection('commands').where({ propertyId, about: subjectId, fanned: false }));
  return parseAll(commandModel, unchecked)
    .flatMap((c) => c.journal ?? [])
    .filter((e) => e.collection === 'events' && (e.doc as { subject?: { id?: unknown } }).subject?.id === subjectId)
    .map((e) => e.doc as StoredDoc);
};

/** What a journal-carrying record of a transaction that is no command names (`journaledTransaction`). */
export interface JournalRecord {
  /** The record's id: a key no command's (`<member>~<command id>`) can be. */
  id: string;
  propertyId: string;
  /** Who the transaction acts for, and the call it follows, as a command record names them. */
  openid: string;
  call: `${string}.${string}`;
  action: string;
}

/**
 * Issue 16: a transaction that is no command's (a group's settlement, run by the reply that resolved it
 * or by the timer) journals the documents it only creates (events, notices) as a command does: they
 * travel in one record of the `commands` collection, written last in the transaction, with
 * `fanned: false`; after the commit the call inserts them in batches, and the timer's journal step
 * (`fanOutJournals`) inserts whatever a call that died or failed first did not. The record answers no
 * replay: its key is no member's. Answers the work's result and the journaled documents.
 */
export const journaledTransaction = async <T>(db: Database, record: JournalRecord, now: Date, work: (tx: Tx) => Promise<T>): Promise<T> => {
  const { result, journal } = await db.runTransaction(async (tx) => {
    const journaled = new JournalTx(tx);
    const result = await work(journaled);
    const journal = journaled.entries();
    if (journal.length) {
      const stored = commandModel.toStored({
        _id: record.id,
        propertyId: record.propertyId,
        openid: record.openid,
        commandId: record.id,
        action: record.action,
        call: record.call,
        result: null,
        at: now.toISOString(),
        journal,
        fanned: false,
        about: aboutOf(null, journal),
      });
      await tx.collection('commands').doc(record.id).set({ data: withoutId(stored) });
    }
    return { result, journal };
  });
  // A change its work journals (`JournalTx.move`: none does so far) waits for the timer's journal step: no `beside` runs here.
  if (journal.length) await fanOut(db, record.id, journal);
  return result;
};

/** Which of these documents of a collection are stored, with their `status` (where they have one): one query per 100 ids, issued together. */
const storedStatuses = async (db: Database, collection: string, ids: readonly string[]): Promise<Map<string, unknown>> => {
  const found = await Promise.all(
    chunks(ids, IN_MOST).map((part) => db.collection(collection).where({ _id: db.command.in(part) }).field({ _id: true, status: true }).limit(part.length).get()),
  );
  return new Map(found.flatMap((res) => res.data.map((d) => [(d as { _id: string })._id, (d as { status?: unknown }).status] as const)));
};

/**
 * What the journal step does besides inserting: `confirm` makes sure the notices a call stored as delivered
 * (`sent`, outbox.ts `enqueueNotice`) were delivered whole (their signals bumped, their push copies made), should
 * the call have died on the way; it answers false when it could not, and their records are checked again next run.
 */
export interface JournalStepOptions {
  limit?: number;
  pages?: number;
  confirm?: (sweep: Sweep, notices: readonly JournalEntry['doc'][]) => Promise<boolean>;
  /**
   * Applies the journals' changes of stored documents (`JournalTx.move`), each guarded so that applying it again, after
   * its call did or after a newer change, changes nothing; false when it could not: their records are checked again.
   */
  applyMoves?: (sweep: Sweep, moves: readonly JournalEntry[]) => Promise<boolean>;
}

/**
 * The timer's first step (before the outbox and the deadlines are swept): every command record whose
 * journal it has not yet checked (`fanned: false`, as the transaction wrote it) is checked once: the
 * documents its call did not insert (it died between its commit and the fan-out, or the fan-out
 * failed) are inserted now, once. A record only committed records are read, and each document is
 * inserted once whoever comes first, so meeting a call still fanning out its own is harmless. Per page
 * of up to `limit` records: their query, one id query per collection, the missing inserts together,
 * and one update marking them all checked and dropping their journals.
 */
export const fanOutJournals = async (sweep: Sweep, { limit = 100, pages = 10, ...steps }: JournalStepOptions = {}): Promise<{ fanned: number }> => {
  let fanned = 0;
  // Every write leaves a record to check: up to `pages` pages a run, so a busy minute is caught up, not left behind.
  for (let page = 0; page < pages; page++) {
    const checked = await checkJournals(sweep, limit, steps);
    fanned += checked.fanned;
    if (checked.records < limit || checked.marked === 0) break;
  }
  return { fanned };
};

const checkJournals = async (
  sweep: Sweep,
  limit: number,
  { confirm, applyMoves }: Pick<JournalStepOptions, 'confirm' | 'applyMoves'>,
): Promise<{ fanned: number; records: number; marked: number }> => {
  const { db } = sweep.deps;
  const res = await db.collection('commands').where({ fanned: false }).limit(limit).get();
  const commands = await sweep.parse(commandModel, res.data);
  if (commands.length === 0) return { fanned: 0, records: res.data.length, marked: 0 };
  const all = commands.flatMap((c) => c.journal ?? []);
  // The changes of stored documents are applied again, beside the inserts (each is guarded: `JournalTx.move`).
  const moves = all.filter((e) => e.move);
  const movesApplied = moves.length === 0 ? Promise.resolve(true) : (applyMoves?.(sweep, moves) ?? Promise.resolve(false));
  const entries = all.filter((e) => !e.move);
  // One id query per collection the journals name (events, notices, callback clocks), side by side.
  const stored = new Map(
    await Promise.all([...byCollection(entries)].map(async ([collection, list]) => [collection, await storedStatuses(db, collection, list.map((e) => e.doc._id))] as const)),
  );
  const missing = entries.filter((e) => !stored.get(e.collection)!.has(e.doc._id));
  // The notices a call stored as delivered: made sure of (signals, push copies) before their records are checked.
  const storedSent = entries.filter((e) => e.collection === 'outbox' && stored.get('outbox')!.get(e.doc._id) === 'sent');
  const confirmed = confirm && storedSent.length ? await confirm(sweep, storedSent.map((e) => e.doc)) : true;
  const unconfirmed = new Set(confirmed ? [] : storedSent.map((e) => `${e.collection}\u0000${e.doc._id}`));
  // Each collection's missing documents in one batch insert (`addAllOnce`: a failed batch falls back to
  // one insert per document); a document still not stored fails the unit, whose retries leave the stored ones as they are.
  const failed = new Set<string>();
  await Promise.all(
    [...byCollection(missing)].map(async ([collection, list]) => {
      const docs = list.map((e) => e.doc);
      const done = await sweep.unit(`${collection} ${docs.length} missing (${docs[0]!._id}…)`, async () => {
        const notInserted = await addAllOnce(db, collection, docs);
        if (notInserted[0]) throw notInserted[0].error;
        return true;
      });
      if (!done) for (const doc of docs) failed.add(`${collection}\u0000${doc._id}`);
    }),
  );
  // A record is marked checked only once every document of its journal is stored: one that failed stays for the next run.
  // Its journal goes in the same update (`_.remove()` deletes a field:
  // https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/command/Command.remove.md):
  // the events and notices then live in their collections alone (their texts name people and addresses), and a
  // replay answers the record's `result`, which stays.
  const moved = await movesApplied;
  const checked = commands
    .filter(
      (c) => !(c.journal ?? []).some((e) => (e.move ? !moved : failed.has(`${e.collection}\u0000${e.doc._id}`) || unconfirmed.has(`${e.collection}\u0000${e.doc._id}`))),
    )
    .map((c) => c._id);
  const marked = checked.length
    ? await sweep.unit('commands checked', () =>
        db.collection('commands').where({ _id: db.command.in(checked) }).update({ data: { fanned: true, journal: db.command.remove() } }),
      )
    : undefined;
  return { fanned: missing.length - failed.size, records: res.data.length, marked: marked?.stats.updated ?? 0 };
};

export type { Rewrite } from './repo';

/**
 * PIPL erasure (`cloudfunctions/_shared/erasure-scrub.ts`): the records of the commands a person sent in the
 * property go (her membership has ended: nothing of hers retries them), and the others' records that name her
 * are rewritten: those about what shows her (`about`, the `about_fanned` index; older ones by `result.id`), and those whose journal
 * is still unchecked (`fanned: false`; a checked one has none left). Reads in one wait (more only where a query
 * finds more than a page: `everyPage`), then answers the
 * writes to make in one more (so the caller can make them beside other collections'); each can be repeated,
 * so a call cut short is finished by the next.
 */
export const eraseFromCommands = async (db: Database, propertyId: string, openid: string, subjects: readonly string[], rewrite: Rewrite): Promise<() => Promise<unknown>> => {
  const commands = db.collection('commands');
  // Every page of each: a person with more records than a page, or more unchecked journals in the environment
  // (every property's) than a page, ahead of one that names her, leaves nothing behind.
  const [own, about, aboutBefore, unchecked] = await Promise.all([
    everyPage(commands.where({ openid }).field({ _id: true, propertyId: true })),
    everyPageIn(db, 'commands', { propertyId }, 'about', subjects),
    // Records made before they named what they are about (`about`, 2026-12-07) by their answer's own id, until
    // COMMAND_RETENTION_DAYS have removed them all.
    everyPageIn(db, 'commands', { propertyId }, 'result.id', subjects),
    everyPage(commands.where({ fanned: false })),
  ]);
  const mine = own.filter((c) => c.propertyId === propertyId).map((c) => c._id);
  const others = new Map<string, StoredDoc>();
  for (const doc of [...about, ...aboutBefore, ...unchecked]) {
    if (doc.propertyId === propertyId && doc.openid !== openid) others.set(doc._id, doc);
  }
  return () => Promise.all([...chunks(mine, IN_MOST).map((ids) => commands.where({ _id: db.command.in(ids) }).remove()), rewriteStored(db, 'commands', [...others.values()], rewrite)]);
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The timer's `commandRetention` step: the records older than COMMAND_RETENTION_DAYS go, so the collection holds a
 * bounded window of writes, not all of them (CloudBase bills storage and documents). Never one whose journal is
 * unchecked (`fanned: false`: the journal step still needs it, however old). Per page: the ids of up to `limit` of
 * them (the `age` index: `at`, then `fanned`), then one removal of those ids (a `where(...).remove()` takes no
 * `limit`: https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/collection/Collection.remove.md,
 * so a bounded removal names its ids); up to `pages` pages a run, so a run reads what it removes and a backlog
 * goes over a few minutes. A record removed answers no retry: the
 * client's offline queue sends nothing older than OFFLINE_SEND_WINDOW_DAYS.
 */
export const dropExpiredCommands = async (sweep: Sweep, limit = IN_MOST, pages = 5): Promise<{ removed: number }> => {
  const { db } = sweep.deps;
  const before = new Date(sweep.deps.now().getTime() - COMMAND_RETENTION_DAYS * DAY_MS).toISOString();
  let removed = 0;
  for (let page = 0; page < pages; page++) {
    const res = await db.collection('commands').where({ at: db.command.lt(before), fanned: db.command.neq(false) }).field({ _id: true }).limit(limit).get();
    const ids = (res.data as { _id: string }[]).map((d) => d._id);
    if (ids.length === 0) break;
    const gone = await sweep.unit(`commands before ${before} (${ids[0]}…)`, () => db.collection('commands').where({ _id: db.command.in(ids) }).remove());
    if (!gone) break;
    removed += gone.stats.removed ?? 0;
    if (ids.length < limit) break;
  }
  return { removed };
};
