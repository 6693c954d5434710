import { execFileSync } from 'node:child_process';

/** Issue 16: a bundle's evaluation may add at most this much to the bare `require('wx-server-sdk')` + init. */
export const COLD_REQUIRE_BUDGET_MS = 30;

const median = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

interface Sample {
  /** Wall and CPU milliseconds of `require('wx-server-sdk')` + `cloud.init`. */
  sdk: { wall: number; cpu: number };
  /** Wall and CPU milliseconds of requiring the bundle after that: what its evaluation adds. */
  bundle: { wall: number; cpu: number };
}

/**
 * One fresh Node process: wx-server-sdk required and initialised, then `bundle` required (the bundle
 * finds the SDK already loaded, as in the cloud). CPU time is printed beside wall time because it
 * hardly moves with the load of other processes on a shared machine.
 */
const sample = (bundle: string): Sample => {
  const script = `
const clock = () => { const c = process.cpuUsage(); return { wall: Number(process.hrtime.bigint()) / 1e6, cpu: (c.user + c.system) / 1e3 }; };
const since = (a, b) => ({ wall: b.wall - a.wall, cpu: b.cpu - a.cpu });
const t0 = clock();
const cloud = require('wx-server-sdk');
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
const t1 = clock();
require(${JSON.stringify(bundle)});
const t2 = clock();
process.stdout.write(JSON.stringify({ sdk: since(t0, t1), bundle: since(t1, t2) }));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as Sample;
};

/**
 * Medians over `runs` rounds; each round samples every bundle once, in turn, so the machine's load drifts
 * over all of them alike.
 */
export const coldRequire = (bundles: Record<string, string>, runs = 11) => {
  const samples = new Map(Object.keys(bundles).map((name) => [name, [] as Sample[]]));
  for (let round = 0; round < runs; round++) {
    for (const [name, file] of Object.entries(bundles)) samples.get(name)!.push(sample(file));
  }
  const all = [...samples.values()].flat();
  return {
    sdk: { wall: median(all.map((s) => s.sdk.wall)), cpu: median(all.map((s) => s.sdk.cpu)) },
    bundles: [...samples].map(([name, s]) => ({
      name,
      wall: median(s.map((x) => x.bundle.wall)),
      cpu: median(s.map((x) => x.bundle.cpu)),
    })),
  };
};
