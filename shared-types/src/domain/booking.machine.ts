import { defineMachine } from './state-machine';
import type { BookingDoc } from '../model/booking.model';

export type BookingAction = 'book' | 'reschedule' | 'cancel' | 'reassign';

/**
 * V4: a booking (a desk appointment, a repair window, a home callback visit) is booked by its
 * resident, moved or cancelled by them or the desk side while it stands; a repair window goes with
 * its order when the desk side dispatches the order to another technician (R4).
 */
export const bookingMachine = defineMachine<BookingDoc['status'], BookingAction, BookingDoc>({
  name: 'booking',
  states: ['booked', 'cancelled'],
  transitions: {
    book: { from: [], to: 'booked', roles: ['resident'] },
    reschedule: { from: ['booked'], roles: ['resident', 'desk', 'supervisor'] },
    cancel: { from: ['booked'], to: 'cancelled', roles: ['resident', 'desk', 'supervisor'] },
    reassign: { from: ['booked'], roles: ['desk', 'supervisor'], guard: (b) => (b.repair ? null : 'STATE.TRANSITION_NOT_ALLOWED') },
  },
});
