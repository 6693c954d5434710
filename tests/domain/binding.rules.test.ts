import { approvalOf, MAX_PENDING_REQUESTS, requestRefusal, reviewRefusal } from '@shared/domain/binding.rules';

const resident = (roomIds: string[], status: 'active' | 'inactive' = 'active') => ({ role: 'resident' as const, status, roomIds });
const ROOM = 'demo:1-1-101';

describe('residents bind rooms (issue 7, point 4)', () => {
  it('a new WeChat user may ask for any room; a resident for a room not yet theirs', () => {
    expect(requestRefusal(null, [], ROOM)).toBeNull();
    expect(requestRefusal(resident(['demo:2-1-201']), [], ROOM)).toBeNull();
  });

  it('asking again for a room already bound, or already waiting, is refused', () => {
    expect(requestRefusal(resident([ROOM]), [], ROOM)).toBe('BINDING.ALREADY_BOUND');
    expect(requestRefusal(null, [{ roomId: ROOM, status: 'pending' }], ROOM)).toBe('BINDING.ALREADY_PENDING');
  });

  it('a rejected request can be made again', () => {
    expect(requestRefusal(null, [{ roomId: ROOM, status: 'rejected' }], ROOM)).toBeNull();
  });

  it(`at most ${MAX_PENDING_REQUESTS} requests wait at once, so nobody floods the desk`, () => {
    const waiting = Array.from({ length: MAX_PENDING_REQUESTS }, (_, i) => ({ roomId: `demo:2-2-${i + 1}02`, status: 'pending' as const }));
    expect(requestRefusal(null, waiting, ROOM)).toBe('BINDING.TOO_MANY_PENDING');
    expect(requestRefusal(null, waiting.slice(1), ROOM)).toBeNull();
  });

  it('active staff cannot also be residents of their property; a former staff member can', () => {
    expect(requestRefusal({ role: 'desk', status: 'active', roomIds: [] }, [], ROOM)).toBe('BINDING.STAFF_CANNOT_BIND');
    expect(requestRefusal({ role: 'desk', status: 'inactive', roomIds: [] }, [], ROOM)).toBeNull();
  });

  it('approval makes a new resident, brings a former member back with this room only, or adds the room once', () => {
    expect(approvalOf(null, ROOM)).toEqual({ kind: 'create', roomIds: [ROOM] });
    expect(approvalOf(resident(['demo:2-1-201'], 'inactive'), ROOM)).toEqual({ kind: 'reactivate', roomIds: [ROOM] });
    expect(approvalOf(resident(['demo:2-1-201']), ROOM)).toEqual({ kind: 'addRoom', roomIds: ['demo:2-1-201', ROOM] });
    expect(approvalOf(resident([ROOM]), ROOM)).toEqual({ kind: 'addRoom', roomIds: [ROOM] });
    expect(approvalOf({ role: 'technician', status: 'active', roomIds: [] }, ROOM)).toEqual({ kind: 'refuse', code: 'BINDING.STAFF_CANNOT_BIND' });
  });

  it('a rejection needs a reason the applicant will read; an approval does not', () => {
    expect(reviewRefusal('reject', ' ')).toBe('BINDING.REASON_REQUIRED');
    expect(reviewRefusal('reject', '信息不符')).toBeNull();
    expect(reviewRefusal('approve', '')).toBeNull();
  });
});
