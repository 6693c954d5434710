/**
 * Issue 13 (3): a call with no OPENID comes from the environment's admin (the console, the
 * management API the smoke command uses) or a timer, never from a person. The router lets it run
 * the health check and nothing else.
 */
import { deployedFunctionOf } from '@shared/areas';
import { catalogue, functionNames, repairs, session } from '@shared/contracts';
import { callAs, expectOk, functions, PROPERTY, repairInput, snapshot, startRuntime, SUPERVISOR, WANG } from './harness';
import { validInputs } from './valid-inputs';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
const SYSTEM = { openid: '' };
const health = (rt: Rt, fn: string, input: Record<string, unknown> = {}) => rt.invoke(fn, { action: 'health', input }, SYSTEM) as Promise<{ ok: boolean; code?: string; data: Record<string, unknown> & { probes: { api: string; outcome: string; errCode: number | null }[] } }>;

describe('issue 13 (3): the system health call', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it.each(Object.keys(functions))('%s answers it with its runtime, its mini-program version and the heartbeat, and writes nothing', async (fn) => {
    const before = await snapshot(rt);
    const answer = await health(rt, fn);
    expect(answer).toMatchObject({ ok: true, data: { function: fn, node: process.version, fetch: true, miniProgramVersion: 'develop', heartbeat: { lastRunAt: null, stale: true }, probes: [], robots: null, subscribe: null } });
    expect(await snapshot(rt)).toEqual(before);
  });

  it('every member action called with no OPENID, even with a valid input, is still COMMON.NOT_A_MEMBER', async () => {
    const created = expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    const inputs = validInputs(created.id);
    const before = await snapshot(rt);
    for (const fn of functionNames) {
      for (const name of Object.keys(catalogue[fn])) {
        if (fn === 'session' && name === 'health') continue;
        const answer = (await rt.invoke(deployedFunctionOf({ fn, name }), { action: name, input: inputs[`${fn}.${name}`] }, SYSTEM)) as { ok: boolean; code: string };
        expect({ action: `${fn}.${name}`, code: answer.code }).toEqual({ action: `${fn}.${name}`, code: 'COMMON.NOT_A_MEMBER' });
      }
    }
    expect(await snapshot(rt)).toEqual(before);
  });

  it('with an OPENID, "health" is the supervisor\'s health page on session and an unknown action elsewhere: no person gets the system call', async () => {
    expect(await callAs(rt, SUPERVISOR, session.health, { propertyId: PROPERTY })).toMatchObject({ ok: true, data: { deadLetters: { count: 0 } } });
    expect(await callAs(rt, WANG, session.health, { propertyId: PROPERTY })).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    expect(await rt.invoke('repairs', { action: 'health', input: {} }, { openid: WANG })).toMatchObject({ ok: false, code: 'COMMON.UNKNOWN_ACTION' });
    expect(await rt.invoke('reminders', { action: 'health', input: {} }, { openid: WANG })).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
  });

  it('an unknown option is bad input', async () => {
    expect(await health(rt, 'session', { probes: ['security.unknownCheck'] })).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT' });
    expect(await health(rt, 'session', { sql: 'drop' })).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT' });
  });

  it('issue 13 (1.9): the content checks are probed like every cloud call: permitted where config.json declares them, -604101 elsewhere', async () => {
    const repairsAnswer = await health(rt, 'repairs', { probes: ['security.msgSecCheck'] });
    expect(repairsAnswer.data.probes.map((p) => [p.api, p.outcome])).toEqual([['security.msgSecCheck', 'ok']]);
    const sessionAnswer = await health(rt, 'session', { probes: ['security.msgSecCheck', 'security.mediaCheckAsync'] });
    expect(sessionAnswer.data.probes.map((p) => [p.api, p.outcome, p.errCode])).toEqual([
      ['security.msgSecCheck', 'denied', -604101],
      ['security.mediaCheckAsync', 'denied', -604101],
    ]);
  });

  it('each declared cloud call is permitted: WeChat answers (an image, or a refusal of the probe\'s openid and code)', async () => {
    const answer = await health(rt, 'members', { probes: ['subscribeMessage.send', 'wxacode.getUnlimited', 'phonenumber.getPhoneNumber'] });
    expect(answer.data.probes.map((p) => [p.api, p.outcome, p.errCode])).toEqual([
      ['subscribeMessage.send', 'permitted', 40003],
      ['wxacode.getUnlimited', 'ok', null],
      ['phonenumber.getPhoneNumber', 'permitted', 40029],
    ]);
    expect(rt.subscribeMessages).toEqual([]);
  });

  it('a cloud call the function\'s config.json does not declare is refused with -604101, locally as in the cloud', async () => {
    const answer = await health(rt, 'imports', { probes: ['subscribeMessage.send'] });
    expect(answer.data.probes).toEqual([expect.objectContaining({ api: 'subscribeMessage.send', outcome: 'denied', errCode: -604101 })]);
  });

  it('issue 16: a function other than session refuses a robot or subscribe test with COMMON.BAD_INPUT: nothing is posted or sent', async () => {
    for (const fn of ['repairs', 'complaints', 'reminders', 'pushes']) {
      expect(await health(rt, fn, { robot: {} })).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT' });
      expect(await health(rt, fn, { subscribe: { propertyId: PROPERTY, openid: WANG } })).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT' });
    }
    expect(rt.webhookPosts).toEqual([]);
    expect(rt.subscribeMessages).toEqual([]);
  });

  it('the robot test posts to the demo property\'s robot, and the subscribe test sends its template to a person', async () => {
    const answer = await health(rt, 'session', { robot: {}, subscribe: { propertyId: PROPERTY, openid: WANG, kind: 'repair.changed' } });
    expect(answer.data).toMatchObject({ robots: [{ propertyId: PROPERTY, outcome: 'sent' }], subscribe: { outcome: 'ok' } });
    expect(JSON.stringify(rt.webhookPosts[0]?.body)).toContain('部署检查');
    expect(rt.subscribeMessages).toEqual([expect.objectContaining({ touser: WANG, templateId: 'local-tmpl-repair-progress' })]);
  });
});
