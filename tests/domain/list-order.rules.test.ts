import { compareDayPlan, plannedAt, QUEUE_CLOSED, queueRank } from '@shared/domain/repair-queue.rules';
import { CASE_CLOSED, caseDue, caseRank } from '@shared/domain/complaint-queue.rules';
import { repairStatuses } from '@shared/model/repair.model';

describe('R3: the desk\'s queue rank', () => {
  it.each([
    ['submitted', 'urgent', 0],
    ['submitted', 'normal', 1],
    ['dispatched', 'urgent', 2],
    ['sent_back', 'normal', 3],
    ['signed', 'urgent', QUEUE_CLOSED],
  ] as const)('R3: %s and %s rank %s', (status, priority, rank) => expect(queueRank({ status, priority })).toBe(rank));

  it('R3: an urgent repair leaves the top once dispatched, but stays above every normal one out with a technician', () => {
    const ranks = repairStatuses.filter((s) => s !== 'signed' && s !== 'submitted').map((status) => queueRank({ status, priority: 'urgent' }));
    expect(new Set(ranks)).toEqual(new Set([2]));
    expect(queueRank({ status: 'submitted', priority: 'normal' })).toBeLessThan(2);
  });
});

describe('a technician\'s day plan', () => {
  it('V4: a booked window plans the order at its start; a wish at the start of its part of the day, Shanghai time; none is "尽快" (\'\')', () => {
    expect(plannedAt({ appointment: { start: '2026-11-24T10:30:00.000Z' }, preferredTime: { date: '2026-11-24', slot: 'morning' } })).toBe('2026-11-24T10:30:00.000Z');
    expect(plannedAt({ appointment: null, preferredTime: { date: '2026-11-24', slot: 'evening' } })).toBe('2026-11-24T10:00:00.000Z');
    expect(plannedAt({ appointment: null, preferredTime: null })).toBe('');
  });

  it('R3: urgent first, then 尽快, then the earliest planned, then the oldest', () => {
    const order = (id: string, over: object) => ({ id, status: 'dispatched' as const, priority: 'normal' as const, appointment: null, preferredTime: null, createdAt: '2026-11-23T01:00:00.000Z', ...over });
    const plan = [
      order('evening', { preferredTime: { date: '2026-11-24', slot: 'evening' } }),
      order('asap', {}),
      order('window', { appointment: { start: '2026-11-24T01:00:00.000Z' } }),
      order('urgent', { priority: 'urgent', preferredTime: { date: '2026-11-25', slot: 'any' } }),
    ];
    expect(plan.sort(compareDayPlan).map((o) => o.id)).toEqual(['urgent', 'asap', 'window', 'evening']);
  });
});

describe('C4 C9: the desk\'s complaint list rank', () => {
  it.each([
    ['received', 'top', 0],
    ['handling', 'normal', 1],
    ['grouped', 'top', CASE_CLOSED],
    ['resolved', 'normal', CASE_CLOSED],
  ] as const)('C9: a %s case of %s urgency ranks %s', (status, urgency, rank) => expect(caseRank({ status, urgency })).toBe(rank));

  it('C4: the time limit still to meet orders the case; one met, or none, sorts after every instant', () => {
    expect(caseDue({ dueAt: '2026-11-23T16:00:00.000Z', dueMetAt: null })).toBe('2026-11-23T16:00:00.000Z');
    expect(caseDue({ dueAt: '2026-11-23T16:00:00.000Z', dueMetAt: '2026-11-23T10:00:00.000Z' }) > '2099-12-31T00:00:00.000Z').toBe(true);
    expect(caseDue({ dueAt: null, dueMetAt: null })).toBe(caseDue({ dueAt: 'x', dueMetAt: 'y' }));
  });
});
