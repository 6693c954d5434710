import { outboxModel, type NoticeChannel, type NoticeKind, type OutboxDoc } from '@shared/model/outbox.model';
import { addMinutes } from '@shared/time/shanghai';
import type { Deps } from './deps';
import type { Database, Tx } from './database';
import type { Source } from './paging';
import { derivedId } from './ids';
import { fannedOut, journalOf } from './commands';
import { everyPageIn, findById, parseAll, rewriteStored, withoutId, addOnce, settledAll, type Rewrite } from './repo';
import { deliver, Settled, type SettingsOf } from './channels';
import { byIds } from './signals';
import { Deferred } from './robot';
import type { Sweep } from './sweep';
import type { AnyContext } from './context';
import type { SettingsDoc } from '@shared/model/settings.model';
import { audienceOfRole } from '@shared/model/signal.model';
import { aheadOf, deliverAhead, planCopiesWithConsents, settingsReader, startDelivery, type Ahead, type PlannedCopy } from './inbox-ahead';

export interface Notice {
  propertyId: string;
  kind: NoticeKind;
  channel: NoticeChannel;
  recipient: string;
  subject: { kind: string; id: string };
  title: string;
  body: string;
  urgent: boolean;
  /** What a subscribe message's own fields show besides the title and body. */
  facts?: OutboxDoc['facts'];
  /** People pushed a copy of a role's notice besides those the role's notices always reach (`deskOnShiftPushed`). */
  pushTo?: string[];
}

/**
 * R2, D3, issue 5: the desk is told of something new once, under its role, and whoever is on shift is
 * pushed it by name: a notice to the role carries them, so the clerk on shift does not find it twice in
 * the app (once for the desk, once by name). Any other recipient carries nobody.
 */
export const deskOnShiftPushed = (recipient: string, onShift: readonly string[]): Pick<Notice, 'pushTo'> =>
  recipient === audienceOfRole('desk') && onShift.length > 0 ? { pushTo: [...onShift] } : {};

const MAX_ATTEMPTS = 8;
/** 1, 2, 4, … minutes between attempts; a claimed notice is not retried before its lease ends. */
const backoffMinutes = (attempts: number) => 2 ** Math.max(0, attempts - 1);

/**
 * Writes a notice in the same transaction as the change that causes it; `cause` makes its id stable.
 * Its first attempt is already claimed for the function that writes it, which sends it right after
 * commit (see `sendNow`); should that function die first, the timer sends it once the lease ends.
 */
export const enqueueNotice = async (tx: Tx, cause: string, notice: Notice, now: Date): Promise<OutboxDoc> => {
  const doc = outboxModel.toStored({
    _id: derivedId('ob', cause, notice.kind, notice.channel, notice.recipient),
    ...notice,
    status: 'pending',
    attempts: 1,
    nextAttemptAt: addMinutes(now, backoffMinutes(1)).toISOString(),
    lastError: null,
    createdAt: now.toISOString(),
    sentAt: null,
    shownAt: now.toISOString(),
  });
  // Issue 16: in a command's transaction the notice travels in its record (commands.ts `JournalTx`),
  // fanned out after the commit before it is sent, as a scheduled one does (`scheduleNotice`). An inbox
  // notice is delivered beside its insert (`deliverAhead`), so the call stores it delivered (`sent`,
  // commands.ts `asDelivered`) and marks nothing after: one round trip less. The record keeps it pending
  // with the call's lease, as the timer's journal step inserts it should the call's insert fail; one the
  // call stored delivered but did not deliver whole (it failed, or died) is made sure of by that step
  // (journal-step.ts `confirmDelivered`).
  const journal = journalOf(tx);
  if (journal) {
    journal.create('outbox', doc);
    journal.beside(deliverAhead);
  } else await tx.collection('outbox').doc(doc._id).set({ data: withoutId(doc) });
  return doc;
};

/**
 * A notice to go out later (a booking's reminder): pending with no attempt claimed, it is sent by
 * the first timer run at or after `at`, which first asks its subject whether it is still wanted (`drainOutbox`'s
 * `wanted`), and shown in the app from then on (`shownAt`). Issue 16: in a command's transaction it travels in the
 * record (one operation fewer there), inserted after the commit by the call, else by the timer's journal step, which
 * runs before the outbox is drained; nothing delivers it ahead (`deliveredNow`). Nothing withdraws it: a write that no
 * longer wants it records that on its subject (V4: a booking moved or cancelled), which the timer reads.
 */
export const scheduleNotice = async (tx: Tx, cause: string, notice: Notice, at: Date, now: Date): Promise<string> => {
  const doc = outboxModel.toStored({
    _id: derivedId('ob', cause, notice.kind, notice.channel, notice.recipient),
    ...notice,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: at.toISOString(),
    lastError: null,
    createdAt: now.toISOString(),
    sentAt: null,
    shownAt: null,
  });
  const journal = journalOf(tx);
  if (journal) journal.create('outbox', doc);
  else await tx.collection('outbox').doc(doc._id).set({ data: withoutId(doc) });
  return doc._id;
};

export interface DrainReport {
  sent: number;
  retried: number;
  dead: number;
  /** Settled without being sent: WeChat refused (43101), or there was no template or send left. */
  unsent: number;
  /** Held back without using an attempt: the robot was at WeCom's pace or throttled. */
  deferred: number;
}

export const emptyReport = (): DrainReport => ({ sent: 0, retried: 0, dead: 0, unsent: 0, deferred: 0 });

/**
 * Notices delivered by one call, marked sent together (issue 16): one multi-document update once every
 * channel of the call has answered, instead of one per notice. Until it lands they are pending with the
 * lease of their attempt, so a call that dies first leaves them to the timer, which sends them again
 * (at least once, as before).
 */
type SentTogether = OutboxDoc[];

/** Delivers a notice whose attempt the caller holds, then records the outcome on it (a send, with the call's others when it collects them). */
const attempt = async (deps: Deps, notice: OutboxDoc, report: DrainReport, settingsOf: SettingsOf, together?: SentTogether): Promise<void> => {
  let failure: string | null = null;
  let settled: Settled | null = null;
  let deferred: Deferred | null = null;
  try {
    await deliver(deps, notice, settingsOf);
  } catch (e) {
    if (e instanceof Settled) settled = e;
    if (e instanceof Deferred) deferred = e;
    failure = (e instanceof Error ? e.message : String(e)).slice(0, 500);
  }
  const outbox = deps.db.collection('outbox').doc(notice._id);
  if (deferred) {
    // The attempt held for it is given back: being paced is not a failure to deliver.
    await outbox.update({ data: { attempts: notice.attempts - 1, nextAttemptAt: deferred.until.toISOString(), lastError: failure } });
    report.deferred++;
    return;
  }
  if (settled) {
    await outbox.update({ data: { status: settled.status, lastError: failure } });
    report.unsent++;
    return;
  }
  if (failure === null) {
    if (together) together.push(notice);
    // A scheduled in-app notice shows from when it is sent (`scheduleNotice`).
    else await outbox.update({ data: { ...sentNow(deps), ...(notice.shownAt === null && notice.channel === 'inbox' ? { shownAt: deps.now().toISOString() } : {}) } });
    report.sent++;
    if (notice.channel === 'inbox') await pushCopiesOf(deps, [notice], report, settingsOf);
    return;
  }
  const dead = notice.attempts >= MAX_ATTEMPTS;
  await outbox.update({ data: { status: dead ? 'dead' : 'pending', lastError: failure } });
  if (dead) report.dead++;
  else report.retried++;
};

const sentNow = (deps: Deps) => ({ status: 'sent', sentAt: deps.now().toISOString(), lastError: null });

/**
 * Issue 5: whoever is told in the app is also pushed a subscribe message when the property has a
 * template for the notice's kind: the person it names, or every supervisor or manager for their
 * role's notices, if they have a send left for the template (`stocked`; the others have the inbox,
 * and staff are warned in the app). Each copy is an outbox notice of its own (its id derived from
 * the inbox notice and the person, so a retried inbox delivery makes no second copy), with its own retries.
 */
export const pushCopies = async (deps: Deps, planned: readonly PlannedCopy[], stocked: Set<string>, report: DrainReport, settingsOf: SettingsOf): Promise<void> => {
  const now = deps.now();
  await settledAll(
    planned
      .filter((p) => stocked.has(p.consent))
      .map(async ({ notice, recipient }) => {
        const copy = outboxModel.toStored({
          ...notice,
          _id: copyIdOf({ notice, recipient }),
          channel: 'subscribe',
          recipient,
          status: 'pending',
          attempts: 1,
          nextAttemptAt: addMinutes(now, backoffMinutes(1)).toISOString(),
          lastError: null,
          sentAt: null,
        });
        if (await addOnce(deps.db, 'outbox', copy)) await attempt(deps, copy, report, settingsOf);
      }),
  );
};

/** A push copy's id: derived from its inbox notice and the person, so however many senders make it, it is made once. */
export const copyIdOf = ({ notice, recipient }: Pick<PlannedCopy, 'notice' | 'recipient'>) => derivedId('ob', notice._id, 'subscribe', recipient);

/** An inbox notice just sent: its push copies (issue 5). */
const pushCopiesOf = async (deps: Deps, notices: readonly OutboxDoc[], report: DrainReport, settingsOf: SettingsOf): Promise<void> => {
  const { planned, stocked } = await planCopiesWithConsents(deps, notices, settingsOf);
  await pushCopies(deps, planned, stocked, report, settingsOf);
};

/** Inbox notices a call delivered (to be marked sent with its other notices) and what makes their push copies. */
interface InboxDelivered {
  notices: OutboxDoc[];
  copies: () => Promise<void>;
  /** What is left before they count as delivered: the signals of audiences never signalled before (`bumpStored`). */
  signalNew?: () => Promise<void>;
}

/**
 * Issue 16: inbox notices whose stored signals were bumped and whose push copies were planned: a command's
 * beside its journal's insert (`deliverAhead`, inbox-ahead.ts), any other's by the sender. Only those whose insert succeeded (`fannedOut`)
 * are marked sent or pushed: one whose insert failed is not stored; the timer's journal step inserts it
 * pending and the outbox drain delivers it (bumping again: the early bump was harmless). When the bump or
 * the plan failed, none is: the drain delivers them all once their lease ends.
 */
const deliveredAhead = async (deps: Deps, ahead: Ahead, notices: readonly OutboxDoc[], report: DrainReport, settingsOf: SettingsOf): Promise<InboxDelivered> => {
  const stored = notices.filter(fannedOut);
  const [bumped, plan] = await Promise.all([ahead.bumped, ahead.copies]);
  if (!bumped || !plan) throw new Error('not delivered beside the journal');
  const planned = plan.planned.filter((p) => stored.includes(p.notice));
  // The signals of audiences never signalled before are made by the sender, beside the call's other
  // channels and the push copies, which start once the journal's insert has answered, never between them.
  return { notices: stored, copies: async () => pushCopies(deps, planned, await plan.stocked(planned), report, settingsOf), signalNew: bumped.signalNew };
};

/**
 * Sends, at once, the notices a committed change queued, side by side (issue 16: the caller waits
 * for the slowest channel, not for the sum of the notices): the inbox notices as one batch (a command's
 * were delivered beside its journal's insert, `deliverAhead`), each other notice on its own. Each notice
 * writes only its own outbox document, and what notices share is changed atomically (a signal's `inc`,
 * a consent's conditional `inc(-1)`), so they need no order. A failure here loses nothing: each stays
 * pending with its error, and the timer retries it when its lease ends.
 */
export const sendNow = async (deps: Deps, notices: readonly OutboxDoc[], known?: SettingsDoc): Promise<DrainReport> => {
  const report = emptyReport();
  const settingsOf = settingsReader(deps, known);
  const notSent = (what: string) => (e: unknown) => console.warn(`${what} not sent now; the outbox timer will retry`, e);
  const idsOf = (list: readonly OutboxDoc[]) => list.map((n) => n._id).join(', ');
  // The inbox notices by what their command's commit did for them (none: delivered here).
  const batches = new Map<Ahead | undefined, OutboxDoc[]>();
  for (const notice of notices.filter((n) => n.channel === 'inbox')) batches.set(aheadOf(notice), [...(batches.get(aheadOf(notice)) ?? []), notice]);
  const others = notices.filter((n) => n.channel !== 'inbox' && fannedOut(n));
  const markSent = (list: readonly OutboxDoc[]) =>
    list.length
      ? deps.db
          .collection('outbox')
          .where(byIds(deps.db, list.map((n) => n._id)))
          .update({ data: sentNow(deps) })
          .then(() => undefined, notSent(`notices ${idsOf(list)} (delivered, not marked sent)`))
      : Promise.resolve();
  // The call's notices delivered on every channel, marked sent in one update once all have answered; when
  // the inbox is the call's only channel, as soon as it is delivered, beside its push copies.
  const alone = batches.size === 1 && others.length === 0;
  const together: SentTogether = [];
  const running: Promise<void>[] = [];
  await Promise.all([
    ...[...batches].map(async ([ahead, batch]) => {
      // A command's inbox notices were stored delivered (`enqueueNotice`): nothing to mark. Should their delivery
      // fail here, the timer's journal step finds their signals not bumped since, or their push copies not made,
      // and does it (journal-step.ts), within a minute, as the drain would have once the call's lease ended.
      try {
        // Notices of no command's journal (a timer's, a settlement's) start their delivery here.
        const delivered = await deliveredAhead(deps, ahead ?? startDelivery(deps, batch, settingsOf), batch, report, settingsOf);
        const copies = () => delivered.copies().catch(notSent(`the push copies of ${idsOf(delivered.notices)}`));
        if (delivered.signalNew) {
          // New audiences' signals first: the copies go beside them (a copy's id is derived from its notice
          // and person, so the drain's delivery of a notice left pending makes no second one).
          running.push(copies());
          await delivered.signalNew();
          if (alone) running.push(markSent(ahead ? [] : delivered.notices));
        } else if (alone) running.push(markSent(ahead ? [] : delivered.notices), copies());
        else running.push(copies());
        if (!alone && !ahead) together.push(...delivered.notices);
        report.sent += delivered.notices.length;
      } catch (e) {
        notSent(`notices ${idsOf(batch)}`)(e);
      }
    }),
    // Any other channel waits for its notice's insert (applyOnce answers after it): a notice sent before it
    // is stored could be sent twice, should the insert fail and the drain send it again.
    ...others.map((notice) => attempt(deps, notice, report, settingsOf, together).catch(notSent(`notice ${notice._id}`))),
  ]);
  await Promise.all([markSent(together), ...running]);
  return report;
};

/**
 * Issue 16: a command's notices sent while the router makes its answer (its files' links asked for), not
 * before it: the router awaits what the call is `delivering` before it answers, so nothing is left running
 * and the caller hears nothing sooner than before. A call with no command state sends them before it returns.
 */
export const sendBesideAnswer = async (ctx: Pick<AnyContext, 'deps' | 'command'>, notices: readonly OutboxDoc[], known?: SettingsDoc): Promise<void> => {
  // sendNow settles every notice's failure itself; this only keeps an unforeseen one from being unhandled.
  const sending = sendNow(ctx.deps, notices, known).then(
    () => undefined,
    (e: unknown) => console.warn('notices not sent now; the outbox timer will retry', e),
  );
  if (ctx.command) ctx.command.delivering.push(sending);
  else await sending;
};

/**
 * Issue 16: whether a scheduled notice's subject still wants it, asked by the timer's sender once it holds the
 * notice's attempt and before it sends it (V4: a booking's reminder, `reminderWanted`); by the notice's kind.
 */
export type NoticeWanted = (db: Database, notice: OutboxDoc) => Promise<boolean>;

/**
 * The timer's sender: each due notice is claimed with a check on `attempts` (so two senders never
 * both send it), delivered, and marked sent, or left for a later attempt with backoff; one its subject no longer
 * wants (`wanted`) is settled unsent instead. Each notice is a unit of its own: a malformed one is quarantined and the
 * rest still go out (issue 12, 3.8).
 */
export const drainOutbox = async (sweep: Sweep, limit = 50, wanted: Readonly<Record<string, NoticeWanted>> = {}): Promise<DrainReport> => {
  const { deps } = sweep;
  const { db } = deps;
  const now = deps.now();
  const res = await db
    .collection('outbox')
    .where({ status: 'pending', nextAttemptAt: db.command.lte(now.toISOString()) })
    .orderBy('nextAttemptAt', 'asc')
    .limit(limit)
    .get();
  const report = emptyReport();
  const settingsOf = settingsReader(deps);
  for (const notice of await sweep.parse(outboxModel, res.data)) {
    await sweep.unit(`notice ${notice._id}`, async () => {
      const attempts = notice.attempts + 1;
      const claim = await db
        .collection('outbox')
        .where({ _id: notice._id, status: 'pending', attempts: notice.attempts })
        .update({ data: { attempts, nextAttemptAt: addMinutes(now, backoffMinutes(attempts)).toISOString() } });
      if (!claim.stats.updated) return;
      const wants = Object.hasOwn(wanted, notice.kind) ? wanted[notice.kind] : undefined;
      if (wants && !(await wants(db, notice))) {
        await db.collection('outbox').doc(notice._id).update({ data: { status: 'skipped', lastError: 'no longer wanted', shownAt: null } });
        report.unsent++;
        return;
      }
      await attempt(deps, { ...notice, attempts }, report, settingsOf);
    });
  }
  return report;
};

/*
 * Reads of the outbox for the areas: this module alone names the collection (an area's query would
 * bypass the indexes declared for these shapes in cloudfunctions/manifest.json).
 */

/**
 * Issue 5: the in-app notices shown to these recipients (a person, and her role) by now, newest
 * first: one list source for `readPage`, served by the `inbox` index.
 */
export const inboxNotices = (db: Database, propertyId: string, recipients: readonly string[], now: Date): Source<OutboxDoc> => {
  const _ = db.command;
  return {
    collection: 'outbox',
    where: { propertyId, channel: 'inbox', recipient: _.in([...recipients]), shownAt: _.lte(now.toISOString()) },
    sort: [{ field: 'shownAt', order: 'desc' }],
    parse: (raw) => outboxModel.parse(raw),
  };
};

/**
 * Issue 18 (3): whether `recipient` has an in-app notice about each subject, as a list of answers in
 * the subjects' order. One count per subject, issued together (one wait), each on the `thread`
 * index's four keys with the subject's kind beside them: it reads only that recipient's notices of
 * that one subject, however many notices the property holds.
 */
export const hasInboxNoticesAbout = (db: Database, propertyId: string, recipient: string, subjects: readonly Notice['subject'][]): Promise<boolean[]> =>
  Promise.all(
    subjects.map(async (subject) => {
      const res = await db.collection('outbox').where({ propertyId, channel: 'inbox', recipient, 'subject.id': subject.id, 'subject.kind': subject.kind }).count();
      return res.total > 0;
    }),
  );

/** Issue 5: a property's dead notices (the `dead` index): how many, and the newest `limit` of them. */
export const deadNotices = async (db: Database, propertyId: string, limit: number): Promise<{ count: number; items: OutboxDoc[] }> => {
  const dead = db.collection('outbox').where({ propertyId, status: 'dead' });
  const [count, items] = await Promise.all([dead.count(), dead.orderBy('createdAt', 'desc').limit(limit).get()]);
  return { count: count.total, items: parseAll(outboxModel, items.data) };
};

/** Issue 14 (1): how many of a property's notices are dead (the `dead` index). */
export const deadNoticeCount = async (db: Database, propertyId: string): Promise<number> => (await db.collection('outbox').where({ propertyId, status: 'dead' }).count()).total;

/**
 * PIPL erasure (`cloudfunctions/_shared/erasure-scrub.ts`): the notices about the erased person's subjects (her
 * tickets, bindings, erasure request; the `subject` index) whose texts `rewrite` changes. Reads in one wait, then
 * answers the writes to make in one more.
 */
export const eraseFromNotices = async (
  db: Database,
  propertyId: string,
  subjects: readonly string[],
  rewrite: Rewrite,
): Promise<() => Promise<unknown>> => {
  if (subjects.length === 0) return () => Promise.resolve();
  const found = await everyPageIn(db, 'outbox', { propertyId }, 'subject.id', subjects);
  return () => rewriteStored(db, 'outbox', found, rewrite);
};

/** One notice by its id. */
export const noticeById = (db: Database, id: string): Promise<OutboxDoc | null> => findById(db, outboxModel, id);

/** Issue 5: a dead notice gets a fresh set of attempts, the first due at `nextAttemptAt`, in the caller's transaction. */
export const reviveNotice = async (tx: Tx, id: string, nextAttemptAt: string): Promise<void> => {
  await tx.collection('outbox').doc(id).update({ data: { status: 'pending', attempts: 1, nextAttemptAt, lastError: null } });
};
