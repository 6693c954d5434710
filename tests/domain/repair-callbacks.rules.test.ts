import { callableOrders, lastWeek, monthTopUp, planRepairCallbacks, type ReturnedOrder } from '@shared/domain/repair-callbacks.rules';

const order = (id: string, day: number, over: Partial<ReturnedOrder> = {}): ReturnedOrder => ({
  id,
  priority: 'normal',
  completedAt: `2026-11-${String(day).padStart(2, '0')}T02:00:00.000Z`,
  rating: { quality: 5, attitude: 5 },
  ...over,
});

describe('R10 R13: repair callbacks', () => {
  it('R13: last week runs Monday 00:00 to Sunday 24:00 in Shanghai, even when UTC is still on Sunday', () => {
    const { from, to } = lastWeek(new Date('2026-11-23T01:00:00.000Z'));
    expect([from.toISOString(), to.toISOString()]).toEqual(['2026-11-15T16:00:00.000Z', '2026-11-22T16:00:00.000Z']);
  });

  it('R10 R13: every urgent order and every order rated 3 or below is called back, whatever the quota', () => {
    const week = [order('u', 16, { priority: 'urgent' }), order('low', 17, { rating: { quality: 5, attitude: 3 } }), order('ok', 18)];
    expect(planRepairCallbacks(week, new Set())).toEqual([
      { repairId: 'u', reason: 'urgent' },
      { repairId: 'low', reason: 'low_rating' },
    ]);
  });

  it.each([
    [1, 1],
    [2, 1],
    [3, 2],
    [4, 2],
    [7, 4],
  ])('R13: %i orders in a week → at least %i callbacks', (count, expected) => {
    const week = Array.from({ length: count }, (_, i) => order(`o${i}`, 16 + (i % 7)));
    expect(planRepairCallbacks(week, new Set())).toHaveLength(expected);
  });

  it('R13: the quota takes the oldest others first; calls already made count and are not planned again', () => {
    const week = [order('a', 16), order('b', 17), order('c', 18), order('d', 19)];
    expect(planRepairCallbacks(week, new Set())).toEqual([
      { repairId: 'a', reason: 'quota' },
      { repairId: 'b', reason: 'quota' },
    ]);
    expect(planRepairCallbacks(week, new Set(['a', 'c']))).toEqual([]);
    expect(planRepairCallbacks(week, new Set(['d']))).toEqual([{ repairId: 'a', reason: 'quota' }]);
  });

  it('R13: an order not yet rated is neither low-rated nor excluded from the quota', () => {
    expect(planRepairCallbacks([order('x', 16, { rating: null })], new Set())).toEqual([{ repairId: 'x', reason: 'quota' }]);
  });

  it('R13: a month below 50 % is topped up among satisfied residents, most recent first', () => {
    const month = [order('a', 3), order('b', 10, { rating: { quality: 3, attitude: 5 } }), order('c', 12), order('d', 20), order('e', 25), order('f', 26, { rating: null })];
    expect(monthTopUp(month, new Set(['a']))).toEqual([
      { repairId: 'e', reason: 'quota' },
      { repairId: 'd', reason: 'quota' },
    ]);
    expect(monthTopUp(month, new Set(['a', 'b', 'c']))).toEqual([]);
  });
});

describe('R10 R13 issue 18 (5): orders nobody reported', () => {
  it('R10: are not called back, and are counted as skipped for having no resident, outside R13\'s half', () => {
    const wang = { id: 'a', residentOpenid: 'o-wang', residentName: '王秀英' };
    const round = { id: 'b', residentOpenid: null, residentName: null };
    expect(callableOrders([wang, round, { ...round, id: 'c' }])).toEqual({ callable: [wang], skipped: [{ reason: 'no_resident', count: 2 }] });
    expect(callableOrders([wang])).toEqual({ callable: [wang], skipped: [] });
  });
});
