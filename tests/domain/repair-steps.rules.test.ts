import { stepRefusal, takeStep, type StepFacts } from '@shared/domain/repair-steps.rules';
import { pauseEnded } from '@shared/domain/return.rules';
import { allowedActions } from '@shared/domain/state-machine';
import { repairMachine, type RepairState } from '@shared/domain/repair.machine';

const at = '2026-11-23T04:00:00.000Z';
const fees = [
  { code: 'tap-replace', name: '更换水龙头（人工）', priceFen: 3000 },
  { code: 'pipe-fix', name: '水管维修（人工）', priceFen: 5000 },
];
const quoted = { quote: { totalFen: 3000 }, acceptance: null };
const accepted = { quote: { totalFen: 3000 }, acceptance: { via: 'resident_phone' } };
const byTechnician = (order: StepFacts['order'] = {}): StepFacts => ({ at, role: 'technician', order, fees });
const byResident = (order: StepFacts['order'] = {}): StepFacts => ({ at, role: 'resident', order, fees });

describe('R4 R5: the visit steps record when they happened', () => {
  it('R4: acknowledging records the time', () => {
    expect(takeStep('acknowledge', {}, byTechnician())).toEqual({ ok: true, change: { acknowledgedAt: at } });
  });

  it('R5: arriving records the time at the door', () => {
    expect(takeStep('arrive', {}, byTechnician())).toEqual({ ok: true, change: { arrivedAt: at } });
  });

  it('R5: nobody home: the note goes on the order', () => {
    expect(takeStep('noAnswer', { note: '敲门三分钟无人应答' }, byTechnician())).toEqual({ ok: true, change: { visitNote: '敲门三分钟无人应答' } });
  });

  it('R5: the 3-minute wait is the machine’s guard, by the clock passed in', () => {
    const arrived: RepairState = { status: 'arrived', version: 5, arrivedAt: '2026-11-23T04:00:00.000Z' };
    expect(allowedActions(repairMachine, arrived, 'technician', new Date('2026-11-23T04:02:59.999Z'))).not.toContain('noAnswer');
    expect(allowedActions(repairMachine, arrived, 'technician', new Date('2026-11-23T04:03:00.000Z'))).toContain('noAnswer');
  });
});

describe('R6: the quote is priced from the fee schedule and accepted before work', () => {
  it('R6: priced from the schedule, never from the client; any earlier acceptance no longer stands', () => {
    expect(takeStep('quote', { items: [{ code: 'tap-replace', qty: 2 }, { code: 'pipe-fix', qty: 1 }] }, byTechnician(accepted))).toEqual({
      ok: true,
      change: {
        quote: {
          lines: [
            { code: 'tap-replace', name: '更换水龙头（人工）', priceFen: 3000, qty: 2 },
            { code: 'pipe-fix', name: '水管维修（人工）', priceFen: 5000, qty: 1 },
          ],
          totalFen: 11000,
          at,
        },
        acceptance: null,
      },
    });
  });

  it('R6: an item not on the schedule is refused', () => {
    expect(takeStep('quote', { items: [{ code: 'gold-tap', qty: 1 }] }, byTechnician())).toEqual({ ok: false, code: 'REPAIR.UNKNOWN_FEE_ITEM' });
  });

  it('R6: on the technician’s phone only with the resident’s signature', () => {
    expect(stepRefusal('accept', {}, 'technician', quoted)).toBe('REPAIR.SIGNATURE_REQUIRED');
    expect(takeStep('accept', { signature: 'uploads/li/sig.png' }, byTechnician(quoted))).toEqual({
      ok: true,
      change: { acceptance: { via: 'signature_on_site', signature: 'uploads/li/sig.png', at } },
    });
  });

  it('R6: on the resident’s own phone by their tap, no signature kept', () => {
    expect(takeStep('accept', { signature: 'uploads/li/sig.png' }, byResident(quoted))).toEqual({
      ok: true,
      change: { acceptance: { via: 'resident_phone', signature: null, at } },
    });
  });
});

describe('R7: completion is charged at the accepted quote, and the resident signs and rates', () => {
  const work = { beforePhotos: ['b.jpg'], afterPhotos: ['a.jpg'], materials: [{ name: '水龙头', qty: 1, amountFen: 2500 }] };

  it('R6 R7: the amount is the accepted quote’s total; material prices are not kept', () => {
    expect(takeStep('complete', work, byTechnician(accepted))).toEqual({
      ok: true,
      change: { completion: { beforePhotos: ['b.jpg'], afterPhotos: ['a.jpg'], materials: [{ name: '水龙头', qty: 1 }], amountFen: 3000, at } },
    });
  });

  it('R6 R7: an amount sent by an older phone must be the accepted total', () => {
    expect(stepRefusal('complete', { ...work, amountFen: 2999 }, 'technician', accepted)).toBe('REPAIR.AMOUNT_NOT_QUOTED');
    expect(stepRefusal('complete', { ...work, amountFen: 3000 }, 'technician', accepted)).toBeNull();
  });

  it('R7 R8: the sign-off records the signature and "completed at"; stars given with it count as on site', () => {
    const stars = { quality: 5, attitude: 4, comment: '很快' };
    expect(takeStep('signOff', { signature: 's.png', rating: stars }, byTechnician())).toEqual({
      ok: true,
      change: { signOff: { signature: 's.png', at }, completedAt: at, rating: { ...stars, at, via: 'on_site' } },
    });
    expect(takeStep('signOff', { signature: 's.png' }, byTechnician())).toMatchObject({ ok: true, change: { rating: null } });
  });

  it('R7: a rating is the resident’s, from their own phone', () => {
    const stars = { quality: 4, attitude: 5, comment: '' };
    expect(takeStep('rate', { rating: stars }, byTechnician())).toEqual({ ok: false, code: 'REPAIR.RATING_IS_RESIDENTS' });
    expect(takeStep('rate', { rating: stars }, byResident())).toEqual({ ok: true, change: { rating: { ...stars, at, via: 'own_phone' } } });
  });
});

describe('R9 R11: blockers and send-backs', () => {
  it('R9: a blocker records its kind, reason and since when; clearing it removes it', () => {
    expect(takeStep('reportBlocker', { kind: 'parts', reason: '等配件' }, byTechnician())).toEqual({
      ok: true,
      change: { blocker: { kind: 'parts', reason: '等配件', since: at } },
    });
    expect(takeStep('clearBlocker', {}, byTechnician())).toEqual({ ok: true, change: { blocker: null } });
  });

  it('R9: one blocker at a time, and only an open one can be cleared (the machine’s guards)', () => {
    const onSite: RepairState = { status: 'arrived', version: 5, arrivedAt: at };
    const blocked: RepairState = { ...onSite, blocker: { kind: 'parts' } };
    const now = new Date(at);
    expect(allowedActions(repairMachine, onSite, 'technician', now)).toEqual(expect.arrayContaining(['reportBlocker']));
    expect(allowedActions(repairMachine, onSite, 'technician', now)).not.toContain('clearBlocker');
    expect(allowedActions(repairMachine, blocked, 'technician', now)).toContain('clearBlocker');
    expect(allowedActions(repairMachine, blocked, 'technician', now)).not.toContain('reportBlocker');
  });

  it('R9: the time a pause lasted is added to the time kept out of the return clock; a clock skewed backwards adds none', () => {
    expect(pauseEnded(60_000, '2026-11-23T02:00:00.000Z', new Date('2026-11-23T03:00:00.000Z'))).toBe(60_000 + 3600_000);
    expect(pauseEnded(60_000, null, new Date('2026-11-23T03:00:00.000Z'))).toBe(60_000);
    expect(pauseEnded(60_000, '2026-11-23T04:00:00.000Z', new Date('2026-11-23T03:00:00.000Z'))).toBe(60_000);
  });

  it('R11: a send-back records the reason for the supervisor', () => {
    expect(takeStep('sendBack', { reason: '非本岗位维修范围' }, byTechnician())).toEqual({
      ok: true,
      change: { sendBack: { reason: '非本岗位维修范围', at, review: null } },
    });
  });
});

describe('issue 18 (5): a public place\'s repair nobody reported', () => {
  const unreported = { ...quoted, noReporter: true };

  it('R6: its quote is the property\'s cost: the technician confirms it with no signature, and it stands accepted by the property', () => {
    expect(stepRefusal('accept', {}, 'technician', unreported)).toBeNull();
    expect(takeStep('accept', {}, byTechnician(unreported))).toEqual({ ok: true, change: { acceptance: { via: 'property', signature: null, at } } });
    expect(takeStep('accept', { signature: 'cloud://x/sig.png' }, byTechnician(unreported))).toEqual({ ok: true, change: { acceptance: { via: 'property', signature: null, at } } });
    expect(stepRefusal('accept', {}, 'technician', quoted)).toBe('REPAIR.SIGNATURE_REQUIRED');
  });

  it('R7: it is signed off by the staff member who checked it, and nobody rates it', () => {
    const stars = { quality: 5, attitude: 5, comment: '' };
    expect(stepRefusal('signOff', { signature: 'cloud://x/sig.png', rating: stars }, 'technician', unreported)).toBe('REPAIR.NOBODY_TO_RATE');
    expect(takeStep('signOff', { signature: 'cloud://x/sig.png' }, byTechnician(unreported))).toEqual({
      ok: true,
      change: { signOff: { signature: 'cloud://x/sig.png', at }, completedAt: at, rating: null },
    });
    expect(stepRefusal('signOff', { signature: 'cloud://x/sig.png', rating: stars }, 'technician', quoted)).toBeNull();
  });
});
