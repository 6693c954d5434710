import { SecurityRule } from '../scripts/deploy-manifest';
import type { SmokeTarget } from '../scripts/smoke-checks';
import { timerTriggers } from './functions';
import type { Runtime } from './runtime';

const ruleOf = (raw: unknown): SecurityRule | null => {
  const parsed = SecurityRule.safeParse(raw);
  return parsed.success ? parsed.data : null;
};

/**
 * The smoke command's port on the local system: functions invoked with no OPENID, as the
 * management API invokes them; the collections, indexes and rules the engine runs with; the timers
 * the local scheduler installs from each config.json.
 */
export const localSmokeTarget = (runtime: Runtime): SmokeTarget => {
  const { manifest } = runtime.engine;
  return {
    name: 'the local system',
    invoke: (fn, event) => runtime.invoke(fn, event, { openid: '' }),
    collectionExists: async (name) => name in manifest.collections,
    indexNames: async (name) => (manifest.collections[name]?.indexes ?? []).map((i) => i.name),
    dbRule: async (name) => ruleOf(manifest.collections[name]?.rule),
    storageRule: async () => ruleOf((manifest as { storage?: { rule?: unknown } }).storage?.rule),
    triggers: async (fn) => timerTriggers().filter((t) => t.functionName === fn).map((t) => ({ name: t.name, desc: t.cron })),
  };
};
