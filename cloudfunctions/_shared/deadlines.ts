import { deadlineModel, type DeadlineDoc, type DeadlineStatus, type PausedBy } from '@shared/model/deadline.model';
import type { ClockMoveAction, JournalEntry } from '@shared/model/command.model';
import type { DeadlinePlan } from '@shared/domain/deadline.rules';
import { callbackSays, caseSays, metByOrder, nextDeadlineStep, orderSays, type ClockVerdict } from '@shared/domain/deadline.rules';
import { deadlineMachine, type DeadlineAction } from '@shared/domain/deadline.machine';
import { birth, transition } from '@shared/domain/state-machine';
import { audienceOfRole } from '@shared/model/signal.model';
import * as messages from '@shared/messages/words';
import { deadlineStamp } from '@shared/time/deadline-clock';
import type { Database, Tx } from './database';
import type { Deps } from './deps';
import { derivedId } from './ids';
import { addOnce, parseAll, parseStored, rawIfThere, withoutId } from './repo';
import type { Sweep } from './sweep';
import { enqueueNotice, sendNow } from './outbox';
import { appendEvent } from './events';
import { journalOf } from './commands';
import { findRepairInTx } from './repairs.repo';
import { findComplaintInTx } from './complaints.repo';
import { findCallbackInTx } from './callbacks';
import type { OutboxDoc } from '@shared/model/outbox.model';

/**
 * Issue 15 (3): this module is the only code that reads or writes the `deadlines` collection (the lint
 * refuses `collection('deadlines')` anywhere else). A clock's id is derived from its subject and rule,
 * and every status change is a transition of the deadline machine.
 */
const DEADLINES = 'deadlines';

const idOf = (subjectId: string, rule: string) => derivedId('dl', subjectId, rule);

/** A clock moves because its subject moved (or its property closed): the system moves it. */
const BY_SYSTEM = { actor: 'system:deadlines', role: 'system' } as const;

type Subject = { kind: string; id: string; propertyId: string };

/** A clock born open on a subject by its plan. */
const clockOf = (subject: Subject, plan: DeadlinePlan, now: Date): DeadlineDoc => {
  const born = birth(deadlineMachine, 'open', { ...BY_SYSTEM, now });
  return deadlineModel.toStored({
    _id: idOf(subject.id, plan.rule),
    propertyId: subject.propertyId,
    subject: { kind: subject.kind, id: subject.id },
    rule: plan.rule,
    dueAt: plan.dueAt.toISOString(),
    warnAt: plan.warnAt.toISOString(),
    status: born.to,
    version: born.version,
    pausedBy: null,
    step: 0,
    ladder: plan.ladder,
    escalateEveryMinutes: plan.escalateEveryMinutes,
    nextCheckAt: plan.warnAt.toISOString(),
    createdAt: now.toISOString(),
  });
};

/**
 * Issue 16: the version a write leaves its subject at (a work order's, a complaint's). Given to a clock's change, in a
 * command's transaction, the change is no operation there: it travels in the command's record and lands after the
 * commit (`journaledMove`), ordered by this version against every other write's. `insertFirst`: the clock is most likely
 * new (a first dispatch, a class the case never ran), so an opening tries the insert before the update.
 */
export interface SubjectVersion {
  subjectVersion: number;
  insertFirst?: boolean;
}

/**
 * Starts a clock on a subject, in the transaction that causes it (a clock of the same subject and rule starts afresh),
 * stamped with the version that transaction leaves the subject at, when it has one (`journaledMove`).
 */
export const openDeadline = async (tx: Tx, subject: Subject, plan: DeadlinePlan, now: Date, subjectVersion?: number): Promise<void> => {
  const doc = { ...clockOf(subject, plan, now), ...versioned(subjectVersion) };
  await tx.collection(DEADLINES).doc(doc._id).set({ data: withoutId(doc) });
};

/** The version a clock is stamped with, when its write gives one (`journaledMove`). */
const versioned = (subjectVersion?: number) => (subjectVersion === undefined ? {} : { subjectVersion });

/**
 * Issue 16: `openDeadline` with the write that causes it, landing after its commit (`journaledMove`); an operation in
 * its transaction where that is no command's.
 */
export const openDeadlineAfter = async (tx: Tx, subject: Subject, plan: DeadlinePlan, now: Date, at: SubjectVersion): Promise<void> => {
  const doc = { ...clockOf(subject, plan, now), subjectVersion: at.subjectVersion };
  if (!journaledMove(tx, 'open', doc, at)) await openDeadline(tx, subject, plan, now, at.subjectVersion);
};

/**
 * Issue 16: starts the clock of a subject born in this same transaction (a complaint's callback task, C7: its id is
 * the complaint's, and a complaint is resolved once; a complaint filed, a group raised, C3 C4: their ids derive from
 * the command), so no clock of its id is stored yet. In a journaled transaction (a command's, a group's settlement) the
 * clock travels in the journal with the subject's events and notices, inserted once after the commit or by the timer's
 * journal step, which runs before the deadlines are swept: one operation fewer in the transaction. The subject may
 * meet it before that insert: the timer then finds it met before it would warn, and marks the clock met
 * (`SubjectSays`); a later write's change of it that found it not yet stored changes nothing, and the subject's verdict
 * covers that too (a case runs another clock by then: `caseMeets`). Outside a journal it is an operation, as
 * `openDeadline`'s.
 */
export const openNewSubjectClock = async (tx: Tx, subject: Subject, plan: DeadlinePlan, now: Date): Promise<void> => {
  const doc = clockOf(subject, plan, now);
  const journal = journalOf(tx);
  if (journal) journal.create('deadlines', doc);
  else await tx.collection(DEADLINES).doc(doc._id).set({ data: withoutId(doc) });
};

/** A clock read in a transaction; null when none is stored (a subject planned before clocks existed, a journaled clock not yet inserted). */
const readInTx = async (tx: Tx, id: string): Promise<DeadlineDoc | null> => {
  const raw = await rawIfThere(tx.collection(DEADLINES).doc(id));
  return raw === null ? null : parseStored(deadlineModel, raw);
};

/**
 * Moves one clock by its machine. A subject with no such clock (one planned before clocks existed,
 * or never started) or a clock the machine will not move (already met, paused by its property's
 * closing) is left as it is: the subject's own step decides, its clock follows when it can.
 * Answers whether the clock moved.
 */
const move = async (tx: Tx, id: string, action: DeadlineAction, now: Date, change: Change = {}): Promise<boolean> => {
  const clock = await readInTx(tx, id);
  return clock ? moveClock(tx, clock, action, now, change) : false;
};

type Change = Partial<Pick<DeadlineDoc, 'dueAt' | 'warnAt' | 'nextCheckAt' | 'pausedBy' | 'subjectVersion'>>;

/** Moves a clock read (or made) in this transaction by its machine, and writes it; false when the machine will not. */
const moveClock = async (tx: Tx, clock: DeadlineDoc, action: DeadlineAction, now: Date, change: Change = {}): Promise<boolean> => {
  const moved = transition(deadlineMachine, clock, { action, ...BY_SYSTEM, now });
  if (!moved.ok) return false;
  const pausedBy: PausedBy | null = moved.status === 'paused' ? (change.pausedBy ?? 'order') : null;
  const next = deadlineModel.toStored({ ...clock, ...change, status: moved.status, version: moved.version, pausedBy });
  await tx.collection(DEADLINES).doc(clock._id).set({ data: withoutId(next) });
  return true;
};

/**
 * What a subject's change of its clock writes besides its status (`changeOf`). No write pauses one: a work order that
 * stops (R9 R11: a blocker, a send-back) records it, and the timer reads that before it warns (`orderSays`: held).
 */
type ClockAction = 'cancel' | 'reopen';

/**
 * What each change writes: cancel, nothing more (the subject no longer needs the clock: the order went back to the desk
 * or to next month, the visit was cancelled); reopen (R9: the order runs again), due by `plan` when the order's time was
 * recomputed (the paused time kept out) and checked at once, else keeping its due time.
 */
const changeOf = (now: Date, plan?: DeadlinePlan): Change =>
  plan ? { dueAt: plan.dueAt.toISOString(), warnAt: plan.warnAt.toISOString(), nextCheckAt: now.toISOString() } : {};

/** A subject's change of its clock (`changeOf`), in the transaction of the write that causes it, stamped with the version it leaves the subject at when it has one. */
export const moveDeadline = (tx: Tx, subjectId: string, rule: string, action: ClockAction, now: Date, plan?: DeadlinePlan, subjectVersion?: number) =>
  move(tx, idOf(subjectId, rule), action, now, { ...changeOf(now, plan), ...versioned(subjectVersion) });

/** The subject no longer needs the clock (`changeOf`). */
export const cancelDeadline = (tx: Tx, subjectId: string, rule: string, now: Date, subjectVersion?: number) => move(tx, idOf(subjectId, rule), 'cancel', now, versioned(subjectVersion));

/** Issue 16: `moveDeadline` with the write that causes it, landing after its commit (`journaledMove`); an operation in its transaction where that is no command's. */
export const moveDeadlineAfter = async (tx: Tx, subjectId: string, rule: string, action: ClockAction, now: Date, at: SubjectVersion, plan?: DeadlinePlan): Promise<void> => {
  if (!journaledMove(tx, action, { _id: idOf(subjectId, rule), ...changeOf(now, plan) }, at)) await moveDeadline(tx, subjectId, rule, action, now, plan, at.subjectVersion);
};

/**
 * Issue 16: `moveDeadlineAfter` for a write that always runs in its command's transaction (`applyOnce` journals every
 * one), with no operation to fall back on: the fallback's code is half a kilobyte of a bundle at its ceiling
 * (complaints). Outside a command's transaction it throws rather than drop the change.
 */
export const moveJournaledDeadline = (tx: Tx, subjectId: string, rule: string, action: ClockAction, now: Date, at: SubjectVersion): void => {
  if (!journaledMove(tx, action, { _id: idOf(subjectId, rule), ...changeOf(now) }, at)) throw new Error(`clock ${rule} of ${subjectId}: a journaled change outside a command's transaction`);
};

/**
 * Issue 16: a clock's change that its subject's write makes travels in the write's command record (`JournalTx.move`)
 * instead of being two operations of its transaction (the clock's read, then its write), and lands after the commit:
 * applied by the call beside its journal's insert, and again by the timer's journal step (before it sweeps the clocks),
 * should the call have died. It lands only where the machine allows it (the statuses its action moves from, or the
 * one it leads to, so applying it twice is applying it once; an opening starts afresh from any) on a clock its
 * property's closing did not pause, and only where no write of a newer version of the subject moved the clock first
 * (`subjectVersion`): in whatever order the changes of several writes land, the clock ends as the newest said. Until
 * it lands, the sweep asks the subject itself before it warns (`SubjectSays`). Answers false outside a command's transaction, where the change is an operation as before.
 */
const journaledMove = (tx: Tx, action: ClockMoveAction, doc: { _id: string } & Partial<DeadlineDoc>, at: SubjectVersion): boolean => {
  const journal = journalOf(tx);
  if (!journal) return false;
  journal.move('deadlines', doc, { action, subjectVersion: at.subjectVersion, ...(at.insertFirst ? { insertFirst: true } : {}) });
  journal.beside(applyJournaledMoves);
  return true;
};

/** The statuses a change may land on (`journaledMove`): those its action moves from, and the one it leads to; an opening, any. */
const landsOn = (action: ClockMoveAction): DeadlineStatus[] => {
  const { from, to } = deadlineMachine.transitions[action];
  return action === 'open' ? [...deadlineMachine.states] : [...new Set([...from, ...(to ? [to] : [])])];
};

/**
 * Applies one journaled change of a clock (`journaledMove`): one guarded update (`where(...).update()`, which answers how
 * many it changed: https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/collection/Collection.update.md);
 * an opening that changed none inserts the clock, and should another call have inserted it meanwhile, tries the
 * guarded update once more (an opening marked `insertFirst` is applied so only once its batch insert failed:
 * `applyClockMoves`). A document lacking `subjectVersion` (one stored before it,
 * or opened with no version) matches `null`, which matches a missing field too
 * (https://www.mongodb.com/docs/manual/tutorial/query-for-null-fields/; the local engine's mingo does the same).
 */
const applyMove = async (db: Database, entry: JournalEntry): Promise<void> => {
  const move = entry.move!;
  // A clock's entries carry a clock's action (`journaledMove`).
  const action = move.action as ClockMoveAction;
  const _ = db.command;
  const { _id, ...fields } = entry.doc;
  // A change cancels or reopens (no write pauses a clock: the timer does, `SubjectSays`), so it clears `pausedBy`.
  const changed = { status: deadlineMachine.transitions[action].to, pausedBy: null, version: _.inc(1) };
  const data = { ...fields, subjectVersion: move.subjectVersion, ...(action === 'open' ? {} : changed) };
  const guarded = async () => {
    const res = await db
      .collection(DEADLINES)
      .where({ _id, subjectVersion: _.eq(null).or(_.lt(move.subjectVersion)), status: _.in(landsOn(action)), pausedBy: _.neq('property') })
      .update({ data });
    return (res.stats.updated ?? 0) > 0;
  };
  if (action !== 'open') {
    await guarded();
    return;
  }
  // An opening most likely new was tried as an insert first (`applyClockMoves`).
  if (!(await guarded()) && !(await addOnce(db, DEADLINES, bornOf(entry)))) await guarded();
};

/** The clock an opening makes where none is stored (`applyMove`). */
const bornOf = (entry: JournalEntry): DeadlineDoc => {
  const { _id, ...fields } = entry.doc;
  return { _id, ...fields, subjectVersion: entry.move!.subjectVersion } as DeadlineDoc;
};

/** A journal's changes of clocks, together: what the call runs beside its journal's insert (`JournalTx.beside`), which never rejects. */
const applyJournaledMoves = async (deps: Deps, journal: readonly JournalEntry[]): Promise<void> => {
  try {
    await applyClockMoves(deps.db, journal);
  } catch (e) {
    console.warn('clock changes not applied after the commit; the timer will', e);
  }
};

/**
 * Applies the clock changes of journals (`journaledMove`): the call's, and the timer's journal step's (journal-step.ts).
 * The clocks side by side; one clock's changes one after another, oldest first, so that several records' changes of
 * it, met in one run, end as the newest said.
 */
export const applyClockMoves = async (db: Database, journal: readonly JournalEntry[]): Promise<void> => {
  const byClock = new Map<string, JournalEntry[]>();
  for (const e of journal) if (e.move && e.collection === 'deadlines') byClock.set(e.doc._id, [...(byClock.get(e.doc._id) ?? []), e]);
  const clocks = [...byClock.values()].map((moves) => moves.sort((a, b) => a.move!.subjectVersion - b.move!.subjectVersion));
  // Issue 16: the openings of clocks most likely new (`insertFirst`: a first dispatch's two) are inserted first, in one
  // batch insert; when it fails (one was stored), each is applied as any opening (one the batch stored is found, and left).
  const fresh = clocks.flatMap(([first]) => (first!.move!.action === 'open' && first!.move!.insertFirst ? [first!] : []));
  const batched =
    fresh.length > 0 &&
    (await db
      .collection(DEADLINES)
      .add({ data: fresh.map(bornOf) })
      .then(
        () => true,
        () => false,
      ));
  await Promise.all(
    clocks.map(async (moves) => {
      for (const e of moves) if (!(batched && fresh.includes(e))) await applyMove(db, e);
    }),
  );
};

/** The clocks still running or paused on a subject (R4: what a leaving technician's order held). */
export const liveDeadlinesOf = async (db: Database, propertyId: string, subjectId: string): Promise<DeadlineDoc[]> => {
  const res = await db.collection(DEADLINES).where({ propertyId, 'subject.id': subjectId, status: db.command.in(['open', 'paused']) }).limit(20).get();
  return parseAll(deadlineModel, res.data);
};

/** How many of the closed properties' open clocks one timer run pauses. */
const PAUSE_BATCH = 100;

/**
 * Issue 14: the closed properties' clocks stop, a batch a run, each paused by its property (so
 * nothing reopens it) in a transaction of its own. The request that closes a property only marks it
 * read-only, however many clocks it has; this step finishes the closing over the next runs. A paused
 * clock leaves the query, so a run cut short or run twice picks up where the last one stopped.
 */
const pauseClosedProperties = async (sweep: Sweep, closed: readonly string[], now: Date): Promise<void> => {
  if (!closed.length) return;
  const { db } = sweep.deps;
  const res = await db.collection(DEADLINES).where({ propertyId: db.command.in([...closed]), status: 'open' }).limit(PAUSE_BATCH).get();
  for (const clock of await sweep.parse(deadlineModel, res.data)) {
    await sweep.unit(`deadline ${clock._id}`, () => db.runTransaction((tx) => move(tx, clock._id, 'pause', now, { pausedBy: 'property' })));
  }
};

/** A deadline whose ladder is exhausted stays open (it is still overdue) and is not checked again, unless its subject can meet it (below). */
const NEVER = new Date('9999-01-01T00:00:00.000Z');

/**
 * Issue 16: a clock whose ladder is exhausted but whose subject meets it (`SubjectSays`) is looked at once a day,
 * so it is marked met once its subject has done the work, as the write itself marked it before.
 */
const IDLE_CHECK_MS = 24 * 60 * 60 * 1000;

export interface SweepReport {
  warned: number;
  escalated: number;
}

type Step = ReturnType<typeof nextDeadlineStep>;

/**
 * Issue 16: what a clock's subject, read in the sweep's transaction, says of the clock (`ClockVerdict`); by the
 * subject's kind. A subject that records what its clock times (a work order's acknowledgement and sign-off, R4 R9; a
 * complaint's or a group's `dueMetAt`, C4; a callback task done, B1) is not written by its own writes' clocks:
 * this read, in the transaction that would warn, decides, and a write committing after it comes after the warning
 * in every order the two could have run in, as when the write met the clock. A work order also says when it holds or
 * dropped its clock, which the write that did so tells the clock only after its commit (`journaledMove`).
 */
export type SubjectSays = (tx: Tx, subjectId: string, rule: string) => Promise<ClockVerdict>;

const orderMet: SubjectSays = async (tx, id, rule) => {
  if (!metByOrder(rule)) return 'runs';
  const order = await findRepairInTx(tx, id);
  return order === null ? 'runs' : orderSays(rule, order);
};

const complaintMet: SubjectSays = async (tx, id, rule) => caseSays(rule, await findComplaintInTx(tx, id));

const callbackMet: SubjectSays = async (tx, id) => {
  const task = await findCallbackInTx(tx, id);
  return task === null ? 'runs' : callbackSays(task);
};

/** How the sweep moves a clock its subject says is not running. */
const VERDICT_MOVES = { met: 'meet', held: 'pause', dropped: 'cancel' } as const;

/** The subjects `_shared` reads itself; an area's own (a complaint group) is handed to the sweep by the timer. */
const SUBJECTS: Readonly<Record<string, SubjectSays>> = { repair: orderMet, complaint: complaintMet, callback: callbackMet };

/**
 * Claims one deadline's next step with the step it read, and queues its notice, in one transaction; a clock its subject
 * says is met, held or dropped is marked met, paused or cancelled instead (`VERDICT_MOVES`).
 */
const advance = async (tx: Tx, deadline: DeadlineDoc, step: Step, nextStep: number, now: Date, meets?: SubjectSays): Promise<OutboxDoc | null> => {
  const current = await readInTx(tx, deadline._id);
  if (current?.step !== deadline.step || current.status !== 'open') return null;
  const verdict = meets ? await meets(tx, current.subject.id, current.rule) : 'runs';
  if (verdict !== 'runs') {
    await moveClock(tx, current, VERDICT_MOVES[verdict], now, { pausedBy: 'order' });
    return null;
  }
  await tx.collection(DEADLINES).doc(deadline._id).update({
    data: { step: nextStep, nextCheckAt: (step.nextCheckAt ?? (meets ? new Date(now.getTime() + IDLE_CHECK_MS) : NEVER)).toISOString() },
  });
  if (step.kind === 'none') return null;
  const to = step.kind === 'warn' ? (deadline.ladder[0] ?? 'desk') : step.to;
  await appendEvent(
    tx,
    { ...deadline.subject, propertyId: deadline.propertyId },
    {
      machine: 'deadline',
      action: step.kind,
      from: null,
      to,
      actor: 'system:reminders',
      role: 'system',
      reason: deadline.rule,
      at: now.toISOString(),
      deviceAt: null,
      expectedVersion: 0,
      version: Math.max(1, nextStep),
    },
    `sweep:${deadline._id}`,
    `${deadline._id}#${nextStep}`,
  );
  const kind = step.kind === 'warn' ? 'deadline.warn' : 'deadline.breach';
  const rule = messages.deadlineRules[deadline.rule as keyof typeof messages.deadlineRules] ?? deadline.rule;
  return enqueueNotice(
    tx,
    `${deadline._id}#${nextStep}`,
    {
      propertyId: deadline.propertyId,
      kind,
      channel: 'inbox',
      recipient: audienceOfRole(to),
      subject: deadline.subject,
      title: messages.notices[kind],
      body: `${rule}，截止 ${deadlineStamp(new Date(deadline.dueAt))}`,
      urgent: step.kind === 'escalate',
    },
    now,
  );
};

/**
 * Raises the warning or the next escalation of every open deadline whose check time has come, and
 * logs the step on the subject's history (C4: each step is logged).
 * Each step is claimed with the step it read, so a second run (or a concurrent one) does nothing twice;
 * the notice and the step advance commit together. Each deadline is a unit of its own (issue 12, 3.8).
 * Issue 14: first a batch of the closed properties' clocks is paused; a due clock of a closed property
 * not yet reached is paused instead of warned, so it never stands first in line ahead of the others.
 */
export const sweepDeadlines = async (sweep: Sweep, limit = 100, areaSubjects: Readonly<Record<string, SubjectSays>> = {}): Promise<SweepReport> => {
  const subjects = new Map(Object.entries({ ...SUBJECTS, ...areaSubjects }));
  const { db } = sweep.deps;
  const now = sweep.deps.now();
  const closed = new Set((await sweep.properties()).closed);
  await pauseClosedProperties(sweep, [...closed], now);
  const res = await db
    .collection(DEADLINES)
    .where({ status: 'open', nextCheckAt: db.command.lte(now.toISOString()) })
    .orderBy('nextCheckAt', 'asc')
    .limit(limit)
    .get();
  const report: SweepReport = { warned: 0, escalated: 0 };
  const notices: OutboxDoc[] = [];
  const due = await sweep.parse(deadlineModel, res.data);
  for (const deadline of due) {
    if (closed.has(deadline.propertyId)) {
      await sweep.unit(`deadline ${deadline._id}`, () => db.runTransaction((tx) => move(tx, deadline._id, 'pause', now, { pausedBy: 'property' })));
      continue;
    }
    const step = nextDeadlineStep(deadline, now);
    const nextStep = step.kind === 'warn' ? 1 : step.kind === 'escalate' ? Math.max(2, deadline.step + 1) : deadline.step;
    const notice = await sweep.unit(`deadline ${deadline._id}`, () => db.runTransaction((tx) => advance(tx, deadline, step, nextStep, now, subjects.get(deadline.subject.kind))));
    if (!notice) continue;
    notices.push(notice);
    if (step.kind === 'warn') report.warned++;
    else report.escalated++;
  }
  await sendNow(sweep.deps, notices);
  return report;
};
