import type * as c from '@shared/contracts/repairs.contract';
import { acknowledgeDeadline, returnDeadline } from '@shared/domain/deadline.rules';
import { acceptedTotalFen, priceQuote } from '@shared/domain/quote.rules';
import { clearBlocker, returnDueAt } from '@shared/domain/return.rules';
import { nextMonth } from '@shared/domain/month-close.rules';
import type { RepairDoc } from '@shared/model/repair.model';
import { audienceOfRole } from '@shared/model/signal.model';
import { ActionFailure } from '../_shared/failures';
import { derivedId } from '../_shared/ids';
import { openDeadline } from '../_shared/deadlines';
import { ownsFile } from '../_shared/storage';
import type { Tx } from '../_shared/database';
import { orderStep } from './on-order';

const technicianOf = (r: RepairDoc) => (r.technician ? [r.technician.openid] : []);
const subjectOf = (r: RepairDoc) => ({ kind: 'repair', id: r._id, propertyId: r.propertyId });
const setDeadline = (tx: Tx, r: RepairDoc, rule: string, data: object) =>
  tx.collection('deadlines').doc(derivedId('dl', r._id, rule)).update({ data });

/** R3: the desk overrides the triage; the reason is kept on the order and in its history. */
export const overridePriority = orderStep<typeof c.overridePriority>({
  action: 'overridePriority',
  reason: (i) => i.reason,
  patch: ({ input, at }) => ({ priority: input.priority, priorityOverride: { reason: input.reason, at } }),
});

/** R4: the technician picks the order up; the acknowledgement clock stops. */
export const acknowledge = orderStep<typeof c.acknowledge>({
  action: 'acknowledge',
  patch: async ({ tx, repair, at }) => {
    await setDeadline(tx, repair, 'R4.ack', { status: 'met' });
    return { acknowledgedAt: at };
  },
});

/** R5: at the door. */
export const arrive = orderStep<typeof c.arrive>({ action: 'arrive', patch: ({ at }) => ({ arrivedAt: at }) });

/** R5: nobody home after 3 minutes: the note goes on the order and the desk reschedules with the resident. */
export const noAnswer = orderStep<typeof c.noAnswer>({
  action: 'noAnswer',
  reason: (i) => i.note,
  patch: ({ input }) => ({ visitNote: input.note }),
});

/** R5: a new time agreed with the resident; the technician acknowledges again. */
export const reschedule = orderStep<typeof c.reschedule>({
  action: 'reschedule',
  tell: technicianOf,
  patch: async ({ input, tx, repair, ctx, settings }) => {
    await openDeadline(tx, subjectOf(repair), acknowledgeDeadline(repair.priority, await settings(), ctx.now), ctx.now);
    return { preferredTime: input.preferredTime, arrivedAt: null, acknowledgedAt: null };
  },
});

/** R6: priced from the property's fee schedule on the server, whatever the client shows. */
export const quote = orderStep<typeof c.quote>({
  action: 'quote',
  patch: async ({ input, settings, at }) => {
    const priced = priceQuote(input.items, (await settings()).feeSchedule);
    if (!priced.ok) throw new ActionFailure('REPAIR.UNKNOWN_FEE_ITEM');
    return { quote: { lines: priced.lines, totalFen: priced.totalFen, at }, acceptance: null };
  },
});

/**
 * R6: the resident accepts on their own phone; on the technician's phone only with the resident's
 * handwritten signature, since the server sees only the technician there.
 */
export const accept = orderStep<typeof c.accept>({
  action: 'accept',
  check: (input, ctx) => {
    if (ctx.member.role !== 'technician') return null;
    if (!input.signature) return 'REPAIR.SIGNATURE_REQUIRED';
    return ownsFile(ctx.member, input.signature) ? null : 'REPAIR.FILE_NOT_YOURS';
  },
  tell: technicianOf,
  patch: ({ input, ctx, at }) => ({
    acceptance:
      ctx.member.role === 'technician'
        ? { via: 'signature_on_site', signature: input.signature ?? null, at }
        : { via: 'resident_phone', signature: null, at },
  }),
});

/** R6 R7: work done, with photos before and after and the materials used, charged at the accepted quote's total. */
export const complete = orderStep<typeof c.complete>({
  action: 'complete',
  check: (input, ctx, repair) => {
    if (![...input.beforePhotos, ...input.afterPhotos].every((f) => ownsFile(ctx.member, f))) return 'REPAIR.FILE_NOT_YOURS';
    const accepted = acceptedTotalFen(repair);
    return input.amountFen !== undefined && accepted !== null && input.amountFen !== accepted ? 'REPAIR.AMOUNT_NOT_QUOTED' : null;
  },
  patch: ({ input, repair, at }) => {
    const amountFen = acceptedTotalFen(repair);
    if (amountFen === null) throw new Error(`repair ${repair._id} is in progress without an accepted quote`);
    const materials = input.materials.map((m) => ({ name: m.name, qty: m.qty }));
    return { completion: { beforePhotos: input.beforePhotos, afterPhotos: input.afterPhotos, materials, amountFen, at } };
  },
});

/** R7 R8: the resident signs on the technician's screen; the order is back, "completed at" its time, and R9's clock stops. */
export const signOff = orderStep<typeof c.signOff>({
  action: 'signOff',
  check: (input, ctx) => (ownsFile(ctx.member, input.signature) ? null : 'REPAIR.FILE_NOT_YOURS'),
  patch: async ({ input, tx, repair, at }) => {
    await setDeadline(tx, repair, 'R9.return', { status: 'met' });
    return {
      signOff: { signature: input.signature, at },
      completedAt: at,
      rating: input.rating ? { ...input.rating, at, via: 'on_site' } : null,
    };
  },
});

/**
 * R7: the resident's rating from their own phone within 7 days; it replaces stars given with the
 * sign-off. On the technician's phone a rating counts only inside the sign-off the resident signs.
 */
export const rate = orderStep<typeof c.rate>({
  action: 'rate',
  check: (_input, ctx) => (ctx.member.role === 'technician' ? 'REPAIR.RATING_IS_RESIDENTS' : null),
  tell: technicianOf,
  patch: ({ input, at }) => ({ rating: { ...input.rating, at, via: 'own_phone' } }),
});

/** R9: a blocker stops the return clock; the desk is told. */
export const reportBlocker = orderStep<typeof c.reportBlocker>({
  action: 'reportBlocker',
  reason: (i) => i.reason,
  patch: async ({ input, tx, repair, at }) => {
    await setDeadline(tx, repair, 'R9.return', { status: 'paused' });
    return { blocker: { kind: input.kind, reason: input.reason, since: at } };
  },
});

/** R9: the blocker's time is kept out of the return clock, which starts again. */
export const clearBlockerStep = orderStep<typeof c.clearBlocker>({
  action: 'clearBlocker',
  tell: technicianOf,
  patch: async ({ tx, repair, ctx, settings }) => {
    if (!repair.dispatchedAt) return { blocker: null };
    const clock = clearBlocker({ dispatchedAt: repair.dispatchedAt, pausedMs: repair.pausedMs, blockedSince: repair.blocker?.since ?? null }, ctx.now);
    const plan = returnDeadline(new Date(repair.dispatchedAt), returnDueAt(clock, ctx.now), await settings());
    await setDeadline(tx, repair, 'R9.return', { status: 'open', dueAt: plan.dueAt.toISOString(), warnAt: plan.warnAt.toISOString(), nextCheckAt: ctx.now.toISOString() });
    return { blocker: null, pausedMs: clock.pausedMs };
  },
});

/** R11: the technician sends the order back; the supervisor decides. */
export const sendBack = orderStep<typeof c.sendBack>({
  action: 'sendBack',
  reason: (i) => i.reason,
  tell: () => [audienceOfRole('supervisor')],
  patch: async ({ input, tx, repair, at }) => {
    await setDeadline(tx, repair, 'R9.return', { status: 'paused' });
    return { sendBack: { reason: input.reason, at, review: null } };
  },
});

/** R11: approved with a signed opinion, it rolls into next month's tasks; rejected, it goes back to its technician. */
export const reviewSendBack = orderStep<typeof c.reviewSendBack>({
  action: (_r, input) => (input.approve ? 'approveSendBack' : 'rejectSendBack'),
  reason: (i) => i.opinion,
  check: (input, ctx) => (ownsFile(ctx.member, input.signature) ? null : 'REPAIR.FILE_NOT_YOURS'),
  tell: technicianOf,
  patch: async ({ input, tx, repair, at, settings }) => {
    const review = { approved: input.approve, opinion: input.opinion, signature: input.signature, at };
    const sendBack = repair.sendBack ? { ...repair.sendBack, review } : null;
    if (!input.approve) {
      // The order was out of the technician's hands while the supervisor decided: that time does not count against R9.
      const waited = repair.sendBack ? Math.max(0, new Date(at).getTime() - new Date(repair.sendBack.at).getTime()) : 0;
      const pausedMs = repair.pausedMs + waited;
      const plan = repair.dispatchedAt
        ? returnDeadline(new Date(repair.dispatchedAt), returnDueAt({ dispatchedAt: repair.dispatchedAt, pausedMs, blockedSince: null }, new Date(at)), await settings())
        : null;
      await setDeadline(tx, repair, 'R9.return', plan ? { status: 'open', dueAt: plan.dueAt.toISOString(), warnAt: plan.warnAt.toISOString(), nextCheckAt: at } : { status: 'open' });
      return { sendBack, pausedMs };
    }
    await setDeadline(tx, repair, 'R9.return', { status: 'cancelled' });
    return { sendBack, countsFor: nextMonth(repair.countsFor), technician: null, dispatchedAt: null, acknowledgedAt: null, arrivedAt: null };
  },
});
