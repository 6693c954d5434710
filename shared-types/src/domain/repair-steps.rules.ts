import type { Role } from '../model/member.model';
import type { RepairDoc } from '../model/repair.model';
import type { SettingsDoc } from '../model/settings.model';
import { acceptedTotalFen, priceQuote } from './quote.rules';

/**
 * R5–R9 R11: what each on-site step records on a work order. The server's step handler writes it;
 * the technician's phone shows it before the server has the queued step. Whether a step may happen
 * now at all is the repair machine's (status, role, clock); the checks here read only the step's
 * input, the caller's role and the order.
 */

/** The fields the on-site steps write; a stored order and the client's view of it both carry them. */
export type StepChange = Partial<
  Pick<RepairDoc, 'acknowledgedAt' | 'arrivedAt' | 'visitNote' | 'quote' | 'acceptance' | 'completion' | 'signOff' | 'completedAt' | 'rating' | 'blocker' | 'sendBack'>
>;

/** What the steps read of the order: its quote, whether it stands accepted, and whether anybody reported it. */
export interface StepOrder {
  quote?: { totalFen: number } | null;
  acceptance?: object | null;
  /** Issue 18 (5): a public place's repair nobody reported: nobody accepts its quote or rates it. */
  noReporter?: boolean;
}

/** The order as the steps read it, from the stored one (the technician's view carries `noReporter` itself). */
export const stepOrderOf = (r: Pick<RepairDoc, 'quote' | 'acceptance' | 'residentOpenid'>): StepOrder => ({
  quote: r.quote,
  acceptance: r.acceptance,
  noReporter: r.residentOpenid === null,
});

const unreported = (order: StepOrder) => order.noReporter === true;

interface Stars {
  quality: number;
  attitude: number;
  comment: string;
}

/** Each step's input as the contract parses it, reduced to the fields the rules read. */
export interface OnSiteInputs {
  acknowledge: object;
  arrive: object;
  noAnswer: { note: string };
  quote: { items: readonly { code: string; qty: number }[] };
  accept: { signature?: string | null };
  complete: {
    beforePhotos: string[];
    afterPhotos: string[];
    materials: readonly { name: string; qty: number }[];
    /** Sent only by phones from before issue 12. */
    amountFen?: number;
  };
  signOff: { signature: string; rating?: Stars };
  rate: { rating: Stars };
  reportBlocker: { kind: NonNullable<RepairDoc['blocker']>['kind']; reason: string };
  clearBlocker: object;
  sendBack: { reason: string };
}

export type OnSiteStep = keyof OnSiteInputs;

export type StepRefusal = 'REPAIR.UNKNOWN_FEE_ITEM' | 'REPAIR.SIGNATURE_REQUIRED' | 'REPAIR.AMOUNT_NOT_QUOTED' | 'REPAIR.RATING_IS_RESIDENTS' | 'REPAIR.NOBODY_TO_RATE';

export type StepOutcome = { ok: true; change: StepChange } | { ok: false; code: StepRefusal };

/** When the step happened, who took it, the order before it, and the property's fee schedule (R6). */
export interface StepFacts {
  at: string;
  role: Role;
  order: StepOrder;
  fees: SettingsDoc['feeSchedule'];
}

interface StepRule<I> {
  /** Refused before anything is written. */
  check?: (input: I, role: Role, order: StepOrder) => StepRefusal | null;
  change: (input: I, facts: StepFacts) => StepOutcome;
}

const records = (change: StepChange): StepOutcome => ({ ok: true, change });

const onSiteSteps: { [K in OnSiteStep]: StepRule<OnSiteInputs[K]> } = {
  /** R4: the acknowledgement clock stops. */
  acknowledge: { change: (_i, { at }) => records({ acknowledgedAt: at }) },
  /** R5: at the door. */
  arrive: { change: (_i, { at }) => records({ arrivedAt: at }) },
  /** R5: nobody home after 3 minutes: the note goes on the order. */
  noAnswer: { change: (i) => records({ visitNote: i.note }) },
  /** R6: priced from the fee schedule, never from the client; a revised quote waits for acceptance again. */
  quote: {
    change: (i, { fees, at }) => {
      const priced = priceQuote(i.items, fees);
      return priced.ok ? records({ quote: { lines: priced.lines, totalFen: priced.totalFen, at }, acceptance: null }) : { ok: false, code: 'REPAIR.UNKNOWN_FEE_ITEM' };
    },
  },
  /**
   * R6: on the technician's phone only with the resident's handwritten signature; on the resident's
   * own, by their tap. Issue 18 (5): a repair nobody reported is the property's cost: the technician
   * confirms the quote to start, with no signature, and it stands accepted by the property.
   */
  accept: {
    check: (i, role, order) => (role === 'technician' && !i.signature && !unreported(order) ? 'REPAIR.SIGNATURE_REQUIRED' : null),
    change: (i, { role, at, order }) =>
      records({
        acceptance: unreported(order)
          ? { via: 'property', signature: null, at }
          : role === 'technician'
            ? { via: 'signature_on_site', signature: i.signature ?? null, at }
            : { via: 'resident_phone', signature: null, at },
      }),
  },
  /** R6 R7: charged at the accepted quote's total; an amount sent by an older phone must be that total. */
  complete: {
    check: (i, _role, order) => {
      const accepted = acceptedTotalFen(order);
      return i.amountFen !== undefined && accepted !== null && i.amountFen !== accepted ? 'REPAIR.AMOUNT_NOT_QUOTED' : null;
    },
    change: (i, { order, at }) =>
      records({
        completion: {
          beforePhotos: i.beforePhotos,
          afterPhotos: i.afterPhotos,
          materials: i.materials.map((m) => ({ name: m.name, qty: m.qty })),
          amountFen: acceptedTotalFen(order) ?? 0,
          at,
        },
      }),
  },
  /**
   * R7 R8: the resident signs; the order is "completed at" this time; stars given here count as
   * on-site. Issue 18 (5): a repair nobody reported is signed by the staff member who checks the
   * work, and nobody rates it.
   */
  signOff: {
    check: (i, _role, order) => (i.rating && unreported(order) ? 'REPAIR.NOBODY_TO_RATE' : null),
    change: (i, { at }) =>
      records({ signOff: { signature: i.signature, at }, completedAt: at, rating: i.rating ? { ...i.rating, at, via: 'on_site' } : null }),
  },
  /** R7: the resident's rating from their own phone; on the technician's, stars go only with the sign-off. */
  rate: {
    check: (_i, role) => (role === 'technician' ? 'REPAIR.RATING_IS_RESIDENTS' : null),
    change: (i, { at }) => records({ rating: { ...i.rating, at, via: 'own_phone' } }),
  },
  /** R9: the blocker and since when; the return clock pauses. */
  reportBlocker: { change: (i, { at }) => records({ blocker: { kind: i.kind, reason: i.reason, since: at } }) },
  /** R9: the blocker is gone; its time stays out of the return clock. */
  clearBlocker: { change: () => records({ blocker: null }) },
  /** R11: the reason, for the supervisor to decide on. */
  sendBack: { change: (i, { at }) => records({ sendBack: { reason: i.reason, at, review: null } }) },
};

/** Why the step is refused before anything is written, or null. */
export const stepRefusal = <K extends OnSiteStep>(step: K, input: OnSiteInputs[K], role: Role, order: StepOrder): StepRefusal | null => {
  const rule: StepRule<OnSiteInputs[K]> = onSiteSteps[step];
  return rule.check?.(input, role, order) ?? null;
};

/** One step's check, then its change: a refusal changes nothing. */
export const takeStep = <K extends OnSiteStep>(step: K, input: OnSiteInputs[K], facts: StepFacts): StepOutcome => {
  const rule: StepRule<OnSiteInputs[K]> = onSiteSteps[step];
  const refused = stepRefusal(step, input, facts.role, facts.order);
  return refused ? { ok: false, code: refused } : rule.change(input, facts);
};

