import { callbackMeets, callbackSays, caseMeets, caseSays, metByOrder, orderMeets, orderSays } from '@shared/domain/deadline.rules';

const order = (over: { acknowledgedAt?: string | null; signOff?: { signature: string; at: string } | null } = {}) => ({ acknowledgedAt: null, signOff: null, ...over });

describe('R4 R9: the clocks a work order meets by itself (issue 16: the timer reads them off the order)', () => {
  it('R4: the acknowledgement clock is met once the order is acknowledged, and open again when a reschedule clears it', () => {
    expect(orderMeets('R4.ack', order())).toBe(false);
    expect(orderMeets('R4.ack', order({ acknowledgedAt: '2026-11-23T02:05:00.000Z' }))).toBe(true);
  });

  it('R9: the return clock is met once the order is signed off, acknowledged or not', () => {
    expect(orderMeets('R9.return', order({ acknowledgedAt: '2026-11-23T02:05:00.000Z' }))).toBe(false);
    expect(orderMeets('R9.return', order({ signOff: { signature: 'cloud://x/sig.png', at: '2026-11-24T02:00:00.000Z' } }))).toBe(true);
  });

  it('R4 R9: no other clock is the order\'s to meet, whatever the order shows', () => {
    const done = order({ acknowledgedAt: '2026-11-23T02:05:00.000Z', signOff: { signature: 'cloud://x/sig.png', at: '2026-11-24T02:00:00.000Z' } });
    expect(['R4.ack', 'R9.return', 'C4.classify', 'B1.callback', 'toString', 'constructor'].map((rule) => [rule, metByOrder(rule), orderMeets(rule, done)])).toEqual([
      ['R4.ack', true, true],
      ['R9.return', true, true],
      ['C4.classify', false, false],
      ['B1.callback', false, false],
      ['toString', false, false],
      ['constructor', false, false],
    ]);
  });
});

describe('R4 R9 R11: what a work order says of its clocks when the timer reads it (issue 16: its writes change the clocks after their commit)', () => {
  const running = {
    acknowledgedAt: '2026-11-23T02:05:00.000Z',
    signOff: null,
    blocker: null,
    status: 'arrived' as const,
    technician: { memberId: 'm-li', openid: 'o-li', name: '李建国' },
    dispatchedAt: '2026-11-23T02:00:00.000Z',
  };
  const blocker = { kind: 'parts' as const, reason: '需要订购专用阀门', since: '2026-11-24T02:00:00.000Z' };
  const signOff = { signature: 'cloud://x/sig.png', at: '2026-11-24T02:00:00.000Z' };

  it('R9: the return clock runs while the order is worked on, stands held by a blocker or a send-back waiting for the supervisor, and is met once signed', () => {
    expect(orderSays('R9.return', running)).toBe('runs');
    expect(orderSays('R9.return', { ...running, blocker })).toBe('held');
    expect(orderSays('R9.return', { ...running, status: 'sent_back' })).toBe('held');
    expect(orderSays('R9.return', { ...running, status: 'signed', signOff })).toBe('met');
  });

  it('R4 R9 R11: an order that went back to the desk (unassigned, or a send-back approved) has dropped both clocks; dispatched again they run', () => {
    const back = { ...running, status: 'submitted' as const, technician: null, dispatchedAt: null, acknowledgedAt: null };
    expect([orderSays('R4.ack', back), orderSays('R9.return', back)]).toEqual(['dropped', 'dropped']);
    expect(orderSays('R4.ack', { ...running, acknowledgedAt: null })).toBe('runs');
  });

  it('R4: the acknowledgement is met once acknowledged, whatever holds the return clock; no other rule is the order\'s to judge', () => {
    expect(orderSays('R4.ack', { ...running, blocker })).toBe('met');
    expect(['C4.classify', 'B1.callback', 'toString'].map((rule) => orderSays(rule, { ...running, blocker, technician: null }))).toEqual(['runs', 'runs', 'runs']);
  });
});

describe('C4: a complaint or a group meets its clock by recording it (issue 16: the timer reads it off the case)', () => {
  it('C4: the clock its dueRule names is met once dueMetAt is set; one it no longer runs is met; a case naming no clock leaves it to the clock', () => {
    expect(caseMeets('C4.major', { dueRule: 'C4.major', dueMetAt: null })).toBe(false);
    expect(caseMeets('C4.major', { dueRule: 'C4.major', dueMetAt: '2026-11-23T03:00:00.000Z' })).toBe(true);
    expect(caseMeets('C4.classify', { dueRule: 'C4.general', dueMetAt: null })).toBe(true);
    expect(caseMeets('C4.classify', { dueRule: null, dueMetAt: null })).toBe(false);
    expect([caseSays('C4.classify', { dueRule: 'C4.general', dueMetAt: null }), caseSays('C4.general', { dueRule: 'C4.general', dueMetAt: null }), caseSays('C4.general', null)]).toEqual(['met', 'runs', 'runs']);
  });
});

describe('B1: a callback task meets its clock once done (issue 16: the timer reads it off the task)', () => {
  it('B1 V4: done meets it; open and cancelled do not; the timer drops a cancelled task\'s clock (issue 16)', () => {
    expect(['open', 'done', 'cancelled'].map((status) => callbackSays({ status }))).toEqual(['runs', 'met', 'dropped']);
    expect(['open', 'done', 'cancelled'].map((status) => [status, callbackMeets({ status })])).toEqual([
      ['open', false],
      ['done', true],
      ['cancelled', false],
    ]);
  });
});
