import { complaints } from '@shared/contracts';
import { callAs, complaintInput, raw, startRuntime, WANG, WANG_ROOM, ZHANG, ZHANG_ROOM } from './harness';

/** Eight households of the seed, one resident each (吴芳 shares 王秀英's room, so she is left out). */
const households = [
  { openid: WANG, roomId: WANG_ROOM },
  { openid: ZHANG, roomId: ZHANG_ROOM },
  { openid: 'o-res-li', roomId: 'demo:1-1-302' },
  { openid: 'o-res-zhao', roomId: 'demo:1-2-601' },
  { openid: 'o-res-zhou', roomId: 'demo:1-1-702' },
  { openid: 'o-res-liu', roomId: 'demo:2-1-1001' },
  { openid: 'o-res-yang', roomId: 'demo:2-2-1202' },
  { openid: 'o-res-huang', roomId: 'demo:2-2-402' },
];

const ROUNDS = 3;

/**
 * C3 under contention: every filing on a matter writes the matter's document, so filings at the same
 * moment conflict there. Each must still come back ok (its retries spaced out, the matter locked
 * first so a winner always commits), and the group must be raised once, by the fifth, with the
 * later ones joining it: never two groups, never a household lost or counted twice.
 */
describe('C3: households filing on one matter at the same moment', () => {
  it.each(Array.from({ length: ROUNDS }, (_, i) => [i + 1]))('C3 round %i: eight households at once all come back ok and form exactly one group of eight', async () => {
    const rt = await startRuntime();
    try {
      const results = await Promise.all(households.map((h) => callAs(rt, h.openid, complaints.create, complaintInput(h.roomId))));
      expect(results.map((r) => (r.ok ? 'ok' : r.code))).toEqual(households.map(() => 'ok'));
      const filed = raw<{ _id: string; roomId: string; status: string; groupId: string | null }>(rt, 'complaints');
      expect(filed).toHaveLength(8);
      const groups = raw<{ _id: string; memberIds: string[]; roomIds: string[] }>(rt, 'complaintGroups');
      expect(groups).toHaveLength(1);
      const [group] = groups;
      expect([...group!.memberIds].sort()).toEqual(filed.map((c) => c._id).sort());
      expect([...group!.roomIds].sort()).toEqual(households.map((h) => h.roomId).sort());
      expect(filed.map((c) => [c.status, c.groupId])).toEqual(filed.map(() => ['grouped', group!._id]));
      const matters = raw<{ openGroupId: string | null; recent: unknown[] }>(rt, 'complaintMatters');
      expect(matters.map((m) => m.openGroupId)).toEqual([group!._id]);
    } finally {
      rt.close();
    }
  }, 60_000);
});
