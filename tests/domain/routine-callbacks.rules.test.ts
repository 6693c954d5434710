import { pickRoutine } from '@shared/domain/routine-callbacks.rules';

const households = ['1', '2'].flatMap((building) => Array.from({ length: 10 }, (_, i) => ({ memberId: `mb_${building}_${i}`, building })));

describe('B1 B2: routine monthly callbacks, planned per building', () => {
  it('B1: two households of every building each month', () => {
    const picked = pickRoutine(households, '2026-11');
    expect(picked.filter((h) => h.building === '1')).toHaveLength(2);
    expect(picked.filter((h) => h.building === '2')).toHaveLength(2);
  });

  it('B1: the same month picks the same households, whatever order they come in', () => {
    expect(pickRoutine([...households].reverse(), '2026-11')).toEqual(pickRoutine(households, '2026-11'));
  });

  it('B1: the choice rotates from month to month', () => {
    const months = ['2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02'];
    const seen = new Set(months.flatMap((m) => pickRoutine(households, m).map((h) => h.memberId)));
    expect(seen.size).toBeGreaterThan(4);
  });

  it('B1: a household listed twice in one building counts once; a building with one household gets one call', () => {
    expect(pickRoutine([{ memberId: 'mb_a', building: '3' }, { memberId: 'mb_a', building: '3' }], '2026-11')).toEqual([{ memberId: 'mb_a', building: '3' }]);
  });
});
