import { complaints, members, privacy, repairs } from '@shared/contracts';
import * as files from '@shared/contracts/files.contract';
import * as keys from '@shared/contracts/keys.contract';
import type { RepairView } from '@shared/contracts/repairs.contract';
import { maskPhone } from '@shared/domain/phone';
import { networkDown, callAs, complaintInput, DESK_ON_SHIFT, expectOk, inListLengths, memberIdOf, newCommandId, PROPERTY, raw, repairInput, startRuntime, SUPERVISOR, TECH_LI, tickTimers, uploadAs, WANG, WANG_ROOM, ZHANG } from './harness';
import { order } from './work-order';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
const MANAGER = 'o-mgr-zhou';
/** The seeded resident of 1-1-302. */
const LI = 'o-res-li';
const LI_ROOM = 'demo:1-1-302';
const NAME = '李娜';
const PHONE = '13800000302';

const tick = (rt: Rt) => tickTimers(rt);

/** Takes a repair from dispatch through her acceptance of the quote to her signature, so nothing of hers is open. */
const signedOff = async (rt: Rt, filed: RepairView) => {
  const o = order(rt, filed);
  expectOk(await o.step(DESK_ON_SHIFT, repairs.dispatch, { technicianId: memberIdOf(TECH_LI) }));
  expectOk(await o.step(TECH_LI, repairs.acknowledge));
  expectOk(await o.step(TECH_LI, repairs.arrive));
  expectOk(await o.step(TECH_LI, repairs.quote, { items: [{ code: 'tap-replace', qty: 1 }] }));
  expectOk(await o.step(LI, repairs.accept));
  expectOk(await o.step(TECH_LI, repairs.complete, { beforePhotos: [uploadAs(rt, TECH_LI, 'b.jpg')], afterPhotos: [uploadAs(rt, TECH_LI, 'a.jpg')], materials: [] }));
  expectOk(await o.step(TECH_LI, repairs.signOff, { signature: uploadAs(rt, TECH_LI, 's.png') }));
};

/** Every place a text of every stored document names her, as `collection/_id: path`. */
const namingHer = (rt: Rt, needles: readonly string[]) => {
  const found: string[] = [];
  const walk = (value: unknown, where: string) => {
    if (typeof value === 'string') {
      for (const needle of needles) if (value.includes(needle)) found.push(`${where} (${needle})`);
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${where}[${i}]`));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${where}.${k}`);
  };
  for (const name of Object.keys(rt.engine.manifest.collections)) for (const doc of raw<{ _id: string }>(rt, name)) walk(doc, `${name}/${doc._id}`);
  return found;
};

/** Her history: two repairs of her own and one the desk registered for her, all signed off, a complaint settled, notices sent; then her request. */
const historyThenRequest = async (rt: Rt): Promise<string> => {
  await signedOff(rt, expectOk(await callAs(rt, LI, repairs.create, repairInput({ roomId: LI_ROOM, description: '插座漏电' }))));
  await signedOff(rt, expectOk(await callAs(rt, LI, repairs.create, repairInput({ roomId: LI_ROOM, description: '卫生间地漏堵了' }))));
  const registered = expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.register, {
    propertyId: PROPERTY, commandId: newCommandId(), residentId: memberIdOf(LI), roomId: LI_ROOM, channel: 'phone', callerName: NAME, phone: PHONE,
    category: 'water', description: '厨房水管漏水', preferredTime: null,
  }));
  await signedOff(rt, registered);
  const filed = expectOk(await callAs(rt, LI, complaints.create, {
    propertyId: PROPERTY, commandId: newCommandId(), roomId: LI_ROOM, category: 'cleaning', place: { scope: 'building', building: '1' },
    occurredAt: '2026-11-23T01:00:00.000Z', target: '保洁', description: '楼道垃圾两天没清', request: '尽快清理', residentDeadline: null, photos: [],
  }));
  const ref = { kind: 'complaint' as const, id: filed.id };
  const classified = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.classify, {
    propertyId: PROPERTY, commandId: newCommandId(), ref, version: 1, class: 'responsible', severity: 'general', jurisdiction: null,
    governmentOrMedia: false, injuryOrLoss: false, apologised: true, note: '',
  }));
  expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.reply, { propertyId: PROPERTY, commandId: newCommandId(), ref, version: classified.version, form: 'phone', content: '已安排保洁清理' }));
  rt.clock.advanceMinutes(2);
  await tick(rt);
  // The design names her before the erasure: the test's needles are the right ones.
  expect(namingHer(rt, [NAME, PHONE]).some((w) => w.startsWith('commands/'))).toBe(true);

  expectOk(await callAs(rt, LI, privacy.requestErasure, { propertyId: PROPERTY, commandId: newCommandId(), reason: '已搬走' }));
  // The manager's notice of her request names her.
  expect(namingHer(rt, [NAME]).some((w) => w.startsWith('outbox/'))).toBe(true);
  const [request] = expectOk(await callAs(rt, MANAGER, privacy.erasureRequests, { propertyId: PROPERTY })).items;
  return request!.id;
};

/**
 * PIPL (members.erase): after the erasure her name and phone number (in full, and masked: 138****0302 beside her
 * room identifies her) are nowhere in the stored data: not in the command records' results and journals, not in
 * the notices' texts, not in the events. Nothing the design keeps needs them: the erasure request itself is
 * renamed ERASED_NAME when done, and her membership, bindings, repairs, complaints and callbacks are anonymised.
 */
describe('PIPL: an erased resident is named nowhere in the stored data', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('her repairs, her complaint and the one the desk registered for her: after the erasure no collection holds her name or phone', async () => {
    const erasureId = await historyThenRequest(rt);
    // A record not yet checked by the timer (the request's own) is scrubbed as well: nothing ticks in between.
    const done = expectOk(await callAs(rt, MANAGER, privacy.erase, { propertyId: PROPERTY, commandId: newCommandId(), erasureId }));
    expect(done).toMatchObject({ status: 'done', name: '已注销住户' });

    expect(namingHer(rt, [NAME, PHONE, maskPhone(PHONE)])).toEqual([]);
    // Her own command records are gone (her membership is inactive: nothing of hers retries them); the desk's stay.
    expect(raw<{ openid: string }>(rt, 'commands').filter((c) => c.openid === LI)).toEqual([]);
    expect(raw<{ openid: string }>(rt, 'commands').filter((c) => c.openid === DESK_ON_SHIFT).length).toBeGreaterThan(0);

    // The timer then fans out nothing that names her again, and a second erase call changes nothing.
    rt.clock.advanceMinutes(2);
    await tick(rt);
    expect(expectOk(await callAs(rt, MANAGER, privacy.erase, { propertyId: PROPERTY, commandId: newCommandId(), erasureId }))).toMatchObject({ status: 'done' });
    expect(namingHer(rt, [NAME, PHONE, maskPhone(PHONE)])).toEqual([]);
  });

  it('an erasure cut short while it rewrites the notices is finished by calling again: then nothing names her', async () => {
    const erasureId = await historyThenRequest(rt);
    rt.engine.failNext('database.modifyDocument', networkDown, { collection: 'outbox' });
    expect(await callAs(rt, MANAGER, privacy.erase, { propertyId: PROPERTY, commandId: newCommandId(), erasureId })).toMatchObject({ ok: false, code: 'COMMON.INTERNAL' });
    expect(namingHer(rt, [NAME]).length).toBeGreaterThan(0);
    expectOk(await callAs(rt, MANAGER, privacy.erase, { propertyId: PROPERTY, commandId: newCommandId(), erasureId }));
    expect(namingHer(rt, [NAME, PHONE, maskPhone(PHONE)])).toEqual([]);
  });

  it('C3: her complaint joined a group: the desk\'s and the manager\'s records of the group (its households by name) stop naming her', async () => {
    const households = [
      { openid: WANG, roomId: WANG_ROOM },
      { openid: ZHANG, roomId: 'demo:1-2-1502' },
      { openid: LI, roomId: LI_ROOM },
      { openid: 'o-res-zhao', roomId: 'demo:1-2-601' },
      { openid: 'o-res-zhou', roomId: 'demo:1-1-702' },
    ];
    for (const who of households) expectOk(await callAs(rt, who.openid, complaints.create, complaintInput(who.roomId)));
    const [group] = raw<{ _id: string }>(rt, 'complaintGroups');
    const ref = { kind: 'group' as const, id: group!._id };
    const confirmed = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.classify, {
      propertyId: PROPERTY, commandId: newCommandId(), ref, version: 1, class: 'responsible', severity: 'major', jurisdiction: null,
      governmentOrMedia: false, injuryOrLoss: false, apologised: true, note: '',
    }));
    const taken = expectOk(await callAs(rt, MANAGER, complaints.acknowledge, { propertyId: PROPERTY, commandId: newCommandId(), ref, version: confirmed.version }));
    expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.reply, { propertyId: PROPERTY, commandId: newCommandId(), ref, version: taken.version, form: 'visit', content: '已联系维保单位检修' }));
    rt.clock.advanceMinutes(2);
    await tick(rt);
    expect(namingHer(rt, [NAME]).some((w) => w.startsWith('commands/mb_omgrzhou~') || w.startsWith('commands/mb_odeskchen~'))).toBe(true);

    expectOk(await callAs(rt, LI, privacy.requestErasure, { propertyId: PROPERTY, commandId: newCommandId(), reason: '' }));
    const [request] = expectOk(await callAs(rt, MANAGER, privacy.erasureRequests, { propertyId: PROPERTY })).items;
    expectOk(await callAs(rt, MANAGER, privacy.erase, { propertyId: PROPERTY, commandId: newCommandId(), erasureId: request!.id }));
    expect(namingHer(rt, [NAME, PHONE, maskPhone(PHONE)])).toEqual([]);
    // The other households are still named where they were.
    expect(namingHer(rt, ['王秀英']).some((w) => w.startsWith('commands/mb_odeskchen~'))).toBe(true);
  });

  it('more of her own records than one read answers (1 000): every one in the property goes, those of her other property stay', async () => {
    const erasureId = await historyThenRequest(rt);
    const at = rt.clock.now().toISOString();
    const record = (propertyId: string, i: number) => ({
      _id: `${memberIdOf(LI)}~bulk-${propertyId}-${i}`, propertyId, schemaVersion: 2, openid: LI, commandId: `bulk-${i}`, action: 'session.markRead', call: 'session.markRead', result: null, at,
    });
    rt.engine.insertRaw('commands', Array.from({ length: 1050 }, (_, i) => record(PROPERTY, i)));
    rt.engine.insertRaw('commands', Array.from({ length: 30 }, (_, i) => record('other', i)));
    expectOk(await callAs(rt, MANAGER, privacy.erase, { propertyId: PROPERTY, commandId: newCommandId(), erasureId }));
    const hers = raw<{ openid: string; propertyId: string }>(rt, 'commands').filter((c) => c.openid === LI);
    expect(hers.filter((c) => c.propertyId === PROPERTY)).toEqual([]);
    expect(hers.filter((c) => c.propertyId === 'other')).toHaveLength(30);
  });

  it('more of her tickets than one `in` lists (100): every query the erasure makes lists at most 100 values, and none of their events or records names her after', async () => {
    const erasureId = await historyThenRequest(rt);
    // 150 more signed-off repairs of hers, each with its history and a desk's record about it naming her.
    const [mine] = raw<{ _id: string; residentOpenid: string }>(rt, 'repairs').filter((r) => r.residentOpenid === LI);
    const [event] = raw<{ _id: string; subject: { id: string } }>(rt, 'events').filter((e) => e.subject.id === mine!._id);
    const ids = Array.from({ length: 150 }, (_, i) => `rp_bulk_${i}`);
    rt.engine.insertRaw('repairs', ids.map((id) => ({ ...mine!, _id: id })));
    rt.engine.insertRaw('events', ids.map((id) => ({ ...event!, _id: `ev_${id}`, subject: { ...event!.subject, id }, reason: `${NAME} ${PHONE}` })));
    const at = rt.clock.now().toISOString();
    rt.engine.insertRaw('commands', ids.map((id, i) => ({
      _id: `${memberIdOf(DESK_ON_SHIFT)}~about-${i}`, propertyId: PROPERTY, schemaVersion: 2, openid: DESK_ON_SHIFT, commandId: `about-${i}`,
      action: 'repairs.get', call: 'repairs.dispatch', result: { id, callerName: NAME }, at, about: [id], fanned: true,
    })));
    const lists = inListLengths(rt);
    expectOk(await callAs(rt, MANAGER, privacy.erase, { propertyId: PROPERTY, commandId: newCommandId(), erasureId }));
    lists.end();
    expect(lists.lengths.length).toBeGreaterThan(0);
    expect(Math.max(...lists.lengths)).toBeLessThanOrEqual(100);
    expect(namingHer(rt, [NAME, PHONE]).filter((w) => w.includes('bulk') || w.includes('about-'))).toEqual([]);
  });

  it('more unchecked journals in the environment than one read answers, ahead of one naming her: that journal is rewritten too, and the timer then stores nothing naming her', async () => {
    const erasureId = await historyThenRequest(rt);
    const at = rt.clock.now().toISOString();
    // Other properties' writes whose journals the timer has not checked yet, then the desk's, whose notice names her.
    rt.engine.insertRaw('commands', Array.from({ length: 1050 }, (_, i) => ({
      _id: `mb_oother~busy-${i}`, propertyId: 'other', schemaVersion: 2, openid: 'o-other-desk', commandId: `busy-${i}`, action: 'session.markRead', call: 'session.markRead', result: null, at, journal: [], fanned: false,
    })));
    const notice = raw<{ _id: string; recipient: string }>(rt, 'outbox').find((n) => n.recipient === 'role:desk')!;
    const naming = { ...notice, _id: 'ob_naming_her', title: `${NAME} 来电 ${PHONE}`, subject: { kind: 'note', id: 'nothing-of-hers' } };
    rt.engine.insertRaw('commands', [{
      _id: `${memberIdOf(DESK_ON_SHIFT)}~late`, propertyId: PROPERTY, schemaVersion: 2, openid: DESK_ON_SHIFT, commandId: 'late', action: 'session.markRead', call: 'session.markRead', result: null, at,
      journal: [{ collection: 'outbox', doc: naming }], fanned: false,
    }]);
    expect(namingHer(rt, [NAME]).some((w) => w.startsWith(`commands/${memberIdOf(DESK_ON_SHIFT)}~late`))).toBe(true);

    expectOk(await callAs(rt, MANAGER, privacy.erase, { propertyId: PROPERTY, commandId: newCommandId(), erasureId }));
    expect(namingHer(rt, [NAME, PHONE, maskPhone(PHONE)])).toEqual([]);
    // The journal step checks up to 1 000 journals a run: two runs check them all, and store the rewritten notice.
    for (const _run of [1, 2]) {
      rt.clock.advanceMinutes(1);
      await tick(rt);
    }
    expect(raw<{ _id: string }>(rt, 'outbox').some((n) => n._id === 'ob_naming_her')).toBe(true);
    expect(namingHer(rt, [NAME, PHONE, maskPhone(PHONE)])).toEqual([]);
  });

  it('her binding reviewed by the desk: the desk\'s record of the review (its answer is her binding, her name and number) stops naming her', async () => {
    const GAO = 'o-newcomer-gao';
    const [gaoName, gaoPhone] = ['高远山', '13800009999'];
    const asked = expectOk(await callAs(rt, GAO, members.requestBinding, { propertyId: PROPERTY, commandId: newCommandId(), roomId: 'demo:1-1-102', name: gaoName, relation: 'owner', phone: gaoPhone }));
    expectOk(await callAs(rt, DESK_ON_SHIFT, members.reviewBinding, { propertyId: PROPERTY, commandId: newCommandId(), bindingId: asked.id, version: asked.version, decision: 'approve', reason: '' }));
    rt.clock.advanceMinutes(2);
    await tick(rt);
    expect(namingHer(rt, [gaoName]).some((w) => w.startsWith(`commands/${memberIdOf(DESK_ON_SHIFT)}~`))).toBe(true);
    expectOk(await callAs(rt, GAO, privacy.requestErasure, { propertyId: PROPERTY, commandId: newCommandId(), reason: '' }));
    const [request] = expectOk(await callAs(rt, MANAGER, privacy.erasureRequests, { propertyId: PROPERTY })).items;
    expectOk(await callAs(rt, MANAGER, privacy.erase, { propertyId: PROPERTY, commandId: newCommandId(), erasureId: request!.id }));
    expect(namingHer(rt, [gaoName, gaoPhone, maskPhone(gaoPhone)])).toEqual([]);
  });

  it('K2 P1 C7: the key left for her repair, the invitation she made and the binding made with it, her room\'s file and the day\'s register: after her erasure none names her', async () => {
    const [wangName, wangPhone] = ['王秀英', '13800000101'];
    const cmd = () => ({ propertyId: PROPERTY, commandId: newCommandId() });
    // A key left at the desk for 王秀英's repair, by her name, borrowed, brought back and given back to her by name.
    const o = order(rt, expectOk(await callAs(rt, WANG, repairs.create, repairInput())));
    expectOk(await o.step(DESK_ON_SHIFT, repairs.dispatch, { technicianId: memberIdOf(TECH_LI) }));
    const left = expectOk(await callAs(rt, DESK_ON_SHIFT, keys.leaveKey, { ...cmd(), repairId: o.current.id, technicianId: memberIdOf(TECH_LI), keys: '入户门钥匙 1 把', leftBy: wangName }));
    const borrowed = expectOk(await callAs(rt, TECH_LI, keys.borrowLeft, { ...cmd(), leftKeyId: left.id, version: left.version, signature: uploadAs(rt, TECH_LI, 'key-sig.png') }));
    const back = expectOk(await callAs(rt, DESK_ON_SHIFT, keys.bringBackLeft, { ...cmd(), leftKeyId: left.id, version: borrowed.version }));
    expectOk(await o.step(TECH_LI, repairs.acknowledge));
    expectOk(await o.step(TECH_LI, repairs.arrive));
    expectOk(await o.step(TECH_LI, repairs.quote, { items: [] }));
    expectOk(await o.step(WANG, repairs.accept));
    expectOk(await o.step(TECH_LI, repairs.complete, { beforePhotos: [uploadAs(rt, TECH_LI, 'b.jpg')], afterPhotos: [uploadAs(rt, TECH_LI, 'a.jpg')], materials: [], amountFen: 0 }));
    expectOk(await o.step(TECH_LI, repairs.signOff, { signature: uploadAs(rt, TECH_LI, 's.png') }));
    expectOk(await callAs(rt, DESK_ON_SHIFT, keys.giveToResident, { ...cmd(), leftKeyId: left.id, version: back.version, residentName: wangName }));
    // Her invitation, and 孙丽's binding made with it (the desk's queue shows who invited her).
    const issued = expectOk(await callAs(rt, WANG, members.inviteToRoom, { ...cmd(), roomId: WANG_ROOM, relation: 'family' }));
    expectOk(await callAs(rt, 'o-new-res', members.joinRoom, { ...cmd(), code: issued.code!, name: '孙丽', phone: '13800001020' }));
    // The supervisor's look at her room's file (it lists the room's residents).
    expectOk(await callAs(rt, SUPERVISOR, files.inspect, { ...cmd(), roomId: WANG_ROOM, reason: '住户投诉处理需核对登记信息' }));
    // Her complaint of the day, answered, and the day's register signed (its rows name the residents).
    const filed = expectOk(await callAs(rt, WANG, complaints.create, complaintInput(WANG_ROOM)));
    const ref = { kind: 'complaint' as const, id: filed.id };
    const classified = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.classify, {
      ...cmd(), ref, version: 1, class: 'responsible', severity: 'general', jurisdiction: null, governmentOrMedia: false, injuryOrLoss: false, apologised: true, note: '',
    }));
    expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.reply, { ...cmd(), ref, version: classified.version, form: 'phone', content: '已处理' }));
    rt.clock.advanceMinutes(24 * 60);
    expectOk(await callAs(rt, SUPERVISOR, complaints.signRegister, { ...cmd(), date: '2026-11-23', remarks: '' }));
    rt.clock.advanceMinutes(2);
    await tick(rt);
    const before = namingHer(rt, [wangName]);
    for (const where of ['leftKeys/', 'roomInvitations/', 'bindings/', 'commands/']) expect(before.some((w) => w.startsWith(where))).toBe(true);

    expectOk(await callAs(rt, WANG, privacy.requestErasure, { ...cmd(), reason: '' }));
    const [request] = expectOk(await callAs(rt, MANAGER, privacy.erasureRequests, { propertyId: PROPERTY })).items;
    expectOk(await callAs(rt, MANAGER, privacy.erase, { ...cmd(), erasureId: request!.id }));
    expect(namingHer(rt, [wangName, wangPhone, maskPhone(wangPhone)])).toEqual([]);
    // Her roommate 吴芳 is still named in the file's record, 孙丽 in her own binding.
    expect(namingHer(rt, ['吴芳']).some((w) => w.startsWith('commands/'))).toBe(true);
    expect(namingHer(rt, ['孙丽']).some((w) => w.startsWith('bindings/'))).toBe(true);
  });

  it('texts typed about her in her own tickets (her description with her number, the desk\'s reply and callback notes by her name) stop naming her', async () => {
    await signedOff(rt, expectOk(await callAs(rt, LI, repairs.create, repairInput({ roomId: LI_ROOM, description: `我是${NAME}，电话${PHONE}，厨房水管漏水`, photos: [uploadAs(rt, LI, 'leak.jpg')] }))));
    const filed = expectOk(await callAs(rt, LI, complaints.create, complaintInput(LI_ROOM, { description: `${NAME}反映楼道垃圾两天没清` })));
    const ref = { kind: 'complaint' as const, id: filed.id };
    const classified = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.classify, {
      propertyId: PROPERTY, commandId: newCommandId(), ref, version: 1, class: 'responsible', severity: 'general', jurisdiction: null,
      governmentOrMedia: false, injuryOrLoss: false, apologised: true, note: `${NAME}情绪激动`,
    }));
    expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.reply, { propertyId: PROPERTY, commandId: newCommandId(), ref, version: classified.version, form: 'phone', content: `已电话联系${NAME}（${PHONE}），已安排保洁清理` }));
    rt.clock.advanceMinutes(2);
    await tick(rt);
    expectOk(await callAs(rt, LI, privacy.requestErasure, { propertyId: PROPERTY, commandId: newCommandId(), reason: '' }));
    const [request] = expectOk(await callAs(rt, MANAGER, privacy.erasureRequests, { propertyId: PROPERTY })).items;
    expectOk(await callAs(rt, MANAGER, privacy.erase, { propertyId: PROPERTY, commandId: newCommandId(), erasureId: request!.id }));
    expect(namingHer(rt, [NAME, PHONE, maskPhone(PHONE)])).toEqual([]);
    // Rewriting the texts put back nothing the anonymisation took out: her photos stay gone.
    const hers = [...raw<{ residentOpenid?: string; photos: string[] }>(rt, 'repairs').filter((r) => r.residentOpenid === LI), ...raw<{ residentOpenid?: string; photos: string[] }>(rt, 'complaints').filter((k) => k.residentOpenid === LI)];
    expect(hers.length).toBeGreaterThan(1);
    expect(hers.map((t) => t.photos)).toEqual(hers.map(() => []));
  });
});
