/** Reads `--env <name> [--dry-run]` and, for a real deploy, the credentials and env id from the environment. */
import { parseArgs } from 'node:util';
import type { Manifest } from './deploy-manifest';

export interface Credentials {
  secretId: string;
  secretKey: string;
  envId: string;
}

export type DeploySettings =
  | { envName: string; envIdFrom: string; dryRun: true }
  | { envName: string; envIdFrom: string; dryRun: false; credentials: Credentials };

export const USAGE = 'usage: npm run deploy -- --env <dev|trial|prod> [--dry-run]';

/** The management credentials (TENCENTCLOUD_SECRETID/KEY) and the env id for a declared environment, or an error naming each missing variable. */
export const credentialsFor = (envName: string, envIdFrom: string, vars: Readonly<Record<string, string | undefined>>, otherwise: string): Credentials => {
  const secretId = vars.TENCENTCLOUD_SECRETID;
  const secretKey = vars.TENCENTCLOUD_SECRETKEY;
  const envId = vars[envIdFrom];
  if (!secretId || !secretKey || !envId) {
    const missing = [
      ...(secretId ? [] : ['TENCENTCLOUD_SECRETID']),
      ...(secretKey ? [] : ['TENCENTCLOUD_SECRETKEY']),
      ...(envId ? [] : [`${envIdFrom} (the CloudBase env id for "${envName}")`]),
    ];
    throw new Error(`cannot reach "${envName}": set ${missing.join(', ')}; ${otherwise}`);
  }
  return { secretId, secretKey, envId };
};

export const deploySettings = (
  argv: string[],
  vars: Readonly<Record<string, string | undefined>>,
  manifest: Manifest,
): DeploySettings => {
  const { values } = parseArgs({
    args: argv,
    options: { env: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: false,
  });
  const envName = values.env;
  const target = envName === undefined ? undefined : manifest.environments[envName];
  if (envName === undefined || target === undefined) {
    const known = Object.keys(manifest.environments).join(', ');
    throw new Error(`${envName === undefined ? 'missing --env' : `unknown environment "${envName}"`} (declared: ${known})\n${USAGE}`);
  }
  const { envIdFrom } = target;
  if (values['dry-run'] === true) return { envName, envIdFrom, dryRun: true };

  return { envName, envIdFrom, dryRun: false, credentials: credentialsFor(envName, envIdFrom, vars, 'or add --dry-run to only print the plan') };
};
