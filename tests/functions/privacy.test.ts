import { callbacks, complaints, privacy, repairs } from '@shared/contracts';
import { callAs, DESK_ON_SHIFT, expectOk, memberIdOf, newCommandId, PROPERTY, raw, repairInput, startRuntime, uploadAs, WANG, WANG_ROOM, ZHANG } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
const MANAGER = 'o-mgr-zhou';
const LI = 'o-res-li';

const complaintBy = (rt: Rt, openid: string, roomId: string, photo = `cloud://local.local/uploads/${memberIdOf(openid)}/a.jpg`) =>
  callAs(rt, openid, complaints.create, {
    propertyId: PROPERTY,
    commandId: newCommandId(),
    roomId,
    category: 'cleaning',
    place: { scope: 'building', building: '1' },
    occurredAt: '2026-11-23T01:00:00.000Z',
    target: '保洁',
    description: '楼道垃圾两天没清',
    request: '尽快清理',
    residentDeadline: null,
    photos: [photo],
  });

/** Files a complaint and has the desk answer it, so nothing of the resident's is still open. */
const settledComplaint = async (rt: Rt, openid: string, roomId: string, photo?: string) => {
  const filed = expectOk(await complaintBy(rt, openid, roomId, photo));
  const ref = { kind: 'complaint' as const, id: filed.id };
  const classified = expectOk(
    await callAs(rt, DESK_ON_SHIFT, complaints.classify, {
      propertyId: PROPERTY, commandId: newCommandId(), ref, version: 1, class: 'responsible', severity: 'general', jurisdiction: null,
      governmentOrMedia: false, injuryOrLoss: false, apologised: true, note: '',
    }),
  );
  expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.reply, { propertyId: PROPERTY, commandId: newCommandId(), ref, version: classified.version, form: 'phone', content: '已安排保洁清理' }));
  return filed.id;
};

describe('PIPL: residents see what is held about them and can have it deleted', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('a resident sees their membership, repairs and complaints with their own number in full, and nobody else\'s', async () => {
    expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    expectOk(await complaintBy(rt, WANG, WANG_ROOM));
    expectOk(await callAs(rt, ZHANG, repairs.create, repairInput({ roomId: 'demo:1-2-1502', description: '张伟家的报修' })));
    const mine = expectOk(await callAs(rt, WANG, privacy.myData, { propertyId: PROPERTY }));
    expect(mine.memberships).toEqual([expect.objectContaining({ name: '王秀英', phone: '13800000101', rooms: ['1-1-101'], role: 'resident' })]);
    expect(mine.repairs.map((r) => r.description)).toEqual(['厨房水龙头一直滴水']);
    expect(mine.complaints).toEqual([expect.objectContaining({ description: '楼道垃圾两天没清', photos: 1, phone: '13800000101' })]);
    expect(mine.erasure).toBeNull();
  });

  it('asking for deletion tells the manager; asking again keeps the first request', async () => {
    const first = expectOk(await callAs(rt, LI, privacy.requestErasure, { propertyId: PROPERTY, commandId: newCommandId(), reason: '已搬走' }));
    rt.clock.advanceMinutes(10);
    const again = expectOk(await callAs(rt, LI, privacy.requestErasure, { propertyId: PROPERTY, commandId: newCommandId(), reason: '' }));
    expect(again).toEqual(first);
    expect(raw<{ kind: string; recipient: string }>(rt, 'outbox').filter((n) => n.kind === 'privacy.erasure').map((n) => n.recipient)).toEqual(['role:manager']);
    const list = expectOk(await callAs(rt, MANAGER, privacy.erasureRequests, { propertyId: PROPERTY })).items;
    expect(list).toEqual([expect.objectContaining({ name: '李娜', reason: '已搬走', status: 'pending', openTickets: 0 })]);
  });

  it('the manager erases: the membership ends at the next call, the photos are deleted and the kept records lose name, phone and photos', async () => {
    const photo = uploadAs(rt, LI, 'stairs.jpg', Buffer.from('a photo of the stairs'));
    const complaintId = await settledComplaint(rt, LI, 'demo:1-1-302', photo);
    expect(await rt.deps.files.download(photo)).toEqual(Buffer.from('a photo of the stairs'));
    expectOk(await callAs(rt, LI, privacy.requestErasure, { propertyId: PROPERTY, commandId: newCommandId(), reason: '' }));
    const [request] = expectOk(await callAs(rt, MANAGER, privacy.erasureRequests, { propertyId: PROPERTY })).items;
    expect(await callAs(rt, DESK_ON_SHIFT, privacy.erase, { propertyId: PROPERTY, commandId: newCommandId(), erasureId: request!.id })).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    const done = expectOk(await callAs(rt, MANAGER, privacy.erase, { propertyId: PROPERTY, commandId: newCommandId(), erasureId: request!.id }));
    expect(done).toMatchObject({ status: 'done', name: '已注销住户' });
    const kept = raw<{ _id: string; residentName: string; phone: string; photos: string[]; status: string }>(rt, 'complaints').find((k) => k._id === complaintId);
    expect(kept).toMatchObject({ residentName: '已注销住户', phone: '', photos: [], status: 'resolved' });
    expect(await rt.deps.files.download(photo)).toBeNull();
    const callback = raw<{ subject: { id: string }; residentName: string; phone: string }>(rt, 'callbacks').find((c) => c.subject.id === complaintId);
    expect(callback).toMatchObject({ residentName: '已注销住户', phone: '' });
    expect(JSON.stringify(raw(rt, 'members'))).not.toContain('13800000302');
    expect(await callAs(rt, LI, complaints.listMine, { propertyId: PROPERTY })).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
  });

  it('the erasure also deletes an old photo\'s openid-free copy and the signature on their home visit\'s callback record', async () => {
    const legacy = 'cloud://local.local/uploads/o-res-li/1732300000000-0a1b2c3d4e5f.jpg';
    const placed = rt.files.upload('uploads/o-res-li/1732300000000-0a1b2c3d4e5f.jpg', Buffer.from('an old photo'));
    expect(placed).toEqual({ fileID: legacy });
    const complaintId = await settledComplaint(rt, LI, 'demo:1-1-302', legacy);
    const seen = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.get, { propertyId: PROPERTY, ref: { kind: 'complaint', id: complaintId } })).case;
    const [link] = seen.kind === 'complaint' ? seen.photos : [];
    const copy = `cloud://local.local/${new URL(link ?? '', 'http://x').searchParams.get('path')}`;
    expect(copy).toMatch(/^cloud:\/\/local\.local\/uploads\/moved\/[0-9a-f]{32}\.jpg$/);
    const task = raw<{ _id: string; subject: { id: string } }>(rt, 'callbacks').find((c) => c.subject.id === complaintId)!;
    const signature = uploadAs(rt, DESK_ON_SHIFT, 'visit.png');
    expectOk(await callAs(rt, DESK_ON_SHIFT, callbacks.record, {
      propertyId: PROPERTY, commandId: newCommandId(), callbackId: task._id, version: 1, reached: true, satisfied: true, notes: '', method: 'home_visit', signature,
    }));

    expectOk(await callAs(rt, LI, privacy.requestErasure, { propertyId: PROPERTY, commandId: newCommandId(), reason: '' }));
    const [request] = expectOk(await callAs(rt, MANAGER, privacy.erasureRequests, { propertyId: PROPERTY })).items;
    expectOk(await callAs(rt, MANAGER, privacy.erase, { propertyId: PROPERTY, commandId: newCommandId(), erasureId: request!.id }));

    for (const file of [legacy, copy, signature]) expect(await rt.deps.files.download(file)).toBeNull();
    expect(raw<{ _id: string; outcome: { signature?: string } }>(rt, 'callbacks').find((c) => c._id === task._id)?.outcome.signature).toBe('');
  });

  it('not while a repair or complaint of theirs is still open', async () => {
    expectOk(await complaintBy(rt, LI, 'demo:1-1-302'));
    expectOk(await callAs(rt, LI, privacy.requestErasure, { propertyId: PROPERTY, commandId: newCommandId(), reason: '' }));
    const [request] = expectOk(await callAs(rt, MANAGER, privacy.erasureRequests, { propertyId: PROPERTY })).items;
    expect(request!.openTickets).toBe(1);
    expect(await callAs(rt, MANAGER, privacy.erase, { propertyId: PROPERTY, commandId: newCommandId(), erasureId: request!.id })).toMatchObject({ ok: false, code: 'PRIVACY.OPEN_TICKETS' });
    expect(raw<{ residentName: string }>(rt, 'complaints')[0]!.residentName).toBe('李娜');
  });
});
