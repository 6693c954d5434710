import { deployedFunctionOf } from '@shared/areas';
import { repairs } from '@shared/contracts';
import type { Runtime } from '../local/runtime';
import { demoPeople } from '../local/seed';
import { raiseDailyLimits, repairInput, type Call } from './repair-life';

/** The demo residents with a room each: the run spreads its requests over them, as real households are. */
const residents = demoPeople.flatMap((p) => (p.role === 'resident' && p.rooms?.[0] ? [{ openid: p.openid, roomId: `demo:${p.rooms[0]}` }] : []));

/**
 * Concurrent callers and the creates they file in all: 1000 at each count (issue 16 measures the CPU of a
 * create over at least 1000; with 400 and 500 the 10 and 50 callers' figures were taken over fewer), taking
 * the households in turn so none reaches its daily limit.
 */
const RUNS: { callers: number; requests: number }[] = process.env.RUNS ? (JSON.parse(process.env.RUNS) as { callers: number; requests: number }[]) : [
  { callers: 1, requests: 1000 },
  { callers: 10, requests: 1000 },
  { callers: 50, requests: 1000 },
];

/**
 * Creates filed first and not measured: the process's first creates compile the code they run. After 100, the
 * V8 threads still compiled through the next 1000 (1.2 ms of CPU a create on those threads, against 0.4 after).
 */
export const WARM_UP = 500;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/**
 * Local repairs.create in process: per run, requests, req/s, p50 and p99 latency, CPU ms per create,
 * and the database's commits per create (each one SQLite transaction; tests/functions/create-commits.test.ts).
 */
export const throughputRows = async (rt: Runtime, call: Call, cmd: () => string): Promise<(string | number)[][]> => {
  await raiseDailyLimits(rt, call, cmd);
  for (let i = 0; i < WARM_UP; i++) {
    const who = residents[i % residents.length] as (typeof residents)[number];
    await call(rt, who.openid, repairs.create, repairInput(cmd(), who.roomId));
  }
  const rows: (string | number)[][] = [['concurrent callers', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'CPU ms per create', 'commits per create']];
  for (const { callers, requests } of RUNS) {
    const perCaller = requests / callers;
    const latencies: number[] = [];
    const commits = rt.engine.stats.commits;
    const cpu = process.cpuUsage();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: callers }, async (_, c) => {
        for (let i = 0; i < perCaller; i++) {
          const who = residents[(c + i * callers) % residents.length] as (typeof residents)[number];
          const t = performance.now();
          await call(rt, who.openid, repairs.create, repairInput(cmd(), who.roomId));
          latencies.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    latencies.sort((a, b) => a - b);
    rows.push([
      callers,
      latencies.length,
      (latencies.length / seconds).toFixed(0),
      percentile(latencies, 50).toFixed(2),
      percentile(latencies, 99).toFixed(2),
      ((used.user + used.system) / 1000 / latencies.length).toFixed(2),
      ((rt.engine.stats.commits - commits) / latencies.length).toFixed(2),
    ]);
  }
  return rows;
};

/**
 * `npx tsx bench/throughput.ts` runs this part of the bench alone (on the built bundles, a fresh data
 * directory), so it can be alternated with another build or profiled (`node --cpu-prof --import tsx …`).
 */
if (require.main === module) {
  void (async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir, loadavg } = await import('node:os');
    const { join } = await import('node:path');
    const { createRuntime } = await import('../local/runtime');
    const { loadBuiltFunctions } = await import('../local/functions');
    let seq = 0;
    const cmd = () => `tp-${process.pid}-${seq++}`;
    const call: Call = async (rt, openid, action, input) => {
      const result = (await rt.invoke(deployedFunctionOf(action), { action: action.name, input }, { openid })) as { ok: boolean; data?: unknown; code?: string };
      if (!result.ok) throw new Error(`${action.fn}.${action.name}: ${result.code}`);
      return result.data as Record<string, unknown>;
    };
    const dataDir = mkdtempSync(join(tmpdir(), 'throughput-'));
    const rt = await createRuntime({ dataDir, functions: loadBuiltFunctions() });
    try {
      console.log(`${new Date().toISOString()} load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
      for (const row of await throughputRows(rt, call, cmd)) console.log(`  ${row.map((c) => String(c).padEnd(20)).join('')}`);
      console.log(`load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    } finally {
      rt.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  })();
}
