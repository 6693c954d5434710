import { repairs, session } from '@shared/contracts';
import { audienceOfUser, signalId } from '@shared/model/signal.model';
import { createSignalHub } from '../../client/src/api/signals';
import { consentIdOf } from '../../cloudfunctions/_shared/consents';
import { recordCalls } from './call-journeys';
import { networkDown, callAs, DESK_ON_SHIFT, expectOk, inListLengths, memberIdOf, newCommandId, PROPERTY, raw, repairInput, startRuntime, TECH_LI, tickTimers, WANG } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
type Notice = { _id: string; channel: string; recipient: string; kind: string; status: string; subject: { id: string } };

/** The template the resident accepts for her repair's progress (local settings). */
const PROGRESS = 'local-tmpl-repair-progress';

const tick = (rt: Rt) => tickTimers(rt) as Promise<{ ok: boolean; data: { journals: { fanned: number }; outbox: { sent: number }; failed: unknown[] } }>;

/** 王 has one push left for her repair's progress; her repair is dispatched to 李: the technician's pick-up tells her (repair.changed). */
const dispatched = async (rt: Rt) => {
  expectOk(await callAs(rt, WANG, session.consent, { propertyId: PROPERTY, commandId: newCommandId(), accepted: [PROGRESS], rejected: [] }));
  const created = expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
  return expectOk(
    await callAs(rt, DESK_ON_SHIFT, repairs.dispatch, { propertyId: PROPERTY, commandId: newCommandId(), repairId: created.id, version: created.version, technicianId: memberIdOf(TECH_LI) }),
  );
};

const acknowledge = (rt: Rt, order: { id: string; version: number }) =>
  callAs(rt, TECH_LI, repairs.acknowledge, { propertyId: PROPERTY, commandId: newCommandId(), repairId: order.id, version: order.version });

/** 王's own in-app notices about the repair, as stored. */
const wangsNotices = (rt: Rt, repairId: string) => raw<Notice>(rt, 'outbox').filter((n) => n.channel === 'inbox' && n.recipient === WANG && n.subject.id === repairId);
const pushes = (rt: Rt) => rt.subscribeMessages.filter((m) => m.touser === WANG && m.templateId === PROGRESS);
const wangsSeq = (rt: Rt) => raw<{ _id: string; seq: number }>(rt, 'signals').find((s) => s._id === signalId(PROPERTY, audienceOfUser(WANG)))?.seq ?? 0;

/**
 * The call left her notice stored delivered, unsignalled and unpushed: the next minute's journal step bumps her
 * signal and pushes it once, and ten minutes on nothing more is bumped or pushed.
 */
const expectMadeSureOfByTheStep = async (rt: Rt, repairId: string, before: number) => {
  expect(wangsNotices(rt, repairId).filter((n) => n.kind === 'repair.changed').map((n) => n.status)).toEqual(['sent']);
  expect(wangsSeq(rt)).toBe(before);
  expect(pushes(rt)).toEqual([]);
  expect((await tick(rt)).data.failed).toEqual([]);
  expect(wangsSeq(rt)).toBe(before + 1);
  expect(pushes(rt)).toHaveLength(1);
  rt.clock.advanceMinutes(10);
  await tick(rt);
  expect(wangsSeq(rt)).toBe(before + 1);
  expect(pushes(rt)).toHaveLength(1);
  expect(raw<Notice>(rt, 'outbox').filter((n) => n.channel === 'subscribe' && n.recipient === WANG)).toHaveLength(1);
};

/**
 * Issue 16: a write's in-app notices cost one wait after its commit, and one round trip each of its own: the
 * call stores them delivered (`sent`) while it bumps their signals and reads their push copies' consents
 * (cloudfunctions/_shared/inbox-ahead.ts `deliverAhead`), and marks nothing after; their push copies follow.
 * Nothing is lost on the way: a notice not stored is the timer's journal step's to store and the drain's to
 * send; one stored delivered by a call that failed or died before delivering it whole is made sure of by the
 * journal step (journal-step.ts `confirmDelivered`).
 */
describe('issue 16: a command\'s inbox notices delivered beside its journal\'s insert', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('R1: the notice is stored delivered, its signal bumped and the consents read in the same wait; nothing marks it after; only its push copy is inserted, sent and marked', async () => {
    const order = await dispatched(rt);
    const calls = recordCalls(rt);
    expectOk(await acknowledge(rt, order));
    const { trace, untilCommitted, sequential } = calls.get('repairs.acknowledge')![0]!.calls;
    const waitOf = (kind: string, detail: string) => trace.filter((c) => c.kind === kind && c.detail === detail && !c.inTransaction).map((c) => c.wait);
    const [inserted] = waitOf('database.insertDocument', 'outbox');
    expect(inserted).toBe(untilCommitted! + 1);
    expect(waitOf('database.modifyDocument', 'signals')).toEqual([inserted]);
    expect(waitOf('database.getDocument', 'consents')).toEqual([inserted]);
    // The push copy's insert one wait after, then its send, then its own marking: the only outbox update.
    expect(waitOf('database.insertDocument', 'outbox')).toEqual([inserted, inserted! + 1]);
    // Its send claims one of her consent's sends first, then goes to WeChat.
    expect(waitOf('database.modifyDocument', 'consents')).toEqual([inserted! + 2]);
    expect(trace.filter((c) => c.kind === 'wechat.sendSubscribe').map((c) => c.wait)).toEqual([inserted! + 3]);
    expect(waitOf('database.modifyDocument', 'outbox')).toEqual([inserted! + 4]);
    expect(sequential).toBe(untilCommitted! + 5);
    // Told in the app and pushed once; the notice is in her inbox, delivered, by the time the call answered.
    const items = expectOk(await callAs(rt, WANG, session.inbox, { propertyId: PROPERTY })).items.filter((n) => n.subject.id === order.id && n.kind === 'repair.changed');
    expect(items).toHaveLength(1);
    expect(wangsNotices(rt, order.id).filter((n) => n.kind === 'repair.changed').map((n) => n.status)).toEqual(['sent']);
    expect(pushes(rt)).toHaveLength(1);
    // The journal step finds it delivered whole: no second bump, no second push.
    const seq = wangsSeq(rt);
    expect((await tick(rt)).data.failed).toEqual([]);
    expect(wangsSeq(rt)).toBe(seq);
    expect(pushes(rt)).toHaveLength(1);
  });

  it('R1: a watcher told by the bump (the client\'s signal hub, 300 ms after the last change) fetches the notice, though the bump went out beside its insert', async () => {
    const order = await dispatched(rt);
    let tell: ((id: string, seq: number) => void) | null = null;
    const hub = createSignalHub({ open: (_ids, on) => ((tell = on.note), () => undefined), poll: async () => null, pollEveryMs: 60_000 });
    const id = signalId(PROPERTY, audienceOfUser(WANG));
    const inboxOf = () => callAs(rt, WANG, session.inbox, { propertyId: PROPERTY });
    const fetched: ReturnType<typeof inboxOf>[] = [];
    const unsubscribe = hub.subscribe(PROPERTY, [id], () => fetched.push(inboxOf()));
    // The watch's first number: what the signal was before the change.
    tell!(id, wangsSeq(rt));
    // The watch reports the bump the moment the database answers it, before the call has even answered.
    const handle = rt.engine.handle.bind(rt.engine);
    rt.engine.handle = async (action, params = {}) => {
      const answer = await handle(action, params);
      if (action === 'database.modifyDocument' && params.collectionName === 'signals') tell!(id, wangsSeq(rt));
      return answer;
    };
    expectOk(await acknowledge(rt, order));
    await new Promise((resolve) => setTimeout(resolve, 400));
    unsubscribe();
    expect(fetched).toHaveLength(1);
    const inbox = expectOk(await fetched[0]!);
    expect(inbox.items.filter((n) => n.subject.id === order.id && n.kind === 'repair.changed')).toHaveLength(1);
  });

  it('R1: the journal\'s insert fails while the bump succeeds: nothing marked or pushed by the call; the timer stores the notice, the outbox delivers it once and pushes it once', async () => {
    const order = await dispatched(rt);
    const before = wangsSeq(rt);
    const handle = rt.engine.handle.bind(rt.engine);
    let down = true;
    rt.engine.handle = async (action, params = {}) => {
      if (down && action === 'database.insertDocument' && !params.transactionId && ['events', 'outbox'].includes(String(params.collectionName))) return { ...networkDown, requestId: 'injected' };
      return handle(action, params);
    };
    expectOk(await acknowledge(rt, order));
    down = false;
    // Bumped ahead (harmless: a watcher's fetch finds nothing new), not stored, not pushed.
    expect(wangsSeq(rt)).toBe(before + 1);
    expect(wangsNotices(rt, order.id).filter((n) => n.kind === 'repair.changed')).toEqual([]);
    expect(pushes(rt)).toEqual([]);

    const run = await tick(rt);
    expect(run.data.failed).toEqual([]);
    expect(run.data.journals.fanned).toBeGreaterThan(0);
    expect(wangsNotices(rt, order.id).filter((n) => n.kind === 'repair.changed').map((n) => n.status)).toEqual(['pending']);
    // The call's lease ends; the drain delivers it: bumped again, marked sent, pushed once.
    rt.clock.advanceMinutes(2);
    expect((await tick(rt)).data.failed).toEqual([]);
    expect(wangsNotices(rt, order.id).filter((n) => n.kind === 'repair.changed').map((n) => n.status)).toEqual(['sent']);
    expect(wangsSeq(rt)).toBe(before + 2);
    expect(pushes(rt)).toHaveLength(1);
    rt.clock.advanceMinutes(10);
    expect((await tick(rt)).data.outbox.sent).toBe(0);
    expect(pushes(rt)).toHaveLength(1);
    expect(wangsNotices(rt, order.id).filter((n) => n.kind === 'repair.changed')).toHaveLength(1);
  });

  it('R1: the call dies after its first wait after the commit (the insert and the bump land, nothing after): the notice is delivered, and the journal step pushes it once, without waiting for a lease', async () => {
    const order = await dispatched(rt);
    const before = wangsSeq(rt);
    const handle = rt.engine.handle.bind(rt.engine);
    // From the journal's insert of the notices on, every request issued later fails: the call's first wait
    // after its commit (the insert, the bump, the consents) lands, nothing after it does.
    let dead = false;
    let after = false;
    rt.engine.handle = async (action, params = {}) => {
      if (dead) return { ...networkDown, requestId: 'injected' };
      const answer = await handle(action, params);
      if (after && action === 'database.insertDocument' && params.collectionName === 'outbox' && !params.transactionId) dead = true;
      return answer;
    };
    after = true;
    expectOk(await acknowledge(rt, order));
    rt.engine.handle = handle;
    const notices = wangsNotices(rt, order.id).filter((n) => n.kind === 'repair.changed');
    expect(notices.map((n) => n.status)).toEqual(['sent']);
    expect(wangsSeq(rt)).toBe(before + 1);
    expect(pushes(rt)).toEqual([]);
    expect(raw<Notice>(rt, 'outbox').filter((n) => n.channel === 'subscribe' && n.recipient === WANG)).toEqual([]);

    // The next minute's journal step: bumped already (not again), its push copy made and sent.
    expect((await tick(rt)).data.failed).toEqual([]);
    expect(wangsSeq(rt)).toBe(before + 1);
    expect(pushes(rt)).toHaveLength(1);
    rt.clock.advanceMinutes(10);
    await tick(rt);
    expect(pushes(rt)).toHaveLength(1);
    expect(wangsNotices(rt, order.id).filter((n) => n.kind === 'repair.changed').map((n) => n.status)).toEqual(['sent']);
  });

  it('R1: the call dies with the notice stored delivered and its bump lost: the journal step bumps the signal, so a watcher is told, and pushes it once', async () => {
    const order = await dispatched(rt);
    // The technician picks it up a minute later: her signal last changed before this notice is made.
    rt.clock.advanceMinutes(1);
    const before = wangsSeq(rt);
    const handle = rt.engine.handle.bind(rt.engine);
    let dead = false;
    let after = false;
    rt.engine.handle = async (action, params = {}) => {
      if (dead || (after && action === 'database.modifyDocument' && params.collectionName === 'signals')) return { ...networkDown, requestId: 'injected' };
      const answer = await handle(action, params);
      if (after && action === 'database.insertDocument' && params.collectionName === 'outbox' && !params.transactionId) dead = true;
      return answer;
    };
    after = true;
    expectOk(await acknowledge(rt, order));
    rt.engine.handle = handle;
    await expectMadeSureOfByTheStep(rt, order.id, before);
  });

  it('R1: the bump fails while the call lives: the notice stays stored delivered, and the next minute\'s journal step bumps its signal and pushes it once', async () => {
    const order = await dispatched(rt);
    rt.clock.advanceMinutes(1);
    const before = wangsSeq(rt);
    rt.engine.failNext('database.modifyDocument', networkDown, { collection: 'signals' });
    expectOk(await acknowledge(rt, order));
    // Its delivery failed, so the call made no push copy.
    await expectMadeSureOfByTheStep(rt, order.id, before);
  });

  it('R1: a minute of 120 calls that each died after storing a notice delivered: the journal step pushes each once, over two pages of records, no `in` listing over 100 values', async () => {
    const order = await dispatched(rt);
    // One real call dies after its first wait: its record and its notice, as stored, are the pattern of the others.
    const handle = rt.engine.handle.bind(rt.engine);
    let dead = false;
    rt.engine.handle = async (action, params = {}) => {
      if (dead) return { ...networkDown, requestId: 'injected' };
      const answer = await handle(action, params);
      if (action === 'database.insertDocument' && params.collectionName === 'outbox' && !params.transactionId) dead = true;
      return answer;
    };
    expectOk(await acknowledge(rt, order));
    rt.engine.handle = handle;
    const [notice] = raw<Notice & Record<string, unknown>>(rt, 'outbox').filter((n) => n.channel === 'inbox' && n.recipient === WANG && n.kind === 'repair.changed' && n.subject.id === order.id);
    const record = raw<{ _id: string; fanned?: boolean; journal?: { collection: string; doc: { _id: string } }[] } & Record<string, unknown>>(rt, 'commands').find((c) => c.fanned === false && c.journal?.some((e) => e.doc._id === notice!._id))!;
    const journaled = record.journal!.find((e) => e.doc._id === notice!._id)!;
    const people = Array.from({ length: 120 }, (_, i) => `o-bulk-${i}`);
    const now = rt.clock.now().toISOString();
    // Each of them one send left for the template, as 王's consent is stored.
    const consent = raw<{ _id: string }>(rt, 'consents').find((c) => c._id === consentIdOf(WANG, PROGRESS))!;
    rt.engine.insertRaw('consents', people.map((openid) => ({ ...consent, _id: consentIdOf(openid, PROGRESS), openid, remaining: 1, updatedAt: now })));
    rt.engine.insertRaw('outbox', people.map((recipient, i) => ({ ...notice!, _id: `ob_bulk_${i}`, recipient })));
    rt.engine.insertRaw('commands', people.map((recipient, i) => ({ ...record, _id: `${record._id}-bulk-${i}`, journal: [{ collection: 'outbox', doc: { ...journaled.doc, _id: `ob_bulk_${i}`, recipient } }] })));

    const lists = inListLengths(rt);
    expect((await tick(rt)).data.failed).toEqual([]);
    lists.end();
    const pushedTo = (openid: string) => rt.subscribeMessages.filter((m) => m.touser === openid && m.templateId === PROGRESS).length;
    expect(people.filter((p) => pushedTo(p) !== 1)).toEqual([]);
    expect(Math.max(...lists.lengths)).toBeLessThanOrEqual(100);
    // Every one of their audiences signalled (none was before), and every record checked.
    const signalled = new Set(raw<{ _id: string; seq: number }>(rt, 'signals').filter((sig) => sig.seq > 0).map((sig) => sig._id));
    expect(people.filter((p) => !signalled.has(signalId(PROPERTY, audienceOfUser(p))))).toEqual([]);
    expect(raw<{ fanned?: boolean }>(rt, 'commands').filter((c) => c.fanned === false)).toEqual([]);
    rt.clock.advanceMinutes(10);
    await tick(rt);
    expect(people.filter((p) => pushedTo(p) !== 1)).toEqual([]);
  });
});
