/**
 * Issue 13 (1.3): the property's WeCom group robot, as WeCom runs it
 * (https://developer.work.weixin.qq.com/document/path/91770): errcode in a 200 answer, 20 messages a
 * minute per robot, 45009 and about ten minutes of refusal past that. The local robot (local/robot.ts)
 * answers the same way, and the runtime posts to it over real HTTP.
 */
import { repairs } from '@shared/contracts';
import { Deferred, postPaced } from '../../cloudfunctions/_shared/robot';
import { localPoster } from '../../local/robot';
import { callAs, expectOk, PROPERTY, raw, repairInput, startRuntime, tickTimers, WANG } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;

const robotOf = (rt: Rt) => (raw<{ wecomWebhook: string }>(rt, 'settings')[0] as { wecomWebhook: string }).wecomWebhook;
const setRobot = (rt: Rt, url: string) => rt.db.collection('settings').doc(PROPERTY).update({ data: { wecomWebhook: url } });
const wecomNotices = (rt: Rt) => raw<{ channel: string; status: string; attempts: number; lastError: string | null; nextAttemptAt: string }>(rt, 'outbox').filter((n) => n.channel === 'wecom');
const urgentRepair = (rt: Rt) => callAs(rt, WANG, repairs.create, repairInput({ description: '插座漏电' }));
const tick = (rt: Rt) => tickTimers(rt).then((r) => expectOk(r)).then((data) => ({ ok: true as const, data }));
const message = (n: number) => ({ msgtype: 'markdown', markdown: { content: `第 ${n} 条` } });

describe('issue 13 (1.3): a robot\'s answer decides whether a notice was sent', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('the demo robot takes an urgent repair\'s notice over HTTP and answers errcode 0', async () => {
    expectOk(await urgentRepair(rt));
    expect(wecomNotices(rt)).toEqual([expect.objectContaining({ status: 'sent', lastError: null })]);
    expect(rt.webhookPosts).toEqual([expect.objectContaining({ url: expect.stringContaining('key=****') })]);
  });

  it('a 200 answer with errcode 93000 (a robot address WeCom does not know) is a failure, kept and retried, and the key is in no error', async () => {
    await setRobot(rt, robotOf(rt).replace('/cgi-bin/webhook/send', '/cgi-bin/webhook/sned'));
    expectOk(await urgentRepair(rt));
    expect(wecomNotices(rt)).toEqual([expect.objectContaining({ status: 'pending', attempts: 1, lastError: 'WeCom robot answered errcode 93000: invalid webhook url' })]);
    expect(rt.webhookPosts).toEqual([]);
  });

  it.each([
    ['a port nothing listens on', 'http://127.0.0.1:1/cgi-bin/webhook/send?key=secret-robot-key'],
    ['WeCom itself, which the local system never reaches', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret-robot-key'],
  ])('a robot that cannot be reached (%s) fails the attempt instead of passing as sent', async (_what, url) => {
    await setRobot(rt, url);
    expectOk(await urgentRepair(rt));
    const [notice] = wecomNotices(rt);
    expect(notice).toMatchObject({ status: 'pending', attempts: 1 });
    expect(notice?.lastError).not.toContain('secret-robot-key');
    await expect(localPoster(url, message(1))).rejects.toThrow();
  });
});

describe('issue 13 (1.3): posts are paced under WeCom\'s 20 a minute, across instances, from stored state', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  const outcome = (p: Promise<void>) => p.then(() => 'sent', (e: unknown) => (e instanceof Deferred ? 'deferred' : `failed: ${String(e)}`));

  it('two instances posting 30 messages at once never send more than 18 in the minute, and none is refused; a minute later the robot takes more', async () => {
    const url = robotOf(rt);
    // Two function instances: nothing in memory shared, only the database.
    const instanceA = { ...rt.deps };
    const instanceB = { ...rt.deps };
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => outcome(postPaced(i % 2 ? instanceA : instanceB, url, message(i)))));
    expect(results.filter((r) => r !== 'sent' && r !== 'deferred')).toEqual([]);
    const sentAtOnce = results.filter((r) => r === 'sent').length;
    expect(sentAtOnce).toBeGreaterThan(0);
    expect(sentAtOnce).toBeLessThanOrEqual(18);
    // One at a time, the rest of the minute's 18 go, and not one more.
    const after = [];
    for (let i = 0; i < 20; i++) after.push(await outcome(postPaced(i % 2 ? instanceA : instanceB, url, message(40 + i))));
    expect(sentAtOnce + after.filter((r) => r === 'sent').length).toBe(18);
    expect(rt.webhookPosts).toHaveLength(18);
    rt.clock.advanceMinutes(1);
    expect(await outcome(postPaced(instanceB, url, message(32)))).toBe('sent');
  });

  it('a notice over the pace is deferred with its attempt given back, and the timer sends it once the minute has passed', async () => {
    const url = robotOf(rt);
    for (let i = 0; i < 18; i++) await postPaced(rt.deps, url, message(i));
    expectOk(await urgentRepair(rt));
    expect(wecomNotices(rt)).toEqual([expect.objectContaining({ status: 'pending', attempts: 0, nextAttemptAt: '2026-11-23T02:01:00.000Z' })]);
    expect((await tick(rt)).data.outbox).toMatchObject({ sent: 0, retried: 0 });
    rt.clock.advanceMinutes(1);
    expect((await tick(rt)).data.outbox).toMatchObject({ sent: 1, deferred: 0 });
    expect(wecomNotices(rt)).toEqual([expect.objectContaining({ status: 'sent', attempts: 1 })]);
  });

  it('45009 from WeCom (throttled) holds every instance\'s posts to that robot for ten minutes, and uses no attempt', async () => {
    const url = robotOf(rt);
    // Another sender (outside this system) spent the robot's minute: WeCom throttles it.
    for (let i = 0; i < 21; i++) await localPoster(url, message(i)).catch(() => undefined);
    await expect(postPaced(rt.deps, url, message(99))).rejects.toMatchObject({ until: new Date('2026-11-23T02:10:00.000Z') });
    const posted = rt.webhookPosts.length;
    expect(await outcome(postPaced({ ...rt.deps }, url, message(100)))).toBe('deferred');
    expect(rt.webhookPosts).toHaveLength(posted);
    rt.clock.advanceMinutes(10);
    expect(await outcome(postPaced({ ...rt.deps }, url, message(101)))).toBe('sent');
  });
});
