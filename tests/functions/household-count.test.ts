import { members, repairs } from '@shared/contracts';
import { callAs, DESK_ON_SHIFT, expectOk, newCommandId, PROPERTY, repairInput, startRuntime, WANG, WANG_ROOM } from './harness';
import type { Rt } from './work-order';

const WU = 'o-res-wu';
const LI = 'o-res-li';
const LI_ROOM = 'demo:1-1-302';

/**
 * Issue 18 (5): a household's list counts each bound room's repairs by a count on an index, from
 * when she was bound to the room: from her membership's time in the call's own wait, and from a
 * later binding (a second room, or her return) once her bindings are read.
 */
describe('issue 18 (5): her household\'s repairs, counted from when she was bound to each room', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  const listed = async (open: boolean) => expectOk(await callAs(rt, WU, repairs.listMine, { propertyId: PROPERTY, open, limit: 1 }));

  it('C3: 吴芳 bound to 李娜\'s room after its first repair counts only the one filed after, beside her first room\'s, open or all, a page of one at a time', async () => {
    const before = expectOk(await callAs(rt, LI, repairs.create, repairInput({ roomId: LI_ROOM, description: '客厅插座没电' })));
    rt.clock.advanceMinutes(5);
    const asked = expectOk(await callAs(rt, WU, members.requestBinding, { propertyId: PROPERTY, commandId: newCommandId(), roomId: LI_ROOM, name: '吴芳', relation: 'tenant', phone: '13800001101' }));
    rt.clock.advanceMinutes(1);
    expectOk(await callAs(rt, DESK_ON_SHIFT, members.reviewBinding, { propertyId: PROPERTY, commandId: newCommandId(), bindingId: asked.id, version: asked.version, decision: 'approve', reason: '' }));
    rt.clock.advanceMinutes(1);
    const after = expectOk(await callAs(rt, LI, repairs.create, repairInput({ roomId: LI_ROOM, description: '卧室窗户关不严' })));
    rt.clock.advanceMinutes(1);
    const wangs = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ roomId: WANG_ROOM })));

    for (const open of [false, true]) {
      const first = await listed(open);
      expect({ open, ids: first.items.map((r) => r.id), total: first.total }).toEqual({ open, ids: [wangs.id], total: 2 });
      const second = expectOk(await callAs(rt, WU, repairs.listMine, { propertyId: PROPERTY, open, limit: 1, cursor: first.next }));
      expect({ open, ids: second.items.map((r) => r.id), next: second.next }).toEqual({ open, ids: [after.id], next: null });
    }
    expect(before.id).not.toBe(after.id);
  });
});
