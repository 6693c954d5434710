import { isPeriod, kindOf, monthsOfPeriod, periodAt, previousPeriod, spanOf } from '@shared/time/report-period';
import { periodName } from '@shared/messages/period-name';
import { change, propertyFigures, repairFigures, type ReportRepair } from '@shared/domain/report.rules';

describe('R12 C8: report periods in the Shanghai calendar', () => {
  it('the period holding an instant: Sunday 23:30 Shanghai is still that week, month and quarter', () => {
    const sunday = new Date('2026-11-29T15:30:00.000Z');
    expect([periodAt('week', sunday), periodAt('month', sunday), periodAt('quarter', sunday)]).toEqual(['2026-11-23', '2026-11', '2026-Q4']);
    const mondayShanghai = new Date('2026-11-29T16:00:00.000Z');
    expect(periodAt('week', mondayShanghai)).toBe('2026-11-30');
    expect(periodAt('month', new Date('2026-11-30T16:00:00.000Z'))).toBe('2026-12');
  });

  it('spans are [Shanghai midnight, next) with their first and last dates', () => {
    expect(spanOf('2026-11-30')).toEqual({ from: new Date('2026-11-29T16:00:00.000Z'), to: new Date('2026-12-06T16:00:00.000Z'), firstDate: '2026-11-30', lastDate: '2026-12-06' });
    expect(spanOf('2026-02')).toMatchObject({ firstDate: '2026-02-01', lastDate: '2026-02-28' });
    expect(spanOf('2026-Q4')).toMatchObject({ from: new Date('2026-09-30T16:00:00.000Z'), lastDate: '2026-12-31' });
  });

  it('the period before crosses years: the week, the month and the quarter', () => {
    expect([previousPeriod('2026-01-05'), previousPeriod('2026-01'), previousPeriod('2026-Q1')]).toEqual(['2025-12-29', '2025-12', '2025-Q4']);
  });

  it('R11: a month and a quarter name the counting months they cover; a week none', () => {
    expect(monthsOfPeriod('2026-Q3')).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(monthsOfPeriod('2026-11')).toEqual(['2026-11']);
    expect(monthsOfPeriod('2026-11-30')).toEqual([]);
    expect(kindOf('2026-11-30')).toBe('week');
  });

  it('a week is named by its Monday only; months and quarters by their pattern', () => {
    expect(['2026-11-30', '2026-11', '2026-Q4'].map(isPeriod)).toEqual([true, true, true]);
    expect(['2026-12-01', '2026-13', '2026-Q0', '2026-11-31', '2026'].map(isPeriod)).toEqual([false, false, false, false, false]);
  });

  it('periods as people say them', () => {
    expect([periodName('2026-11'), periodName('2026-Q4'), periodName('2026-11-30')]).toEqual(['2026年11月', '2026年第4季度', '11月30日–12月6日']);
  });
});

const order = (over: Partial<ReportRepair>): ReportRepair => ({
  id: 'r', category: 'water', building: '1', status: 'signed', dispatchedAt: '2026-11-02T00:00:00.000Z', completedAt: '2026-11-03T00:00:00.000Z', pausedMs: 0, technician: null, rating: null, ...over,
});

describe('R9 R13: SLA attainment and callback rate of a period\'s orders', () => {
  it('exactly 3 days out is on time; a blocker\'s time does not count; open orders are not returned', () => {
    const figures = repairFigures(
      [
        order({ id: 'a', completedAt: '2026-11-05T00:00:00.000Z' }),
        order({ id: 'b', completedAt: '2026-11-06T00:00:00.000Z', pausedMs: 86_400_000 }),
        order({ id: 'c', completedAt: '2026-11-05T00:00:01.000Z' }),
        order({ id: 'd', status: 'in_progress', completedAt: null }),
      ],
      new Set(['a', 'd']),
    );
    expect(figures).toMatchObject({ total: 4, returned: 3, returnedOnTime: 2, slaRate: 2 / 3, calledBack: 1, callbackRate: 1 / 3 });
  });

  it('no orders: rates are null, not 0 (nothing to attain)', () => {
    expect(repairFigures([], new Set())).toMatchObject({ slaRate: null, callbackRate: null });
    expect([change(0.5, null), change(0.75, 0.5), change(3, 5)]).toEqual([null, 0.25, -2]);
  });

  it('issue 14 (3): a property\'s ratings are the mean over every rating, not a mean of technicians\' means', () => {
    const cards = [
      { memberId: 'a', name: '甲', ratings: 3, ownPhoneRatings: 0, quality: 5, attitude: 5, onTimeRate: 1, returned: 3, openLoad: 0 },
      { memberId: 'b', name: '乙', ratings: 1, ownPhoneRatings: 0, quality: 1, attitude: 3, onTimeRate: 1, returned: 1, openLoad: 0 },
    ];
    const figures = propertyFigures({ repairs: repairFigures([], new Set()), complaints: { total: 0, byClass: { major: 0, general: 0, non_responsible: 0, assistance: 0, unclassified: 0 }, handled: 0, handlingRate: null, onTime: 0, onTimeRate: null, calledBack: 0, callbackRate: null }, callbacks: [], technicians: cards });
    expect([figures.quality, figures.attitude]).toEqual([4, 4.5]);
  });
});
