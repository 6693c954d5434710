import { deadlineModel, type DeadlineDoc, type PausedBy } from '@shared/model/deadline.model';
import type { DeadlinePlan } from '@shared/domain/deadline.rules';
import { callbackMeets, caseMeets, metByOrder, nextDeadlineStep, orderMeets } from '@shared/domain/deadline.rules';
import { deadlineMachine, type DeadlineAction } from '@shared/domain/deadline.machine';
import { birth, transition } from '@shared/domain/state-machine';
import { audienceOfRole } from '@shared/model/signal.model';
import * as messages from '@shared/messages/words';
import { deadlineStamp } from '@shared/time/deadline-clock';
import type { Database, Tx } from './database';
import { derivedId } from './ids';
import { parseAll, parseStored, rawIfThere, withoutId } from './repo';
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

/** Starts a clock on a subject, in the transaction that causes it (a clock of the same subject and rule starts afresh). */
export const openDeadline = async (tx: Tx, subject: Subject, plan: DeadlinePlan, now: Date): Promise<void> => {
  const doc = clockOf(subject, plan, now);
  await tx.collection(DEADLINES).doc(doc._id).set({ data: withoutId(doc) });
};

/**
 * Issue 16: starts the clock of a callback task born in this same transaction (a complaint's callback,
 * C7: its id is the complaint's, and a complaint is resolved once), so no clock of its id is stored
 * yet. In a journaled transaction (a command's, a group's settlement) the clock travels in the journal
 * with the task's events and notices, inserted once after the commit or by the timer's journal step,
 * which runs before the deadlines are swept: one operation fewer per task in the transaction. The task
 * may be recorded before that insert: the timer then finds the task done before it would warn, and marks
 * the clock met (`SubjectMeets`). Outside a journal it is an operation, as `openDeadline`'s.
 */
export const openCallbackClock = async (tx: Tx, subject: Subject, plan: DeadlinePlan, now: Date): Promise<void> => {
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

type Change = Partial<Pick<DeadlineDoc, 'dueAt' | 'warnAt' | 'nextCheckAt' | 'pausedBy'>>;

/** Moves a clock read (or made) in this transaction by its machine, and writes it; false when the machine will not. */
const moveClock = async (tx: Tx, clock: DeadlineDoc, action: DeadlineAction, now: Date, change: Change = {}): Promise<boolean> => {
  const moved = transition(deadlineMachine, clock, { action, ...BY_SYSTEM, now });
  if (!moved.ok) return false;
  const pausedBy: PausedBy | null = moved.status === 'paused' ? (change.pausedBy ?? 'order') : null;
  const next = deadlineModel.toStored({ ...clock, ...change, status: moved.status, version: moved.version, pausedBy });
  await tx.collection(DEADLINES).doc(clock._id).set({ data: withoutId(next) });
  return true;
};

/** The subject no longer needs the clock (the order went back to the desk or to next month, the visit was cancelled). */
export const cancelDeadline = (tx: Tx, subjectId: string, rule: string, now: Date) => move(tx, idOf(subjectId, rule), 'cancel', now);

/** R9 R11: the work order stopped (a blocker, a send-back): the clock stands still until it is reopened. */
export const pauseDeadline = (tx: Tx, subjectId: string, rule: string, now: Date) => move(tx, idOf(subjectId, rule), 'pause', now, { pausedBy: 'order' });

/**
 * R9: the clock runs again, due by `plan` when the order's time was recomputed (the paused time kept
 * out), checked at once; without a plan it keeps its due time.
 */
export const reopenDeadline = (tx: Tx, subjectId: string, rule: string, now: Date, plan?: DeadlinePlan) =>
  move(tx, idOf(subjectId, rule), 'reopen', now, plan ? { dueAt: plan.dueAt.toISOString(), warnAt: plan.warnAt.toISOString(), nextCheckAt: now.toISOString() } : {});

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
 * Issue 16: a clock whose ladder is exhausted but whose subject meets it (`SubjectMeets`) is looked at once a day,
 * so it is marked met once its subject has done the work, as the write itself marked it before.
 */
const IDLE_CHECK_MS = 24 * 60 * 60 * 1000;

export interface SweepReport {
  warned: number;
  escalated: number;
}

type Step = ReturnType<typeof nextDeadlineStep>;

/**
 * Issue 16: whether a clock's subject, read in the sweep's transaction, has met the clock itself; by the subject's
 * kind. A subject that records what its clock times (a work order's acknowledgement and sign-off, R4 R9; a
 * complaint's or a group's `dueMetAt`, C4; a callback task done, B1) is not written by its own writes' clocks:
 * this read, in the transaction that would warn, decides, and a write committing after it comes after the warning
 * in every order the two could have run in, as when the write met the clock.
 */
export type SubjectMeets = (tx: Tx, subjectId: string, rule: string) => Promise<boolean>;

const orderMet: SubjectMeets = async (tx, id, rule) => {
  if (!metByOrder(rule)) return false;
  const order = await findRepairInTx(tx, id);
  return order !== null && orderMeets(rule, order);
};

const complaintMet: SubjectMeets = async (tx, id, rule) => {
  const found = await findComplaintInTx(tx, id);
  return found !== null && caseMeets(rule, found);
};

const callbackMet: SubjectMeets = async (tx, id) => {
  const task = await findCallbackInTx(tx, id);
  return task !== null && callbackMeets(task);
};

/** The subjects `_shared` reads itself; an area's own (a complaint group) is handed to the sweep by the timer. */
const SUBJECTS: Readonly<Record<string, SubjectMeets>> = { repair: orderMet, complaint: complaintMet, callback: callbackMet };

/** Claims one deadline's next step with the step it read, and queues its notice, in one transaction; a clock its subject has met is marked met instead. */
const advance = async (tx: Tx, deadline: DeadlineDoc, step: Step, nextStep: number, now: Date, meets?: SubjectMeets): Promise<OutboxDoc | null> => {
  const current = await readInTx(tx, deadline._id);
  if (current?.step !== deadline.step || current.status !== 'open') return null;
  if (meets && (await meets(tx, current.subject.id, current.rule))) {
    await moveClock(tx, current, 'meet', now);
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
export const sweepDeadlines = async (sweep: Sweep, limit = 100, areaSubjects: Readonly<Record<string, SubjectMeets>> = {}): Promise<SweepReport> => {
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
