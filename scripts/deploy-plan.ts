/**
 * Pure deploy planning: the manifest and the built functions become an ordered list of steps, and the
 * differences against what an environment already has (indexes, triggers) are computed here too, so
 * everything but the calls to CloudBase can be tested offline.
 */
import type { CreateIndex, ICloudFunctionTrigger } from '@cloudbase/manager-node/types/interfaces';
import type { BuiltFunction, IndexDef, Manifest, SecurityRule } from './deploy-manifest';

export const RUNTIME = 'Nodejs16.13';

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
      triggers: ICloudFunctionTrigger[];
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

/** Collections first (with their indexes and rule), then storage, then functions. */
export const planDeploy = (manifest: Manifest, built: BuiltFunction[]): DeployStep[] => {
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
      triggers: (f.config.triggers ?? []).map(({ name, type, config }) => ({ name, type, config })),
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
