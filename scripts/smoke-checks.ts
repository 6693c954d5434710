/**
 * Issue 13 (3): what `npm run smoke` checks in a deployed environment, one line each, with what to
 * do when it fails. The checks run over a narrow port (SmokeTarget): smoke-cloudbase.ts implements it
 * with the management SDK for a real environment, local/smoke-target.ts for the local system, so the
 * same checks run in `npm test` and cannot rot.
 */
import { resultOf } from '../shared-types/src/contracts/action';
import { SystemHealth, type SystemHealthInput } from '../shared-types/src/contracts/system-health.contract';
import type { MiniProgramVersion } from '../shared-types/src/domain/mini-program-version.rules';
import type { NoticeKind } from '../shared-types/src/model/outbox.model';
import type { FunctionConfig, Manifest, SecurityRule } from './deploy-manifest';
import { RUNTIME, toCreateIndex, triggerChanges, type ExistingTrigger } from './deploy-plan';

export interface SmokeTarget {
  /** What is checked, for the first line ("CloudBase environment dev-123", "the local system"). */
  name: string;
  /** Invokes a function as the environment's admin: no OPENID, so the router allows only the health call. */
  invoke(fn: string, event: unknown): Promise<unknown>;
  collectionExists(name: string): Promise<boolean>;
  indexNames(collection: string): Promise<string[]>;
  /** The collection's custom security rule, or null when it has none. */
  dbRule(collection: string): Promise<SecurityRule | null>;
  storageRule(): Promise<SecurityRule | null>;
  triggers(fn: string): Promise<ExistingTrigger[]>;
}

export interface SmokeOptions {
  envName: string;
  /** The mini-program version the environment serves (the manifest's, for the local system "develop"). */
  version: MiniProgramVersion;
  /** Whose robot gets the test message; every property with a robot when absent. */
  propertyId?: string;
  /** A person (a developer's own openid) who accepted the template: the optional subscribe-message check. */
  openid?: string;
  kind?: NoticeKind;
}

export type Verdict = { ok: true; detail: string } | { ok: false; detail: string; fix: string };

export interface Check {
  title: string;
  run(ctx: SmokeContext): Promise<Verdict>;
}

export interface SmokeContext {
  target: SmokeTarget;
  /** Each function's health answer, asked once. */
  health(fn: string): Promise<SystemHealth>;
}

export interface FunctionConfigs {
  [name: string]: FunctionConfig;
}

const pass = (detail: string): Verdict => ({ ok: true, detail });
const fail = (detail: string, fix: string): Verdict => ({ ok: false, detail, fix });

const HealthAnswer = resultOf(SystemHealth);
/** The one function that carries the robot and subscribe tests (cloudfunctions/session/message-tests.ts); any other refuses them. */
const MESSAGES_FROM = 'session';

export const smokeContext = (target: SmokeTarget, configs: FunctionConfigs, options: SmokeOptions): SmokeContext => {
  const asked = new Map<string, Promise<SystemHealth>>();
  const inputFor = (fn: string): SystemHealthInput => ({
    probes: (configs[fn]?.permissions.openapi ?? []) as SystemHealthInput['probes'],
    ...(fn === MESSAGES_FROM ? { robot: options.propertyId ? { propertyId: options.propertyId } : {} } : {}),
    ...(fn === MESSAGES_FROM && options.openid && options.propertyId ? { subscribe: { propertyId: options.propertyId, openid: options.openid, ...(options.kind ? { kind: options.kind } : {}) } } : {}),
  });
  const ask = async (fn: string): Promise<SystemHealth> => {
    const answer = HealthAnswer.safeParse(await target.invoke(fn, { action: 'health', input: inputFor(fn) }));
    if (!answer.success) throw new Error('the answer is not a health report (is the deployed code older than this repository?)');
    if (!answer.data.ok) throw new Error(`${answer.data.code}: ${answer.data.message}`);
    return answer.data.data;
  };
  return {
    target,
    health: (fn) => {
      const known = asked.get(fn) ?? ask(fn);
      asked.set(fn, known);
      return known;
    },
  };
};

const DOC_604101 = 'https://docs.cloudbase.net/faq/knowledge/cloud-call-604101-permission-error';
const runtimeMajor = Number(/^Nodejs(\d+)\./.exec(RUNTIME)?.[1]);

const functionCheck = (fn: string, o: SmokeOptions): Check => ({
  title: `function ${fn}: answers the health call on ${RUNTIME} with MINIPROGRAM_VERSION=${o.version}`,
  run: async ({ health }) => {
    const deploy = `npm run deploy -- --env ${o.envName}`;
    let h: SystemHealth;
    try {
      h = await health(fn);
    } catch (e) {
      return fail(`no answer: ${e instanceof Error ? e.message : String(e)}`, `run ${deploy}; if it is deployed, read its log in the CloudBase console (云函数 → ${fn} → 日志)`);
    }
    if (Number(/^v(\d+)\./.exec(h.node)?.[1]) !== runtimeMajor || !h.fetch) {
      return fail(`runs Node ${h.node}${h.fetch ? '' : ' without fetch'}`, `${deploy} recreates it on ${RUNTIME}; then upload it from WeChat DevTools again (its cloud-call permissions went with the old function)`);
    }
    if (h.miniProgramVersion !== o.version) {
      return fail(`MINIPROGRAM_VERSION is ${h.miniProgramVersion ?? 'not set'}`, `${deploy} sets it to ${o.version} on every function`);
    }
    return pass(`Node ${h.node}, MINIPROGRAM_VERSION=${h.miniProgramVersion}`);
  },
});

const cloudCallCheck = (fn: string, api: string, o: SmokeOptions): Check => ({
  title: `function ${fn}: cloud call ${api} is permitted`,
  run: async ({ health }) => {
    const found = (await health(fn).catch(() => null))?.probes.find((p) => p.api === api);
    if (!found) return fail('the function did not answer (see its check above)', `fix the function's check first, then rerun npm run smoke -- --env ${o.envName}`);
    if (found.outcome === 'ok') return pass('WeChat answered');
    if (found.outcome === 'permitted') return pass(`WeChat answered ${found.errCode} to the probe's made-up arguments, so the call itself is permitted`);
    if (found.outcome === 'denied') {
      return fail(
        `${found.errCode}: the permission in config.json is not registered`,
        `in WeChat DevTools right-click dist/cloudfunctions/${fn} → 上传并部署：云端安装依赖, wait about 10 minutes, then rerun npm run smoke -- --env ${o.envName} (${DOC_604101})`,
      );
    }
    if (found.errCode === -604104) {
      return fail(`${found.errCode}: ${found.detail}`, 'this environment refuses cloud calls from an admin invocation: prove them from the trial version instead (an invitation shows a mini-program code; a filed repair pushes a subscribe message)');
    }
    return fail(`${found.errCode ?? 'no code'}: ${found.detail}`, `read the function's log in the CloudBase console (云函数 → ${fn} → 日志)`);
  },
});

const collectionCheck = (name: string, indexes: string[], o: SmokeOptions): Check => ({
  title: `collection ${name}: exists${indexes.length ? ` with indexes ${indexes.join(', ')}` : ''}`,
  run: async ({ target }) => {
    if (!(await target.collectionExists(name))) return fail('missing', `run npm run deploy -- --env ${o.envName}`);
    const have = await target.indexNames(name);
    const missing = indexes.filter((i) => !have.includes(i));
    return missing.length ? fail(`missing indexes ${missing.join(', ')}`, `run npm run deploy -- --env ${o.envName}`) : pass('present');
  },
});

const sameRule = (a: SecurityRule | null, b: SecurityRule) => a !== null && a.read === b.read && a.write === b.write;

const ruleCheck = (title: string, read: (target: SmokeTarget) => Promise<SecurityRule | null>, declared: SecurityRule, o: SmokeOptions): Check => ({
  title: `${title}: security rule ${JSON.stringify(declared)}`,
  run: async ({ target }) => {
    const found = await read(target);
    return sameRule(found, declared) ? pass('as declared') : fail(`found ${found ? JSON.stringify(found) : 'no custom rule'}`, `run npm run deploy -- --env ${o.envName} (it sets every rule the manifest declares)`);
  },
});

const triggerCheck = (fn: string, trigger: { name: string; type: string; config: string }, o: SmokeOptions): Check => ({
  title: `timer ${fn}/${trigger.name}: installed as "${trigger.config}"`,
  run: async ({ target }) => {
    const { create } = triggerChanges([trigger], await target.triggers(fn));
    return create.length ? fail('not installed, or on another schedule', `run npm run deploy -- --env ${o.envName}`) : pass('installed');
  },
});

const heartbeatCheck = (fn: string): Check => ({
  title: `timer ${fn}: its heartbeat is fresh (a run in the last 5 minutes)`,
  run: async ({ health }) => {
    const beat = (await health(fn).catch(() => null))?.heartbeat;
    if (beat && !beat.stale) return pass(`last run ${beat.lastRunAt}`);
    return fail(beat?.lastRunAt ? `last run ${beat.lastRunAt}` : 'never ran', `read ${fn}'s trigger and log in the CloudBase console (云函数 → ${fn}); a newly installed timer runs within a minute`);
  },
});

const robotCheck = (o: SmokeOptions): Check => ({
  title: `WeCom robot: a test message reaches ${o.propertyId ? `property ${o.propertyId}'s` : "every property's"} group`,
  run: async ({ health }) => {
    const robots = (await health(MESSAGES_FROM).catch(() => null))?.robots ?? [];
    if (!robots.length) return fail('no property has a robot', 'the manager sets it in the mini-program: 小区设置 → 企业微信群机器人 (the address WeCom shows when a robot is added to the group)');
    const bad = robots.find((r) => r.outcome !== 'sent');
    if (!bad) return pass(`sent to ${robots.map((r) => r.propertyId).join(', ')}`);
    return bad.outcome === 'deferred'
      ? fail(`${bad.propertyId}: ${bad.detail}`, 'the robot is at WeCom\'s 20 messages a minute or throttled (45009): rerun in ten minutes')
      : fail(`${bad.propertyId}: ${bad.detail}`, 'check the robot\'s address in 小区设置 (only the manager sees it whole); a robot removed from its group must be added again');
  },
});

const subscribeCheck = (o: SmokeOptions): Check => ({
  title: `subscribe message: property ${o.propertyId}'s ${o.kind ?? 'first'} template reaches the test person`,
  run: async ({ health }) => {
    const sent = (await health(MESSAGES_FROM).catch(() => null))?.subscribe;
    if (!sent) return fail('the function did not answer', `fix function ${MESSAGES_FROM}'s check first`);
    if (sent.outcome === 'ok') return pass('WeChat accepted it: look for it in the test person\'s WeChat (服务通知)');
    if (sent.errCode === 43101) return fail('43101: no subscription', 'open the trial version as the test person, accept the subscribe prompt (e.g. when filing a repair), and rerun');
    return fail(`${sent.errCode ?? 'no code'}: ${sent.detail}`, 'check the template id and its fields in 小区设置 against the template in the WeChat admin console (订阅消息 → 我的模板)');
  },
});

/** Every check, in the order they run: functions and their cloud calls, the database, storage, the timer, the messages. */
export const smokeChecks = (manifest: Manifest, configs: FunctionConfigs, o: SmokeOptions): Check[] => {
  const functions = Object.keys(manifest.functions);
  const timers = functions.flatMap((fn) => (configs[fn]?.triggers ?? []).map((t) => ({ fn, t })));
  return [
    ...functions.map((fn) => functionCheck(fn, o)),
    ...functions.flatMap((fn) => (configs[fn]?.permissions.openapi ?? []).map((api) => cloudCallCheck(fn, api, o))),
    ...Object.entries(manifest.collections).map(([name, c]) => collectionCheck(name, c.indexes.map((i) => toCreateIndex(i).IndexName), o)),
    ...Object.entries(manifest.collections).map(([name, c]) => ruleCheck(`collection ${name}`, (target) => target.dbRule(name), c.rule, o)),
    ruleCheck('storage', (target) => target.storageRule(), manifest.storage.rule, o),
    ...timers.map(({ fn, t }) => triggerCheck(fn, t, o)),
    ...[...new Set(timers.map(({ fn }) => fn))].map(heartbeatCheck),
    robotCheck(o),
    ...(o.openid && o.propertyId ? [subscribeCheck(o)] : []),
  ];
};

export const formatVerdict = (title: string, v: Verdict): string => (v.ok ? `✓ ${title} — ${v.detail}` : `✗ ${title} — ${v.detail}. Fix: ${v.fix}`);

/** Runs every check in order, printing one line each; resolves to the number that failed. */
export const runSmoke = async (checks: Check[], ctx: SmokeContext, print: (line: string) => void): Promise<number> => {
  let failed = 0;
  for (const check of checks) {
    let verdict: Verdict;
    try {
      verdict = await check.run(ctx);
    } catch (e) {
      verdict = fail(e instanceof Error ? e.message : String(e), 'rerun; if it fails again, the message above says which call failed');
    }
    if (!verdict.ok) failed++;
    print(formatVerdict(check.title, verdict));
  }
  return failed;
};
