/**
 * npm run deploy -- --env dev|trial|prod [--dry-run]
 * Applies cloudfunctions/manifest.json to a CloudBase environment with @cloudbase/manager-node:
 * collections, their indexes and security rules, the storage rule, then every built function.
 * --dry-run prints the plan from the current dist/cloudfunctions and needs no credentials.
 */
import { join, resolve } from 'node:path';
import { buildFunctions } from './build-functions';
import { deploySettings } from './deploy-args';
import { applyPlan } from './deploy-apply';
import { cloudbaseTarget } from './deploy-cloudbase';
import { formatPlan, formatUploadSteps } from './deploy-format';
import { readBuiltFunctions, readManifest } from './deploy-manifest';
import { planDeploy } from './deploy-plan';
import { byHandSteps } from './deploy-by-hand';

const root = resolve(__dirname, '..');
const dist = join(root, 'dist', 'cloudfunctions');

const main = async (): Promise<void> => {
  const manifest = readManifest(join(root, 'cloudfunctions', 'manifest.json'));
  const settings = deploySettings(process.argv.slice(2), process.env, manifest);

  if (settings.dryRun) {
    const steps = planDeploy(manifest, readBuiltFunctions(dist), settings.envName);
    const idState = process.env[settings.envIdFrom] ? 'set' : 'not set';
    console.log(`Deploy plan for "${settings.envName}" (env id from ${settings.envIdFrom}: ${idState}); dry run, nothing touched.`);
    console.log(formatPlan(steps, root));
    console.log(formatUploadSteps(steps, settings.envName, root));
    for (const line of byHandSteps(manifest, settings.envName)) console.log(line);
    return;
  }

  // Deploy what the sources say now, never a stale bundle.
  await buildFunctions();
  const steps = planDeploy(manifest, readBuiltFunctions(dist), settings.envName);
  const { secretId, secretKey, envId } = settings.credentials;
  console.log(`Deploying to "${settings.envName}" (${envId}): ${steps.length} steps`);
  // Loaded only for a real deploy: the dry run needs no credentials and none of the management SDK.
  const { default: CloudBase } = await import('@cloudbase/manager-node');
  const app = new CloudBase({ secretId, secretKey, envId });
  await applyPlan(steps, cloudbaseTarget(app, envId), (line) => console.log(`  ${line}`));
  console.log(formatUploadSteps(steps, settings.envName, root));
  console.log('Upload the mini-program itself from WeChat DevTools too (project.config.json at the repository root).');
  for (const line of byHandSteps(manifest, settings.envName)) console.log(line);
};

main().catch((e: unknown) => {
  const requestId = e instanceof Error && 'requestId' in e && typeof e.requestId === 'string' ? ` (RequestId ${e.requestId})` : '';
  console.error(`deploy failed: ${e instanceof Error ? e.message : String(e)}${requestId}`);
  process.exit(1);
});
