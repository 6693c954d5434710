import { defineMachine } from './state-machine';
import type { RepairStatus } from '../model/repair.model';

export type RepairAction =
  | 'submit'
  | 'dispatch'
  | 'reassign'
  | 'overridePriority'
  | 'acknowledge'
  | 'arrive'
  | 'noAnswer'
  | 'reschedule'
  | 'quote'
  | 'accept'
  | 'complete'
  | 'signOff'
  | 'rate'
  | 'reportBlocker'
  | 'clearBlocker'
  | 'sendBack'
  | 'approveSendBack'
  | 'rejectSendBack'
  | 'unassign';

/** R5: the technician waits 3 minutes for an answer before leaving a note. */
export const NO_ANSWER_WAIT_MS = 3 * 60 * 1000;
/** R7: the resident rates from their own phone, and may change her rating, within 7 days of sign-off. */
export const RATE_WITHIN_MS = 7 * 24 * 60 * 60 * 1000;

/** What the guards read: a stored order has it, and so has the technician's view of one, offline. */
export interface RepairState {
  status: RepairStatus;
  version: number;
  arrivedAt?: string | null;
  signOff?: { at: string } | null;
  blocker?: object | null;
}

const onSite = ['acknowledged', 'arrived', 'quoted', 'in_progress'] as const;
const open = ['submitted', 'dispatched', ...onSite, 'rescheduling'] as const;
/** Where an order is in a technician's hands (a sent-back one is in the supervisor's, R11). */
export const heldByTechnician = ['dispatched', ...onSite, 'rescheduling'] as const;

/**
 * A repair's life (R4–R11): the desk dispatches, the technician acknowledges, arrives, quotes; work
 * starts only once the quote is accepted (R6); the resident signs the completed order (R7) and
 * rates it; a technician may send an order back, which the supervisor reviews (R11); when a
 * technician leaves, the manager's deactivation returns the orders they held to the desk.
 */
export const repairMachine = defineMachine<RepairStatus, RepairAction, RepairState>({
  name: 'repair',
  states: ['submitted', 'dispatched', 'acknowledged', 'arrived', 'rescheduling', 'quoted', 'in_progress', 'completed', 'signed', 'sent_back'],
  transitions: {
    submit: { from: [], to: 'submitted', roles: ['resident', 'desk', 'supervisor', 'manager'] },
    dispatch: { from: ['submitted', 'rescheduling'], to: 'dispatched', roles: ['desk', 'supervisor'] },
    reassign: { from: ['dispatched', 'acknowledged'], to: 'dispatched', roles: ['desk', 'supervisor'] },
    overridePriority: { from: open, roles: ['desk', 'supervisor'] },
    acknowledge: { from: ['dispatched'], to: 'acknowledged', roles: ['technician'] },
    arrive: { from: ['acknowledged'], to: 'arrived', roles: ['technician'] },
    noAnswer: {
      from: ['arrived'],
      to: 'rescheduling',
      roles: ['technician'],
      guard: (r, now) =>
        r.arrivedAt && now.getTime() - new Date(r.arrivedAt).getTime() >= NO_ANSWER_WAIT_MS ? null : 'STATE.TOO_EARLY',
    },
    reschedule: { from: ['rescheduling'], to: 'dispatched', roles: ['desk', 'supervisor'] },
    /** R6: a revised quote for extra work, once work has started, waits for the resident's acceptance again. */
    quote: { from: ['arrived', 'quoted', 'in_progress'], to: 'quoted', roles: ['technician'] },
    accept: { from: ['quoted'], to: 'in_progress', roles: ['resident', 'technician'] },
    complete: { from: ['in_progress'], to: 'completed', roles: ['technician'] },
    signOff: { from: ['completed'], to: 'signed', roles: ['technician'] },
    /** R7: from the resident's own phone within 7 days of the sign-off: a first rating, or one replacing hers or the stars given with the sign-off. */
    rate: {
      from: ['signed'],
      roles: ['resident'],
      guard: (r, now) => {
        const signed = r.signOff ? new Date(r.signOff.at).getTime() : 0;
        return now.getTime() - signed <= RATE_WITHIN_MS ? null : 'STATE.TOO_LATE';
      },
    },
    reportBlocker: { from: onSite, roles: ['technician'], guard: (r) => (r.blocker ? 'STATE.TRANSITION_NOT_ALLOWED' : null) },
    clearBlocker: { from: onSite, roles: ['technician', 'desk', 'supervisor'], guard: (r) => (r.blocker ? null : 'STATE.TRANSITION_NOT_ALLOWED') },
    sendBack: { from: onSite, to: 'sent_back', roles: ['technician'] },
    approveSendBack: { from: ['sent_back'], to: 'submitted', roles: ['supervisor'] },
    rejectSendBack: { from: ['sent_back'], to: 'dispatched', roles: ['supervisor'] },
    /** R4: the technician left or changed role: the order goes back to the desk to be dispatched again. */
    unassign: { from: heldByTechnician, to: 'submitted', roles: ['manager'] },
  },
});
