import { repairs, session } from '@shared/contracts';
import { heartbeatIdOf, TIMER_FUNCTIONS } from '@shared/model/environment.model';
import { callAs, DESK_ON_SHIFT, expectOk, newCommandId, PROPERTY, raw, repairInput, startRuntime, SUPERVISOR, tickTimers, WANG } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;

const tick = (rt: Rt) => tickTimers(rt).then(expectOk);

const alarms = (rt: Rt) => raw<{ kind: string; channel: string; recipient: string }>(rt, 'outbox').filter((n) => n.kind === 'timer.missed');

describe('issue 5: the timer has a heartbeat; nothing undelivered goes unseen', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('the supervisor sees when the timer last ran; a missed run is alarmed on the staff channel once per gap', async () => {
    expect(expectOk(await callAs(rt, SUPERVISOR, session.health, { propertyId: PROPERTY })).timer).toEqual({ lastRunAt: null, stale: false, failedSteps: [] });
    await tick(rt);
    rt.clock.advanceMinutes(5);
    expect(expectOk(await callAs(rt, SUPERVISOR, session.health, { propertyId: PROPERTY })).timer).toEqual({ lastRunAt: '2026-11-23T02:00:00.000Z', stale: false, failedSteps: [] });
    rt.clock.advanceMinutes(1);
    expect(expectOk(await callAs(rt, SUPERVISOR, session.health, { propertyId: PROPERTY })).timer.stale).toBe(true);
    expect(alarms(rt).map((n) => `${n.channel}:${n.recipient}`).sort()).toEqual(['inbox:role:manager', 'inbox:role:supervisor', 'wecom:group']);
    expectOk(await callAs(rt, SUPERVISOR, session.health, { propertyId: PROPERTY }));
    expect((await tick(rt)).heartbeat.gapAlarmed).toBe(false);
    expect(alarms(rt)).toHaveLength(3);
    rt.clock.advanceMinutes(30);
    expect((await tick(rt)).heartbeat.gapAlarmed).toBe(true);
    expect(alarms(rt)).toHaveLength(6);
  });

  it.each(TIMER_FUNCTIONS)('issue 16: a stopped %s is noticed as a stopped timer: the health page goes stale and the other timer alarms the gap once', async (stopped) => {
    await tick(rt);
    const running = TIMER_FUNCTIONS.filter((fn) => fn !== stopped);
    const runOthers = async () => {
      const answers = [];
      for (const fn of running) answers.push((await rt.invoke(fn, { Type: 'Timer', TriggerName: 'every-minute', Time: rt.clock.now().toISOString() }, { openid: '' })) as { data: { heartbeat: { gapAlarmed: boolean } } });
      return answers.some((a) => a.data.heartbeat.gapAlarmed);
    };
    for (let minute = 1; minute <= 5; minute++) {
      rt.clock.advanceMinutes(1);
      expect(await runOthers()).toBe(false);
    }
    expect(alarms(rt)).toEqual([]);
    rt.clock.advanceMinutes(1);
    expect(await runOthers()).toBe(true);
    expect(alarms(rt).map((n) => `${n.channel}:${n.recipient}`).sort()).toEqual(['inbox:role:manager', 'inbox:role:supervisor', 'wecom:group']);
    expect(expectOk(await callAs(rt, SUPERVISOR, session.health, { propertyId: PROPERTY })).timer).toEqual({ lastRunAt: '2026-11-23T02:00:00.000Z', stale: true, failedSteps: [] });
    rt.clock.advanceMinutes(1);
    expect(await runOthers()).toBe(false);
    expect(alarms(rt)).toHaveLength(3);
    // The stopped timer runs again: the health page is fresh, and the alarm's subject names that timer's heartbeat.
    await tick(rt);
    expect(expectOk(await callAs(rt, SUPERVISOR, session.health, { propertyId: PROPERTY })).timer.stale).toBe(false);
    expect(raw<{ kind: string; subject: { id: string } }>(rt, 'outbox').find((n) => n.kind === 'timer.missed')?.subject.id).toBe(heartbeatIdOf(stopped));
  });

  it('a notice dead after every attempt is counted on the supervisor\'s page and can be sent again', async () => {
    rt.deps.postWebhook = async () => Promise.reject(new Error('robot key revoked'));
    expectOk(await callAs(rt, WANG, repairs.create, repairInput({ description: '电梯困人了' })));
    // Backoff doubles from 1 minute: 8 attempts take about four hours of runs every few minutes.
    for (let i = 0; i < 80; i++) {
      rt.clock.advanceMinutes(4);
      await tick(rt);
    }
    const health = expectOk(await callAs(rt, SUPERVISOR, session.health, { propertyId: PROPERTY }));
    expect(health.deadLetters).toMatchObject({ count: 1, items: [{ channel: 'wecom', lastError: 'robot key revoked', attempts: 8 }] });
    const sent: unknown[] = [];
    rt.deps.postWebhook = async (_url, body) => void sent.push(body);
    const retried = expectOk(await callAs(rt, SUPERVISOR, session.retryNotice, { propertyId: PROPERTY, commandId: newCommandId(), noticeId: health.deadLetters.items[0]!.id }));
    expect(retried.status).toBe('sent');
    expect(sent).toHaveLength(1);
    expect(expectOk(await callAs(rt, SUPERVISOR, session.health, { propertyId: PROPERTY })).deadLetters.count).toBe(0);
    // 80 timer runs: about 2 s on a quiet machine; it ran past jest's 5 s in a clean-clone CI run beside other work.
  }, 20_000);

  it('every role has an inbox: the desk sees the new repair, the resident their own notices, never another\'s', async () => {
    const filed = expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    const desk = expectOk(await callAs(rt, DESK_ON_SHIFT, session.inbox, { propertyId: PROPERTY })).items;
    // R2 D3: once, the desk's notice (the clerk on shift is pushed it by name, not told twice).
    expect(desk.filter((n) => n.subject.id === filed.id).map((n) => n.kind)).toEqual(['repair.new']);
    expect(expectOk(await callAs(rt, 'o-res-zhang', session.inbox, { propertyId: PROPERTY })).items).toEqual([]);
  });
});
