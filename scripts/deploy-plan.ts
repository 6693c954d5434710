/**
 * Pure deploy planning: the manifest and the built functions become an ordered list of steps, and the
 * differences against what an environment already has (indexes, triggers) are computed here too, so
 * everything but the calls to CloudBase can be tested offline.
 */
import type { CreateIndex, ICloudFunctionTrigger } from '@cloudbase/manager-node/types/interfaces';
import { MINIPROGRAM_VERSION_VAR } from '../shared-types/src/domain/mini-program-version.rules';
import type { BuiltFunction, IndexDef, Manifest, SecurityRule } from './deploy-manifest';

/**
 * Issue 13: the functions post to the WeCom robot with the global `fetch`, which Node has from 18;
 * CloudBase offers Node.js 16.13, 18.15, 20.19, 22.21 and 24.11 runtimes
 * (https://docs.cloudbase.net/cloud-function/runtime-support). 20.19 is the major version local
 * development and CI run on, and the bundles target it (scripts/build-functions.ts).
 */
export const RUNTIME = 'Nodejs20.19';
export const BUILD_TARGET = 'node20';

export type DeployStep =
  | { kind: 'collection'; name: string }
  /** Every index the manifest declares; the executor creates only those the collection lacks. */
  | { kind: 'indexes'; collection: string; indexes: CreateIndex[] }
  | { kind: 'dbRule'; collection: string; rule: SecurityRule }
  | { kind: 'storageRule'; rule: SecurityRule }
  | {
      kind: 'function';
      name: string;
      dir: string;
      runtime: typeof RUNTIME;
      timeout: number;
      memorySize: number;
      /** Set by the deploy on the function; variables set by hand in the console (BOOTSTRAP_SECRET) are kept beside them. */
      envVariables: Record<string, string>;
      triggers: ICloudFunctionTrigger[];
      /** config.json's cloud-call permissions: registered only by a WeChat DevTools upload (see deploy-format.ts). */
      openapi: string[];
    };

export const toCreateIndex = (index: IndexDef): CreateIndex => ({
  IndexName: index.name,
  MgoKeySchema: {
    MgoIndexKeys: index.keys.map(([field, direction]) => ({ Name: field, Direction: String(direction) })),
    MgoIsUnique: index.unique ?? false,
  },
});

const sameNames = (declared: string[], built: string[]): void => {
  const notBuilt = declared.filter((name) => !built.includes(name));
  const undeclared = built.filter((name) => !declared.includes(name));
  const problems = [
    ...notBuilt.map((name) => `function "${name}" is in the manifest but not built (run \`npm run build:functions\`)`),
    ...undeclared.map((name) => `built function "${name}" has no entry in cloudfunctions/manifest.json`),
  ];
  if (problems.length > 0) throw new Error(problems.join('\n'));
};

/** Collections first (with their indexes and rule), then storage, then functions, for one declared environment. */
export const planDeploy = (manifest: Manifest, built: BuiltFunction[], envName: string): DeployStep[] => {
  const environment = manifest.environments[envName];
  if (!environment) throw new Error(`unknown environment "${envName}"`);
  sameNames(Object.keys(manifest.functions), built.map((f) => f.name));
  const collections = Object.entries(manifest.collections).flatMap(([name, c]): DeployStep[] => [
    { kind: 'collection', name },
    ...(c.indexes.length > 0 ? [{ kind: 'indexes' as const, collection: name, indexes: c.indexes.map(toCreateIndex) }] : []),
    { kind: 'dbRule', collection: name, rule: c.rule },
  ]);
  const functions = built.map((f): DeployStep => {
    const limits = manifest.functions[f.name];
    if (!limits) throw new Error(`built function "${f.name}" has no entry in cloudfunctions/manifest.json`);
    return {
      kind: 'function',
      name: f.name,
      dir: f.dir,
      runtime: RUNTIME,
      timeout: limits.timeout,
      memorySize: limits.memorySize,
      envVariables: { [MINIPROGRAM_VERSION_VAR]: environment.miniProgram },
      triggers: (f.config.triggers ?? []).map(({ name, type, config }) => ({ name, type, config })),
      openapi: f.config.permissions.openapi,
    };
  });
  return [...collections, { kind: 'storageRule', rule: manifest.storage.rule }, ...functions];
};

/** Indexes are never replaced here: one with a declared name that already exists is left alone. */
export const indexesToCreate = (wanted: CreateIndex[], existingNames: readonly string[]): CreateIndex[] =>
  wanted.filter((index) => !existingNames.includes(index.IndexName));

export interface ExistingTrigger {
  name: string;
  /** SCF's TriggerDesc as read back: believed to be `{"cron":"<pattern>"}` for a timer (unverified). */
  desc: string;
}

const cronOf = (desc: string): string => {
  try {
    const parsed: unknown = JSON.parse(desc);
    if (typeof parsed === 'object' && parsed !== null && 'cron' in parsed && typeof parsed.cron === 'string') {
      return parsed.cron;
    }
  } catch {
    // Not JSON: compare the bare pattern, which is what createFunctionTriggers sends.
  }
  return desc;
};

/** Stale or changed triggers are removed, then missing or changed ones created. */
export const triggerChanges = (
  wanted: ICloudFunctionTrigger[],
  existing: readonly ExistingTrigger[],
): { remove: string[]; create: ICloudFunctionTrigger[] } => {
  const unchanged = (t: ExistingTrigger): boolean => wanted.some((w) => w.name === t.name && w.config === cronOf(t.desc));
  const kept = existing.filter(unchanged).map((t) => t.name);
  return {
    remove: existing.filter((t) => !unchanged(t)).map((t) => t.name),
    create: wanted.filter((w) => !kept.includes(w.name)),
  };
};
