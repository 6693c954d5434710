import { defineMachine, type Actor } from './state-machine';
import type { DeadlineDoc, DeadlineStatus } from '../model/deadline.model';
import { roles } from '../model/member.model';

export type DeadlineAction = 'open' | 'meet' | 'cancel' | 'pause' | 'reopen';

/** A clock moves with what its subject's own machine did, whoever did that, or with the timer. */
const anyone: readonly Actor[] = [...roles, 'system'];

/**
 * A clock on a ticket (R4 R9 C4 B1). It opens with its ticket's step; it is met when the work is
 * done, cancelled when the ticket no longer needs it, paused while it may not run (R9: a blocker or
 * a send-back; issue 14: its property closed) and reopened when the work order starts again. A clock
 * paused because its property closed never reopens: deactivation is one-way.
 */
export const deadlineMachine = defineMachine<DeadlineStatus, DeadlineAction, DeadlineDoc>({
  name: 'deadline',
  states: ['open', 'paused', 'met', 'cancelled'],
  transitions: {
    open: { from: [], to: 'open', roles: anyone },
    meet: { from: ['open', 'paused'], to: 'met', roles: anyone },
    cancel: { from: ['open', 'paused'], to: 'cancelled', roles: anyone },
    pause: { from: ['open'], to: 'paused', roles: anyone },
    reopen: { from: ['paused'], to: 'open', roles: anyone, guard: (d) => (d.pausedBy === 'property' ? 'STATE.TRANSITION_NOT_ALLOWED' : null) },
  },
});
