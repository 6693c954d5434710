import { dayGroupOf, groupDayPlan } from '@shared/domain/day-plan.rules';

/** 2026-12-06 23:30 in Shanghai: late enough that a UTC reading of "today" would be a day behind. */
const now = new Date('2026-12-06T15:30:00.000Z');
const order = (id: string, over: object = {}) => ({
  id,
  status: 'dispatched' as const,
  priority: 'normal' as const,
  appointment: null,
  preferredTime: null,
  createdAt: '2026-12-05T01:00:00.000Z',
  ...over,
});
const wish = (date: string, slot: 'morning' | 'afternoon' | 'evening' | 'any' = 'morning') => ({ preferredTime: { date, slot } });

describe("the technician's day plan in groups (issue 18, 4), Shanghai calendar", () => {
  it.each([
    ['尽快 (no planned time)', {}, 'today'],
    ['a wish for today', wish('2026-12-06', 'evening'), 'today'],
    ['an overdue wish', wish('2026-12-01'), 'today'],
    ['a wish for tomorrow', wish('2026-12-07', 'any'), 'tomorrow'],
    ['a booked window tomorrow morning (Shanghai), still today in UTC', { appointment: { start: '2026-12-06T23:00:00.000Z' } }, 'tomorrow'],
    ['a wish the day after tomorrow', wish('2026-12-08'), 'later'],
    ['a booked window next month', { appointment: { start: '2027-01-04T01:00:00.000Z' } }, 'later'],
  ] as const)('%s is %s', (_name, over, group) => expect(dayGroupOf(order('o', over), now)).toBe(group));

  it('R3: an urgent order is today\'s work whatever day it was wished for', () => {
    expect(dayGroupOf(order('u', { priority: 'urgent', ...wish('2026-12-09') }), now)).toBe('today');
  });

  it('R3: groups in order today, tomorrow, later, empty ones left out, urgent first inside each', () => {
    const plan = [
      order('later', wish('2026-12-10')),
      order('today-evening', wish('2026-12-06', 'evening')),
      order('tomorrow', wish('2026-12-07')),
      order('today-urgent', { priority: 'urgent', ...wish('2026-12-08') }),
      order('today-asap'),
    ];
    expect(groupDayPlan(plan, now).map((g) => [g.group, g.orders.map((o) => o.id)])).toEqual([
      ['today', ['today-urgent', 'today-asap', 'today-evening']],
      ['tomorrow', ['tomorrow']],
      ['later', ['later']],
    ]);
    expect(groupDayPlan([order('t', wish('2026-12-07'))], now).map((g) => g.group)).toEqual(['tomorrow']);
  });

  it('the clock decides: the same order is tomorrow\'s at 23:30 and today\'s half an hour later', () => {
    const o = order('o', wish('2026-12-07'));
    expect(dayGroupOf(o, now)).toBe('tomorrow');
    expect(dayGroupOf(o, new Date('2026-12-06T16:00:00.000Z'))).toBe('today');
  });
});
