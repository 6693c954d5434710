import { boundSince, filedBy, householdOf, seesRepair } from '@shared/domain/household.rules';

const ROOM = 'demo:1-1-101';
const OTHER_ROOM = 'demo:1-1-302';
const MEMBER_SINCE = '2026-01-05T02:00:00.000Z';
const BOUND_AT = '2026-03-01T08:00:00.000Z';
const approved = (roomId: string, at: string) => ({ roomId, status: 'approved' as const, review: { at } });
const wu = { openid: 'o-res-wu', roomIds: [ROOM], createdAt: MEMBER_SINCE };
const repair = (createdAt: string, residentOpenid = 'o-res-wang', roomId: string | null = ROOM) => ({ residentOpenid, roomId, createdAt });
const shifted = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

describe('issue 18 (5), C3 households by room: when a resident was bound to a room', () => {
  it('C3: the approval of her request for the room binds her, not the request or the membership', () => {
    expect(boundSince(ROOM, [{ roomId: ROOM, status: 'approved', review: { at: BOUND_AT } }], MEMBER_SINCE)).toBe(BOUND_AT);
  });

  it('C3: a resident who left and came back is bound from her latest approval', () => {
    const back = '2026-06-01T00:00:00.000Z';
    expect(boundSince(ROOM, [approved(ROOM, back), approved(ROOM, BOUND_AT)], MEMBER_SINCE)).toBe(back);
  });

  it('C3: pending and rejected requests, and another room\'s approval, bind nobody; a room with no request is hers since her membership', () => {
    const others = [{ roomId: ROOM, status: 'pending' as const, review: null }, { roomId: ROOM, status: 'rejected' as const, review: { at: BOUND_AT } }, approved(OTHER_ROOM, BOUND_AT)];
    expect(boundSince(ROOM, others, MEMBER_SINCE)).toBe(MEMBER_SINCE);
  });
});

describe('issue 18 (5), C3: a household sees the repairs of its room filed since each of them was bound', () => {
  const household = householdOf(wu, [approved(ROOM, BOUND_AT)]);

  it('C3: filed 1 ms before she was bound: not hers to see (a new tenant never sees the last tenant\'s)', () => {
    expect(seesRepair(household, repair(shifted(BOUND_AT, -1)))).toBe(false);
  });

  it('C3: filed at the instant she was bound, and after it: she sees it', () => {
    expect(seesRepair(household, repair(BOUND_AT))).toBe(true);
    expect(seesRepair(household, repair(shifted(BOUND_AT, 1)))).toBe(true);
  });

  it('C3: a public place\'s repair (no room) is followed by the one who reported it, not by her household', () => {
    expect(seesRepair(household, repair(shifted(BOUND_AT, 1), 'o-res-wang', null))).toBe(false);
    expect(seesRepair(household, repair(shifted(BOUND_AT, 1), 'o-res-wu', null))).toBe(true);
  });

  it('C3: once unbound from the room she no longer sees its repairs, however recent', () => {
    const unbound = householdOf({ ...wu, roomIds: [OTHER_ROOM] }, [approved(ROOM, BOUND_AT)]);
    expect(seesRepair(unbound, repair(shifted(BOUND_AT, 1)))).toBe(false);
  });

  it('C3: another room\'s repairs stay with that room', () => {
    expect(seesRepair(household, repair(shifted(BOUND_AT, 1), 'o-res-li', OTHER_ROOM))).toBe(false);
  });

  it('her own filings stay hers: before she was bound, and in a room she has left', () => {
    expect(seesRepair(household, repair(shifted(BOUND_AT, -1), wu.openid))).toBe(true);
    expect(seesRepair(householdOf({ ...wu, roomIds: [] }, []), repair(BOUND_AT, wu.openid, OTHER_ROOM))).toBe(true);
  });

  it('R7: only the one who filed rates; the household only follows', () => {
    expect(filedBy(household, repair(BOUND_AT, wu.openid))).toBe(true);
    expect(filedBy(household, repair(BOUND_AT))).toBe(false);
  });
});
