import { Envelope } from '@shared/contracts/action';
import { SYSTEM_HEALTH_ACTION, SystemHealth, SystemHealthInput, type CallOutcome, type CloudCallApi } from '@shared/contracts/system-health.contract';
import { messageData } from '@shared/domain/subscribe-message.rules';
import { INVITE_PAGE } from '@shared/domain/invitation.rules';
import { failure } from '@shared/messages/failure';
import * as messages from '@shared/messages/words';
import { templateFor } from '@shared/model/settings.model';
import { ok, type Result } from '@shared/result';
import type { Deps } from './deps';
import { heartbeatOf, readHeartbeats } from './heartbeat';
import { companyProperties } from './properties';
import { Deferred, postPaced } from './robot';
import { loadSettings } from './settings';
import { errCodeOf, NO_PERMISSION, OPENAPI_PERMISSIONS, type WeChatApi } from './wechat';

/** The input of a system health call, or null when the event is anything else. */
export const systemCall = (event: unknown): { input: unknown } | null => {
  const envelope = Envelope.safeParse(event);
  return envelope.success && envelope.data.action === SYSTEM_HEALTH_ACTION ? { input: envelope.data.input } : null;
};

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 300);

/** A call that did not reach WeChat's answer, and why. */
const failed = (detail: string, errCode: number | null = null): CallOutcome => ({ outcome: 'failed', errCode, detail });
const NO_OPEN_API = 'this function has no WeChat open API';

/** A cloud call's outcome: any answer from WeChat itself, even a refusal of the arguments, means the call was permitted. */
const outcomeOf = async (call: () => Promise<unknown>): Promise<CallOutcome> => {
  try {
    await call();
    return { outcome: 'ok', errCode: null, detail: 'ok' };
  } catch (e) {
    const code = errCodeOf(e);
    if (code === NO_PERMISSION) return { outcome: 'denied', errCode: code, detail: messageOf(e) };
    if (code !== null && code > 0) return { outcome: 'permitted', errCode: code, detail: messageOf(e) };
    return failed(messageOf(e), code);
  }
};

/** An openid and a code no person has: WeChat refuses them (40003, 40029) after checking the permission. */
const PROBE_OPENID = 'smoke-probe';
const PROBE_CODE = 'smoke-probe-code';

/**
 * What each cloud call is probed with: arguments WeChat refuses after it has checked the permission.
 * The probe calls the method by name, and only for an API the function declares, so a bundle holds
 * no direct call of an open API its function does not make (tests/build/manifest.test.ts reads them).
 */
const probeArguments: { [M in keyof WeChatApi]: Parameters<WeChatApi[M]> } = {
  sendSubscribe: [{ touser: PROBE_OPENID, templateId: 'smoke-probe', page: INVITE_PAGE, data: {} }],
  miniProgramCode: [INVITE_PAGE, 'smoke=1'],
  phoneNumberOf: [PROBE_CODE],
  checkText: [{ openid: PROBE_OPENID, scene: 2, content: 'smoke' }],
  checkImage: [{ openid: PROBE_OPENID, scene: 2, mediaUrl: 'https://smoke.invalid/probe.png' }],
};

const callByName = <M extends keyof WeChatApi>(wechat: WeChatApi, method: M, args: Parameters<WeChatApi[M]>): Promise<unknown> =>
  (wechat[method] as (...a: Parameters<WeChatApi[M]>) => Promise<unknown>)(...args);

const methodOf = (api: CloudCallApi): keyof WeChatApi =>
  (Object.keys(OPENAPI_PERMISSIONS) as (keyof WeChatApi)[]).find((m) => OPENAPI_PERMISSIONS[m] === api) ?? 'sendSubscribe';

const probe = (deps: Deps, api: CloudCallApi): Promise<CallOutcome> => {
  const wechat = deps.wechat;
  if (!wechat) return Promise.resolve(failed(NO_OPEN_API));
  const method = methodOf(api);
  return outcomeOf(() => callByName(wechat, method, probeArguments[method]));
};

const robotTests = async (deps: Deps, propertyId: string | undefined) => {
  const ids = propertyId ? [propertyId] : (await companyProperties(deps.db, 20)).map((p) => p._id);
  const out: NonNullable<SystemHealth['robots']> = [];
  for (const id of ids) {
    const url = (await loadSettings(deps, id)).wecomWebhook;
    if (!url) continue;
    try {
      await postPaced(deps, url, { msgtype: 'markdown', markdown: { content: `**${messages.healthTexts.smokeRobotTitle}**\n${messages.healthTexts.smokeRobot}` } });
      out.push({ propertyId: id, outcome: 'sent', detail: 'errcode 0' });
    } catch (e) {
      out.push({ propertyId: id, outcome: e instanceof Deferred ? 'deferred' : 'failed', detail: messageOf(e) });
    }
  }
  return out;
};

const subscribeTest = async (deps: Deps, test: NonNullable<SystemHealthInput['subscribe']>): Promise<CallOutcome> => {
  const settings = await loadSettings(deps, test.propertyId);
  const template = test.kind ? templateFor(settings.templates, test.kind) : settings.templates.find((t) => templateFor(settings.templates, t.kind));
  if (!template) return failed('no template with its fields is set for this property');
  const now = deps.now().toISOString();
  const data = messageData(template.fields, { title: messages.healthTexts.smokeRobotTitle, body: messages.healthTexts.smokeSubscribe, time: now, status: messages.healthTexts.smokeRobotTitle });
  if (!data) return failed(`template ${template.id} has a field no test value fits`);
  const wechat = deps.wechat;
  if (!wechat) return failed(NO_OPEN_API);
  return outcomeOf(() => callByName(wechat, 'sendSubscribe', [{ touser: test.openid, templateId: template.id, page: template.page, data }]));
};

/**
 * Issue 13 (3): what a deployed function reports about itself: the runtime it runs on (and
 * whether it has the `fetch` the robot poster needs), the mini-program version it was deployed
 * for, the timers' heartbeat (issue 16: a timer function's own; any other function's, stale until every timer has run lately), and on request its cloud calls, a robot message and a subscribe message.
 */
export const systemHealth = async (fn: string, rawInput: unknown, deps: Deps): Promise<Result<SystemHealth>> => {
  const input = SystemHealthInput.safeParse(rawInput ?? {});
  if (!input.success) return failure('COMMON.BAD_INPUT');
  const { probes, robot, subscribe } = input.data;
  const beats = await readHeartbeats(deps);
  const report: SystemHealth = {
    function: fn,
    node: process.version,
    fetch: typeof globalThis.fetch === 'function',
    miniProgramVersion: deps.miniProgramVersion ?? null,
    heartbeat: heartbeatOf(fn, beats, deps.now()),
    probes: [],
    robots: robot ? await robotTests(deps, robot.propertyId) : null,
    subscribe: subscribe ? await subscribeTest(deps, subscribe) : null,
  };
  for (const api of probes) report.probes.push({ api, ...(await probe(deps, api)) });
  return ok(SystemHealth.parse(report));
};
