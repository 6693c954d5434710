/**
 * npm run smoke -- --env dev|trial|prod [--property <id>] [--openid <test openid> [--kind <notice kind>]]
 * npm run smoke -- --local      the same checks against the local system (built functions, fresh data)
 * npm run smoke -- --dry-run    lists the checks; needs no credentials
 * Checks a deployed environment after `npm run deploy`: one line per check, with what to do when it fails.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { NoticeKind } from '../shared-types/src/model/outbox.model';
import { credentialsFor } from './deploy-args';
import { readFunctionConfigs, readManifest } from './deploy-manifest';
import { runSmoke, smokeChecks, smokeContext, type SmokeOptions, type SmokeTarget } from './smoke-checks';

const root = resolve(__dirname, '..');
const USAGE = 'usage: npm run smoke -- --env <dev|trial|prod> [--property <id>] [--openid <test openid> [--kind <notice kind>]] | --local | --dry-run';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    env: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    local: { type: 'boolean', default: false },
    property: { type: 'string' },
    openid: { type: 'string' },
    kind: { type: 'string' },
  },
  strict: true,
  allowPositionals: false,
});

/** The local system as `npm start` runs it: the built functions, the demo property, every timer function having run once. */
const localTarget = async (): Promise<{ target: SmokeTarget; close: () => void }> => {
  const { createRuntime } = await import('../local/runtime');
  const { loadBuiltFunctions } = await import('../local/functions');
  const { localSmokeTarget } = await import('../local/smoke-target');
  const runtime = await createRuntime({ dataDir: null, functions: loadBuiltFunctions() });
  const { tickTimers } = await import('../local/timers');
  await tickTimers(runtime, new Date());
  return { target: localSmokeTarget(runtime), close: runtime.close };
};

const cloudTarget = async (envName: string, envIdFrom: string): Promise<{ target: SmokeTarget; close: () => void }> => {
  const { secretId, secretKey, envId } = credentialsFor(envName, envIdFrom, process.env, 'or add --dry-run to list the checks');
  const { default: CloudBase } = await import('@cloudbase/manager-node');
  const { cloudbaseSmokeTarget } = await import('./smoke-cloudbase');
  return { target: cloudbaseSmokeTarget(new CloudBase({ secretId, secretKey, envId }), envId), close: () => undefined };
};

const main = async (): Promise<number> => {
  const manifest = readManifest(join(root, 'cloudfunctions', 'manifest.json'));
  const configs = readFunctionConfigs(join(root, 'cloudfunctions'), Object.keys(manifest.functions));
  const local = values.local === true;
  const envName = local ? 'local' : values.env ?? (values['dry-run'] ? 'dev' : undefined);
  const environment = local ? { envIdFrom: '', miniProgram: 'develop' as const } : envName ? manifest.environments[envName] : undefined;
  if (!envName || !environment) throw new Error(`${envName ? `unknown environment "${envName}"` : 'missing --env'} (declared: ${Object.keys(manifest.environments).join(', ')})\n${USAGE}`);
  const kind = values.kind === undefined ? undefined : NoticeKind.parse(values.kind);
  if (values.openid && !values.property) throw new Error(`--openid needs --property: whose template to send\n${USAGE}`);
  const options: SmokeOptions = {
    envName,
    version: environment.miniProgram,
    ...(values.property || local ? { propertyId: values.property ?? 'demo' } : {}),
    ...(values.openid ? { openid: values.openid } : {}),
    ...(kind ? { kind } : {}),
  };
  const checks = smokeChecks(manifest, configs, options);

  if (values['dry-run']) {
    console.log(`Smoke checks for "${envName}" (dry run, nothing contacted; ${checks.length} checks):`);
    for (const check of checks) console.log(`  · ${check.title}`);
    if (!values.openid) console.log('  (add --property <id> --openid <your openid> to also send a subscribe message to yourself)');
    return 0;
  }

  const { target, close } = local ? await localTarget() : await cloudTarget(envName, environment.envIdFrom);
  console.log(`Smoke checks against ${target.name}:`);
  try {
    const failed = await runSmoke(checks, smokeContext(target, configs, options), (line) => console.log(line));
    console.log(failed ? `${failed} of ${checks.length} checks failed.` : `All ${checks.length} checks passed.`);
    return failed ? 1 : 0;
  } finally {
    close();
  }
};

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`smoke failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  },
);
