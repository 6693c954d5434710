import { complaints, type Action } from '@shared/contracts';
import type { Role } from '@shared/model/member.model';
import { ADMIN, callAs, refusalOf, DESK_ON_SHIFT, expectOk, memberIdOf, newCommandId, PROPERTY, snapshot, startRuntime, SUPERVISOR, TECH_LI, WANG, WANG_ROOM, ZHANG } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;

const personOf: Record<Role, string> = { resident: ZHANG, desk: DESK_ON_SHIFT, supervisor: SUPERVISOR, technician: TECH_LI, manager: 'o-mgr-zhou', admin: ADMIN };

const intake = {
  roomId: WANG_ROOM,
  category: 'elevator',
  place: { scope: 'building', building: '1' },
  occurredAt: '2026-11-23T01:30:00.000Z',
  target: '电梯维保单位',
  description: '电梯噪音很大',
  request: '尽快检修',
  residentDeadline: null,
};

/** A valid input for every complaints action, about 王秀英's complaint `id`. */
const inputs = (id: string): Record<string, Record<string, unknown>> => {
  const ref = { kind: 'complaint', id };
  const onCase = () => ({ propertyId: PROPERTY, commandId: newCommandId(), ref, version: 1 });
  return {
    create: { propertyId: PROPERTY, commandId: newCommandId(), ...intake, photos: [] },
    register: { propertyId: PROPERTY, commandId: newCommandId(), ...intake, residentId: memberIdOf(WANG), channel: 'walk_in', callerName: '王秀英', phone: '13800000101', apologised: true },
    listMine: { propertyId: PROPERTY },
    get: { propertyId: PROPERTY, ref },
    inbox: { propertyId: PROPERTY },
    classify: { ...onCase(), class: 'responsible', severity: 'general', jurisdiction: null, governmentOrMedia: false, injuryOrLoss: false, apologised: true, note: '' },
    issueSlip: { ...onCase(), department: '工程部', assignee: '马超', instructions: '' },
    acknowledge: onCase(),
    reply: { ...onCase(), form: 'phone', content: '已处理完毕' },
    rate: { propertyId: PROPERTY, commandId: newCommandId(), complaintId: id, version: 1, score: 5, comment: '' },
    registerOf: { propertyId: PROPERTY, date: '2026-11-23' },
    signRegister: { propertyId: PROPERTY, commandId: newCommandId(), date: '2026-11-23', remarks: '' },
    figures: { propertyId: PROPERTY, period: '2026-11' },
    decideContent: { propertyId: PROPERTY, commandId: newCommandId(), complaintId: id, item: { kind: 'text' }, decision: 'redact' },
  };
};

describe('authorisation of every complaints action', () => {
  let rt: Rt;
  let id: string;
  beforeAll(async () => {
    rt = await startRuntime();
    id = expectOk(await callAs(rt, WANG, complaints.create, inputs('x').create)).id;
  });
  afterAll(() => rt.close());

  const actions = Object.values(complaints.complaintsActions) as Action[];
  const refusals = actions.flatMap((action) =>
    (Object.keys(personOf) as Role[]).filter((role) => action.roles !== 'any-signed-in' && !action.roles.includes(role)).map((role) => [action.name, role, action] as const),
  );

  it.each(refusals)('%s is refused to a %s and changes nothing', async (name, role, action) => {
    const before = await snapshot(rt);
    expect(await callAs(rt, personOf[role], action, inputs(id)[name])).toMatchObject({ ok: false, code: refusalOf(role, action) });
    expect(await snapshot(rt)).toEqual(before);
  });

  it.each(actions.map((a) => [a.name, a] as const))('%s is refused to a WeChat user who is no member', async (name, action) => {
    expect(await callAs(rt, 'o-stranger', action, inputs(id)[name])).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
  });

  it('P1: another household can neither read, rate nor find 王秀英\'s complaint', async () => {
    const all = inputs(id);
    expect(await callAs(rt, ZHANG, complaints.get, all.get)).toMatchObject({ ok: false, code: 'COMPLAINT.NOT_FOUND' });
    expect(await callAs(rt, ZHANG, complaints.rate, all.rate)).toMatchObject({ ok: false, code: 'COMPLAINT.NOT_FOUND' });
    expect(expectOk(await callAs(rt, ZHANG, complaints.listMine, all.listMine)).items).toEqual([]);
  });

  it('C1: a resident files only for a room bound to them, with photos from their own folder', async () => {
    const { create } = inputs(id);
    expect(await callAs(rt, ZHANG, complaints.create, create)).toMatchObject({ ok: false, code: 'COMPLAINT.ROOM_NOT_YOURS' });
    const theirs = `cloud://local.local/uploads/${memberIdOf(ZHANG)}/a.jpg`;
    expect(await callAs(rt, WANG, complaints.create, { ...create, photos: [theirs] })).toMatchObject({ ok: false, code: 'COMPLAINT.PHOTO_NOT_YOURS' });
  });

  it('C1: the desk registers only for a resident of its own property, and only from a bound room', async () => {
    const { register } = inputs(id);
    expect(await callAs(rt, DESK_ON_SHIFT, complaints.register, { ...register, residentId: memberIdOf(TECH_LI) })).toMatchObject({ ok: false, code: 'COMPLAINT.RESIDENT_NOT_FOUND' });
    expect(await callAs(rt, DESK_ON_SHIFT, complaints.register, { ...register, roomId: 'demo:1-2-1502' })).toMatchObject({ ok: false, code: 'COMPLAINT.ROOM_NOT_YOURS' });
  });
});
