import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { company, complaints, repairs } from '@shared/contracts';
import * as keys from '@shared/contracts/keys.contract';
import { maskIdNumber } from '@shared/domain/key.rules';
import { repairModel } from '@shared/model/repair.model';
import type { CallCount } from '../../local/call-meter';
import { openProperty, resident } from './company-harness';
import { networkDown, ADMIN, callAs, complaintInput, DESK_ON_SHIFT, expectOk, memberIdOf, newCommandId, PROPERTY, raw, repairInput, snapshot, startRuntime, TECH_LI, tickTimers, uploadAs, WANG, WANG_ROOM } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
type Doc = { _id: string; propertyId?: string; subject?: { id: string }; rule?: string; status?: string; step?: number; kind?: string };

const A = 'maple-court';
const MGR_A = 'o-mgr-maple';
const DESK_A = 'o-desk-maple';
const RES_A = 'o-res-maple';
/** A stored work order as today's code writes it (an older one would be rewritten by the timer's upgrade step). */
const template = repairModel.parse(JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'stored', 'repair.v3.json'), 'utf8')));

const tick = async (rt: Rt) => {
  const run = (await tickTimers(rt)) as { ok: boolean; data: { failed: unknown[] } };
  expect(run).toMatchObject({ ok: true, data: { failed: [] } });
};

/** Every document of `propertyId` in every collection, but the timer's own records (heartbeat, run marks). */
const dumpOf = async (rt: Rt, propertyId: string) =>
  Object.fromEntries(
    Object.entries(await snapshot(rt))
      .filter(([name]) => name !== 'environment')
      .map(([name, docs]) => [name, (docs as Doc[]).filter((d) => d.propertyId === propertyId)]),
  );

/** A work order returned urgent and signed just now: the timer owes it a callback task at once (R10). */
const signedJustNow = (rt: Rt, id: string) =>
  rt.engine.insertRaw('repairs', [
    repairModel.toStored({
      ...template,
      _id: id,
      status: 'signed',
      priority: 'urgent',
      residentOpenid: WANG,
      completedAt: rt.clock.now().toISOString(),
      updatedAt: rt.clock.now().toISOString(),
      dispatchedAt: rt.clock.now().toISOString(),
      signOff: { signature: 'cloud://local.local/uploads/o-tech-li/s.png', at: rt.clock.now().toISOString() },
      rating: { quality: 5, attitude: 5, comment: '', at: rt.clock.now().toISOString(), via: 'on_site' },
      countsFor: '2026-11',
    }),
  ]);

/** B's timer-driven work: a dispatched repair (R4 R9 clocks), a complaint (C4), a key lent until 17:00, and a callback task (B1). */
const busyB = async (rt: Rt) => {
  const repair = expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
  expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.dispatch, { propertyId: PROPERTY, commandId: newCommandId(), repairId: repair.id, version: repair.version, technicianId: memberIdOf(TECH_LI) }));
  expectOk(await callAs(rt, WANG, complaints.create, complaintInput(WANG_ROOM)));
  const key = expectOk(await callAs(rt, DESK_ON_SHIFT, keys.add, { propertyId: PROPERTY, commandId: newCommandId(), kind: 'equipment', opens: '2号楼水泵房', label: 'SB-02', set: 'working', depositFen: 0 }));
  expectOk(
    await callAs(rt, DESK_ON_SHIFT, keys.lend, {
      propertyId: PROPERTY,
      commandId: newCommandId(),
      keyId: key.id,
      borrower: { type: 'contractor', name: '赵师傅', phone: '13800000601', idMasked: maskIdNumber('110101199003071234') },
      purpose: '水泵检修',
      dueBackAt: '2026-11-23T17:00:00+08:00',
      signature: uploadAs(rt, DESK_ON_SHIFT, 'signature-b.png'),
      deposit: null,
    }),
  );
  signedJustNow(rt, 'rp_b_signed_early');
  await tick(rt);
  expect(raw<Doc>(rt, 'callbacks').filter((c) => c.propertyId === PROPERTY && c.status === 'open')).toHaveLength(1);
};

/**
 * Issue 14 (1): a deactivated property is read-only, and that holds for the timer too. Its clocks are
 * paused by the timer's next runs after it closes, so a sweep that reads due work oldest first never meets them again and the
 * other properties' clocks are not kept waiting behind them.
 */
describe('issue 14: the timer leaves a deactivated property as it was', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('R4 R9 C4 K2 K3 B1 R10: B closed with clocks, an overdue key and callback work due is unchanged by every later run; A\'s later clock is still warned and escalated', async () => {
    await openProperty(rt, A, '枫林苑', { manager: MGR_A, desk: DESK_A, template: PROPERTY });
    const roomA = await resident(rt, A, MGR_A, DESK_A, RES_A, ['3', '1', '202']);
    await busyB(rt);
    signedJustNow(rt, 'rp_b_signed_late');
    expectOk(await callAs(rt, ADMIN, company.deactivateProperty, { propertyId: PROPERTY, commandId: newCommandId(), reason: '合同到期' }));
    await tick(rt);
    const paused = raw<Doc>(rt, 'deadlines').filter((d) => d.propertyId === PROPERTY);
    expect(paused.map((d) => [d.rule, d.status]).sort()).toEqual([
      ['B1.callback', 'paused'],
      ['C4.classify', 'paused'],
      ['R4.ack', 'paused'],
      ['R9.return', 'paused'],
    ]);
    const before = await dumpOf(rt, PROPERTY);

    rt.clock.advanceMinutes(60);
    expectOk(await callAs(rt, RES_A, complaints.create, complaintInput(roomA, { propertyId: A })));
    // Through the day (B's acknowledgement and the key overdue, A's complaint due at midnight), the next days
    // (B's callback, its unsigned duty day), the 25th (key inventory), the month's turn and a month on (C3).
    for (const minutes of [30, 60, 6 * 60, 3 * 60, 5 * 60, 2 * 60, 24 * 60, 2 * 24 * 60, 24 * 60, 6 * 24 * 60, 30 * 24 * 60]) {
      rt.clock.advanceMinutes(minutes);
      await tick(rt);
    }

    expect(await dumpOf(rt, PROPERTY)).toEqual(before);
    const clockA = raw<Doc>(rt, 'deadlines').find((d) => d.propertyId === A && d.rule === 'C4.classify');
    expect(clockA).toMatchObject({ status: 'open' });
    expect(clockA?.step).toBeGreaterThanOrEqual(2);
    const told = raw<Doc>(rt, 'outbox').filter((n) => n.propertyId === A && n.subject?.id === clockA?.subject?.id).map((n) => n.kind);
    expect(told).toEqual(expect.arrayContaining(['deadline.warn', 'deadline.breach']));
  }, 60_000);

  it('R4: a property with more open clocks than one batch closes in one short call; the timer pauses them a batch a run, resumes after a run cut short, and tells nothing', async () => {
    await busyB(rt);
    const ack = raw<Doc>(rt, 'deadlines').find((d) => d.propertyId === PROPERTY && d.rule === 'R4.ack')!;
    rt.engine.insertRaw('deadlines', Array.from({ length: 250 }, (_, n) => ({ ...ack, _id: `dl_bulk_${n}`, subject: { ...ack.subject, id: `rp_bulk_${n}` } })));
    const openOf = () => raw<Doc>(rt, 'deadlines').filter((d) => d.propertyId === PROPERTY && d.status === 'open').length;
    const beforeClosing = raw<Doc>(rt, 'outbox').length;
    expect(openOf()).toBe(254);

    let closing: CallCount | null = null;
    const stop = rt.watchCalls((call) => {
      closing = call.calls;
    });
    expectOk(await callAs(rt, ADMIN, company.deactivateProperty, { propertyId: PROPERTY, commandId: newCommandId(), reason: '合同到期' }));
    stop();
    expect(openOf()).toBe(254);
    expect(closing!.total).toBeLessThanOrEqual(10);
    const refused = await callAs(rt, DESK_ON_SHIFT, keys.add, { propertyId: PROPERTY, commandId: newCommandId(), kind: 'equipment', opens: '3号楼配电房', label: 'SB-03', set: 'working', depositFen: 0 });
    expect(refused).toMatchObject({ ok: false, code: 'COMMON.PROPERTY_INACTIVE' });

    rt.clock.advanceMinutes(1);
    await tick(rt);
    expect(openOf()).toBe(154);

    // A run cut short: one clock's pause fails every try; the others of the batch are paused, it waits for the next run.
    for (let n = 0; n < 3; n++) rt.engine.failNext('database.modifyDocument', networkDown, { collection: 'deadlines' });
    rt.clock.advanceMinutes(1);
    const cut = (await tickTimers(rt)) as { ok: boolean; data: { failed: { step: string }[] } };
    expect(cut.data.failed.map((f) => f.step)).toEqual(['deadlines']);
    expect(openOf()).toBe(55);

    for (const _ of [1, 2]) {
      rt.clock.advanceMinutes(1);
      await tick(rt);
    }
    expect(openOf()).toBe(0);
    expect(raw<Doc & { pausedBy: string | null }>(rt, 'deadlines').filter((d) => d.propertyId === PROPERTY).every((d) => d.status === 'paused' && d.pausedBy === 'property')).toBe(true);
    expect(raw<Doc>(rt, 'outbox')).toHaveLength(beforeClosing);
  }, 60_000);
});
