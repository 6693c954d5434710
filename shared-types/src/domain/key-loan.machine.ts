import { defineMachine } from './state-machine';
import type { KeyLoanDoc, LoanStatus } from '../model/key.model';

export type KeyLoanAction = 'lend' | 'offer' | 'sign' | 'cancel' | 'overdue' | 'escalate' | 'giveBack';

const desk = ['desk', 'supervisor'] as const;
const staff = ['desk', 'supervisor', 'technician', 'manager'] as const;

/**
 * K2: a key loan. Someone from outside signs on the desk's screen and the key is lent at once; a
 * staff member's loan is offered and waits for their signature on their own phone. A lent key not
 * back by its due time becomes overdue (the timer), is escalated to the supervisor once, and is
 * given back at the desk.
 */
export const keyLoanMachine = defineMachine<LoanStatus, KeyLoanAction, KeyLoanDoc>({
  name: 'keyLoan',
  states: ['pending', 'lent', 'overdue', 'returned', 'cancelled'],
  transitions: {
    lend: { from: [], to: 'lent', roles: desk },
    offer: { from: [], to: 'pending', roles: desk },
    sign: { from: ['pending'], to: 'lent', roles: staff },
    cancel: { from: ['pending'], to: 'cancelled', roles: desk },
    overdue: { from: ['lent'], to: 'overdue', roles: ['system'] },
    escalate: { from: ['overdue'], roles: ['system'], guard: (loan) => (loan.escalatedAt ? 'STATE.TRANSITION_NOT_ALLOWED' : null) },
    giveBack: { from: ['lent', 'overdue'], to: 'returned', roles: desk },
  },
});
