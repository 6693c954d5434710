import { monthlySummary, type SummaryInput } from '@shared/domain/repair-summary.rules';
import { countingMonth } from '@shared/domain/month-close.rules';
import { repairWhere } from '@shared/messages/place-label';

const order = (id: string, createdAt: string, over: Partial<SummaryInput> = {}): SummaryInput => ({
  _id: id,
  address: { building: '1', unit: '1', room: '101' },
  place: null,
  category: 'water',
  priority: 'normal',
  status: 'submitted',
  createdAt,
  dispatchedAt: null,
  completedAt: null,
  pausedMs: 0,
  completion: null,
  quote: null,
  acceptance: null,
  countsFor: countingMonth(createdAt),
  sendBack: null,
  ...over,
});

describe('R8 R11 R12: the monthly repair summary', () => {
  const done = (id: string, createdAt: string, completedAt: string, amountFen: number) =>
    order(id, createdAt, { status: 'signed', dispatchedAt: createdAt, completedAt, completion: { beforePhotos: [], afterPhotos: [], materials: [], amountFen, at: completedAt } });

  const orders = [
    order('a', '2026-11-01T02:00:00.000Z', { category: 'elevator', priority: 'urgent' }),
    done('b', '2026-11-10T02:00:00.000Z', '2026-11-13T02:00:00.000Z', 3000),
    done('c', '2026-11-11T02:00:00.000Z', '2026-11-14T02:00:01.000Z', 5000),
    order('d', '2026-11-28T15:59:59.000Z'),
    order('e', '2026-11-28T16:00:00.000Z'),
    order('f', '2026-10-30T02:00:00.000Z'),
    order('g', '2026-10-05T02:00:00.000Z', { countsFor: '2026-11', sendBack: { reason: 'x', at: '2026-10-20T00:00:00.000Z', review: { approved: true, opinion: '同意', signature: 's', at: '2026-10-21T00:00:00.000Z' } } }),
  ];

  it('R11: counts the month\'s orders, the last 2 days\' orders of the month before, and rolled-over send-backs; not its own last 2 days', () => {
    const s = monthlySummary('2026-11', orders, repairWhere);
    expect(s.rows.map((r) => r.id)).toEqual(['g', 'f', 'a', 'b', 'c', 'd']);
    expect(s.rolledOver).toBe(1);
    expect(monthlySummary('2026-12', orders, repairWhere).rows.map((r) => r.id)).toEqual(['e']);
  });

  it('R12: by category, urgency and status, with amounts in fen', () => {
    const s = monthlySummary('2026-11', orders, repairWhere);
    expect(s).toMatchObject({
      total: 6,
      byCategory: { water: 5, elevator: 1 },
      byPriority: { normal: 5, urgent: 1 },
      byStatus: { submitted: 4, signed: 2 },
      amountFen: 8000,
    });
  });

  it('R8 R9: each returned order shows "completed at", and the on-time rate counts 72 hours to the second', () => {
    const s = monthlySummary('2026-11', orders, repairWhere);
    expect(s.rows.find((r) => r.id === 'b')?.completedAt).toBe('2026-11-13T02:00:00.000Z');
    expect(s).toMatchObject({ returned: 2, onTimeRate: 0.5 });
  });

  it('R6 R12: an order counts at its accepted quote, also one whose completion recorded another amount before issue 12', () => {
    const accepted = { quote: { lines: [], totalFen: 3000, at: '2026-11-10T03:00:00.000Z' }, acceptance: { via: 'resident_phone' as const, signature: null, at: '2026-11-10T03:05:00.000Z' } };
    const forged = { ...done('h', '2026-11-10T02:00:00.000Z', '2026-11-10T04:00:00.000Z', 1), ...accepted };
    expect(monthlySummary('2026-11', [forged], repairWhere)).toMatchObject({ amountFen: 3000, rows: [{ id: 'h', amountFen: 3000 }] });
  });

  it('an empty month has no on-time rate rather than 0 %', () => {
    expect(monthlySummary('2030-01', orders, repairWhere)).toMatchObject({ total: 0, returned: 0, onTimeRate: null, amountFen: 0, rows: [] });
  });
});
