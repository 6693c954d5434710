import { closedRefusal, invitedNeedsReview, inviteRefusal, relationTo, roomInvitePath } from '@shared/domain/room-invitation.rules';
import { DEFAULT_OWNER_INVITES } from '@shared/model/settings.model';

const ROOM = 'demo:1-1-101';
const OTHER_ROOM = 'demo:1-1-302';
const resident = { role: 'resident', status: 'active' as const, roomIds: [ROOM] };
const bound = (relation: 'owner' | 'family' | 'tenant', at: string, roomId = ROOM) => ({ roomId, status: 'approved' as const, relation, review: { at } });
const ON = { enabled: true, deskApproves: true };

describe('issue 18 (5): how a resident is bound to her room', () => {
  it('as her latest approved request for the room says: a tenant who came back as the owner is the owner', () => {
    expect(relationTo(ROOM, [bound('owner', '2026-06-01T00:00:00.000Z'), bound('tenant', '2026-01-01T00:00:00.000Z')])).toBe('owner');
    expect(relationTo(ROOM, [bound('owner', '2026-01-01T00:00:00.000Z'), bound('tenant', '2026-06-01T00:00:00.000Z')])).toBe('tenant');
  });

  it('a membership made with no approved request (the seed) holds its rooms as owner; pending and rejected requests do not change that', () => {
    const asked = [
      { roomId: ROOM, status: 'pending' as const, relation: 'tenant' as const, review: null },
      { roomId: ROOM, status: 'rejected' as const, relation: 'family' as const, review: { at: '2026-01-01T00:00:00.000Z' } },
    ];
    expect(relationTo(ROOM, [])).toBe('owner');
    expect(relationTo(ROOM, asked)).toBe('owner');
  });

  it('someone bound through requests owns no room her approved requests do not name (a tenant after her building was renamed)', () => {
    expect(relationTo(ROOM, [bound('tenant', '2026-01-01T00:00:00.000Z', OTHER_ROOM)])).toBeNull();
    expect(inviteRefusal(ON, resident, [bound('tenant', '2026-01-01T00:00:00.000Z', OTHER_ROOM)], ROOM)).toBe('ROOM_INVITATION.NOT_OWNER');
  });
});

describe('issue 18 (5): who may invite family or a tenant to bind a room', () => {
  it.each([
    ['an owner of the room', resident, [bound('owner', '2026-01-01T00:00:00.000Z')], ROOM, null],
    ['a tenant', resident, [bound('tenant', '2026-01-01T00:00:00.000Z')], ROOM, 'ROOM_INVITATION.NOT_OWNER'],
    ['a family member', resident, [bound('family', '2026-01-01T00:00:00.000Z')], ROOM, 'ROOM_INVITATION.NOT_OWNER'],
    ['an owner, for a room not hers', resident, [bound('owner', '2026-01-01T00:00:00.000Z')], OTHER_ROOM, 'ROOM_INVITATION.NOT_YOUR_ROOM'],
    ['a resident who left', { ...resident, status: 'inactive' as const }, [], ROOM, 'ROOM_INVITATION.NOT_YOUR_ROOM'],
    ['a staff member holding no room', { role: 'desk', status: 'active' as const, roomIds: [] }, [], ROOM, 'ROOM_INVITATION.NOT_YOUR_ROOM'],
  ] as const)('%s: %s', (_who, member, bindings, roomId, refusal) => {
    expect(inviteRefusal(ON, member, bindings, roomId)).toBe(refusal);
  });

  it('nobody invites where the property switched owners\' invitations off', () => {
    expect(inviteRefusal({ enabled: false, deskApproves: true }, resident, [], ROOM)).toBe('ROOM_INVITATION.OFF');
  });
});

describe('issue 18 (5): whether an invited person\'s binding waits for the desk', () => {
  it('it waits by default, as every request does; a property that switched the desk\'s review off binds her at once', () => {
    expect(invitedNeedsReview(DEFAULT_OWNER_INVITES)).toBe(true);
    expect(invitedNeedsReview({ enabled: true, deskApproves: false })).toBe(false);
  });

  it('the shared path opens the property\'s join page with the code', () => {
    expect(roomInvitePath('demo', 'ABCD2345')).toBe('pages/join/bind/index?p=demo&code=ABCD2345');
  });
});

describe('issue 18 (5): why a code can no longer be used or withdrawn', () => {
  const now = new Date('2026-11-23T02:00:00.000Z');
  it.each([
    ['open, before it expires', 'open', '2026-11-23T02:00:00.001Z', null],
    ['open, at the instant it expires', 'open', '2026-11-23T02:00:00.000Z', 'INVITATION.EXPIRED'],
    ['used', 'used', '2026-11-26T02:00:00.000Z', 'INVITATION.USED'],
    ['withdrawn by its owner, even after it would have expired', 'cancelled', '2026-11-20T02:00:00.000Z', 'ROOM_INVITATION.CANCELLED'],
  ] as const)('%s', (_name, status, expiresAt, refusal) => {
    expect(closedRefusal({ status, expiresAt }, now)).toBe(refusal);
  });
});
