import { countingMonth, nextMonth } from '@shared/domain/month-close.rules';
import { clearBlocker, isReturnOverdue, returnDueAt } from '@shared/domain/return.rules';
import { effectiveTime } from '@shared/domain/sla-time.rules';
import { priceQuote, yuan } from '@shared/domain/quote.rules';
import { isSignature } from '@shared/domain/signature.rules';
import { scorecard } from '@shared/domain/scorecard.rules';
import { transition } from '@shared/domain/state-machine';
import { repairMachine } from '@shared/domain/repair.machine';
import { defaultSettings } from '@shared/model/settings.model';
import type { RepairDoc } from '@shared/model/repair.model';

describe('R11: the month a work order counts for (Asia/Shanghai)', () => {
  it.each([
    ['30-day month, 23:59:59 on the 28th', '2026-11-28T15:59:59.000Z', '2026-11'],
    ['30-day month, 24:00 on the 28th (the 29th begins)', '2026-11-28T16:00:00.000Z', '2026-12'],
    ['30-day month, last second', '2026-11-30T15:59:59.000Z', '2026-12'],
    ['31-day month, 23:59:59 on the 29th', '2026-12-29T15:59:59.000Z', '2026-12'],
    ['31-day month, 24:00 on the 29th', '2026-12-29T16:00:00.000Z', '2027-01'],
    ['February, 23:59:59 on the 26th', '2027-02-26T15:59:59.000Z', '2027-02'],
    ['February, 24:00 on the 26th', '2027-02-26T16:00:00.000Z', '2027-03'],
    ['leap February, 23:59:59 on the 27th', '2028-02-27T15:59:59.000Z', '2028-02'],
    ['leap February, 24:00 on the 27th', '2028-02-27T16:00:00.000Z', '2028-03'],
    ['the 1st at 00:30 Shanghai is still UTC\'s previous day', '2026-11-30T16:30:00.000Z', '2026-12'],
    ['December\'s last days roll into the next year', '2026-12-31T03:00:00.000Z', '2027-01'],
  ])('R11: %s → %s', (_label, createdAt, month) => {
    expect(countingMonth(createdAt)).toBe(month);
  });

  it('R11: an approved send-back rolls into the following month', () => {
    expect(nextMonth('2026-11')).toBe('2026-12');
    expect(nextMonth('2026-12')).toBe('2027-01');
  });
});

describe('R9: returned within 3 days of dispatch; a blocker pauses the clock', () => {
  const clock = { dispatchedAt: '2026-11-23T02:00:00.000Z', pausedMs: 0, blockedSince: null };
  it('R9: 72 hours to the second is on time; one second more is overdue', () => {
    expect(isReturnOverdue(clock, new Date('2026-11-26T02:00:00.000Z'))).toBe(false);
    expect(isReturnOverdue(clock, new Date('2026-11-26T02:00:01.000Z'))).toBe(true);
    expect(returnDueAt(clock, new Date('2026-11-24T00:00:00.000Z')).toISOString()).toBe('2026-11-26T02:00:00.000Z');
  });

  it('R9: an open blocker stops the clock, and clearing it keeps the time it held', () => {
    const blocked = { ...clock, blockedSince: '2026-11-24T02:00:00.000Z' };
    expect(isReturnOverdue(blocked, new Date('2026-11-28T02:00:00.000Z'))).toBe(false);
    const cleared = clearBlocker(blocked, new Date('2026-11-25T02:00:00.000Z'));
    expect(cleared).toEqual({ ...clock, pausedMs: 24 * 3600 * 1000, blockedSince: null });
    expect(isReturnOverdue(cleared, new Date('2026-11-27T02:00:00.000Z'))).toBe(false);
    expect(isReturnOverdue(cleared, new Date('2026-11-27T02:00:01.000Z'))).toBe(true);
  });
});

describe('offline actions count at the device time only when it is plausible', () => {
  const lastChange = '2026-11-23T02:00:00.000Z';
  const received = new Date('2026-11-23T05:00:00.000Z');
  it.each([
    ['between the last change and receipt', '2026-11-23T03:10:00.000Z', '2026-11-23T03:10:00.000Z'],
    ['exactly at the last change', '2026-11-23T02:00:00.000Z', '2026-11-23T02:00:00.000Z'],
    ['before the last change the server saw', '2026-11-23T01:59:59.000Z', '2026-11-23T05:00:00.000Z'],
    ['after the server received it (clock ahead)', '2026-11-23T05:00:01.000Z', '2026-11-23T05:00:00.000Z'],
    ['with a +08:00 offset', '2026-11-23T11:10:00+08:00', '2026-11-23T03:10:00.000Z'],
  ])('%s', (_label, deviceAt, expected) => {
    expect(effectiveTime(deviceAt, lastChange, received).toISOString()).toBe(expected);
  });
  it('no device time, or an unreadable one, counts at receipt', () => {
    expect(effectiveTime(null, lastChange, received)).toEqual(received);
    expect(effectiveTime('yesterday', lastChange, received)).toEqual(received);
  });
});

describe('R6: quotes come from the fee schedule, in fen', () => {
  const fees = defaultSettings('p').feeSchedule;
  it('R6: prices and totals are taken from the schedule, not from the client', () => {
    expect(priceQuote([{ code: 'tap-replace', qty: 1 }, { code: 'pipe-fix', qty: 2 }], fees)).toEqual({
      ok: true,
      lines: [
        { code: 'tap-replace', name: '更换水龙头（人工）', priceFen: 3000, qty: 1 },
        { code: 'pipe-fix', name: '水管维修（人工）', priceFen: 5000, qty: 2 },
      ],
      totalFen: 13000,
    });
  });
  it('R6: a free repair quotes 0', () => {
    expect(priceQuote([{ code: 'inspect', qty: 1 }], fees)).toMatchObject({ ok: true, totalFen: 0 });
    expect(priceQuote([], fees)).toMatchObject({ ok: true, totalFen: 0 });
  });
  it('R6: an item not on the schedule is refused', () => {
    expect(priceQuote([{ code: 'gold-tap', qty: 1 }], fees)).toEqual({ ok: false, unknownCode: 'gold-tap' });
  });
  it('fen read as yuan without floating point', () => {
    expect([yuan(0), yuan(5), yuan(13000), yuan(1999)]).toEqual(['0.00', '0.05', '130.00', '19.99']);
  });
});

describe('R7: a handwritten signature needs enough ink', () => {
  const line = (length: number) => [Array.from({ length: 11 }, (_, i) => ({ x: (i * length) / 10, y: 10 }))];
  it.each([
    ['nothing', [], false],
    ['a tap', [[{ x: 5, y: 5 }]], false],
    ['a short dash', line(40), false],
    ['just enough line, wide enough', line(80), true],
    ['a scribble in one spot', [Array.from({ length: 40 }, (_, i) => ({ x: 10 + (i % 2) * 10, y: 10 + (i % 3) * 10 }))], false],
    ['a real signature of two strokes', [...line(60), [{ x: 0, y: 30 }, { x: 30, y: 0 }, { x: 60, y: 30 }]], true],
  ])('R7: %s → %s', (_label, strokes, expected) => {
    expect(isSignature(strokes)).toBe(expected);
  });
});

describe('R7 R9: the technician scorecard', () => {
  it('R7: the true mean over all ratings, with the count, and the R9 on-time rate', () => {
    const card = scorecard(
      [{ quality: 5, attitude: 4, via: 'on_site' }, { quality: 3, attitude: 5, via: 'own_phone' }, { quality: 4, attitude: 3, via: 'on_site' }],
      [true, true, false, true],
      2,
    );
    expect(card).toEqual({ ratings: 3, ownPhoneRatings: 1, quality: 4, attitude: 4, onTimeRate: 0.75, returned: 4, openLoad: 2 });
  });
  it('R7: no ratings gives no mean, not a zero', () => {
    expect(scorecard([], [], 0)).toMatchObject({ ratings: 0, quality: null, attitude: null, onTimeRate: null });
  });
});

describe('R5–R7: the repair machine on site', () => {
  const at = (iso: string) => new Date(iso);
  const order = (over: Partial<RepairDoc>) => ({ status: 'arrived', version: 4, arrivedAt: '2026-11-23T02:00:00.000Z', rating: null, signOff: null, blocker: null, ...over }) as RepairDoc;

  it('R5: "nobody home" only after 3 minutes at the door', () => {
    const early = transition(repairMachine, order({}), { action: 'noAnswer', actor: 't', role: 'technician', now: at('2026-11-23T02:02:59.999Z') });
    const onTime = transition(repairMachine, order({}), { action: 'noAnswer', actor: 't', role: 'technician', now: at('2026-11-23T02:03:00.000Z') });
    expect(early).toEqual({ ok: false, code: 'STATE.TOO_EARLY' });
    expect(onTime).toMatchObject({ ok: true, status: 'rescheduling' });
  });

  it('R6: work starts only from an accepted quote', () => {
    expect(transition(repairMachine, order({}), { action: 'accept', actor: 'r', role: 'resident', now: at('2026-11-23T02:10:00Z') }).ok).toBe(false);
    expect(transition(repairMachine, order({ status: 'arrived' }), { action: 'complete', actor: 't', role: 'technician', now: at('2026-11-23T02:10:00Z') }).ok).toBe(false);
    expect(transition(repairMachine, order({ status: 'quoted' }), { action: 'accept', actor: 'r', role: 'resident', now: at('2026-11-23T02:10:00Z') })).toMatchObject({
      ok: true,
      status: 'in_progress',
    });
  });

  it('R7: a resident rates from their own phone within 7 days of sign-off, replacing the stars given on site, and may change her own rating within those days', () => {
    const signed = order({ status: 'signed', signOff: { signature: 'f', at: '2026-11-23T02:00:00.000Z' } });
    const rate = (now: string, o = signed, role: 'resident' | 'technician' = 'resident') => transition(repairMachine, o, { action: 'rate', actor: 'r', role, now: at(now) });
    expect(rate('2026-11-30T02:00:00.000Z')).toMatchObject({ ok: true, status: 'signed' });
    expect(rate('2026-11-30T02:00:00.001Z')).toEqual({ ok: false, code: 'STATE.TOO_LATE' });
    const onSite = { ...signed, rating: { quality: 5, attitude: 5, comment: '', at: '2026-11-23T02:00:00.000Z', via: 'on_site' as const } };
    expect(rate('2026-11-24T00:00:00.000Z', onSite)).toMatchObject({ ok: true });
    const own = { ...signed, rating: { quality: 5, attitude: 5, comment: '', at: '2026-11-23T02:05:00.000Z', via: 'own_phone' as const } };
    expect(rate('2026-11-24T00:00:00.000Z', own)).toMatchObject({ ok: true, status: 'signed' });
    expect(rate('2026-11-30T02:00:00.001Z', own)).toEqual({ ok: false, code: 'STATE.TOO_LATE' });
    expect(rate('2026-11-24T00:00:00.000Z', signed, 'technician')).toEqual({ ok: false, code: 'STATE.ROLE_NOT_ALLOWED' });
  });

  it('R9: one blocker at a time, cleared by the technician or the desk', () => {
    const blocked = order({ blocker: { kind: 'parts', reason: '等配件', since: '2026-11-23T02:00:00.000Z' } });
    expect(transition(repairMachine, blocked, { action: 'reportBlocker', actor: 't', role: 'technician', now: at('2026-11-23T03:00:00Z') }).ok).toBe(false);
    expect(transition(repairMachine, blocked, { action: 'clearBlocker', actor: 'd', role: 'desk', now: at('2026-11-23T03:00:00Z') })).toMatchObject({ ok: true, status: 'arrived' });
  });

  it('R11: only the supervisor reviews a sent-back order', () => {
    const sentBack = order({ status: 'sent_back' });
    expect(transition(repairMachine, sentBack, { action: 'approveSendBack', actor: 'd', role: 'desk', now: at('2026-11-23T03:00:00Z') }).ok).toBe(false);
    expect(transition(repairMachine, sentBack, { action: 'approveSendBack', actor: 's', role: 'supervisor', now: at('2026-11-23T03:00:00Z') })).toMatchObject({ ok: true, status: 'submitted' });
  });
  it('R4: a technician who leaves hands back every order in their hands, only through the manager', () => {
    const unassign = (status: RepairDoc['status'], role: 'manager' | 'desk' = 'manager') =>
      transition(repairMachine, order({ status }), { action: 'unassign', actor: 'm', role, now: at('2026-11-23T03:00:00Z') });
    for (const status of ['dispatched', 'acknowledged', 'arrived', 'rescheduling', 'quoted', 'in_progress'] as const) {
      expect(unassign(status)).toMatchObject({ ok: true, status: 'submitted', version: 5 });
    }
    for (const status of ['submitted', 'completed', 'signed', 'sent_back'] as const) expect(unassign(status).ok).toBe(false);
    expect(unassign('dispatched', 'desk')).toEqual({ ok: false, code: 'STATE.ROLE_NOT_ALLOWED' });
  });
});
