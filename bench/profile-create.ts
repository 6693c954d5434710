/**
 * Issue 16: where a local `repairs.create`'s CPU goes. `npx tsx bench/profile-create.ts [callers] [creates]`
 * files 500 unmeasured creates (they compile the code), then `creates` at `callers` concurrent callers
 * through the built bundles on a fresh SQLite store, with V8's CPU profiler on for the measured part
 * only (written to `PROFILE=<file>` when set; run it as `node --enable-source-maps --import tsx …` for
 * positions in the TypeScript sources). Prints the CPU per create split into user and system time
 * (`process.cpuUsage`, every thread) and by thread (Linux's /proc: the main thread, V8's and libuv's
 * pools, the checkpoint thread), the main thread's busy share (event-loop utilisation, which counts time
 * the thread was runnable but not running on a loaded machine), the WAL syncs (creates answered per
 * fdatasync) and the write calls and bytes per create.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { findSourceMap } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { deployedFunctionOf } from '@shared/areas';
import { repairs } from '@shared/contracts';
import { createRuntime } from '../local/runtime';
import { loadBuiltFunctions } from '../local/functions';
import { demoPeople } from '../local/seed';
import { raiseDailyLimits, repairInput, type Call } from './repair-life';

const residents = demoPeople.flatMap((p) => (p.role === 'resident' && p.rooms?.[0] ? [{ openid: p.openid, roomId: `demo:${p.rooms[0]}` }] : []));
const callers = Number(process.argv[2] ?? 1);
const creates = Number(process.argv[3] ?? 1000);
let seq = 0;
const cmd = () => `pc-${process.pid}-${seq++}`;
/** CPU ticks (user + system, 1/100 s) of each of this process's threads by name (Linux's /proc): the main thread, libuv's pool, V8's workers, the checkpoint thread. */
const threadTicks = (): Map<string, number> => {
  const byName = new Map<string, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const name = `${stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))}:${tid === String(process.pid) ? 'main' : tid}`;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      byName.set(name, (byName.get(name) ?? 0) + Number(fields[11]) + Number(fields[12]));
    } catch {
      // a thread that ended meanwhile
    }
  }
  return byName;
};
/** This process's write calls and bytes so far (Linux's /proc/self/io). */
const writes = (): { calls: number; bytes: number } => {
  const io = Object.fromEntries(readFileSync('/proc/self/io', 'utf8').trim().split('\n').map((l) => l.split(': ') as [string, string]));
  return { calls: Number(io.syscw), bytes: Number(io.wchar) };
};
const call: Call = async (rt, openid, action, input) => {
  const result = (await rt.invoke(deployedFunctionOf(action), { action: action.name, input }, { openid })) as { ok: boolean; data?: unknown; code?: string };
  if (!result.ok) throw new Error(`${action.fn}.${action.name}: ${result.code}`);
  return result.data as Record<string, unknown>;
};

void (async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'profile-create-'));
  const rt = await createRuntime({ dataDir, functions: loadBuiltFunctions() });
  const session = new Session();
  // Counts the WAL syncs (SqliteFile.flush's fdatasync): how many answers one sync serves.
  const probe = await open(join(dataDir, 'probe'), 'w');
  const handleProto = Object.getPrototypeOf(probe) as { datasync: () => Promise<void> };
  await probe.close();
  const datasync = handleProto.datasync;
  let syncs = 0;
  handleProto.datasync = function (this: unknown) {
    syncs += 1;
    return datasync.call(this);
  };
  try {
    await raiseDailyLimits(rt, call, cmd);
    const file = (i: number) => residents[i % residents.length] as (typeof residents)[number];
    for (let i = 0; i < 500; i++) await call(rt, file(i).openid, repairs.create, repairInput(cmd(), file(i).roomId));
    if (process.env.PROFILE) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 100 });
      await session.post('Profiler.start');
    }
    const load = loadavg()[0];
    const commits = rt.engine.stats.commits;
    const elu = performance.eventLoopUtilization();
    const syncsBefore = syncs;
    const ticks = threadTicks();
    const wrote = writes();
    const cpu = process.cpuUsage();
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: callers }, async (_, c) => {
        for (let i = 0; i < creates / callers; i++) {
          const who = file(c + i * callers);
          const t = performance.now();
          await call(rt, who.openid, repairs.create, repairInput(cmd(), who.roomId));
          latencies.push(performance.now() - t);
        }
      }),
    );
    const wall = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const busy = performance.eventLoopUtilization(elu);
    const threads = [...threadTicks()].map(([name, t]) => [name, ((t - (ticks.get(name) ?? 0)) * 10) / creates] as const).filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1]);
    if (process.env.PROFILE) {
      const { profile } = await session.post('Profiler.stop');
      // Under `node --enable-source-maps --import tsx`, positions in the TypeScript sources (tsx compiles each file to one line).
      for (const node of profile.nodes) {
        const entry = node.callFrame.url.endsWith('.ts') ? (findSourceMap(node.callFrame.url)?.findEntry(node.callFrame.lineNumber, node.callFrame.columnNumber) as { originalLine?: number; originalColumn?: number } | undefined) : undefined;
        if (entry?.originalLine !== undefined) Object.assign(node.callFrame, { lineNumber: entry.originalLine + 1, columnNumber: entry.originalColumn });
      }
      writeFileSync(process.env.PROFILE, JSON.stringify(profile));
    }
    latencies.sort((a, b) => a - b);
    const p = (q: number) => (latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN).toFixed(1);
    const per = (micros: number) => (micros / 1000 / creates).toFixed(2);
    console.log(
      `callers ${callers} creates ${creates} load ${load?.toFixed(1)}→${loadavg()[0]?.toFixed(1)}: CPU/create ${per(used.user + used.system)} ms (user ${per(used.user)}, system ${per(used.system)}),` +
        ` main thread busy ${((busy.active / creates)).toFixed(2)} ms/create (${(busy.utilization * 100).toFixed(0)} %), ${(creates / (wall / 1000)).toFixed(0)} req/s, p50 ${p(0.5)} ms, p99 ${p(0.99)} ms, commits/create ${((rt.engine.stats.commits - commits) / creates).toFixed(2)}`,
    );
    const written = writes();
    console.log(`  WAL syncs ${syncs - syncsBefore} (${(creates / Math.max(1, syncs - syncsBefore)).toFixed(1)} creates per sync)`);
    console.log(`  write calls per create ${((written.calls - wrote.calls) / creates).toFixed(1)}, KB written per create ${((written.bytes - wrote.bytes) / 1024 / creates).toFixed(1)}`);
    console.log(`  by thread, ms per create: ${threads.map(([name, ms]) => `${name} ${ms.toFixed(2)}`).join(', ')}`);
  } finally {
    session.disconnect();
    rt.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
})();
