import { allowedActions, birth, defineMachine, transition } from '@shared/domain/state-machine';
import { repairMachine } from '@shared/domain/repair.machine';
import type { RepairDoc } from '@shared/model/repair.model';

const now = new Date('2026-11-23T02:00:00.000Z');

type DoorState = 'closed' | 'open' | 'locked';
const door = defineMachine<DoorState, 'install' | 'open' | 'close' | 'lock', { status: DoorState; version: number; lockableAfter: string }>({
  name: 'door',
  states: ['closed', 'open', 'locked'],
  transitions: {
    install: { from: [], to: 'closed', roles: ['manager'] },
    open: { from: ['closed'], to: 'open', roles: ['resident', 'desk'] },
    close: { from: ['open'], to: 'closed', roles: ['resident'] },
    lock: {
      from: ['closed'],
      to: 'locked',
      roles: ['desk'],
      guard: (d, at) => (at < new Date(d.lockableAfter) ? 'STATE.TRANSITION_NOT_ALLOWED' : null),
    },
  },
});

describe('the transition engine', () => {
  const closed = { status: 'closed' as const, version: 3, lockableAfter: '2026-11-23T03:00:00.000Z' };

  it('moves to the target state, bumps the version and describes the event', () => {
    const out = transition(door, closed, { action: 'open', actor: 'u1', role: 'desk', now, reason: '送货' });
    expect(out).toEqual({
      ok: true,
      status: 'open',
      version: 4,
      event: {
        machine: 'door',
        action: 'open',
        from: 'closed',
        to: 'open',
        actor: 'u1',
        role: 'desk',
        reason: '送货',
        at: '2026-11-23T02:00:00.000Z',
        deviceAt: null,
        expectedVersion: 3,
        version: 4,
      },
    });
  });

  it('refuses a transition from a state it does not leave', () => {
    expect(transition(door, closed, { action: 'close', actor: 'u1', role: 'resident', now })).toEqual({
      ok: false,
      code: 'STATE.TRANSITION_NOT_ALLOWED',
    });
  });

  it('refuses a role the transition is not open to', () => {
    expect(transition(door, closed, { action: 'lock', actor: 'u1', role: 'resident', now: new Date('2026-11-23T04:00:00Z') })).toEqual({
      ok: false,
      code: 'STATE.ROLE_NOT_ALLOWED',
    });
  });

  it('asks the guard with the injected clock: one millisecond early is refused, on time is allowed', () => {
    const early = transition(door, closed, { action: 'lock', actor: 'd', role: 'desk', now: new Date('2026-11-23T02:59:59.999Z') });
    const onTime = transition(door, closed, { action: 'lock', actor: 'd', role: 'desk', now: new Date('2026-11-23T03:00:00.000Z') });
    expect(early).toEqual({ ok: false, code: 'STATE.TRANSITION_NOT_ALLOWED' });
    expect(onTime).toMatchObject({ ok: true, status: 'locked' });
  });

  it('records the device time next to the server time when the client sends it', () => {
    const out = transition(door, closed, { action: 'open', actor: 'u', role: 'resident', now, deviceTime: '2026-11-23T09:59:58+08:00' });
    expect(out.ok && out.event.deviceAt).toBe('2026-11-23T09:59:58+08:00');
  });

  it('lists the actions a role may take now', () => {
    expect(allowedActions(door, closed, 'desk', new Date('2026-11-23T04:00:00Z')).sort()).toEqual(['lock', 'open']);
    expect(allowedActions(door, closed, 'resident', now)).toEqual(['open']);
  });

  it('starts an entity at version 1 with an event from nothing, in its birth transition\'s state', () => {
    expect(birth(door, 'install', { actor: 'a', role: 'manager', now })).toMatchObject({ action: 'install', from: null, to: 'closed', version: 1, expectedVersion: 0 });
  });

  it('refuses to start an entity by an action that is not a birth', () => {
    expect(() => birth(door, 'open', { actor: 'a', role: 'desk', now })).toThrow('door.open is not a birth transition');
  });

  it('lets the timer take only the transitions open to the system', () => {
    const timed = defineMachine<DoorState, 'expire', { status: DoorState; version: number }>({
      name: 'door',
      states: ['closed', 'open', 'locked'],
      transitions: { expire: { from: ['open'], to: 'closed', roles: ['system'] } },
    });
    const open = { status: 'open' as const, version: 2 };
    expect(transition(timed, open, { action: 'expire', actor: 'system:reminders', role: 'system', now })).toMatchObject({ ok: true, status: 'closed', event: { role: 'system' } });
    expect(transition(timed, open, { action: 'expire', actor: 'd', role: 'desk', now })).toEqual({ ok: false, code: 'STATE.ROLE_NOT_ALLOWED' });
  });
});

describe('R4: the repair machine', () => {
  const repair = { status: 'submitted', version: 1 } as RepairDoc;
  it('R4: only the desk side dispatches a submitted repair', () => {
    expect(transition(repairMachine, repair, { action: 'dispatch', actor: 'd', role: 'desk', now })).toMatchObject({ ok: true, status: 'dispatched', version: 2 });
    expect(transition(repairMachine, repair, { action: 'dispatch', actor: 't', role: 'technician', now })).toMatchObject({ ok: false, code: 'STATE.ROLE_NOT_ALLOWED' });
    expect(transition(repairMachine, repair, { action: 'dispatch', actor: 'r', role: 'resident', now })).toEqual({ ok: false, code: 'STATE.ROLE_NOT_ALLOWED' });
  });
  it('R4: a dispatched repair is reassigned, not dispatched again', () => {
    const dispatched = { status: 'dispatched', version: 2 } as RepairDoc;
    expect(transition(repairMachine, dispatched, { action: 'dispatch', actor: 'd', role: 'desk', now })).toMatchObject({ ok: false, code: 'STATE.TRANSITION_NOT_ALLOWED' });
    expect(transition(repairMachine, dispatched, { action: 'reassign', actor: 'd', role: 'desk', now })).toMatchObject({ ok: true, version: 3 });
    expect(transition(repairMachine, dispatched, { action: 'reassign', actor: 'r', role: 'resident', now })).toEqual({ ok: false, code: 'STATE.ROLE_NOT_ALLOWED' });
  });
});
