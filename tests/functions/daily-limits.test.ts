/**
 * Issue 12 (4): nobody floods the desk. Each person files at most the property's daily number of
 * repairs, complaints, bookings and binding requests (a Shanghai day); an urgent repair (R3) and
 * anything the desk registers for a resident (R2) are never refused.
 */
import { actionPath } from '../local/system-process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { complaints, members, repairs, settings, visits } from '@shared/contracts';
import { startServer } from '../../local/server';
import { callAs, complaintAbout, DESK_ON_SHIFT, expectOk, expectRefusedUnchanged, memberIdOf, newCommandId, PROPERTY, raw, repairInput, startRuntime, testClock, WANG, WANG_ROOM, ZHANG, ZHANG_ROOM } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
const MANAGER = 'o-mgr-zhou';
const GAS_LEAK = { category: 'gas_appliance', description: '厨房燃气泄漏，一股很浓的煤气味' };
const limits = { repairs: 2, complaints: 2, bookings: 2, bindingRequests: 2 };

const setLimits = async (rt: Rt, dailyLimits: Record<string, number>) =>
  expectOk(await callAs(rt, MANAGER, settings.updateSettings, { propertyId: PROPERTY, commandId: newCommandId(), dailyLimits: { ...limits, ...dailyLimits } }));


const bindingInput = (roomId: string) => ({ propertyId: PROPERTY, commandId: newCommandId(), roomId, name: '新住户', relation: 'tenant', phone: '13800009999' });
const at = (hhmm: string, date = '2026-11-24') => new Date(Date.parse(`${date}T${hhmm}:00+08:00`)).toISOString();

describe('daily limits per person', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime(testClock('2026-11-23T02:00:00.000Z'));
    await setLimits(rt, {});
  });
  afterEach(() => rt.close());

  it('a resident past the day\'s repairs is refused with REPAIR.DAILY_LIMIT, and nothing is written', async () => {
    for (let i = 0; i < 2; i++) expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    const before = raw(rt, 'repairs').length;
    const refused = await callAs(rt, WANG, repairs.create, repairInput());
    expect(refused).toEqual({ ok: false, code: 'REPAIR.DAILY_LIMIT', message: '您今天提交的报修已达上限，请明天再报；急修（如燃气泄漏、漏电、水管爆裂）不受限制，也可直接拨打客服电话' });
    expect(raw(rt, 'repairs')).toHaveLength(before);
    expect(expectOk(await callAs(rt, ZHANG, repairs.create, repairInput({ roomId: ZHANG_ROOM }))).status).toBe('submitted');
  });

  it('R3: an urgent repair is never refused by the daily limit', async () => {
    for (let i = 0; i < 2; i++) expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    expect(await callAs(rt, WANG, repairs.create, repairInput())).toMatchObject({ ok: false, code: 'REPAIR.DAILY_LIMIT' });
    for (let i = 0; i < 3; i++) expect(expectOk(await callAs(rt, WANG, repairs.create, repairInput(GAS_LEAK))).priority).toBe('urgent');
    expect(await callAs(rt, WANG, repairs.create, repairInput())).toMatchObject({ ok: false, code: 'REPAIR.DAILY_LIMIT' });
  });

  it('R2: what the desk registers for a resident is never refused by the resident\'s limit, repairs and complaints alike', async () => {
    for (let i = 0; i < 2; i++) expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    for (let i = 0; i < 2; i++) expectOk(await callAs(rt, WANG, complaints.create, complaintAbout(WANG_ROOM, i)));
    for (let i = 0; i < 3; i++) {
      const registered = await callAs(rt, DESK_ON_SHIFT, repairs.register, {
        propertyId: PROPERTY, commandId: newCommandId(), residentId: memberIdOf(WANG), roomId: WANG_ROOM, channel: 'phone', callerName: '王秀英', phone: '13800000101', category: 'water', description: '厨房水管漏水', preferredTime: null,
      });
      expect(expectOk(registered).channel).toBe('phone');
      const { photos: _none, ...fields } = complaintAbout(WANG_ROOM, 10 + i);
      expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.register, { ...fields, residentId: memberIdOf(WANG), channel: 'phone', callerName: '王秀英', phone: '13800000101', apologised: true }));
    }
  });

  it('issue 16: a booking past the limit, its place claimed beside its transaction, is refused with BOOKING.DAILY_LIMIT and writes nothing (not even its new slot)', async () => {
    expectOk(await callAs(rt, WANG, visits.book, { propertyId: PROPERTY, commandId: newCommandId(), start: at('10:00'), roomId: WANG_ROOM, topic: '咨询物业费' }));
    expectOk(await callAs(rt, WANG, visits.book, { propertyId: PROPERTY, commandId: newCommandId(), start: at('10:30'), roomId: WANG_ROOM, topic: '咨询物业费' }));
    // 11:00 has no slot document yet: the refused booking's transaction would have added it.
    expect(raw<{ start: string }>(rt, 'slots').filter((slot) => slot.start === at('11:00'))).toEqual([]);
    await expectRefusedUnchanged(rt, WANG, visits.book, { propertyId: PROPERTY, commandId: newCommandId(), start: at('11:00'), roomId: WANG_ROOM, topic: '咨询物业费' }, 'BOOKING.DAILY_LIMIT');
  });

  it('issue 16: bookings sent at once, each claiming its place beside its transaction, never pass the day\'s limit', async () => {
    const sent = await Promise.all(['09:00', '09:30', '10:00', '10:30', '11:00'].map((hhmm) =>
      callAs(rt, WANG, visits.book, { propertyId: PROPERTY, commandId: newCommandId(), start: at(hhmm), roomId: WANG_ROOM, topic: '咨询物业费' })));
    expect(sent.filter((r) => r.ok)).toHaveLength(2);
    expect(sent.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(['BOOKING.DAILY_LIMIT', 'BOOKING.DAILY_LIMIT', 'BOOKING.DAILY_LIMIT']);
    expect(raw(rt, 'bookings')).toHaveLength(2);
    expect(raw<{ bookingIds: string[] }>(rt, 'slots').flatMap((slot) => slot.bookingIds)).toHaveLength(2);
  });

  it('complaints, bookings and binding requests each have their own limit and their own code', async () => {
    for (let i = 0; i < 2; i++) expectOk(await callAs(rt, WANG, complaints.create, complaintAbout(WANG_ROOM, i)));
    expect(await callAs(rt, WANG, complaints.create, complaintAbout(WANG_ROOM, 2))).toMatchObject({ ok: false, code: 'COMPLAINT.DAILY_LIMIT', message: '您今天提交的投诉已达上限，请明天再提交；事情紧急请直接拨打客服电话' });

    // A desk appointment and a home visit count alike: both are bookings.
    expectOk(await callAs(rt, WANG, visits.book, { propertyId: PROPERTY, commandId: newCommandId(), start: at('10:00'), roomId: WANG_ROOM, topic: '咨询物业费' }));
    expectOk(await callAs(rt, WANG, visits.bookHome, { propertyId: PROPERTY, commandId: newCommandId(), start: at('09:00'), roomId: WANG_ROOM, topic: '上门回访' }));
    expect(await callAs(rt, WANG, visits.book, { propertyId: PROPERTY, commandId: newCommandId(), start: at('10:30'), roomId: WANG_ROOM, topic: '咨询物业费' })).toMatchObject({
      ok: false,
      code: 'BOOKING.DAILY_LIMIT',
      message: '您今天的预约次数已达上限，请明天再约，或拨打客服电话',
    });

    // Binding requests come from people who are no members yet: counted by who asks.
    for (const room of ['demo:2-2-201', 'demo:2-2-301']) expectOk(await callAs(rt, 'o-stranger-1', members.requestBinding, bindingInput(room)));
    expect(await callAs(rt, 'o-stranger-1', members.requestBinding, bindingInput('demo:2-2-501'))).toMatchObject({
      ok: false,
      code: 'BINDING.DAILY_LIMIT',
      message: '您今天提交的绑定申请已达上限，请明天再试，或拨打客服电话核实',
    });
    expectOk(await callAs(rt, 'o-new-res', members.requestBinding, bindingInput('demo:2-2-501')));
  });

  it('the day is the Shanghai day: still refused at 23:59 there, filed again at 00:00', async () => {
    rt.clock.set(at('00:00', '2026-11-23'));
    for (let i = 0; i < 2; i++) expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    rt.clock.set(at('23:59', '2026-11-23'));
    expect(await callAs(rt, WANG, repairs.create, repairInput())).toMatchObject({ ok: false, code: 'REPAIR.DAILY_LIMIT' });
    rt.clock.set(at('00:00', '2026-11-24'));
    expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
  });

  it('one command sent again, even at once, is one filing: every copy gets it back and it counts once', async () => {
    await setLimits(rt, { repairs: 1 });
    const input = repairInput({ commandId: 'same-command-limit' });
    const results = await Promise.all(Array.from({ length: 20 }, () => callAs(rt, WANG, repairs.create, input)));
    expect(new Set(results.map((r) => expectOk(r).id)).size).toBe(1);
    expect(await callAs(rt, WANG, repairs.create, repairInput())).toMatchObject({ ok: false, code: 'REPAIR.DAILY_LIMIT' });
  });

  it('a filing that fails after taking its place gives the place back, and leaves no counter behind', async () => {
    await setLimits(rt, { repairs: 1 });
    // applyOnce makes 4 attempts, each a runTransaction of 1 run + 3 retries on a commit conflict.
    for (let i = 0; i < 16; i++) rt.engine.failNext('database.commitTransaction', { code: 'DATABASE_TRANSACTION_CONFLICT', message: 'write conflict' });
    expect(await callAs(rt, WANG, repairs.create, repairInput())).toMatchObject({ ok: false, code: 'COMMON.BUSY' });
    expect(raw(rt, 'quotas')).toEqual([]);
    expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    expect(raw<{ count: number }>(rt, 'quotas').map((q) => q.count)).toEqual([1]);
  });

  it('the manager changes the limits on the settings, and every desk member reads them', async () => {
    const changed = await setLimits(rt, { repairs: 15, bindingRequests: 1 });
    expect(changed.dailyLimits).toEqual({ repairs: 15, complaints: 2, bookings: 2, bindingRequests: 1 });
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, settings.settings, { propertyId: PROPERTY })).dailyLimits).toEqual(changed.dailyLimits);
    expect(await callAs(rt, MANAGER, settings.updateSettings, { propertyId: PROPERTY, commandId: newCommandId(), dailyLimits: { ...limits, repairs: 0 } })).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT' });
  });

});

describe('the default limits', () => {
  it('a property that never saved settings limits with the defaults: ten repairs a day', async () => {
    const rt = await startRuntime(testClock('2026-11-23T02:00:00.000Z'));
    try {
      for (let i = 0; i < 10; i++) expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
      expect(await callAs(rt, WANG, repairs.create, repairInput())).toMatchObject({ ok: false, code: 'REPAIR.DAILY_LIMIT' });
    } finally {
      rt.close();
    }
  });
});

describe('a burst of filings over HTTP cannot pass the limit', () => {
  let rt: Rt;
  let dir: string;
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeEach(async () => {
    rt = await startRuntime(testClock('2026-11-23T02:00:00.000Z'));
    await setLimits(rt, { repairs: 5, bindingRequests: 3 });
    dir = mkdtempSync(join(tmpdir(), 'limits-'));
    mkdirSync(join(dir, 'h5'));
    writeFileSync(join(dir, 'h5', 'index.html'), '<!doctype html>');
    server = await startServer({ runtime: rt, h5Dir: join(dir, 'h5'), dataDir: null, port: 0 });
  });
  afterEach(async () => {
    await server.close();
    rt.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = <T = unknown>(fn: string, action: string, input: unknown, openid: string) =>
    fetch(`${server.url}${actionPath(fn, action)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Dev ${Buffer.from(openid).toString('base64url')}` },
      body: JSON.stringify({ action, input }),
    }).then((r) => r.json() as Promise<{ ok: boolean; code?: string; data: T }>);

  it('4 residents send 50 repairs each at once: exactly 5 each are filed, every other is refused with REPAIR.DAILY_LIMIT', async () => {
    const four = [
      { openid: WANG, roomId: WANG_ROOM },
      { openid: ZHANG, roomId: ZHANG_ROOM },
      { openid: 'o-res-li', roomId: 'demo:1-1-302' },
      { openid: 'o-res-liu', roomId: 'demo:2-1-1001' },
    ];
    const results = await Promise.all(four.flatMap((r) => Array.from({ length: 50 }, () => post('repairs', 'create', repairInput({ roomId: r.roomId }), r.openid).then((res) => ({ who: r.openid, res })))));
    for (const r of four) {
      const mine = results.filter((x) => x.who === r.openid).map((x) => x.res);
      expect(mine.filter((res) => res.ok)).toHaveLength(5);
      expect(mine.filter((res) => !res.ok).map((res) => res.code)).toEqual(Array(45).fill('REPAIR.DAILY_LIMIT'));
    }
    expect(raw(rt, 'repairs')).toHaveLength(20);
  }, 60_000);

  it('80 strangers ask 3 times each and then a real newcomer once: the strangers are held to 3 a day, and the desk pages through every pending request to the newcomer\'s', async () => {
    const rooms = raw<{ _id: string }>(rt, 'rooms').map((r) => r._id);
    const asked = await Promise.all(
      Array.from({ length: 80 }, (_, s) => Array.from({ length: 4 }, (_, k) => post('members', 'requestBinding', bindingInput(rooms[(s * 4 + k) % rooms.length] as string), `o-stranger-${s}`))).flat(),
    );
    expect(asked.filter((r) => r.ok)).toHaveLength(240);
    expect(asked.filter((r) => !r.ok).map((r) => r.code)).toEqual(Array(80).fill('BINDING.DAILY_LIMIT'));
    rt.clock.advanceMinutes(5);
    expect((await post('members', 'requestBinding', bindingInput(WANG_ROOM), 'o-new-res')).ok).toBe(true);

    const seen: { name: string; roomId: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { items: { name: string; roomId: string }[]; total: number; next: string | null } } = await post<{ items: { name: string; roomId: string }[]; total: number; next: string | null }>('members', 'bindingRequests', { propertyId: PROPERTY, limit: 100, ...(cursor ? { cursor } : {}) }, DESK_ON_SHIFT);
      expect(page.data.total).toBe(241);
      seen.push(...page.data.items);
      cursor = page.data.next;
    } while (cursor);
    expect(seen).toHaveLength(241);
    expect(seen[240]).toMatchObject({ roomId: WANG_ROOM });
  }, 60_000);
});
