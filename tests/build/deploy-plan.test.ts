import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CreateIndex, ICloudFunctionTrigger } from '@cloudbase/manager-node/types/interfaces';
import { deploySettings } from '../../scripts/deploy-args';
import { applyPlan, type DeployedFunction, type DeployTarget, type FunctionStep } from '../../scripts/deploy-apply';
import { readBuiltFunctions, readManifest, type BuiltFunction } from '../../scripts/deploy-manifest';
import { BUILD_TARGET, indexesToCreate, planDeploy, RUNTIME, triggerChanges, type DeployStep } from '../../scripts/deploy-plan';
import { cloudWeChat } from '../../cloudfunctions/_shared/wechat';
import { versionFromVars } from '@shared/domain/mini-program-version.rules';
import { byHandSteps } from '../../scripts/deploy-by-hand';

const root = resolve(__dirname, '..', '..');
const dist = join(root, 'dist', 'cloudfunctions');
const manifest = readManifest(join(root, 'cloudfunctions', 'manifest.json'));
const built = (): BuiltFunction[] => readBuiltFunctions(dist);
const plan = (envName = 'dev'): DeployStep[] => planDeploy(manifest, built(), envName);

const index = (name: string, keys: Array<[string, '1' | '-1']>, unique = false): CreateIndex => ({
  IndexName: name,
  MgoKeySchema: { MgoIndexKeys: keys.map(([Name, Direction]) => ({ Name, Direction })), MgoIsUnique: unique },
});
const timer = (name: string, config: string): ICloudFunctionTrigger => ({ name, type: 'timer', config });
const position = (steps: DeployStep[], match: (s: DeployStep) => boolean): number => steps.findIndex(match);

describe('deploy plan from the real manifest', () => {
  it('creates every declared collection, then its indexes (with unique flags), then its rule', () => {
    const steps = plan();
    for (const [name, declared] of Object.entries(manifest.collections)) {
      const created = position(steps, (s) => s.kind === 'collection' && s.name === name);
      const indexes = steps.find((s) => s.kind === 'indexes' && s.collection === name);
      const rule = steps.find((s) => s.kind === 'dbRule' && s.collection === name);
      expect(created).toBeGreaterThanOrEqual(0);
      expect(rule).toEqual({ kind: 'dbRule', collection: name, rule: declared.rule });
      expect(steps.indexOf(rule as DeployStep)).toBeGreaterThan(created);
      const expected = declared.indexes.map((i) =>
        index(i.name, i.keys.map(([field, dir]) => [field, dir === 1 ? '1' : '-1']), i.unique === true),
      );
      if (expected.length === 0) expect(indexes).toBeUndefined();
      else {
        expect(indexes).toEqual({ kind: 'indexes', collection: name, indexes: expected });
        expect(steps.indexOf(indexes as DeployStep)).toBeGreaterThan(created);
      }
    }
  });

  it('marks the one-membership-per-property index unique and plain indexes not', () => {
    const members = plan().find((s) => s.kind === 'indexes' && s.collection === 'members');
    const byName = members?.kind === 'indexes' ? new Map(members.indexes.map((i) => [i.IndexName, i])) : new Map();
    expect(byName.get('property_openid')?.MgoKeySchema.MgoIsUnique).toBe(true);
    expect(byName.get('openid_status')?.MgoKeySchema.MgoIsUnique).toBe(false);
  });

  it('sets the storage rule after the collections and before any function', () => {
    const steps = plan();
    const storage = position(steps, (s) => s.kind === 'storageRule');
    expect(steps[storage]).toEqual({ kind: 'storageRule', rule: manifest.storage.rule });
    expect(storage).toBeGreaterThan(Math.max(...steps.map((s, i) => (s.kind === 'dbRule' ? i : -1))));
    expect(storage).toBeLessThan(position(steps, (s) => s.kind === 'function'));
  });

  it('issue 13: deploys every built function on Nodejs20.19 with the manifest limits, its environment\'s mini-program version, and the triggers and permissions of its config.json', () => {
    const folders = readdirSync(dist).filter((name) => statSync(join(dist, name)).isDirectory());
    const functions = plan().filter((s): s is FunctionStep => s.kind === 'function');
    expect(functions.map((f) => f.name).sort()).toEqual([...folders].sort());
    for (const step of functions) {
      const raw: unknown = JSON.parse(readFileSync(join(dist, step.name, 'config.json'), 'utf8'));
      const config = raw as { triggers?: unknown[]; permissions: { openapi: string[] } };
      expect(step).toEqual({
        kind: 'function',
        name: step.name,
        dir: join(dist, step.name),
        runtime: 'Nodejs20.19',
        timeout: manifest.functions[step.name]?.timeout,
        memorySize: manifest.functions[step.name]?.memorySize,
        envVariables: { MINIPROGRAM_VERSION: 'develop' },
        triggers: config.triggers ?? [],
        openapi: config.permissions.openapi,
      });
    }
  });

  it('issue 13 (1.6): each environment\'s functions are told which mini-program version it serves', () => {
    const versions = (envName: string) => new Set(plan(envName).flatMap((s) => (s.kind === 'function' ? [s.envVariables.MINIPROGRAM_VERSION] : [])));
    expect(versions('dev')).toEqual(new Set(['develop']));
    expect(versions('trial')).toEqual(new Set(['trial']));
    expect(versions('prod')).toEqual(new Set(['release']));
  });

  it('refuses a manifest function that was not built', () => {
    expect(() => planDeploy(manifest, built().filter((f) => f.name !== 'session'), 'dev')).toThrow(
      /function "session" is in the manifest but not built/,
    );
  });

  it('refuses a built function the manifest does not declare', () => {
    const ghost: BuiltFunction = { name: 'ghost', dir: join(dist, 'ghost'), config: { permissions: { openapi: [] } } };
    expect(() => planDeploy(manifest, [...built(), ghost], 'dev')).toThrow(/built function "ghost" has no entry/);
  });
});

describe('differences against what an environment already has', () => {
  const wanted = [index('a', [['x', '1']]), index('b', [['y', '-1']], true), index('c', [['z', '1']])];

  it('creates only the indexes whose names are missing', () => {
    expect(indexesToCreate(wanted, ['_id_', 'a'])).toEqual([wanted[1], wanted[2]]);
    expect(indexesToCreate(wanted, ['a', 'b', 'c'])).toEqual([]);
    expect(indexesToCreate(wanted, [])).toEqual(wanted);
  });

  it('keeps an unchanged timer, replaces a changed one and removes a stale one', () => {
    const every = timer('every-minute', '0 */1 * * * * *');
    expect(triggerChanges([every], [{ name: 'every-minute', desc: '{"cron":"0 */1 * * * * *"}' }])).toEqual({ remove: [], create: [] });
    expect(triggerChanges([every], [{ name: 'every-minute', desc: '0 */1 * * * * *' }])).toEqual({ remove: [], create: [] });
    expect(triggerChanges([every], [{ name: 'every-minute', desc: '{"cron":"0 */5 * * * * *"}' }])).toEqual({
      remove: ['every-minute'],
      create: [every],
    });
    expect(triggerChanges([], [{ name: 'old', desc: '{"cron":"0 0 1 * * * *"}' }])).toEqual({ remove: ['old'], create: [] });
    expect(triggerChanges([every], [])).toEqual({ remove: [], create: [every] });
  });
});

/** Records every call the executor makes against an environment holding the given indexes and functions (on the given runtimes, with the given variables). */
const fakeTarget = (
  existingIndexes: Record<string, string[]>,
  existingFunctions: string[],
  deployed: Record<string, DeployedFunction> = {},
) => {
  const calls: string[] = [];
  const record = (call: string) => async (): Promise<void> => {
    calls.push(call);
  };
  const target: DeployTarget = {
    ensureCollection: async (name) => record(`collection ${name}`)(),
    indexNames: async (collection) => existingIndexes[collection] ?? ['_id_'],
    createIndexes: async (collection, indexes) => record(`indexes ${collection} ${indexes.map((i) => i.IndexName).join(',')}`)(),
    setDbRule: async (collection, rule) => record(`rule ${collection} ${JSON.stringify(rule)}`)(),
    setStorageRule: async (rule) => record(`storage ${JSON.stringify(rule)}`)(),
    functionNames: async () => {
      calls.push('list functions');
      return existingFunctions;
    },
    functionDetail: async (name) => deployed[name] ?? { runtime: 'Nodejs20.19', envVariables: {} },
    createFunction: async (step, vars) => record(`create ${step.name} ${step.runtime} ${JSON.stringify(vars)} triggers ${step.triggers.map((t) => t.name).join(',')}`)(),
    updateFunction: async (step, vars) => record(`update ${step.name} ${JSON.stringify(vars)}`)(),
    deleteFunction: async (name) => record(`delete ${name}`)(),
    triggers: async () => [{ name: 'legacy', desc: '{"cron":"0 0 3 * * * *"}' }],
    deleteTrigger: async (name, trigger) => record(`delete trigger ${name}/${trigger}`)(),
    createTriggers: async (name, triggers) => record(`create triggers ${name}/${triggers.map((t) => t.name).join(',')}`)(),
  };
  return { target, calls };
};

describe('applying a plan', () => {
  it('creates only missing indexes, sets every rule, and creates or updates each function', async () => {
    const { target, calls } = fakeTarget({ members: ['_id_', 'openid_status'] }, ['session', 'reminders']);
    await applyPlan(plan(), target, () => undefined);

    expect(calls).toContain('indexes members property_openid,property_role_status_rooms,property_role_status_name,role_status');
    for (const name of Object.keys(manifest.collections)) {
      expect(calls).toContain(`collection ${name}`);
      expect(calls).toContain(`rule ${name} ${JSON.stringify(manifest.collections[name]?.rule)}`);
    }
    expect(calls).toContain(`storage ${JSON.stringify(manifest.storage.rule)}`);
    expect(calls.filter((c) => c === 'list functions')).toHaveLength(1);
    expect(calls).toEqual(expect.arrayContaining(['update session {"MINIPROGRAM_VERSION":"develop"}', 'update reminders {"MINIPROGRAM_VERSION":"develop"}', 'create repairs Nodejs20.19 {"MINIPROGRAM_VERSION":"develop"} triggers ']));
    expect(calls).toContain('delete trigger reminders/legacy');
    expect(calls).toContain('create triggers reminders/every-minute');
    expect(calls.some((c) => c.startsWith('create triggers session'))).toBe(false);
    expect(calls.findIndex((c) => c.startsWith('update') || c.startsWith('create '))).toBeGreaterThan(
      calls.findIndex((c) => c.startsWith('storage')),
    );
  });

  it('creates no index when the collection has them all', async () => {
    const all = Object.fromEntries(Object.entries(manifest.collections).map(([n, c]) => [n, c.indexes.map((i) => i.name)]));
    const { target, calls } = fakeTarget(all, []);
    await applyPlan(plan(), target, () => undefined);
    expect(calls.filter((c) => c.startsWith('indexes '))).toEqual([]);
  });
});

describe('issue 13 (1.3, 1.6): what the deployed functions run on and open', () => {
  it('the pinned runtime has the global fetch the robot poster uses (Node 18 and later), and the bundles target its major version', () => {
    const major = Number(/^Nodejs(\d+)\.\d+$/.exec(RUNTIME)?.[1]);
    expect(major).toBeGreaterThanOrEqual(18);
    expect(BUILD_TARGET).toBe(`node${major}`);
    expect(major).toBe(Number(process.versions.node.split('.')[0]));
  });

  it.each([
    ['dev', 'developer', 'develop'],
    ['trial', 'trial', 'trial'],
    ['prod', 'formal', 'release'],
  ])('a function deployed to %s sends subscribe messages opening the %s version and makes codes for %s', async (envName, state, codeVersion) => {
    const step = plan(envName).find((s): s is FunctionStep => s.kind === 'function');
    const calls: Record<string, unknown>[] = [];
    const record = (answer: unknown) => async (params: Record<string, unknown>) => {
      calls.push(params);
      return answer;
    };
    const wechat = cloudWeChat(versionFromVars(step?.envVariables ?? {}) ?? 'release', {
      phonenumber: { getPhoneNumber: record({}) },
      wxacode: { getUnlimited: record({ buffer: Buffer.from('png') }) },
      subscribeMessage: { send: record({}) },
    });
    await wechat.sendSubscribe({ touser: 'o-x', templateId: 't1', page: 'pages/inbox/index', data: {} });
    await wechat.miniProgramCode('pages/index/index', 'inv=ABC');
    expect(calls).toEqual([
      expect.objectContaining({ templateId: 't1', miniprogramState: state }),
      { page: 'pages/index/index', scene: 'inv=ABC', checkPath: false, envVersion: codeVersion },
    ]);
  });

  it('a function deployed without the variable (uploaded by hand) reports none, and opens the released version as WeChat does by default', () => {
    expect(versionFromVars({})).toBeNull();
    expect(versionFromVars({ MINIPROGRAM_VERSION: 'formal' })).toBeNull();
  });

  it('the dry run shows the runtime, each environment\'s version and the DevTools upload that registers cloud-call permissions', () => {
    const out = execFileSync('npx', ['tsx', 'scripts/deploy.ts', '--env', 'trial', '--dry-run'], { cwd: root, encoding: 'utf8', env: { ...process.env, CLOUDBASE_ENV_TRIAL: '' } });
    expect(out).toContain('function session: Nodejs20.19, timeout 5 s, 128 MB, env MINIPROGRAM_VERSION=trial, triggers: none, code dist/cloudfunctions/session/');
    expect(out).toContain('上传并部署：云端安装依赖');
    expect(out).toContain('dist/cloudfunctions/members/  (phonenumber.getPhoneNumber, wxacode.getUnlimited, subscribeMessage.send)');
    expect(out).not.toContain('dist/cloudfunctions/imports/  (');
    expect(out).toContain('npm run smoke -- --env trial');
  }, 60_000);
});

describe('issue 13 (1.3): moving a deployed function to the new runtime', () => {
  const onNode16 = { session: { runtime: 'Nodejs16.13', envVariables: { BOOTSTRAP_SECRET: 'kept-secret-value', MINIPROGRAM_VERSION: 'release' } }, reminders: { runtime: 'Nodejs16.13', envVariables: {} } };

  it('a function on another runtime is deleted and created again on Nodejs20.19 with its variables (the deploy\'s own win) and config.json\'s triggers', async () => {
    const { target, calls } = fakeTarget({}, ['session', 'reminders'], onNode16);
    const log: string[] = [];
    await applyPlan(plan('trial'), target, (line) => log.push(line));
    const session = calls.filter((c) => / session\b/.test(c));
    expect(session).toEqual(['delete session', 'create session Nodejs20.19 {"BOOTSTRAP_SECRET":"kept-secret-value","MINIPROGRAM_VERSION":"trial"} triggers ']);
    expect(calls.filter((c) => / reminders( |$)/.test(c))).toEqual(['delete reminders', 'create reminders Nodejs20.19 {"MINIPROGRAM_VERSION":"trial"} triggers every-minute']);
    expect(calls.some((c) => c.startsWith('update session') || c.startsWith('create triggers reminders'))).toBe(false);
    expect(log.find((l) => l.startsWith('function session:'))).toBe(
      'function session: moved from Nodejs16.13 to Nodejs20.19 (deleted and created again; environment variables kept: BOOTSTRAP_SECRET, MINIPROGRAM_VERSION; triggers from config.json: 0); its cloud-call permissions are gone until it is uploaded from WeChat DevTools again',
    );
  });

  it('a function already on Nodejs20.19 is updated in place, keeping the variables set in the console', async () => {
    const { target, calls } = fakeTarget({}, ['session'], { session: { runtime: 'Nodejs20.19', envVariables: { BOOTSTRAP_SECRET: 'kept-secret-value' } } });
    await applyPlan(plan('dev'), target, () => undefined);
    expect(calls.filter((c) => c.startsWith('update session') || c.startsWith('delete session') || c.startsWith('create session'))).toEqual(['update session {"BOOTSTRAP_SECRET":"kept-secret-value","MINIPROGRAM_VERSION":"develop"}']);
  });
});

describe('deploy settings', () => {
  const full = { TENCENTCLOUD_SECRETID: 'id', TENCENTCLOUD_SECRETKEY: 'key', CLOUDBASE_ENV_DEV: 'dev-123' };

  it('a dry run needs no credentials', () => {
    expect(deploySettings(['--env', 'dev', '--dry-run'], {}, manifest)).toEqual({
      envName: 'dev',
      envIdFrom: 'CLOUDBASE_ENV_DEV',
      dryRun: true,
    });
  });

  it('a real deploy names every missing variable', () => {
    expect(() => deploySettings(['--env', 'dev'], {}, manifest)).toThrow(
      /TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY, CLOUDBASE_ENV_DEV/,
    );
    expect(() => deploySettings(['--env', 'dev'], { ...full, CLOUDBASE_ENV_DEV: '' }, manifest)).toThrow(/set CLOUDBASE_ENV_DEV/);
  });

  it('reads the env id from the variable the manifest names', () => {
    expect(deploySettings(['--env', 'dev'], full, manifest)).toEqual({
      envName: 'dev',
      envIdFrom: 'CLOUDBASE_ENV_DEV',
      dryRun: false,
      credentials: { secretId: 'id', secretKey: 'key', envId: 'dev-123' },
    });
  });

  it('rejects a missing or undeclared environment', () => {
    expect(() => deploySettings([], full, manifest)).toThrow(/missing --env/);
    expect(() => deploySettings(['--env', 'staging'], full, manifest)).toThrow(/unknown environment "staging"/);
  });
});

describe('what the deploy leaves to a person', () => {
  it('issue 13 (1.9): names the console setting that routes the image checks\' verdicts to their function', () => {
    expect(byHandSteps(manifest, 'dev')).toEqual([expect.stringMatching(/消息推送.*event.*wxa_media_check → function pushes/)]);
  });
});
