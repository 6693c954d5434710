/**
 * Issue 13 (3): the smoke command, run against the local system so that it cannot rot: every check
 * passes there, and each way a deployed environment breaks gives its line and what to do.
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { readFunctionConfigs, readManifest } from '../../scripts/deploy-manifest';
import { runSmoke, smokeChecks, smokeContext, type SmokeOptions, type SmokeTarget } from '../../scripts/smoke-checks';
import { cloudCallPermissions, loadBuiltFunctions } from '../../local/functions';
import { createRuntime, type Runtime } from '../../local/runtime';
import { localSmokeTarget } from '../../local/smoke-target';
import { tickTimers } from '../../local/timers';
import { TIMER_FUNCTIONS } from '@shared/model/environment.model';

const root = resolve(__dirname, '..', '..');
const manifest = readManifest(join(root, 'cloudfunctions', 'manifest.json'));
const configs = readFunctionConfigs(join(root, 'cloudfunctions'), Object.keys(manifest.functions));
const options: SmokeOptions = { envName: 'dev', version: 'develop', propertyId: 'demo' };
const run = promisify(execFile);

const tickTimer = (rt: Runtime) => tickTimers(rt, new Date());

const smoke = async (target: SmokeTarget, o: SmokeOptions = options) => {
  const lines: string[] = [];
  const failed = await runSmoke(smokeChecks(manifest, configs, o), smokeContext(target, configs, o), (line) => lines.push(line));
  return { failed, lines, failures: lines.filter((l) => l.startsWith('✗')) };
};

describe('issue 13 (3): npm run smoke', () => {
  it('--dry-run lists every check without credentials, and --local passes every one of them against the built functions', async () => {
    const env = { ...process.env, TENCENTCLOUD_SECRETID: '', TENCENTCLOUD_SECRETKEY: '' };
    const listed = (await run('npx', ['tsx', 'scripts/smoke.ts', '--dry-run'], { cwd: root, env })).stdout.split('\n').filter((l) => l.startsWith('  · '));
    expect(listed).toEqual(smokeChecks(manifest, configs, { envName: 'dev', version: 'develop' }).map((c) => `  · ${c.title}`));
    const local = await run('npx', ['tsx', 'scripts/smoke.ts', '--local', '--property', 'demo', '--openid', 'o-res-wang'], { cwd: root, env });
    const lines = local.stdout.split('\n').filter((l) => /^[✓✗] /.test(l));
    expect(lines.filter((l) => l.startsWith('✗'))).toEqual([]);
    expect(lines).toHaveLength(smokeChecks(manifest, configs, { ...options, openid: 'o-res-wang' }).length);
    expect(lines.at(-1)).toMatch(/^✓ subscribe message: property demo's first template reaches the test person/);
  }, 180_000);

  describe('each break gives its line and its fix', () => {
    let rt: Runtime;
    let built: ReturnType<typeof loadBuiltFunctions>;
    beforeAll(() => {
      built = loadBuiltFunctions();
    }, 60_000);
    afterEach(() => rt.close());

    /** The local system a minute after start: its timer has run once. */
    const running = async (registeredCloudCalls?: Record<string, string[]>) => {
      rt = await createRuntime({ dataDir: null, functions: built, ...(registeredCloudCalls ? { registeredCloudCalls } : {}) });
      await tickTimer(rt);
      return localSmokeTarget(rt);
    };

    it('a function whose cloud-call permission was never registered (-604101) is told to be uploaded from DevTools and rechecked in ten minutes', async () => {
      const { failures } = await smoke(await running({ ...cloudCallPermissions(), members: ['subscribeMessage.send'] }));
      expect(failures).toEqual([
        expect.stringMatching(/^✗ function members: cloud call phonenumber\.getPhoneNumber is permitted — -604101/),
        '✗ function members: cloud call wxacode.getUnlimited is permitted — -604101: the permission in config.json is not registered. ' +
          'Fix: in WeChat DevTools right-click dist/cloudfunctions/members → 上传并部署：云端安装依赖, wait about 10 minutes, then rerun npm run smoke -- --env dev (https://docs.cloudbase.net/faq/knowledge/cloud-call-604101-permission-error)',
      ]);
    });

    it('a timer that has not run, and a robot that does not answer, fail with what to look at', async () => {
      rt = await createRuntime({ dataDir: null, functions: built });
      await rt.db.collection('settings').doc('demo').update({ data: { wecomWebhook: 'http://127.0.0.1:1/cgi-bin/webhook/send?key=gone-robot-key' } });
      const { failures } = await smoke(localSmokeTarget(rt));
      expect(failures).toEqual([
        // Issue 16: each timer function's own heartbeat, each named.
        ...TIMER_FUNCTIONS.map((fn) => `✗ timer ${fn}: its heartbeat is fresh (a run in the last 5 minutes) — never ran. Fix: read ${fn}'s trigger and log in the CloudBase console (云函数 → ${fn}); a newly installed timer runs within a minute`),
        expect.stringMatching(/^✗ WeCom robot: a test message reaches property demo's group — demo: .+\. Fix: check the robot's address in 小区设置/),
      ]);
      expect(failures.join('\n')).not.toContain('gone-robot-key');
    });

    it('a function still on Node 16 without fetch, or deployed without its mini-program version, is told to be deployed again', async () => {
      const local = await running();
      const asDeployedBefore: SmokeTarget = {
        ...local,
        invoke: async (fn, event) => {
          const answer = (await local.invoke(fn, event)) as { ok: true; data: Record<string, unknown> };
          if (fn === 'session') return { ...answer, data: { ...answer.data, node: 'v16.13.2', fetch: false } };
          if (fn === 'visits') return { ...answer, data: { ...answer.data, miniProgramVersion: null } };
          return answer;
        },
      };
      const { failures } = await smoke(asDeployedBefore);
      expect(failures).toEqual([
        '✗ function session: answers the health call on Nodejs20.19 with MINIPROGRAM_VERSION=develop — runs Node v16.13.2 without fetch. ' +
          'Fix: npm run deploy -- --env dev recreates it on Nodejs20.19; then upload it from WeChat DevTools again (its cloud-call permissions went with the old function)',
        '✗ function visits: answers the health call on Nodejs20.19 with MINIPROGRAM_VERSION=develop — MINIPROGRAM_VERSION is not set. Fix: npm run deploy -- --env dev sets it to develop on every function',
      ]);
    });

    it('a missing index or a rule that differs from the manifest is named with the deploy that fixes it', async () => {
      const local = await running();
      const drifted: SmokeTarget = {
        ...local,
        indexNames: async (name) => (await local.indexNames(name)).filter((i) => !(name === 'outbox' && i === 'pending')),
        dbRule: async (name) => (name === 'signals' ? { read: true, write: true } : local.dbRule(name)),
      };
      const { failures } = await smoke(drifted);
      expect(failures).toEqual([
        '✗ collection outbox: exists with indexes pending, inbox, thread, dead, schema, subject — missing indexes pending. Fix: run npm run deploy -- --env dev',
        '✗ collection signals: security rule {"read":true,"write":false} — found {"read":true,"write":true}. Fix: run npm run deploy -- --env dev (it sets every rule the manifest declares)',
      ]);
    });
  });
});
