import { catalogue, complaints, isCompanyAction, repairs, session, type Action } from '@shared/contracts';
import { openProperty, resident, staff } from './company-harness';
import {
  callAs,
  complaintInput,
  DESK_ON_SHIFT,
  expectOk,
  expectRefusedUnchanged,
  MANAGER,
  memberIdOf,
  newCommandId,
  PROPERTY,
  repairInput,
  snapshot,
  startRuntime,
  SUPERVISOR,
  TECH_LI,
  TECH_MA,
  WANG,
  WANG_ROOM,
} from './harness';
import { validInputs } from './valid-inputs';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
const MAPLE = 'maple-court';
const PINE = 'pine-court';
const MGR_B = 'o-mgr-b';
const DESK_B = 'o-desk-b';
const TECH_B = 'o-tech-b';

/** Every input of the valid-input table moved to another property: the same ids, named there. */
const movedTo = (propertyId: string, input: Record<string, unknown>) => JSON.parse(JSON.stringify(input).replaceAll(`"${PROPERTY}`, `"${propertyId}`)) as Record<string, unknown>;

/**
 * Issue 14 (2, 4): three properties of one company, the second and third made through the API (the
 * seeded one first); a technician shared by two, a resident who owns rooms in two. Nothing of one
 * property is reachable from another, whatever id the caller names.
 */
describe('people in several properties act in each only through that membership (issue 14, points 2 and 4)', () => {
  let rt: Rt;
  let repairId: string;
  let mapleRoom: string;
  let mapleTechId: string;
  let maMapleId: string;
  beforeAll(async () => {
    rt = await startRuntime();
    repairId = expectOk(await callAs(rt, WANG, repairs.create, repairInput())).id;
    await openProperty(rt, MAPLE, '枫林苑', { manager: MGR_B, desk: DESK_B, template: PROPERTY });
    await openProperty(rt, PINE, '松涛苑', { manager: 'o-mgr-c', desk: 'o-desk-c' });
    mapleTechId = (await staff(rt, MAPLE, MGR_B, TECH_B, 'technician', '枫林师傅')).memberId;
    maMapleId = (await staff(rt, MAPLE, MGR_B, TECH_MA, 'technician', '马超')).memberId;
    mapleRoom = await resident(rt, MAPLE, MGR_B, DESK_B, WANG, ['5', '1', '101']);
  });
  afterAll(() => rt.close());

  it('session.context names every membership of the caller and no openid; each property answers with its own', async () => {
    const demo = expectOk(await callAs(rt, WANG, session.context, { propertyId: PROPERTY }));
    const maple = expectOk(await callAs(rt, WANG, session.context, { propertyId: MAPLE }));
    expect(demo.memberships?.map((m) => m.propertyId).sort()).toEqual([PROPERTY, MAPLE]);
    expect([demo.rooms.map((r) => r.roomId), maple.rooms.map((r) => r.roomId)]).toEqual([[WANG_ROOM], [mapleRoom]]);
    expect(JSON.stringify([demo, maple])).not.toContain(WANG);
  });

  it('R4: the desk cannot dispatch to another property\'s technician, nor to a shared technician under his other membership', async () => {
    const dispatch = (technicianId: string) => ({ propertyId: PROPERTY, commandId: newCommandId(), repairId, version: 1, technicianId });
    await expectRefusedUnchanged(rt, DESK_ON_SHIFT, repairs.dispatch, dispatch(mapleTechId), 'REPAIR.TECHNICIAN_NOT_FOUND');
    await expectRefusedUnchanged(rt, DESK_ON_SHIFT, repairs.dispatch, dispatch(maMapleId), 'REPAIR.TECHNICIAN_NOT_FOUND');
    expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.dispatch, dispatch(memberIdOf(TECH_MA))));
    expect(expectOk(await callAs(rt, TECH_MA, repairs.assigned, { propertyId: MAPLE })).items).toEqual([]);
    expect(expectOk(await callAs(rt, TECH_MA, repairs.assigned, { propertyId: PROPERTY })).items.map((r) => r.id)).toEqual([repairId]);
  });

  it('C2: a desk member of one property can neither act on nor read another\'s complaint', async () => {
    const filed = expectOk(await callAs(rt, WANG, complaints.create, complaintInput(WANG_ROOM)));
    const classify = (propertyId: string) => ({
      propertyId, commandId: newCommandId(), ref: { kind: 'complaint', id: filed.id }, version: filed.version,
      class: 'responsible', severity: 'general', jurisdiction: null, governmentOrMedia: false, injuryOrLoss: false, apologised: true, note: '',
    });
    await expectRefusedUnchanged(rt, DESK_B, complaints.classify, classify(MAPLE), 'COMPLAINT.NOT_FOUND');
    await expectRefusedUnchanged(rt, DESK_B, complaints.classify, classify(PROPERTY), 'COMMON.NOT_A_MEMBER');
    expect(await callAs(rt, DESK_B, complaints.get, { propertyId: MAPLE, ref: { kind: 'complaint', id: filed.id } })).toMatchObject({ ok: false, code: 'COMPLAINT.NOT_FOUND' });
    expect(expectOk(await callAs(rt, DESK_B, complaints.inbox, { propertyId: MAPLE })).items).toEqual([]);
  });

  it('R1 C1: a resident of both files only in the property of the room: the other\'s room is not theirs there', async () => {
    await expectRefusedUnchanged(rt, WANG, repairs.create, repairInput({ propertyId: MAPLE, roomId: WANG_ROOM }), 'REPAIR.ROOM_NOT_YOURS');
    await expectRefusedUnchanged(rt, WANG, repairs.create, repairInput({ roomId: mapleRoom }), 'REPAIR.ROOM_NOT_YOURS');
    await expectRefusedUnchanged(rt, WANG, complaints.create, { ...complaintInput(WANG_ROOM), propertyId: MAPLE }, 'COMPLAINT.ROOM_NOT_YOURS');
    const filed = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ propertyId: MAPLE, roomId: mapleRoom })));
    expect(expectOk(await callAs(rt, WANG, repairs.listMine, { propertyId: PROPERTY })).items.map((r) => r.id)).not.toContain(filed.id);
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.inbox, { propertyId: PROPERTY })).items.map((r) => r.id)).not.toContain(filed.id);
  });

  it('issue 7 (7) across properties: every property action, named in another property, is refused to the other two\'s people and changes nothing', async () => {
    const people = [WANG, DESK_ON_SHIFT, SUPERVISOR, TECH_LI, TECH_MA, MANAGER, MGR_B, DESK_B, TECH_B];
    const actions = (Object.values(catalogue).flatMap((a) => Object.values(a)) as Action[]).filter((a) => a.roles !== 'any-signed-in' && !isCompanyAction(a));
    const inputs = validInputs(repairId);
    const before = await snapshot(rt);
    for (const action of actions) {
      const input = movedTo(PINE, inputs[`${action.fn}.${action.name}`] ?? {});
      for (const openid of people) {
        expect({ action: action.name, openid, result: await callAs(rt, openid, action, input) }).toMatchObject({ action: action.name, openid, result: { ok: false, code: 'COMMON.NOT_A_MEMBER' } });
      }
    }
    expect(await snapshot(rt)).toEqual(before);
  });
});
