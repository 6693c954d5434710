import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { leftKeyModel } from '@shared/model/key.model';
import { repairModel } from '@shared/model/repair.model';
import { memberIdOf, PROPERTY, raw, startRuntime, TECH_LI, tickTimers } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
type Run = { ok: true; data: { keys: { leftDue: number }; failed: unknown[] } };

const tick = async (rt: Rt) => {
  const run = (await tickTimers(rt)) as Run;
  expect(run).toMatchObject({ ok: true, data: { failed: [] } });
  return run.data.keys.leftDue;
};

const template = repairModel.parse(JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'stored', 'repair.v3.json'), 'utf8')));

/** `count` work orders (signed off or still dispatched), each with a resident's key left at the desk for it. */
const ordersWithKeys = (rt: Rt, prefix: string, count: number, status: 'signed' | 'dispatched') => {
  const at = rt.clock.now().toISOString();
  const ids = Array.from({ length: count }, (_, n) => `${prefix}${String(n).padStart(4, '0')}`);
  rt.engine.insertRaw('repairs', ids.map((id) => repairModel.toStored({ ...template, _id: `rp_${id}`, propertyId: PROPERTY, status, updatedAt: at })));
  rt.engine.insertRaw(
    'leftKeys',
    ids.map((id) =>
      leftKeyModel.toStored({
        _id: `lk_${id}`,
        propertyId: PROPERTY,
        repairId: `rp_${id}`,
        roomId: template.roomId ?? 'demo:1-1-101',
        description: '入户门钥匙 1 把',
        leftBy: '王秀英',
        technician: { memberId: memberIdOf(TECH_LI), name: '李师傅' },
        status: 'held',
        receivedBy: '前台',
        createdAt: at,
        signature: null,
        borrowedAt: null,
        backAt: null,
        returnedAt: null,
        returnedTo: null,
        remindedAt: null,
        version: 1,
        updatedAt: at,
      }),
    ),
  );
};

/** The timer run's reads of left keys and work orders (none is due here, so no reminder's transaction reads them). */
const selectionReads = async (rt: Rt) => {
  let reads = -1;
  const stop = rt.watchCalls((call) => {
    if (call.fn === "reminders") reads = call.calls.trace.filter((t) => (t.detail === 'leftKeys' || t.detail === 'repairs') && t.kind === 'database.getDocument').length;
  });
  await tick(rt);
  stop();
  return reads;
};

/** Issue 19 K2: the left-key reminder reads what is due a page at a time, never one order per key. */
describe('K2: the desk is reminded of every left key whose order is signed off, however many wait', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('K2: with 60 keys waiting on open orders ahead of them, 120 keys of signed orders are all reminded within the timer\'s runs, each once', async () => {
    ordersWithKeys(rt, 'a_open', 60, 'dispatched');
    ordersWithKeys(rt, 'b_signed', 120, 'signed');
    let reminded = 0;
    for (let run = 0; run < 5; run++) {
      rt.clock.advanceMinutes(1);
      reminded += await tick(rt);
    }
    expect(reminded).toBe(120);
    const told = raw<{ kind: string; subject: { id: string } }>(rt, 'outbox').filter((n) => n.kind === 'key.leftDue').map((n) => n.subject.id);
    expect(new Set(told).size).toBe(120);
    expect(told.every((id) => id.startsWith('lk_b_signed'))).toBe(true);
    const keys = raw<{ _id: string; remindedAt: string | null }>(rt, 'leftKeys');
    expect(keys.filter((k) => k._id.startsWith('lk_a_open')).every((k) => k.remindedAt === null)).toBe(true);
  }, 60_000);

  it('K2: the run\'s reads of keys and orders do not grow with the keys waiting (10 or 90 on open orders)', async () => {
    ordersWithKeys(rt, 'a_open', 10, 'dispatched');
    await tick(rt);
    rt.clock.advanceMinutes(1);
    const few = await selectionReads(rt);
    ordersWithKeys(rt, 'b_open', 80, 'dispatched');
    rt.clock.advanceMinutes(1);
    const many = await selectionReads(rt);
    expect(few).toBeGreaterThan(0);
    expect(many).toBe(few);
  }, 60_000);
});
