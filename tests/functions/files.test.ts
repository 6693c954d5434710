import { complaints, repairs } from '@shared/contracts';
import * as files from '@shared/contracts/files.contract';
import { callAs, complaintAbout, DESK_OTHER, DESK_ON_SHIFT, expectOk, MANAGER, newCommandId, PROPERTY, raw, repairInput, snapshot, startRuntime, SUPERVISOR, TECH_LI, WANG, WANG_ROOM, seedOtherProperty, storedEvents, tickTimers, dyingAfterCommit } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;

const ask = (rt: Rt, over: Record<string, unknown> = {}, who = DESK_ON_SHIFT) =>
  callAs(rt, who, files.ask, { propertyId: PROPERTY, commandId: newCommandId(), roomId: WANG_ROOM, reason: '住户来电要求核对车位登记', ...over });
const decide = (rt: Rt, grant: { id: string; version: number }, decision: 'grant' | 'refuse', minutes?: number) =>
  callAs(rt, SUPERVISOR, files.decide, { propertyId: PROPERTY, commandId: newCommandId(), grantId: grant.id, version: grant.version, decision, ...(minutes ? { minutes } : {}) });
const read = (rt: Rt, who = DESK_ON_SHIFT, roomId = WANG_ROOM) => callAs(rt, who, files.read, { propertyId: PROPERTY, commandId: newCommandId(), roomId });

describe('P1: resident files are read only with the supervisor\'s permission (or by him), which he may revoke, and every read is logged', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('P1: without a grant the desk is refused; granted, the read works and is in the access log; after the grant runs out it is refused again', async () => {
    expect(await read(rt)).toMatchObject({ ok: false, code: 'FILE.PERMISSION_REQUIRED' });
    const asked = expectOk(await ask(rt));
    expect(asked).toMatchObject({ status: 'requested', roomLabel: '1-1-101', askedBy: '陈晓' });
    expect(raw<{ kind: string; recipient: string }>(rt, 'outbox').filter((n) => n.kind === 'file.asked')).toEqual([expect.objectContaining({ recipient: 'role:supervisor' })]);
    expect(await read(rt)).toMatchObject({ ok: false, code: 'FILE.PERMISSION_REQUIRED' });
    const granted = expectOk(await decide(rt, asked, 'grant', 30));
    expect(granted).toMatchObject({ status: 'granted', until: '2026-11-23T02:30:00.000Z', decidedBy: '刘主管' });
    const file = expectOk(await read(rt));
    expect(file).toMatchObject({ roomLabel: '1-1-101', readableUntil: '2026-11-23T02:30:00.000Z' });
    const log = expectOk(await callAs(rt, SUPERVISOR, files.log, { propertyId: PROPERTY }));
    expect(log.items).toEqual([expect.objectContaining({ roomLabel: '1-1-101', reader: '陈晓', reason: '住户来电要求核对车位登记', at: '2026-11-23T02:00:00.000Z' })]);
    expect(expectOk(await callAs(rt, MANAGER, files.log, { propertyId: PROPERTY })).total).toBe(1);
    rt.clock.advanceMinutes(29);
    expectOk(await read(rt));
    rt.clock.advanceMinutes(1);
    expect(await read(rt)).toMatchObject({ ok: false, code: 'FILE.PERMISSION_EXPIRED' });
    expect(expectOk(await callAs(rt, SUPERVISOR, files.log, { propertyId: PROPERTY })).total).toBe(2);
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, files.grants, { propertyId: PROPERTY })).items.map((g) => g.status)).toEqual(['expired']);
  });

  it('P1: a grant is the asker\'s own, for that household only; a refused request lets nobody read', async () => {
    const asked = expectOk(await ask(rt));
    expectOk(await decide(rt, asked, 'grant'));
    expect(await read(rt, DESK_OTHER)).toMatchObject({ ok: false, code: 'FILE.PERMISSION_REQUIRED' });
    expect(await read(rt, DESK_ON_SHIFT, 'demo:1-2-1502')).toMatchObject({ ok: false, code: 'FILE.PERMISSION_REQUIRED' });
    const other = expectOk(await ask(rt, {}, DESK_OTHER));
    expect(expectOk(await decide(rt, other, 'refuse'))).toMatchObject({ status: 'refused', until: null });
    expect(await read(rt, DESK_OTHER)).toMatchObject({ ok: false, code: 'FILE.PERMISSION_REQUIRED' });
    expect(await decide(rt, { id: other.id, version: other.version + 1 }, 'grant')).toMatchObject({ ok: false, code: 'STATE.TRANSITION_NOT_ALLOWED' });
    expect((await storedEvents<{ machine: string; action: string }>(rt)).filter((e) => e.machine === 'fileGrant').map((e) => e.action).sort()).toEqual(['ask', 'ask', 'grant', 'refuse']);
  });

  it('P1: the supervisor revokes a grant before it runs out: the desk\'s next read is refused FILE.PERMISSION_REVOKED and the revoke is in the access log', async () => {
    const granted = expectOk(await decide(rt, expectOk(await ask(rt)), 'grant', 60));
    expectOk(await read(rt));
    rt.clock.advanceMinutes(10);
    const revoke = (who: string, over: Record<string, unknown> = {}) =>
      callAs(rt, who, files.revoke, { propertyId: PROPERTY, commandId: newCommandId(), grantId: granted.id, version: granted.version, ...over });
    expect(await revoke(DESK_ON_SHIFT)).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    expect(await revoke(MANAGER)).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    expect(await revoke(SUPERVISOR, { version: granted.version + 1 })).toMatchObject({ ok: false, code: 'COMMON.VERSION_CONFLICT' });
    expect(await revoke(SUPERVISOR, { grantId: 'fg_nosuch' })).toMatchObject({ ok: false, code: 'FILE.GRANT_NOT_FOUND' });
    const revoked = expectOk(await revoke(SUPERVISOR));
    expect(revoked).toMatchObject({ status: 'revoked', until: '2026-11-23T02:10:00.000Z' });
    expect(await read(rt)).toMatchObject({ ok: false, code: 'FILE.PERMISSION_REVOKED' });
    expect(await revoke(SUPERVISOR, { version: revoked.version })).toMatchObject({ ok: false, code: 'STATE.TRANSITION_NOT_ALLOWED' });
    const log = expectOk(await callAs(rt, SUPERVISOR, files.log, { propertyId: PROPERTY })).items;
    expect(log.map((e) => [e.act, e.reader, e.holder, e.at])).toEqual([
      ['revoke', '刘主管', '陈晓', '2026-11-23T02:10:00.000Z'],
      ['read', '陈晓', null, '2026-11-23T02:00:00.000Z'],
    ]);
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, files.grants, { propertyId: PROPERTY })).items.map((g) => g.status)).toEqual(['revoked']);
    expect((await storedEvents<{ machine: string; action: string }>(rt)).filter((e) => e.machine === 'fileGrant').map((e) => e.action)).toEqual(['ask', 'grant', 'revoke']);
    // Asked again and granted, the desk reads under the new grant.
    expectOk(await decide(rt, expectOk(await ask(rt)), 'grant', 30));
    expectOk(await read(rt));
  });

  it('P1: a read and a revoke whose calls die right after their commit are logged all the same: in the access log once the timer\'s minute has run, once each', async () => {
    const granted = expectOk(await decide(rt, expectOk(await ask(rt)), 'grant', 60));
    const file = await dyingAfterCommit(rt, () => read(rt));
    rt.clock.advanceMinutes(5);
    const revoked = await dyingAfterCommit(rt, () => callAs(rt, SUPERVISOR, files.revoke, { propertyId: PROPERTY, commandId: newCommandId(), grantId: granted.id, version: granted.version }));
    // Each call committed its work: the read answered the file, the grant is revoked.
    expect(expectOk(file)).toMatchObject({ roomLabel: '1-1-101' });
    expect(expectOk(revoked)).toMatchObject({ status: 'revoked' });
    expect(await read(rt)).toMatchObject({ ok: false, code: 'FILE.PERMISSION_REVOKED' });
    const acts = async () => expectOk(await callAs(rt, SUPERVISOR, files.log, { propertyId: PROPERTY })).items.map((e) => [e.act, e.reader, e.at]);
    expect(await acts()).toEqual([]);
    expect((await tickTimers(rt)).ok).toBe(true);
    const logged = [
      ['revoke', '刘主管', '2026-11-23T02:05:00.000Z'],
      ['read', '陈晓', '2026-11-23T02:00:00.000Z'],
    ];
    expect(await acts()).toEqual(logged);
    rt.clock.advanceMinutes(1);
    await tickTimers(rt);
    expect(await acts()).toEqual(logged);
  });

  it('P1: a grant that has run out is too late to revoke, and its reads stay refused as expired', async () => {
    const granted = expectOk(await decide(rt, expectOk(await ask(rt)), 'grant', 30));
    rt.clock.advanceMinutes(30);
    expect(await callAs(rt, SUPERVISOR, files.revoke, { propertyId: PROPERTY, commandId: newCommandId(), grantId: granted.id, version: granted.version })).toMatchObject({ ok: false, code: 'STATE.TOO_LATE' });
    expect(await read(rt)).toMatchObject({ ok: false, code: 'FILE.PERMISSION_EXPIRED' });
  });

  it('P1: the supervisor reads a file himself with his reason, logged like any read; nobody else may read without a grant', async () => {
    const inspect = (who: string, over: Record<string, unknown> = {}) =>
      callAs(rt, who, files.inspect, { propertyId: PROPERTY, commandId: newCommandId(), roomId: WANG_ROOM, reason: '住户投诉处理需核对登记信息', ...over });
    const file = expectOk(await inspect(SUPERVISOR));
    expect(file).toMatchObject({ roomLabel: '1-1-101', readableUntil: null });
    expect(file.residents.every((r) => /^\d{3}\*{4}\d{4}$/.test(r.phone))).toBe(true);
    expect(await inspect(SUPERVISOR, { roomId: 'demo:9-9-909' })).toMatchObject({ ok: false, code: 'FILE.ROOM_NOT_FOUND' });
    for (const who of [DESK_ON_SHIFT, MANAGER, TECH_LI, WANG]) expect(await inspect(who)).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    const log = expectOk(await callAs(rt, MANAGER, files.log, { propertyId: PROPERTY })).items;
    expect(log).toEqual([expect.objectContaining({ act: 'read', roomLabel: '1-1-101', reader: '刘主管', holder: null, reason: '住户投诉处理需核对登记信息' })]);
  });

  it('P1: the file holds the household\'s residents (phones masked), its repairs and complaints and what the property keeps', async () => {
    expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    expectOk(await callAs(rt, WANG, complaints.create, complaintAbout(WANG_ROOM, 0)));
    expectOk(await decide(rt, expectOk(await ask(rt)), 'grant'));
    const file = expectOk(await read(rt));
    expect(file.residents.map((r) => r.name).sort()).toEqual(['吴芳', '王秀英']);
    expect(file.residents.every((r) => /^\d{3}\*{4}\d{4}$/.test(r.phone))).toBe(true);
    expect(file.repairs.map((r) => r.description)).toEqual(['厨房水龙头一直滴水']);
    expect(file.complaints).toHaveLength(1);
    expect(file.version).toBe(0);
    const keep = { propertyId: PROPERTY, roomId: WANG_ROOM, vehicles: [{ plate: '沪A12345', note: '地下车位 B-12' }], memo: '独居老人，来访前先电话' };
    // Two first saves at the same moment: one lands, the other is told to try again, never written over the first.
    const [kept, raced] = await Promise.all([
      callAs(rt, DESK_ON_SHIFT, files.keep, { ...keep, commandId: newCommandId(), version: 0 }),
      callAs(rt, DESK_ON_SHIFT, files.keep, { ...keep, memo: '同一时刻的另一次保存', commandId: newCommandId(), version: 0 }),
    ]);
    expect(expectOk(kept)).toMatchObject({ vehicles: keep.vehicles, memo: keep.memo, updated: { by: '陈晓' }, version: 1 });
    // Issue 16: a save answers what it kept, not the household again (the desk has it from the read).
    expect(Object.keys(expectOk(kept)).sort()).toEqual(['memo', 'readableUntil', 'roomId', 'updated', 'vehicles', 'version']);
    expect(raced).toMatchObject({ ok: false, code: 'COMMON.BUSY' });
    expect(await callAs(rt, DESK_ON_SHIFT, files.keep, { ...keep, commandId: newCommandId(), version: 0 })).toMatchObject({ ok: false, code: 'COMMON.VERSION_CONFLICT' });
    expect(expectOk(await read(rt))).toMatchObject({ vehicles: keep.vehicles, version: 1 });
    expect(JSON.stringify(file)).not.toMatch(/13800000101|13800001101/);
  });

  it('P1: "contact the resident" sends the household a notice and tells the desk nothing about them', async () => {
    const told = expectOk(await callAs(rt, DESK_ON_SHIFT, files.contact, { propertyId: PROPERTY, commandId: newCommandId(), roomId: WANG_ROOM, message: '有快递员在前台找您，请与客服中心联系' }));
    expect(told).toEqual({ told: 2 });
    const sent = raw<{ kind: string; recipient: string; body: string }>(rt, 'outbox').filter((n) => n.kind === 'file.contact');
    expect(sent.map((n) => n.recipient).sort()).toEqual(['o-res-wu', WANG].sort());
    expect(sent.every((n) => n.body === '有快递员在前台找您，请与客服中心联系')).toBe(true);
    expect(await callAs(rt, DESK_ON_SHIFT, files.contact, { propertyId: PROPERTY, commandId: newCommandId(), roomId: 'demo:9-9-909', message: '请联系客服' })).toMatchObject({ ok: false, code: 'FILE.ROOM_NOT_FOUND' });
  });

  it('P1: a resident, a technician and another property\'s desk and supervisor are refused, and nothing changes', async () => {
    await seedOtherProperty(rt, [
      { id: 'mb_otherdesk', openid: 'o-other-desk', role: 'desk', name: '外盘客服' },
      { id: 'mb_othersup', openid: 'o-other-sup', role: 'supervisor', name: '外盘主管' },
    ]);
    expectOk(await decide(rt, expectOk(await ask(rt)), 'grant'));
    const before = await snapshot(rt);
    for (const who of [WANG, TECH_LI]) {
      expect(await read(rt, who)).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
      expect(await callAs(rt, who, files.revoke, { propertyId: PROPERTY, commandId: newCommandId(), grantId: 'fg_x', version: 2 })).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
      expect(await ask(rt, {}, who)).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
      expect(await callAs(rt, who, files.log, { propertyId: PROPERTY })).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    }
    expect(await read(rt, 'o-other-desk')).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    const grant = expectOk(await callAs(rt, SUPERVISOR, files.grants, { propertyId: PROPERTY })).items[0]!;
    expect(await callAs(rt, 'o-other-sup', files.revoke, { propertyId: PROPERTY, commandId: newCommandId(), grantId: grant.id, version: grant.version })).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    expect(await callAs(rt, 'o-other-sup', files.revoke, { propertyId: 'other', commandId: newCommandId(), grantId: grant.id, version: grant.version })).toMatchObject({ ok: false, code: 'FILE.GRANT_NOT_FOUND' });
    expect(await callAs(rt, 'o-other-sup', files.inspect, { propertyId: 'other', commandId: newCommandId(), roomId: WANG_ROOM, reason: '查一下' })).toMatchObject({ ok: false, code: 'FILE.ROOM_NOT_FOUND' });
    expect(await callAs(rt, 'o-other-desk', files.read, { propertyId: 'other', commandId: newCommandId(), roomId: WANG_ROOM })).toMatchObject({ ok: false, code: 'FILE.PERMISSION_REQUIRED' });
    expect(await callAs(rt, 'o-other-desk', files.ask, { propertyId: 'other', commandId: newCommandId(), roomId: WANG_ROOM, reason: '查一下' })).toMatchObject({ ok: false, code: 'FILE.ROOM_NOT_FOUND' });
    expect(await snapshot(rt)).toEqual(before);
  });
});
