import { bookingMachine, type BookingAction } from '@shared/domain/booking.machine';
import { allowedActions, birth, transition, type Actor } from '@shared/domain/state-machine';
import type { BookingDoc } from '@shared/model/booking.model';

const now = new Date('2026-11-23T10:00:00+08:00');
const booking = (over: Partial<BookingDoc>): BookingDoc => ({ status: 'booked', version: 1, repair: null, ...over }) as BookingDoc;
const act = (b: BookingDoc, action: BookingAction, role: Actor) => transition(bookingMachine, b, { action, actor: 'u', role, now, reason: '临时有事' });
const window = { id: 'r1', technician: { memberId: 'm1', openid: 'o-tech', name: '李建国' } };

describe('V4: the booking machine', () => {
  it('V4: a booking is born booked, by its resident', () => {
    expect(birth(bookingMachine, 'book', { actor: 'o-res', role: 'resident', now })).toMatchObject({ machine: 'booking', action: 'book', from: null, to: 'booked', version: 1 });
  });

  it('V4: the resident or the desk side moves a booking; it stays booked at a new version', () => {
    for (const role of ['resident', 'desk', 'supervisor'] as const) {
      expect(act(booking({ version: 2 }), 'reschedule', role)).toMatchObject({ ok: true, status: 'booked', version: 3, event: { from: 'booked', to: 'booked', reason: '临时有事' } });
    }
    expect(act(booking({}), 'reschedule', 'technician')).toEqual({ ok: false, code: 'STATE.ROLE_NOT_ALLOWED' });
  });

  it('V4: a cancelled booking is neither moved nor cancelled again', () => {
    expect(act(booking({}), 'cancel', 'resident')).toMatchObject({ ok: true, status: 'cancelled', version: 2 });
    const cancelled = booking({ status: 'cancelled', version: 2 });
    expect(act(cancelled, 'cancel', 'resident')).toEqual({ ok: false, code: 'STATE.TRANSITION_NOT_ALLOWED' });
    expect(act(cancelled, 'reschedule', 'desk')).toEqual({ ok: false, code: 'STATE.TRANSITION_NOT_ALLOWED' });
  });

  it('V4 R4: only a repair window goes with its order to another technician, when the desk side dispatches it', () => {
    expect(act(booking({ kind: 'repair', repair: window }), 'reassign', 'desk')).toMatchObject({ ok: true, status: 'booked', version: 2 });
    expect(act(booking({ kind: 'repair', repair: window }), 'reassign', 'resident')).toEqual({ ok: false, code: 'STATE.ROLE_NOT_ALLOWED' });
    expect(act(booking({ kind: 'desk' }), 'reassign', 'desk')).toEqual({ ok: false, code: 'STATE.TRANSITION_NOT_ALLOWED' });
  });

  it('V4: what each side may do with a standing booking', () => {
    expect(allowedActions(bookingMachine, booking({}), 'resident', now).sort()).toEqual(['cancel', 'reschedule']);
    expect(allowedActions(bookingMachine, booking({ kind: 'repair', repair: window }), 'supervisor', now).sort()).toEqual(['cancel', 'reassign', 'reschedule']);
    expect(allowedActions(bookingMachine, booking({ status: 'cancelled' }), 'desk', now)).toEqual([]);
  });
});
