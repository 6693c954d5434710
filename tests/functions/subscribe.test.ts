import { complaints, repairs, session } from '@shared/contracts';
import { callAs, complaintInput, DESK_ON_SHIFT, DESK_OTHER, expectOk, memberIdOf, newCommandId, PROPERTY, raw, repairInput, startRuntime, SUPERVISOR, TECH_LI, tickTimers, WANG, WANG_ROOM, watchTraces } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
const PROGRESS = 'local-tmpl-repair-progress';
const WORK_ORDER = 'local-tmpl-work-order';
const NEW_TICKET = 'local-tmpl-new-ticket';

const accept = (rt: Rt, openid: string, accepted: string[], commandId = newCommandId()) =>
  callAs(rt, openid, session.consent, { propertyId: PROPERTY, commandId, accepted, rejected: [] });

const dispatch = async (rt: Rt) => {
  const created = expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
  return expectOk(
    await callAs(rt, DESK_ON_SHIFT, repairs.dispatch, { propertyId: PROPERTY, commandId: newCommandId(), repairId: created.id, version: created.version, technicianId: memberIdOf(TECH_LI) }),
  );
};

/** Dispatched, then the technician picks it up: the resident hears he is on the way (a repair.changed notice). */
const onTheWay = async (rt: Rt) => {
  const order = await dispatch(rt);
  return expectOk(await callAs(rt, TECH_LI, repairs.acknowledge, { propertyId: PROPERTY, commandId: newCommandId(), repairId: order.id, version: order.version }));
};

const pushes = (rt: Rt) => raw<{ channel: string; recipient: string; status: string; kind: string; lastError: string | null }>(rt, 'outbox').filter((n) => n.channel === 'subscribe');

const tick = (rt: Rt) => tickTimers(rt);

describe('issue 5: subscribe messages, one per consent, never the reason a notice is lost', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('each acceptance allows one send: the resident with one send is pushed the first change only, the inbox has both', async () => {
    expect(expectOk(await accept(rt, WANG, [PROGRESS]))).toMatchObject({ templates: expect.arrayContaining([{ kind: 'repair.changed', templateId: PROGRESS, remaining: 1 }]) });
    const order = await onTheWay(rt);
    expectOk(await callAs(rt, TECH_LI, repairs.arrive, { propertyId: PROPERTY, commandId: newCommandId(), repairId: order.id, version: order.version }));
    expect(rt.subscribeMessages.map((m) => [m.touser, m.templateId])).toEqual([[WANG, PROGRESS]]);
    expect(rt.subscribeMessages[0]!.page).toMatch(/^pages\/resident\/repair\/index\?id=rp_/);
    expect(Object.values(rt.subscribeMessages[0]!.data).every((f) => [...f.value].length <= 20)).toBe(true);
    const stock = expectOk(await callAs(rt, WANG, session.context, { propertyId: PROPERTY })).subscribe;
    expect(stock).toMatchObject({ low: true, templates: expect.arrayContaining([expect.objectContaining({ templateId: PROGRESS, remaining: 0 })]) });
  });

  it('a retried consent report counts once; templates that do not reach the role count nothing', async () => {
    const commandId = newCommandId();
    expectOk(await accept(rt, WANG, [PROGRESS], commandId));
    expectOk(await accept(rt, WANG, [PROGRESS], commandId));
    const stock = expectOk(await accept(rt, WANG, [WORK_ORDER]));
    expect(stock.templates.find((t) => t.templateId === PROGRESS)?.remaining).toBe(1);
    expect(stock.templates.some((t) => t.templateId === WORK_ORDER)).toBe(false);
  });

  it('issue 16: a consent writes nothing outside its transaction, which starts with the membership and commits by the fifth wait', async () => {
    const { last } = watchTraces(rt);
    expect(expectOk(await accept(rt, WANG, [PROGRESS])).templates.find((t) => t.templateId === PROGRESS)?.remaining).toBe(1);
    const trace = last();
    expect(trace.filter((c) => c.detail === 'consents' && !c.inTransaction && c.kind !== 'database.getDocument')).toEqual([]);
    expect(trace.find((c) => c.kind === 'database.startTransaction')?.wait).toBe(1);
    expect(trace.find((c) => c.kind === 'database.commitTransaction')!.wait).toBeLessThanOrEqual(5);
    expect(expectOk(await accept(rt, WANG, [PROGRESS])).templates.find((t) => t.templateId === PROGRESS)?.remaining).toBe(2);
  });

  it('issue 5: two first acceptances of one template at once both count: two sends, one ledger document', async () => {
    const [a, b] = await Promise.all([accept(rt, WANG, [PROGRESS]), accept(rt, WANG, [PROGRESS])]);
    expectOk(a);
    expectOk(b);
    const ledger = raw<{ openid: string; templateId: string; remaining: number }>(rt, 'consents').filter((d) => d.openid === WANG && d.templateId === PROGRESS);
    expect(ledger.map((d) => d.remaining)).toEqual([2]);
  });

  it('R2 D3: the desk clerk on shift is pushed a new repair by name and finds it once in the app; the clerk off shift is not pushed', async () => {
    expectOk(await accept(rt, DESK_ON_SHIFT, [NEW_TICKET]));
    expectOk(await accept(rt, DESK_OTHER, [NEW_TICKET]));
    const created = expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    expect(rt.subscribeMessages.map((m) => [m.touser, m.templateId])).toEqual([[DESK_ON_SHIFT, NEW_TICKET]]);
    for (const clerk of [DESK_ON_SHIFT, DESK_OTHER]) {
      const lines = expectOk(await callAs(rt, clerk, session.inbox, { propertyId: PROPERTY })).items.filter((n) => n.subject.id === created.id);
      expect(lines).toHaveLength(1);
    }
    expect(JSON.stringify(expectOk(await callAs(rt, DESK_ON_SHIFT, session.inbox, { propertyId: PROPERTY })))).not.toContain(DESK_ON_SHIFT);
  });

  it('R2 D3: a new complaint is in the on-shift clerk\'s inbox once, under the desk', async () => {
    const filed = expectOk(await callAs(rt, WANG, complaints.create, complaintInput(WANG_ROOM)));
    const lines = expectOk(await callAs(rt, DESK_ON_SHIFT, session.inbox, { propertyId: PROPERTY })).items.filter((n) => n.subject.id === filed.id);
    expect(lines).toHaveLength(1);
  });

  it('the technician is pushed the dispatch; a supervisor with sends is pushed an escalation for their role', async () => {
    expectOk(await accept(rt, TECH_LI, [WORK_ORDER]));
    expectOk(await accept(rt, SUPERVISOR, ['local-tmpl-overdue']));
    await dispatch(rt);
    expect(rt.subscribeMessages.map((m) => [m.touser, m.templateId])).toEqual([[TECH_LI, WORK_ORDER]]);
    // R4: a normal order not acknowledged in 120 minutes reaches the desk, then the supervisor.
    rt.clock.advanceMinutes(120);
    await tick(rt);
    rt.clock.advanceMinutes(1);
    await tick(rt);
    expect(rt.subscribeMessages.map((m) => [m.touser, m.templateId])).toEqual([
      [TECH_LI, WORK_ORDER],
      [SUPERVISOR, 'local-tmpl-overdue'],
    ]);
  });

  it('43101 (no subscription after all) is recorded and not retried, and empties the ledger; any other failure is retried', async () => {
    expectOk(await accept(rt, WANG, [PROGRESS]));
    expectOk(await accept(rt, WANG, [PROGRESS]));
    rt.deps.wechat = { ...rt.deps.wechat!, sendSubscribe: async () => Promise.reject(Object.assign(new Error('user refuse to accept the msg'), { errCode: 43101 })) };
    await onTheWay(rt);
    expect(pushes(rt)).toEqual([expect.objectContaining({ recipient: WANG, status: 'refused' })]);
    expect(raw<{ remaining: number }>(rt, 'consents')[0]!.remaining).toBe(0);
    rt.clock.advanceMinutes(10);
    await tick(rt);
    expect(pushes(rt)).toEqual([expect.objectContaining({ status: 'refused' })]);
  });

  it('a push WeChat could not take now gives its send back and is sent by a later run', async () => {
    expectOk(await accept(rt, WANG, [PROGRESS]));
    const send = rt.deps.wechat!.sendSubscribe;
    rt.deps.wechat = { ...rt.deps.wechat!, sendSubscribe: async () => Promise.reject(Object.assign(new Error('system busy'), { errCode: -1 })) };
    await onTheWay(rt);
    expect(pushes(rt)).toEqual([expect.objectContaining({ status: 'pending', lastError: 'system busy' })]);
    expect(raw<{ remaining: number }>(rt, 'consents')[0]!.remaining).toBe(1);
    rt.deps.wechat = { ...rt.deps.wechat!, sendSubscribe: send };
    rt.clock.advanceMinutes(2);
    await tick(rt);
    expect(pushes(rt)).toEqual([expect.objectContaining({ status: 'sent' })]);
    expect(rt.subscribeMessages).toHaveLength(1);
  });

  it('without a send left nobody is pushed, and the notice is still in the inbox', async () => {
    await onTheWay(rt);
    expect(pushes(rt)).toEqual([]);
    expect(raw<{ channel: string; recipient: string; kind: string }>(rt, 'outbox').some((n) => n.channel === 'inbox' && n.recipient === WANG && n.kind === 'repair.changed')).toBe(true);
  });
});

describe('issue 5: the sender against a scripted WeChat', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('the rendered payload fills exactly the configured template\'s fields, each within its type\'s limit', async () => {
    expectOk(await accept(rt, WANG, [PROGRESS]));
    await onTheWay(rt);
    const [message] = rt.subscribeMessages;
    expect(message).toMatchObject({ touser: WANG, templateId: PROGRESS });
    expect(Object.keys(message!.data)).toEqual(['thing1', 'thing2', 'time3']);
    expect(message!.data).toEqual({ thing1: { value: '给排水报修 · 1-1-101' }, thing2: { value: '李建国师傅已接单，预计2小时内联系您' }, time3: { value: '2026-11-23 10:00' } });
  });

  it('a network error is retried with backoff, then dead-lettered after 8 attempts; the work order is unaffected', async () => {
    expectOk(await accept(rt, WANG, [PROGRESS]));
    let calls = 0;
    rt.deps.wechat = { ...rt.deps.wechat!, sendSubscribe: async () => { calls++; throw new Error('ETIMEDOUT'); } };
    const order = await onTheWay(rt);
    for (let i = 0; i < 80; i++) {
      rt.clock.advanceMinutes(4);
      await tick(rt);
    }
    expect(calls).toBe(8);
    expect(pushes(rt)).toEqual([expect.objectContaining({ status: 'dead', lastError: 'ETIMEDOUT' })]);
    expect(raw<{ remaining: number }>(rt, 'consents')[0]!.remaining).toBe(1);
    expect(expectOk(await callAs(rt, WANG, repairs.get, { propertyId: PROPERTY, repairId: order.id }))).toMatchObject({ status: 'acknowledged' });
  });
});
