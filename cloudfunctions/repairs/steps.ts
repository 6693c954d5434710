import type * as c from '@shared/contracts/repairs.contract';
import { acknowledgeDeadline, returnDeadline } from '@shared/domain/deadline.rules';
import { acceptedTotalFen } from '@shared/domain/quote.rules';
import { clearBlocker, pauseEnded, returnDueAt, type ReturnClock } from '@shared/domain/return.rules';
import { nextMonth } from '@shared/domain/month-close.rules';
import { stepOrderOf, stepRefusal, takeStep, type OnSiteInputs, type OnSiteStep, type StepChange } from '@shared/domain/repair-steps.rules';
import type { RepairDoc } from '@shared/model/repair.model';
import type { SettingsDoc } from '@shared/model/settings.model';
import { audienceOfRole } from '@shared/model/signal.model';
import { ActionFailure } from '../_shared/failures';
import { moveDeadlineAfter, openDeadlineAfter, type SubjectVersion } from '../_shared/deadlines';
import { ownsFile } from '../_shared/storage';
import type { Tx } from '../_shared/database';
import type { ActionContext } from '../_shared/context';
import { orderStep, type StepContext } from './on-order';

const technicianOf = (r: RepairDoc) => (r.technician ? [r.technician.openid] : []);
const subjectOf = (r: RepairDoc) => ({ kind: 'repair', id: r._id, propertyId: r.propertyId });
/**
 * R9: the return clock runs again from `now`, the time it stood paused kept out of it. Issue 16: every clock change
 * here lands after the step's commit, ordered by the version it leaves the order at (`after`, deadlines.ts `journaledMove`).
 */
const reopenReturn = (tx: Tx, r: RepairDoc, clock: ReturnClock, now: Date, settings: SettingsDoc, after: SubjectVersion) =>
  moveDeadlineAfter(tx, r._id, 'R9.return', 'reopen', now, after, returnDeadline(new Date(clock.dispatchedAt), returnDueAt(clock, now), settings));

/** What the on-site step records on the order, by the rule the technician's phone also applies (repair-steps.rules). */
const recorded = <K extends OnSiteStep>(step: K, { input, ctx, repair, at }: StepContext<OnSiteInputs[K]>, fees: SettingsDoc['feeSchedule'] = []): StepChange => {
  const outcome = takeStep(step, input, { at, role: ctx.member.role, order: stepOrderOf(repair), fees });
  if (!outcome.ok) throw new ActionFailure(outcome.code);
  return outcome.change;
};

/** The same rule's checks on the input, the caller's role and the order, before anything is written. */
const refusal = <K extends OnSiteStep>(step: K, input: OnSiteInputs[K], ctx: ActionContext, repair: RepairDoc) =>
  stepRefusal(step, input, ctx.member.role, stepOrderOf(repair));

/** R3: the desk overrides the triage; the reason is kept on the order and in its history. */
export const overridePriority = orderStep<typeof c.overridePriority>({
  action: 'overridePriority',
  reason: (i) => i.reason,
  patch: ({ input, at }) => ({ priority: input.priority, priorityOverride: { reason: input.reason, at } }),
});

/** R4: the technician picks the order up; the acknowledgement clock stops (met by the order: `orderMeets`, deadlines.ts). */
export const acknowledge = orderStep<typeof c.acknowledge>({ action: 'acknowledge', patch: (step) => recorded('acknowledge', step) });

/** R5: at the door. */
export const arrive = orderStep<typeof c.arrive>({ action: 'arrive', patch: (step) => recorded('arrive', step) });

/** R5: nobody home after 3 minutes: the note goes on the order and the desk reschedules with the resident. */
export const noAnswer = orderStep<typeof c.noAnswer>({
  action: 'noAnswer',
  reason: (i) => i.note,
  patch: (step) => recorded('noAnswer', step),
});

/** R5: a new time agreed with the resident; the technician acknowledges again. */
export const reschedule = orderStep<typeof c.reschedule>({
  action: 'reschedule',
  tell: technicianOf,
  patch: async ({ input, tx, repair, ctx, settings, after }) => {
    await openDeadlineAfter(tx, subjectOf(repair), acknowledgeDeadline(repair.priority, settings, ctx.now), ctx.now, after);
    return { preferredTime: input.preferredTime, arrivedAt: null, acknowledgedAt: null };
  },
});

/** R6: priced from the property's fee schedule on the server, whatever the client shows. */
export const quote = orderStep<typeof c.quote>({
  action: 'quote',
  patch: async (step) => recorded('quote', step, step.settings.feeSchedule),
});

/**
 * R6: the resident accepts on their own phone; on the technician's phone only with the resident's
 * handwritten signature, since the server sees only the technician there. Issue 18 (5): a repair
 * nobody reported is the property's cost, which the technician confirms with no signature.
 */
export const accept = orderStep<typeof c.accept>({
  action: 'accept',
  filerOnly: true,
  check: (input, ctx, repair) => {
    const refused = refusal('accept', input, ctx, repair);
    if (refused || ctx.member.role !== 'technician') return refused;
    // Issue 18 (5): a repair nobody reported is the property's cost: no signature to check.
    if (!input.signature) return null;
    return ownsFile(ctx.member, input.signature) ? null : 'REPAIR.FILE_NOT_YOURS';
  },
  tell: technicianOf,
  patch: (step) => recorded('accept', step),
});

/** R6 R7: work done, with photos before and after and the materials used, charged at the accepted quote's total. */
export const complete = orderStep<typeof c.complete>({
  action: 'complete',
  check: (input, ctx, repair) =>
    [...input.beforePhotos, ...input.afterPhotos].every((f) => ownsFile(ctx.member, f)) ? refusal('complete', input, ctx, repair) : 'REPAIR.FILE_NOT_YOURS',
  patch: (step) => {
    if (acceptedTotalFen(step.repair) === null) throw new Error(`repair ${step.repair._id} is in progress without an accepted quote`);
    return recorded('complete', step);
  },
});

/**
 * R7 R8: the resident signs on the technician's screen (for a repair nobody reported, the staff member who checks it,
 * with no stars); the order is back, "completed at" its time, and R9's clock stops (met by the order: `orderMeets`).
 */
export const signOff = orderStep<typeof c.signOff>({
  action: 'signOff',
  check: (input, ctx, repair) => (ownsFile(ctx.member, input.signature) ? refusal('signOff', input, ctx, repair) : 'REPAIR.FILE_NOT_YOURS'),
  patch: (step) => recorded('signOff', step),
});

/**
 * R7: the resident's rating from their own phone within 7 days; it replaces stars given with the
 * sign-off. On the technician's phone a rating counts only inside the sign-off the resident signs.
 */
export const rate = orderStep<typeof c.rate>({
  action: 'rate',
  filerOnly: true,
  check: (input, ctx, repair) => refusal('rate', input, ctx, repair),
  tell: technicianOf,
  patch: (step) => recorded('rate', step),
});

/**
 * R9: a blocker stops the return clock; the desk is told. Issue 16: the order records the blocker, and the timer reads
 * the order before it warns: it pauses the clock then (`orderSays`: held), so the step writes no clock.
 */
export const reportBlocker = orderStep<typeof c.reportBlocker>({
  action: 'reportBlocker',
  reason: (i) => i.reason,
  patch: (step) => recorded('reportBlocker', step),
});

/** R9: the blocker's time is kept out of the return clock, which starts again. */
export const clearBlockerStep = orderStep<typeof c.clearBlocker>({
  action: 'clearBlocker',
  tell: technicianOf,
  patch: async (step) => {
    const { tx, repair, ctx, settings, after } = step;
    if (!repair.dispatchedAt) return recorded('clearBlocker', step);
    const clock = clearBlocker({ dispatchedAt: repair.dispatchedAt, pausedMs: repair.pausedMs, blockedSince: repair.blocker?.since ?? null }, ctx.now);
    await reopenReturn(tx, repair, clock, ctx.now, settings, after);
    return { ...recorded('clearBlocker', step), pausedMs: clock.pausedMs };
  },
});

/** R11: the technician sends the order back; the supervisor decides. R9's clock stands still meanwhile, as for a blocker (`orderSays`: held). */
export const sendBack = orderStep<typeof c.sendBack>({
  action: 'sendBack',
  reason: (i) => i.reason,
  tell: () => [audienceOfRole('supervisor')],
  patch: (step) => recorded('sendBack', step),
});

/** R11: approved with a signed opinion, it rolls into next month's tasks; rejected, it goes back to its technician. */
export const reviewSendBack = orderStep<typeof c.reviewSendBack>({
  action: (input) => (input.approve ? 'approveSendBack' : 'rejectSendBack'),
  reason: (i) => i.opinion,
  check: (input, ctx) => (ownsFile(ctx.member, input.signature) ? null : 'REPAIR.FILE_NOT_YOURS'),
  tell: technicianOf,
  patch: async ({ input, tx, repair, at, settings, after }) => {
    const review = { approved: input.approve, opinion: input.opinion, signature: input.signature, at };
    const sendBack = repair.sendBack ? { ...repair.sendBack, review } : null;
    if (!input.approve) {
      // The order was out of the technician's hands while the supervisor decided: that time does not count against R9.
      const pausedMs = pauseEnded(repair.pausedMs, repair.sendBack?.at ?? null, new Date(at));
      if (repair.dispatchedAt) await reopenReturn(tx, repair, { dispatchedAt: repair.dispatchedAt, pausedMs, blockedSince: null }, new Date(at), settings, after);
      else await moveDeadlineAfter(tx, repair._id, 'R9.return', 'reopen', new Date(at), after);
      return { sendBack, pausedMs };
    }
    // Approved, the order is back at the desk (no technician, never dispatched since): the timer, reading it, cancels
    // both its clocks when it reaches them (`orderSays`: dropped), so the step writes none.
    return { sendBack, countsFor: nextMonth(repair.countsFor), technician: null, dispatchedAt: null, acknowledgedAt: null, arrivedAt: null };
  },
});
