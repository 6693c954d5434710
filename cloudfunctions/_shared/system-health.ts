import { Envelope } from '@shared/contracts/action';
import { SYSTEM_HEALTH_ACTION, SystemHealth, SystemHealthInput, type CallOutcome, type CloudCallApi } from '@shared/contracts/system-health.contract';
import { INVITE_PAGE } from '@shared/domain/invitation.rules';
import { failure } from '@shared/messages/failure';
import { ok, type Result } from '@shared/result';
import type { Deps } from './deps';
import { heartbeatOf, readHeartbeats } from './heartbeat';
import { errCodeOf, NO_PERMISSION, OPENAPI_PERMISSIONS, type WeChatApi } from './wechat';

/** The input of a system health call, or null when the event is anything else. */
export const systemCall = (event: unknown): { input: unknown } | null => {
  const envelope = Envelope.safeParse(event);
  return envelope.success && envelope.data.action === SYSTEM_HEALTH_ACTION ? { input: envelope.data.input } : null;
};

export const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 300);

/** A call that did not reach WeChat's answer, and why. */
export const failed = (detail: string, errCode: number | null = null): CallOutcome => ({ outcome: 'failed', errCode, detail });
export const NO_OPEN_API = 'this function has no WeChat open API';

/** A cloud call's outcome: any answer from WeChat itself, even a refusal of the arguments, means the call was permitted. */
export const outcomeOf = async (call: () => Promise<unknown>): Promise<CallOutcome> => {
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

export const callByName = <M extends keyof WeChatApi>(wechat: WeChatApi, method: M, args: Parameters<WeChatApi[M]>): Promise<unknown> =>
  (wechat[method] as (...a: Parameters<WeChatApi[M]>) => Promise<unknown>)(...args);

const methodOf = (api: CloudCallApi): keyof WeChatApi =>
  (Object.keys(OPENAPI_PERMISSIONS) as (keyof WeChatApi)[]).find((m) => OPENAPI_PERMISSIONS[m] === api) ?? 'sendSubscribe';

const probe = (deps: Deps, api: CloudCallApi): Promise<CallOutcome> => {
  const wechat = deps.wechat;
  if (!wechat) return Promise.resolve(failed(NO_OPEN_API));
  const method = methodOf(api);
  return outcomeOf(() => callByName(wechat, method, probeArguments[method]));
};

/**
 * The robot and subscribe tests of a health call. They try the property's webhook and templates, the same from any
 * function, so one function carries them (session, ../session/message-tests.ts; scripts/smoke-checks.ts asks it): a
 * function without them refuses a call asking for them, and their 1.4 KB stays out of every other bundle (issue 16).
 */
export interface MessageTests {
  robots: (deps: Deps, propertyId: string | undefined) => Promise<NonNullable<SystemHealth['robots']>>;
  subscribe: (deps: Deps, test: NonNullable<SystemHealthInput['subscribe']>) => Promise<CallOutcome>;
}

/**
 * Issue 13 (3): what a deployed function reports about itself: the runtime it runs on (and
 * whether it has the `fetch` the robot poster needs), the mini-program version it was deployed
 * for, the timers' heartbeat (issue 16: a timer function's own; any other function's, stale until every timer has run lately), and on request its cloud calls, a robot message and a subscribe message
 * (`messages`: the session function's, ./message-tests.ts).
 */
export const systemHealth = async (fn: string, rawInput: unknown, deps: Deps, messages?: MessageTests): Promise<Result<SystemHealth>> => {
  const input = SystemHealthInput.safeParse(rawInput ?? {});
  if (!input.success) return failure('COMMON.BAD_INPUT');
  const { probes, robot, subscribe } = input.data;
  if ((robot || subscribe) && !messages) return failure('COMMON.BAD_INPUT');
  const beats = await readHeartbeats(deps);
  const report: SystemHealth = {
    function: fn,
    node: process.version,
    fetch: typeof globalThis.fetch === 'function',
    miniProgramVersion: deps.miniProgramVersion ?? null,
    heartbeat: heartbeatOf(fn, beats, deps.now()),
    probes: [],
    robots: robot && messages ? await messages.robots(deps, robot.propertyId) : null,
    subscribe: subscribe && messages ? await messages.subscribe(deps, subscribe) : null,
  };
  for (const api of probes) report.probes.push({ api, ...(await probe(deps, api)) });
  return ok(SystemHealth.parse(report));
};
