/**
 * The technician's offline command queue (issue 3, point 5) as plain logic: a fake storage stands
 * for the phone's, a fake server for the repairs function (it applies each command id once, checks
 * the version and the state machine), and the real api client sits between them.
 */
import type { RepairView } from '@shared/contracts/repairs.contract';
import { errorRetry } from '@shared/contracts/errors';
import { repairMachine } from '@shared/domain/repair.machine';
import { messages } from '@shared/messages';
import { createClient } from '../../client/src/api/client';
import { TransportError, type Transport } from '../../client/src/api/transport';
import { BOUNDED_TRIES, createCommandQueue, QUEUE_KEY, TOO_OLD, type QueueDeps } from '../../client/src/offline/command-queue';
import { COMMAND_RETENTION_DAYS, OFFLINE_SEND_WINDOW_DAYS } from '@shared/model/command.model';
import { setAsideWords } from '../../client/src/utils/set-aside';
import { commandSender, type OnSiteAction, type StepTarget } from '../../client/src/offline/commands';
import { localFile } from '../../client/src/offline/local-files';
import { PROPERTY, repair } from './support/fixtures';

/** Storage that keeps JSON, as the phone's does, and survives a "restart" (a new queue on the same storage). */
const fakeStorage = () => {
  const data = new Map<string, string>();
  return {
    getItem: (key: string): unknown => (data.has(key) ? JSON.parse(data.get(key) ?? 'null') : ''),
    setItem: (key: string, value: unknown) => void data.set(key, JSON.stringify(value)),
    copy() {
      const other = fakeStorage();
      data.forEach((v, k) => other.setItem(k, JSON.parse(v)));
      return other;
    },
  };
};

interface Received {
  action: string;
  commandId: string;
  version: number;
  deviceTime: string;
  input: Record<string, unknown>;
}

/** The repairs function in miniature: one event per command id, optimistic concurrency, the machine's table. */
const fakeServer = (orders: RepairView[]) => {
  const state = new Map(orders.map((o) => [o.id, o]));
  const applied = new Map<string, unknown>();
  const received: Received[] = [];
  const events: Array<{ repairId: string; action: string; commandId: string; deviceAt: string }> = [];
  let online = true;
  let attempts = 0;

  const transport: Transport = async (_fn, envelope) => {
    attempts += 1;
    if (!online) throw new TransportError('offline');
    const input = envelope.input as Record<string, unknown> & { repairId: string; version: number; commandId: string; deviceTime: string };
    received.push({ action: envelope.action, commandId: input.commandId, version: input.version, deviceTime: input.deviceTime, input });
    const replay = applied.get(input.commandId);
    if (replay) return replay;
    const order = state.get(input.repairId);
    if (!order) return { ok: false, code: 'REPAIR.NOT_FOUND', message: messages.errors['REPAIR.NOT_FOUND'] };
    if (order.version !== input.version) return { ok: false, code: 'COMMON.VERSION_CONFLICT', message: messages.errors['COMMON.VERSION_CONFLICT'] };
    const t = repairMachine.transitions[envelope.action as OnSiteAction];
    if (!t.from.includes(order.status)) return { ok: false, code: 'STATE.TRANSITION_NOT_ALLOWED', message: messages.errors['STATE.TRANSITION_NOT_ALLOWED'] };
    const next = { ...order, status: t.to ?? order.status, version: order.version + 1 };
    state.set(order.id, next);
    events.push({ repairId: order.id, action: envelope.action, commandId: input.commandId, deviceAt: input.deviceTime });
    const reply = { ok: true, data: next };
    applied.set(input.commandId, reply);
    return reply;
  };

  return {
    transport,
    received,
    events,
    order: (id: string) => state.get(id),
    /** Every delivery tried, including those that never arrived. */
    attempts: () => attempts,
    /** Someone else changed the order meanwhile (the desk reassigned it). */
    bump: (id: string) => {
      const order = state.get(id);
      if (order) state.set(id, { ...order, version: order.version + 1 });
    },
    setOnline: (on: boolean) => {
      online = on;
    },
  };
};

let clock = new Date('2026-11-24T02:00:00.000Z');
let ids = 0;

const queueOn = (storage: ReturnType<typeof fakeStorage>, transport: Transport, extra: Partial<QueueDeps> = {}) => {
  const { call } = createClient({ transport, retries: 0, delay: () => Promise.resolve() });
  return createCommandQueue({
    storage,
    send: commandSender(call),
    upload: async (ref) => `cloud://env.bucket/uploads/o-tech/${ref}.jpg`,
    now: () => clock,
    newCommandId: () => `cmd-${String(++ids).padStart(8, '0')}`,
    ...extra,
  });
};

const tick = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

const target = (view: RepairView): StepTarget => ({ repairId: view.id, propertyId: PROPERTY, uploadPrefix: 'uploads/o-tech/', version: view.version });

const dispatched = (id: string, version = 3) =>
  repair({ id, status: 'dispatched', version, technician: { memberId: 'tech-li', name: '李师傅' }, actions: ['acknowledge'] });

beforeEach(() => {
  clock = new Date('2026-11-24T02:00:00.000Z');
  ids = 0;
});

describe('offline command queue (issue 3 point 5)', () => {
  it('R1: a command queued longer ago than the send window is set aside unsent, with the order\'s later ones, and the technician is told why; a younger one is sent', async () => {
    expect(OFFLINE_SEND_WINDOW_DAYS).toBeLessThan(COMMAND_RETENTION_DAYS);
    const day = 24 * 60 * 60_000;
    const stale = dispatched('r-old');
    const fresh = dispatched('r-new');
    const server = fakeServer([stale, fresh]);
    server.setOnline(false);
    const storage = fakeStorage();
    const queue = queueOn(storage, server.transport);
    queue.enqueue('acknowledge', target(stale), {});
    queue.enqueue('arrive', target(stale), {});
    tick(2 * day);
    queue.enqueue('acknowledge', target(fresh), {});
    await queue.flush();

    // Back online: the first two were tapped OFFLINE_SEND_WINDOW_DAYS + 1 days ago, the third OFFLINE_SEND_WINDOW_DAYS - 1.
    tick((OFFLINE_SEND_WINDOW_DAYS - 1) * day);
    server.setOnline(true);
    const reopened = queueOn(storage, server.transport);
    await reopened.flush({ force: true });

    expect(server.received.map((r) => [r.action, r.input.repairId])).toEqual([['acknowledge', 'r-new']]);
    expect(server.order('r-old')?.status).toBe('dispatched');
    expect(reopened.state().commands.map((c) => [c.repairId, c.action])).toEqual([
      ['r-old', 'acknowledge'],
      ['r-old', 'arrive'],
    ]);
    const conflict = reopened.state().conflicts['r-old']!;
    expect(conflict).toMatchObject({ code: TOO_OLD, action: 'acknowledge', tries: 0 });
    expect(conflict.message).toBe(`这一步在手机上放了超过 ${OFFLINE_SEND_WINDOW_DAYS} 天，已不能再提交，请刷新工单查看最新情况，必要时重新操作`);
    expect(setAsideWords(conflict)).toContain(conflict.message);
    // Kept on the phone as it was: a restart sends it no more than before.
    await queueOn(storage, server.transport).flush({ force: true });
    expect(server.received).toHaveLength(1);
  });

  it('keeps each command, with its command id and the time of the tap, through the app being closed', async () => {
    const order = dispatched('r-1');
    const server = fakeServer([order]);
    server.setOnline(false);
    const storage = fakeStorage();
    const queue = queueOn(storage, server.transport);

    queue.enqueue('acknowledge', target(order), {});
    tick(60_000);
    queue.enqueue('arrive', target(order), {});
    await queue.flush();
    expect(queue.state().commands).toHaveLength(2);

    tick(10 * 60_000);
    const reopened = queueOn(storage, server.transport);
    expect(reopened.state().commands.map((c) => [c.action, c.commandId, c.deviceTime])).toEqual([
      ['acknowledge', 'cmd-00000001', '2026-11-24T02:00:00.000Z'],
      ['arrive', 'cmd-00000002', '2026-11-24T02:01:00.000Z'],
    ]);

    server.setOnline(true);
    await reopened.flush({ force: true });

    expect(reopened.state().commands).toEqual([]);
    expect(server.events.map((e) => [e.action, e.deviceAt])).toEqual([
      ['acknowledge', '2026-11-24T02:00:00.000Z'],
      ['arrive', '2026-11-24T02:01:00.000Z'],
    ]);
    expect(server.order('r-1')?.status).toBe('arrived');
  });

  it('expects one more version per earlier queued command on the same order, each order on its own', () => {
    const a = dispatched('r-a', 3);
    const b = dispatched('r-b', 7);
    const queue = queueOn(fakeStorage(), fakeServer([a, b]).transport);

    queue.enqueue('acknowledge', target(a), {});
    queue.enqueue('acknowledge', target(b), {});
    queue.enqueue('arrive', target(a), {});
    queue.enqueue('quote', target(a), { items: [{ code: 'tap-replace', qty: 1 }] });

    expect(queue.state().commands.map((c) => [c.repairId, c.action, c.version])).toEqual([
      ['r-a', 'acknowledge', 3],
      ['r-b', 'acknowledge', 7],
      ['r-a', 'arrive', 4],
      ['r-a', 'quote', 5],
    ]);
  });

  it('sends in order, one at a time, and each accepted command moves the server by exactly one version', async () => {
    const order = dispatched('r-1', 3);
    const server = fakeServer([order]);
    const queue = queueOn(fakeStorage(), server.transport);

    queue.enqueue('acknowledge', target(order), {});
    queue.enqueue('arrive', target(order), {});
    queue.enqueue('quote', target(order), { items: [] });
    await queue.flush();

    expect(server.received.map((r) => [r.action, r.version])).toEqual([
      ['acknowledge', 3],
      ['arrive', 4],
      ['quote', 5],
    ]);
    expect(server.order('r-1')).toMatchObject({ status: 'quoted', version: 6 });
  });

  it('replayed twice (the app died before it could forget what was sent), the server holds one event per action', async () => {
    const order = dispatched('r-1');
    const server = fakeServer([order]);
    const storage = fakeStorage();
    const queue = queueOn(storage, server.transport);
    queue.enqueue('acknowledge', target(order), {});
    queue.enqueue('arrive', target(order), {});
    queue.enqueue('quote', target(order), { items: [{ code: 'inspect', qty: 1 }] });
    const beforeSending = storage.copy();

    await queue.flush();
    const replay = queueOn(beforeSending, server.transport);
    await replay.flush();

    const sent = server.received.map((r) => r.commandId);
    expect(sent).toEqual(['cmd-00000001', 'cmd-00000002', 'cmd-00000003', 'cmd-00000001', 'cmd-00000002', 'cmd-00000003']);
    expect(server.events.map((e) => e.action)).toEqual(['acknowledge', 'arrive', 'quote']);
    expect(replay.state()).toMatchObject({ commands: [], conflicts: {} });
    expect(beforeSending.getItem(QUEUE_KEY)).toEqual({ commands: [], conflicts: {} });
  });

  it.each([
    ['COMMON.VERSION_CONFLICT', 'the desk reassigned it meanwhile', (s: ReturnType<typeof fakeServer>) => s.bump('r-a')],
    ['REPAIR.NOT_FOUND', 'the order is gone', (s: ReturnType<typeof fakeServer>) => s.bump('nothing')],
  ])('%s (%s) stops that order\'s queue and surfaces a conflict; other orders go on', async (code, _why, change) => {
    const a = dispatched(code === 'REPAIR.NOT_FOUND' ? 'r-missing' : 'r-a');
    const b = dispatched('r-b');
    const server = fakeServer(code === 'REPAIR.NOT_FOUND' ? [b] : [a, b]);
    change(server);
    const queue = queueOn(fakeStorage(), server.transport);
    queue.enqueue('acknowledge', target(a), {});
    queue.enqueue('arrive', target(a), {});
    queue.enqueue('acknowledge', target(b), {});

    await queue.flush();

    expect(queue.state().conflicts[a.id]).toMatchObject({ code, action: 'acknowledge', message: messages.errors[code as keyof typeof messages.errors] });
    expect(queue.state().commands.map((c) => [c.repairId, c.action])).toEqual([
      [a.id, 'acknowledge'],
      [a.id, 'arrive'],
    ]);
    expect(server.received.filter((r) => r.action === 'arrive')).toEqual([]);
    expect(server.order('r-b')?.status).toBe('acknowledged');
    expect(queue.enqueue('quote', target(a), { items: [] })).toBeNull();

    await queue.flush({ force: true });
    expect(server.received.filter((r) => r.input.repairId === a.id)).toHaveLength(1);

    queue.discard(a.id);
    expect(queue.state()).toMatchObject({ commands: [], conflicts: {} });
  });

  it('STATE.TRANSITION_NOT_ALLOWED is a conflict too: the step is no longer possible on the server', async () => {
    const order = repair({ id: 'r-1', status: 'rescheduling', version: 5 });
    const server = fakeServer([order]);
    const queue = queueOn(fakeStorage(), server.transport);
    queue.enqueue('arrive', target(order), {});

    await queue.flush();

    expect(queue.state().conflicts['r-1']?.code).toBe('STATE.TRANSITION_NOT_ALLOWED');
  });

  it('R5: STATE.TOO_EARLY (the server\'s clock has not reached the 3 minutes yet) is tried again, not a conflict', async () => {
    const order = repair({ id: 'r-1', status: 'arrived', version: 4 });
    const server = fakeServer([order]);
    let early = true;
    const transport: Transport = async (fn, envelope) =>
      early ? { ok: false, code: 'STATE.TOO_EARLY', message: messages.errors['STATE.TOO_EARLY'] } : server.transport(fn, envelope);
    const queue = queueOn(fakeStorage(), transport);
    queue.enqueue('noAnswer', target(order), { note: '敲门无人应答' });

    await queue.flush();
    expect(queue.state()).toMatchObject({ conflicts: {}, offline: false });
    expect(queue.state().commands).toHaveLength(1);

    early = false;
    tick(2_000);
    await queue.flush();
    expect(queue.state().commands).toEqual([]);
    expect(server.order('r-1')?.status).toBe('rescheduling');
  });

  it('a network failure keeps the command and tries again later, waiting longer each time', async () => {
    const order = dispatched('r-1');
    const server = fakeServer([order]);
    server.setOnline(false);
    const queue = queueOn(fakeStorage(), server.transport);
    queue.enqueue('acknowledge', target(order), {});

    await queue.flush();
    expect(queue.state()).toMatchObject({ offline: true, conflicts: {} });
    expect(queue.state().commands).toHaveLength(1);
    expect(server.attempts()).toBe(1);

    await queue.flush();
    tick(500);
    await queue.flush();
    expect(server.attempts()).toBe(1);

    tick(600);
    await queue.flush();
    expect(server.attempts()).toBe(2);
    tick(1_100);
    await queue.flush();
    expect(server.attempts()).toBe(2);

    tick(1_000);
    server.setOnline(true);
    await queue.flush();

    expect(queue.state()).toMatchObject({ commands: [], offline: false });
    expect(server.events).toHaveLength(1);
    const commandIds = new Set(server.received.map((r) => r.commandId));
    expect(commandIds).toEqual(new Set(['cmd-00000001']));
  });

  it('uploads photos and signatures kept offline before the command, once each, and puts their file ids in its place', async () => {
    const order = repair({ id: 'r-1', status: 'in_progress', version: 8 });
    const server = fakeServer([order]);
    const uploads: string[] = [];
    const dropped: string[] = [];
    let uploadWorks = false;
    const queue = queueOn(fakeStorage(), server.transport, {
      upload: async (ref, prefix) => {
        if (!uploadWorks) return null;
        uploads.push(ref);
        return `cloud://env.bucket/${prefix}${ref}.jpg`;
      },
      dropFile: (ref) => void dropped.push(ref),
    });
    queue.enqueue('complete', target(order), {
      beforePhotos: [localFile('kept-before')],
      afterPhotos: [localFile('kept-after')],
      materials: [],
    });

    await queue.flush();
    expect(server.received).toEqual([]);

    uploadWorks = true;
    server.setOnline(false);
    await queue.flush({ force: true });
    expect(uploads).toEqual(['kept-before', 'kept-after']);
    expect(queue.state().commands[0]?.uploaded).toEqual({
      'kept-before': 'cloud://env.bucket/uploads/o-tech/kept-before.jpg',
      'kept-after': 'cloud://env.bucket/uploads/o-tech/kept-after.jpg',
    });

    server.setOnline(true);
    await queue.flush({ force: true });

    expect(uploads).toEqual(['kept-before', 'kept-after']);
    expect(server.received.at(-1)?.input).toMatchObject({
      beforePhotos: ['cloud://env.bucket/uploads/o-tech/kept-before.jpg'],
      afterPhotos: ['cloud://env.bucket/uploads/o-tech/kept-after.jpg'],
    });
    expect(dropped).toEqual(['kept-before', 'kept-after']);
  });

  it('refuses to send what the contract refuses, as a conflict to look at rather than a retry forever', async () => {
    const order = repair({ id: 'r-1', status: 'arrived', version: 4 });
    const server = fakeServer([order]);
    const queue = queueOn(fakeStorage(), server.transport);
    queue.enqueue('noAnswer', target(order), { note: '' });

    await queue.flush();

    expect(server.received).toEqual([]);
    expect(queue.state().conflicts['r-1']?.code).toBe('COMMON.BAD_INPUT');
  });
});

/** Answers `code` to every command on `repairId`, and lets the fake server answer the others. */
const failing = (server: ReturnType<typeof fakeServer>, repairId: string, code: string) => {
  const tries: string[] = [];
  const transport: Transport = async (fn, envelope) => {
    const input = envelope.input as { repairId: string; commandId: string };
    if (input.repairId !== repairId) return server.transport(fn, envelope);
    tries.push(input.commandId);
    return { ok: false, code, message: `服务端：${code}` };
  };
  return { transport, tries };
};

describe('issue 12 (3.9): the offline queue never jams', () => {
  it.each(Object.entries(errorRetry))('%s (%s in the error contract) holds up no other order, unless the network is gone', async (code, retry) => {
    const a = dispatched('r-a');
    const b = dispatched('r-b');
    const server = fakeServer([a, b]);
    const { transport, tries } = failing(server, a.id, code);
    const queue = queueOn(fakeStorage(), transport);
    queue.enqueue('acknowledge', target(a), {});
    queue.enqueue('arrive', target(a), {});
    queue.enqueue('acknowledge', target(b), {});

    await queue.flush();

    expect(tries).toEqual(['cmd-00000001']);
    expect(queue.state().commands.filter((c) => c.repairId === a.id).map((c) => c.action)).toEqual(['acknowledge', 'arrive']);
    if (retry === 'final') expect(queue.state().conflicts[a.id]).toMatchObject({ code, action: 'acknowledge', tries: 1 });
    else expect(queue.state().conflicts).toEqual({});
    expect(queue.state().offline).toBe(retry === 'transient');
    expect(server.order(b.id)?.status).toBe(retry === 'transient' ? 'dispatched' : 'acknowledged');
  });

  it('a queue kept by the build before reads on: its commands with no failures counted, its conflicts tried once', () => {
    const storage = fakeStorage();
    const order = dispatched('r-a');
    const kept = { commandId: 'cmd-00000001', deviceTime: '2026-11-24T01:00:00.000Z', action: 'acknowledge', repairId: order.id, propertyId: PROPERTY, uploadPrefix: 'uploads/o-tech/', version: 3, input: {}, uploaded: {} };
    storage.setItem(QUEUE_KEY, { commands: [kept], conflicts: { 'r-b': { code: 'COMMON.VERSION_CONFLICT', message: '记录已被他人更新', action: 'arrive', at: '2026-11-24T01:00:00.000Z' } } });

    const queue = queueOn(storage, fakeServer([order]).transport);

    expect(queue.state().commands).toEqual([{ ...kept, failures: 0 }]);
    expect(queue.state().conflicts['r-b']?.tries).toBe(1);
  });

  it(`COMMON.INTERNAL every time: tried ${BOUNDED_TRIES} times, each wait longer (counted through a restart), then set aside with the order's later steps`, async () => {
    const a = dispatched('r-a');
    const b = dispatched('r-b');
    const server = fakeServer([a, b]);
    const { transport, tries } = failing(server, a.id, 'COMMON.INTERNAL');
    const storage = fakeStorage();
    let queue = queueOn(storage, transport);
    queue.enqueue('acknowledge', target(a), {});
    queue.enqueue('arrive', target(a), {});

    const triesAfter = async (ms: number) => {
      tick(ms);
      await queue.flush();
      return tries.length;
    };
    expect(await triesAfter(0)).toBe(1);
    expect(await triesAfter(900)).toBe(1);
    expect(await triesAfter(100)).toBe(2);
    queue.enqueue('acknowledge', target(b), {});
    expect(await triesAfter(0)).toBe(2);
    expect(server.order(b.id)?.status).toBe('acknowledged');
    expect(await triesAfter(1_900)).toBe(2);
    queue = queueOn(storage, transport);
    expect(await triesAfter(0)).toBe(3);
    expect(queue.state().commands[0]?.failures).toBe(3);
    expect(await triesAfter(3_900)).toBe(3);
    expect(await triesAfter(100)).toBe(4);
    expect(queue.state().conflicts).toEqual({});
    expect(await triesAfter(8_000)).toBe(BOUNDED_TRIES);

    expect(queue.state().conflicts[a.id]).toEqual({ code: 'COMMON.INTERNAL', message: '服务端：COMMON.INTERNAL', action: 'acknowledge', at: clock.toISOString(), tries: BOUNDED_TRIES });
    expect(queue.state().commands.map((c) => c.action)).toEqual(['acknowledge', 'arrive']);
    expect(await triesAfter(60_000)).toBe(BOUNDED_TRIES);
    expect(new Set(tries)).toEqual(new Set(['cmd-00000001']));
  });
});
