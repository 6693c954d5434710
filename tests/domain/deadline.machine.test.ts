import { deadlineMachine, type DeadlineAction } from '@shared/domain/deadline.machine';
import { allowedActions, birth, transition } from '@shared/domain/state-machine';
import type { DeadlineDoc } from '@shared/model/deadline.model';

const now = new Date('2026-11-23T10:00:00+08:00');
const clock = (over: Partial<DeadlineDoc>): DeadlineDoc => ({ status: 'open', version: 1, pausedBy: null, rule: 'R9.return', ...over }) as DeadlineDoc;
const act = (d: DeadlineDoc, action: DeadlineAction) => transition(deadlineMachine, d, { action, actor: 'system:deadlines', role: 'system', now });

describe('R4 R9 C4 B1: the deadline machine', () => {
  it('a clock is born open at version 1', () => {
    expect(birth(deadlineMachine, 'open', { actor: 'system:deadlines', role: 'system', now })).toMatchObject({ machine: 'deadline', from: null, to: 'open', version: 1 });
  });

  it('R4 C4: an open clock is met, cancelled or paused, each at the next version', () => {
    expect(act(clock({}), 'meet')).toMatchObject({ ok: true, status: 'met', version: 2 });
    expect(act(clock({}), 'cancel')).toMatchObject({ ok: true, status: 'cancelled', version: 2 });
    expect(act(clock({}), 'pause')).toMatchObject({ ok: true, status: 'paused', version: 2 });
    expect(act(clock({}), 'reopen')).toEqual({ ok: false, code: 'STATE.TRANSITION_NOT_ALLOWED' });
  });

  it('R9 R11: a clock its work order paused reopens, or is met or cancelled while paused; it is not paused twice', () => {
    const paused = clock({ status: 'paused', version: 2, pausedBy: 'order' });
    expect(act(paused, 'reopen')).toMatchObject({ ok: true, status: 'open', version: 3 });
    expect(allowedActions(deadlineMachine, paused, 'technician', now).sort()).toEqual(['cancel', 'meet', 'reopen']);
  });

  it('issue 14: a clock paused because its property closed never reopens', () => {
    expect(act(clock({ status: 'paused', version: 2, pausedBy: 'property' }), 'reopen')).toEqual({ ok: false, code: 'STATE.TRANSITION_NOT_ALLOWED' });
  });

  it('a met or cancelled clock stays as it is', () => {
    for (const status of ['met', 'cancelled'] as const) expect(allowedActions(deadlineMachine, clock({ status, version: 2 }), 'desk', now)).toEqual([]);
  });
});
