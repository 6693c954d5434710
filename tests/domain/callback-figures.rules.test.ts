import { check, countByKind, weeksOf } from '@shared/domain/callback-figures.rules';
import { planRepairCallbacks } from '@shared/domain/repair-callbacks.rules';

describe('B4 R13 C7: callback figures', () => {
  it('R13: exactly 50 % meets the repair check; one short does not; nothing returned is met', () => {
    expect(check(4, 2, 0.5)).toEqual({ rate: 0.5, met: true });
    expect(check(5, 2, 0.5)).toEqual({ rate: 0.4, met: false });
    expect(check(0, 0, 0.5)).toEqual({ rate: null, met: true });
  });

  it('C7: the complaint check needs every one', () => {
    expect(check(3, 3, 1).met).toBe(true);
    expect(check(3, 2, 1).met).toBe(false);
  });

  it('R13: an odd week of 5 orders needs 3 calls (rounded up)', () => {
    const week = [1, 2, 3, 4, 5].map((d) => ({ id: `o${d}`, priority: 'normal' as const, completedAt: `2026-11-1${d}T02:00:00.000Z`, rating: { quality: 5, attitude: 5 } }));
    expect(planRepairCallbacks(week, new Set())).toHaveLength(3);
  });

  it('B4: a week crossing a month end is cut at the month: November 2026 starts on a Sunday and ends on a Monday', () => {
    const weeks = weeksOf('2026-11');
    expect(weeks[0]).toEqual({ from: new Date('2026-11-01T00:00:00+08:00'), to: new Date('2026-11-02T00:00:00+08:00') });
    expect(weeks[weeks.length - 1]).toEqual({ from: new Date('2026-11-30T00:00:00+08:00'), to: new Date('2026-12-01T00:00:00+08:00') });
    expect(weeks).toHaveLength(6);
  });

  it('B4: counts by kind list every kind, zeros included', () => {
    const counts = countByKind([{ kind: 'repair', createdAt: '', done: true, reached: true, satisfied: false }]);
    expect(counts.map((c) => [c.kind, c.planned, c.done, c.reached, c.satisfied])).toEqual([
      ['repair', 1, 1, 1, 0],
      ['complaint', 0, 0, 0, 0],
      ['routine', 0, 0, 0, 0],
      ['visit', 0, 0, 0, 0],
    ]);
  });
});
