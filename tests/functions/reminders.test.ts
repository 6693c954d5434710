import { messages } from '@shared/messages';
import { repairs } from '@shared/contracts';
import { callAs, DESK_ON_SHIFT, expectOk, memberIdOf, PROPERTY, raw, repairInput, startRuntime, TECH_LI, tickTimers, WANG } from './harness';

const tick = (rt: Awaited<ReturnType<typeof startRuntime>>) =>
  tickTimers(rt) as Promise<{
    ok: boolean;
    data: { deadlines: { warned: number; escalated: number }; outbox: { sent: number; retried: number; dead: number } };
  }>;

describe('the reminders timer: deadlines and the outbox', () => {
  let rt: Awaited<ReturnType<typeof startRuntime>>;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  const dispatchUrgent = async () => {
    const created = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ description: '水管爆了' })));
    expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.dispatch, { propertyId: PROPERTY, commandId: 'tick-dispatch-1', repairId: created.id, version: 1, technicianId: memberIdOf(TECH_LI) }));
    return created;
  };
  const noticesOf = async (kind: string) => raw<{ kind: string; recipient: string; body: string }>(rt, 'outbox').filter((n) => n.kind === kind);

  it('R4: an unacknowledged urgent order warns at 12 minutes and alerts the desk and the supervisor at 15, each once', async () => {
    await dispatchUrgent();
    rt.clock.advanceMinutes(11);
    expect((await tick(rt)).data.deadlines).toEqual({ warned: 0, escalated: 0 });
    rt.clock.advanceMinutes(1);
    expect((await tick(rt)).data.deadlines).toEqual({ warned: 1, escalated: 0 });
    expect((await tick(rt)).data.deadlines).toEqual({ warned: 0, escalated: 0 });
    rt.clock.advanceMinutes(3);
    expect((await tick(rt)).data.deadlines).toEqual({ warned: 0, escalated: 1 });
    expect((await tick(rt)).data.deadlines).toEqual({ warned: 0, escalated: 1 });
    expect((await tick(rt)).data.deadlines).toEqual({ warned: 0, escalated: 0 });
    expect((await noticesOf('deadline.warn')).map((n) => n.recipient)).toEqual(['role:desk']);
    expect((await noticesOf('deadline.breach')).map((n) => n.recipient)).toEqual(['role:desk', 'role:supervisor']);
  });

  it('R4: past the deadline the desk and then, at the next run, the supervisor are alerted, and nobody else', async () => {
    await dispatchUrgent();
    rt.clock.advanceMinutes(15);
    await tick(rt);
    rt.clock.advanceMinutes(1);
    await tick(rt);
    rt.clock.advanceMinutes(600);
    await tick(rt);
    const r4 = (await noticesOf('deadline.breach')).filter((n) => n.body.includes(messages.deadlineRules['R4.ack']));
    expect(r4.map((n) => n.recipient).sort()).toEqual(['role:desk', 'role:supervisor']);
  });

  it('a notice the WeCom robot refused is kept and sent by a later run, never lost', async () => {
    const realPost = rt.deps.postWebhook;
    let refuse = true;
    rt.deps.postWebhook = async (url, body) => {
      if (refuse) throw new Error('robot unreachable');
      await realPost(url, body);
    };
    expectOk(await callAs(rt, WANG, repairs.create, repairInput({ description: '电梯困人' })));
    const pending = async () => raw<{ channel: string; status: string; attempts: number; lastError: string }>(rt, 'outbox').filter((n) => n.channel === 'wecom');
    expect(await pending()).toEqual([expect.objectContaining({ status: 'pending', attempts: 1, lastError: 'robot unreachable' })]);
    expect((await tick(rt)).data.outbox.sent).toBe(0);
    refuse = false;
    rt.clock.advanceMinutes(1);
    expect((await tick(rt)).data.outbox).toEqual({ sent: 1, retried: 0, dead: 0, unsent: 0, deferred: 0 });
    expect(await pending()).toEqual([expect.objectContaining({ status: 'sent', attempts: 2 })]);
    expect(rt.webhookPosts).toHaveLength(1);
  });
});
