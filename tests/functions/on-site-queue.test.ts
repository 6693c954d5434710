/**
 * Issue 12 (3.9): the technician's offline queue against the real repairs function: the queue and the
 * api client of the app, and behind their transport the functions as the local runtime runs them, called
 * as 李师傅. One order's command that is refused for good, or that the server keeps failing on, or that
 * must wait (R5), holds up no other order; what to retry is the error contract's.
 */
import { repairs } from '@shared/contracts';
import { retryOf } from '@shared/contracts/errors';
import type { RepairView } from '@shared/contracts/repairs.contract';
import { messages } from '@shared/messages';
import { createClient } from '../../client/src/api/client';
import type { Transport } from '../../client/src/api/transport';
import { BOUNDED_TRIES, createCommandQueue } from '../../client/src/offline/command-queue';
import { commandSender, type StepTarget } from '../../client/src/offline/commands';
import { fill, ui } from '../../client/src/i18n/ui.zh-CN';
import { setAsideWords } from '../../client/src/utils/set-aside';
import { callAs, DESK_ON_SHIFT, expectOk, memberIdOf, PROPERTY, raw, repairInput, startRuntime, TECH_LI, TECH_MA, WANG } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;

/** The api client's own retries (the app's default): each queue try is this many calls at most. */
const CLIENT_RETRIES = 2;

const phone = (rt: Rt) => {
  const calls: Array<{ action: string; repairId: string }> = [];
  const transport: Transport = (fn, envelope) => {
    calls.push({ action: envelope.action, repairId: String((envelope.input as { repairId?: string }).repairId) });
    return rt.invoke(fn, envelope, { openid: TECH_LI });
  };
  const { call } = createClient({ transport, retries: CLIENT_RETRIES, delay: () => Promise.resolve() });
  let ids = 0;
  const storage = new Map<string, unknown>();
  const queue = createCommandQueue({
    storage: { getItem: (key) => storage.get(key) ?? '', setItem: (key, value) => void storage.set(key, JSON.parse(JSON.stringify(value))) },
    send: commandSender(call),
    upload: async () => null,
    now: () => rt.clock.now(),
    newCommandId: () => `queue-cmd-${String(++ids).padStart(6, '0')}`,
  });
  return { queue, callsTo: (repairId: string) => calls.filter((c) => c.repairId === repairId) };
};

const dispatchedToLi = async (rt: Rt, description: string): Promise<RepairView> => {
  const filed = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ description })));
  return expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.dispatch, { propertyId: PROPERTY, commandId: `q-dispatch-${filed.id}`, repairId: filed.id, version: filed.version, technicianId: memberIdOf(TECH_LI) }));
};

const target = (view: RepairView): StepTarget => ({ repairId: view.id, propertyId: PROPERTY, uploadPrefix: 'uploads/li/', version: view.version });
const statusOf = async (rt: Rt, id: string) => expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.get, { propertyId: PROPERTY, repairId: id })).status;

describe('issue 12 (3.9): the offline queue never jams (the real repairs function behind it)', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it(`an order the server fails on every time (its stored document is broken) is tried ${BOUNDED_TRIES} times with backoff, then set aside with its later steps; the other order is done meanwhile`, async () => {
    const a = await dispatchedToLi(rt, '厨房水龙头一直滴水');
    const b = await dispatchedToLi(rt, '卫生间灯不亮');
    const stored = raw<Record<string, unknown>>(rt, 'repairs').find((r) => r._id === a.id);
    await rt.db.collection('repairs').doc(a.id).remove();
    rt.engine.insertRaw('repairs', [{ ...stored, priority: 'whenever' }]);
    const { queue, callsTo } = phone(rt);
    queue.enqueue('acknowledge', target(a), {});
    queue.enqueue('arrive', target(a), {});
    queue.enqueue('acknowledge', target(b), {});
    queue.enqueue('arrive', target(b), {});

    await queue.flush();

    expect(await statusOf(rt, b.id)).toBe('arrived');
    expect(queue.state()).toMatchObject({ conflicts: {}, offline: false });
    expect(callsTo(a.id)).toHaveLength(1 + CLIENT_RETRIES);
    for (let minute = 0; minute < 5; minute++) {
      rt.clock.advanceMinutes(0.25);
      await queue.flush();
    }

    const setAside = queue.state().conflicts[a.id];
    expect(setAside).toMatchObject({ code: 'COMMON.INTERNAL', message: messages.errors['COMMON.INTERNAL'], action: 'acknowledge', tries: BOUNDED_TRIES });
    expect(callsTo(a.id).map((c) => c.action)).toEqual(Array(BOUNDED_TRIES * (1 + CLIENT_RETRIES)).fill('acknowledge'));
    expect(queue.state().commands.map((c) => [c.repairId, c.action])).toEqual([
      [a.id, 'acknowledge'],
      [a.id, 'arrive'],
    ]);
    expect(setAside && setAsideWords(setAside)).toBe(fill(ui.sync.setAsideFailing, { step: '接单', n: BOUNDED_TRIES, reason: messages.errors['COMMON.INTERNAL'] }));
  });

  it('a step refused for good (the desk gave the order to 马师傅 meanwhile) is set aside at once with its reason, and the other order goes on', async () => {
    const a = await dispatchedToLi(rt, '厨房水龙头一直滴水');
    const b = await dispatchedToLi(rt, '卫生间灯不亮');
    expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.dispatch, { propertyId: PROPERTY, commandId: `q-reassign-${a.id}`, repairId: a.id, version: a.version, technicianId: memberIdOf(TECH_MA), reason: '李师傅今天请假' }));
    const { queue, callsTo } = phone(rt);
    queue.enqueue('acknowledge', target(a), {});
    queue.enqueue('arrive', target(a), {});
    queue.enqueue('acknowledge', target(b), {});

    await queue.flush();

    // The order is no longer his to see: final in the error contract, so one try, and set aside.
    const setAside = queue.state().conflicts[a.id];
    expect(retryOf('REPAIR.NOT_FOUND')).toBe('final');
    expect(setAside).toMatchObject({ code: 'REPAIR.NOT_FOUND', action: 'acknowledge', tries: 1 });
    expect(callsTo(a.id)).toHaveLength(1);
    expect(await statusOf(rt, b.id)).toBe('acknowledged');
    expect(setAside && setAsideWords(setAside)).toBe(fill(ui.sync.setAsideRefused, { step: '接单', reason: messages.errors['REPAIR.NOT_FOUND'] }));
  });

  it('R5: a note left before the 3 minutes waits on its own order (STATE.TOO_EARLY), the other order goes on, and the note gets through once the time has passed', async () => {
    const a = await dispatchedToLi(rt, '厨房水龙头一直滴水');
    const b = await dispatchedToLi(rt, '卫生间灯不亮');
    const { queue } = phone(rt);
    queue.enqueue('acknowledge', target(a), {});
    queue.enqueue('arrive', target(a), {});
    await queue.flush();
    rt.clock.advanceMinutes(1);
    queue.enqueue('noAnswer', { ...target(a), version: a.version + 2 }, { note: '敲门无人应答，已在门上留言' });
    queue.enqueue('acknowledge', target(b), {});

    await queue.flush();

    expect(await statusOf(rt, a.id)).toBe('arrived');
    expect(await statusOf(rt, b.id)).toBe('acknowledged');
    expect(queue.state()).toMatchObject({ conflicts: {}, offline: false });
    rt.clock.advanceMinutes(2);
    await queue.flush();
    expect(await statusOf(rt, a.id)).toBe('rescheduling');
    expect(queue.state().commands).toEqual([]);
  });
});
