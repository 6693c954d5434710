import type { Priority, RepairDoc } from '../model/repair.model';
import type { SettingsDoc } from '../model/settings.model';
import type { Role } from '../model/member.model';
import { addMinutes } from '../time/shanghai';

export interface DeadlinePlan {
  rule: string;
  dueAt: Date;
  warnAt: Date;
  ladder: Role[];
  escalateEveryMinutes: number;
}

/** A warning goes out once `share` of the allowed time has passed. */
export const warnBefore = (start: Date, due: Date, share: number): Date =>
  new Date(start.getTime() + Math.floor((due.getTime() - start.getTime()) * share));

/**
 * R4: a dispatched work order must be acknowledged by the technician in time, per property
 * settings; past it the desk and the supervisor are both alerted.
 */
export const acknowledgeDeadline = (priority: Priority, settings: SettingsDoc, dispatchedAt: Date): DeadlinePlan => {
  const dueAt = addMinutes(dispatchedAt, settings.ackMinutes[priority]);
  return {
    rule: 'R4.ack',
    dueAt,
    warnAt: warnBefore(dispatchedAt, dueAt, settings.warnAtShare),
    ladder: ['desk', 'supervisor'],
    escalateEveryMinutes: 0,
  };
};

export type DeadlineStep =
  | { kind: 'none'; nextCheckAt: Date | null }
  | { kind: 'warn'; nextCheckAt: Date }
  | { kind: 'escalate'; to: Role; nextCheckAt: Date | null };

/** What the reminders sweep should do with an open deadline at `now`, given the step it reached. */
export const nextDeadlineStep = (
  d: { dueAt: string; warnAt: string; step: number; ladder: readonly Role[]; escalateEveryMinutes: number },
  now: Date,
): DeadlineStep => {
  const due = new Date(d.dueAt);
  const warn = new Date(d.warnAt);
  if (d.step === 0 && now < warn) return { kind: 'none', nextCheckAt: warn };
  if (d.step === 0 && now < due) return { kind: 'warn', nextCheckAt: due };
  if (d.step <= 1 && now < due) return { kind: 'none', nextCheckAt: due };
  const rung = Math.max(0, d.step - 1);
  const to = d.ladder[rung];
  const escalateAt = addMinutes(due, rung * d.escalateEveryMinutes);
  if (!to) return { kind: 'none', nextCheckAt: null };
  if (now < escalateAt) return { kind: 'none', nextCheckAt: escalateAt };
  const following = d.ladder[rung + 1] ? addMinutes(due, (rung + 1) * d.escalateEveryMinutes) : null;
  return { kind: 'escalate', to, nextCheckAt: following };
};

/** R9: the order is due back 3 days after its first dispatch; an overdue order goes to the supervisor. */
export const returnDeadline = (dispatchedAt: Date, dueAt: Date, settings: SettingsDoc): DeadlinePlan => ({
  rule: 'R9.return',
  dueAt,
  warnAt: warnBefore(dispatchedAt, dueAt, settings.warnAtShare),
  ladder: ['supervisor', 'manager'],
  escalateEveryMinutes: 24 * 60,
});

/**
 * B1 R10 C7: a callback task is due when its rule says (2 days after a complaint is handled, the end
 * of the week for the repair quota); it warns whoever makes the call, and an overdue one goes to the
 * supervisor an hour later.
 */
export const callbackDeadline = (createdAt: Date, dueAt: Date, caller: 'desk' | 'manager', settings: SettingsDoc): DeadlinePlan => ({
  rule: 'B1.callback',
  dueAt,
  warnAt: warnBefore(createdAt, dueAt, settings.warnAtShare),
  ladder: caller === 'manager' ? ['manager', 'supervisor'] : ['desk', 'supervisor'],
  escalateEveryMinutes: 60,
});

/**
 * R4 R9: the clocks a work order meets by itself, read off the order: acknowledged (R4.ack: every opening of that
 * clock, a dispatch or a reschedule, clears the acknowledgement in the same transaction) or signed off (R9.return:
 * signed is the order's last state). It moves its other clocks when it moves.
 */
const ORDER_MEETS: ReadonlyMap<string, (order: Pick<RepairDoc, 'acknowledgedAt' | 'signOff'>) => boolean> = new Map([
  ['R4.ack', (order) => order.acknowledgedAt !== null],
  ['R9.return', (order) => order.signOff !== null],
]);

/** Whether a clock of this rule is met by its work order itself (`orderMeets`). */
export const metByOrder = (rule: string): boolean => ORDER_MEETS.has(rule);

/** R4 R9: whether the work order has met its clock of this rule; false for a rule it does not meet by itself. */
export const orderMeets = (rule: string, order: Pick<RepairDoc, 'acknowledgedAt' | 'signOff'>): boolean => ORDER_MEETS.get(rule)?.(order) ?? false;

/**
 * C4: a complaint (or a group) runs one clock at a time, the one its `dueRule` names, and records on itself when
 * that clock was met (`dueMetAt`): its clock of `rule` is met once the case says so, or once it runs another (a
 * classification replaced the same-day clock by the class's). A case naming no clock (made before cases named
 * theirs) leaves it to the clock.
 */
export const caseMeets = (rule: string, c: { dueRule: string | null; dueMetAt: string | null }): boolean => c.dueRule !== null && (c.dueRule !== rule || c.dueMetAt !== null);

/** B1: a callback task's clock is met once the task is done (recorded). */
export const callbackMeets = (task: { status: string }): boolean => task.status === 'done';

/**
 * What a clock's subject, read by the timer before it warns, says of it (issue 16): `met` by the subject itself;
 * `held` still (R9: a blocker or a send-back); `dropped` (no longer the subject's: the order went back to the desk or
 * to next month, the task was cancelled); or it `runs`. No write pauses a clock, nor cancels one its subject dropped:
 * the timer does, from this verdict.
 */
export type ClockVerdict = 'met' | 'held' | 'dropped' | 'runs';

/** C4: what a case (a complaint or a group; null: not found) says of its clock of `rule`: met (`caseMeets`), else it runs. */
export const caseSays = (rule: string, c: { dueRule: string | null; dueMetAt: string | null } | null): ClockVerdict => (c !== null && caseMeets(rule, c) ? 'met' : 'runs');

/**
 * R4 R9 R11: what a work order says of its clock of `rule`: met (`orderMeets`); dropped once it has no technician
 * (R4.ack) or was never dispatched since it went back (R9.return: an unassignment or an approved send-back); held while
 * a blocker stands or a send-back waits for the supervisor (R9.return); else it runs.
 */
export const orderSays = (
  rule: string,
  order: Pick<RepairDoc, 'acknowledgedAt' | 'signOff' | 'blocker' | 'status' | 'technician' | 'dispatchedAt'>,
): ClockVerdict => {
  if (!metByOrder(rule)) return 'runs';
  if (orderMeets(rule, order)) return 'met';
  if (rule === 'R4.ack' ? order.technician === null : order.dispatchedAt === null) return 'dropped';
  return rule === 'R9.return' && (order.blocker !== null || order.status === 'sent_back') ? 'held' : 'runs';
};

/** B1 V4: what a callback task says of its clock: met once done; dropped once cancelled (a home visit cancelled with its booking); else it runs. */
export const callbackSays = (task: { status: string }): ClockVerdict => (callbackMeets(task) ? 'met' : task.status === 'cancelled' ? 'dropped' : 'runs');
