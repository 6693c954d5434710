import { deadlineModel, type DeadlineDoc } from '@shared/model/deadline.model';
import type { DeadlinePlan } from '@shared/domain/deadline.rules';
import { nextDeadlineStep } from '@shared/domain/deadline.rules';
import { audienceOfRole } from '@shared/model/signal.model';
import { messages } from '@shared/messages';
import { inShanghai } from '@shared/time/shanghai';
import type { Tx } from './database';
import { derivedId } from './ids';
import { parseStored, withoutId } from './repo';
import type { Sweep } from './sweep';
import { enqueueNotice, sendNow } from './outbox';
import { appendEvent } from './events';
import type { OutboxDoc } from '@shared/model/outbox.model';

/** Starts a clock on a subject, in the transaction that causes it. */
export const openDeadline = async (
  tx: Tx,
  subject: { kind: string; id: string; propertyId: string },
  plan: DeadlinePlan,
  now: Date,
): Promise<void> => {
  const doc = deadlineModel.toStored({
    _id: derivedId('dl', subject.id, plan.rule),
    propertyId: subject.propertyId,
    subject: { kind: subject.kind, id: subject.id },
    rule: plan.rule,
    dueAt: plan.dueAt.toISOString(),
    warnAt: plan.warnAt.toISOString(),
    status: 'open',
    step: 0,
    ladder: plan.ladder,
    escalateEveryMinutes: plan.escalateEveryMinutes,
    nextCheckAt: plan.warnAt.toISOString(),
    createdAt: now.toISOString(),
  });
  await tx.collection('deadlines').doc(doc._id).set({ data: withoutId(doc) });
};

/** A deadline whose ladder is exhausted stays open (it is still overdue) but is not checked again. */
const NEVER = new Date('9999-01-01T00:00:00.000Z');

export interface SweepReport {
  warned: number;
  escalated: number;
}

type Step = ReturnType<typeof nextDeadlineStep>;

/** Claims one deadline's next step with the step it read, and queues its notice, in one transaction. */
const advance = async (tx: Tx, deadline: DeadlineDoc, step: Step, nextStep: number, now: Date): Promise<OutboxDoc | null> => {
  const current = parseStored(deadlineModel, (await tx.collection('deadlines').doc(deadline._id).get()).data);
  if (current.step !== deadline.step || current.status !== 'open') return null;
  await tx.collection('deadlines').doc(deadline._id).update({
    data: { step: nextStep, nextCheckAt: (step.nextCheckAt ?? NEVER).toISOString() },
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
      body: `${rule}，截止 ${inShanghai(deadline.dueAt).format('MM-DD HH:mm')}`,
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
 */
export const sweepDeadlines = async (sweep: Sweep, limit = 100): Promise<SweepReport> => {
  const { db } = sweep.deps;
  const now = sweep.deps.now();
  const res = await db
    .collection('deadlines')
    .where({ status: 'open', nextCheckAt: db.command.lte(now.toISOString()) })
    .orderBy('nextCheckAt', 'asc')
    .limit(limit)
    .get();
  const report: SweepReport = { warned: 0, escalated: 0 };
  const notices: OutboxDoc[] = [];
  for (const deadline of await sweep.parse(deadlineModel, res.data)) {
    const step = nextDeadlineStep(deadline, now);
    const nextStep = step.kind === 'warn' ? 1 : step.kind === 'escalate' ? Math.max(2, deadline.step + 1) : deadline.step;
    const notice = await sweep.unit(`deadline ${deadline._id}`, () => db.runTransaction((tx) => advance(tx, deadline, step, nextStep, now)));
    if (!notice) continue;
    notices.push(notice);
    if (step.kind === 'warn') report.warned++;
    else report.escalated++;
  }
  await sendNow(sweep.deps, notices);
  return report;
};
