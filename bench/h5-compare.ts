/**
 * Issue 16: H5 builds compared on the desk's inbox, alternating in the same minutes (the machine is shared,
 * so one build measured now and another later compares the load, not the builds).
 * `npx tsx bench/h5-compare.ts <label>=<h5 dir> … [--rounds=2] [--runs=5]`: per round and build, the median first
 * card, the main thread's busy and script time (CDP Performance.getMetrics, less moved by the load) and the JS bytes.
 */
import { loadavg } from 'node:os';
import { h5Inbox } from './h5-inbox';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const builds = process.argv.slice(2).filter((a) => !a.startsWith('--')).map((a) => a.split('=') as [string, string]);

const main = async () => {
  const rounds = arg('rounds', 2);
  const runs = arg('runs', 5);
  for (let round = 1; round <= rounds; round++) {
    for (const [label, dir] of builds) {
      const load = loadavg()[0]!.toFixed(1);
      const r = await h5Inbox(runs, dir);
      console.log(
        `round ${round} ${label.padEnd(12)} card ${String(Math.round(r.ms)).padStart(5)} ms  busy ${Math.round(r.taskMs)} ms  script ${Math.round(r.scriptMs)} layout ${Math.round(r.layoutMs)} style ${Math.round(r.styleMs)} ms  JS ${r.jsBytes} B (before card ${r.firstCardJsBytes})  scripts ${r.scripts} waves ${r.waves}  loads ${r.samplesMs.join(' ')}  load avg ${load}→${loadavg()[0]!.toFixed(1)}`,
      );
    }
  }
};
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
