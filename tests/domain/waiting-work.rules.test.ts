import { waitingFor } from '@shared/domain/waiting-for.rules';
import { ratableSince, TOP_CASE_RANK, URGENT_OUT_RANK, URGENT_WAITING_RANK, WAITING_DISPATCH_MAX_RANK } from '@shared/domain/waiting-work.rules';
import { caseRank } from '@shared/domain/complaint-queue.rules';
import { queueRank } from '@shared/domain/repair-queue.rules';
import { roles } from '@shared/model/member.model';

describe('issue 14 (2): what a member\'s badge counts in another property', () => {
  it.each([
    ['desk', 'desk'],
    ['supervisor', 'desk'],
    ['manager', 'desk'],
    ['technician', 'technician'],
    ['resident', 'resident'],
    ['admin', null],
  ] as const)('%s counts the work of the %s', (role, kind) => {
    expect(waitingFor(role)).toBe(kind);
  });

  it('every role is placed', () => {
    expect(roles.filter((r) => r !== 'admin' && waitingFor(r) === null)).toEqual([]);
  });

  it('R3: ranks up to WAITING_DISPATCH_MAX_RANK are exactly the orders waiting for dispatch; urgent ones have their own rank, waiting and out', () => {
    const ranks = (['submitted', 'dispatched', 'acknowledged', 'rescheduling', 'sent_back', 'signed'] as const).flatMap((status) =>
      (['urgent', 'normal'] as const).map((priority) => ({ status, priority, rank: queueRank({ status, priority }) })),
    );
    expect(ranks.filter((r) => r.rank <= WAITING_DISPATCH_MAX_RANK).map((r) => r.status)).toEqual(['submitted', 'submitted']);
    expect(ranks.filter((r) => r.rank === URGENT_WAITING_RANK).map((r) => [r.status, r.priority])).toEqual([['submitted', 'urgent']]);
    expect(ranks.filter((r) => r.rank === URGENT_OUT_RANK).every((r) => r.priority === 'urgent' && r.status !== 'submitted')).toBe(true);
  });

  it('C9: only an open case of top urgency has the top rank', () => {
    expect([caseRank({ status: 'handling', urgency: 'top' }), caseRank({ status: 'received', urgency: 'normal' }), caseRank({ status: 'resolved', urgency: 'top' })]).toEqual([
      TOP_CASE_RANK,
      TOP_CASE_RANK + 1,
      9,
    ]);
  });

  it('R7: a signed order waits for its rating for 7 days from the sign-off', () => {
    expect(ratableSince(new Date('2026-11-30T02:00:00.000Z'))).toBe('2026-11-23T02:00:00.000Z');
  });
});
