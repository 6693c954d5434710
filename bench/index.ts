/**
 * npm run bench: package sizes, function bundle size and cold require time, the outbound calls of
 * every action (round trips and sequential waits, counted at the runtime's seams, so the figures
 * carry over to the cloud; issue 16's budgets beside them), local create-repair
 * throughput, latency and CPU through the SQLite store, the reminder sweep at 1k/10k/100k stored
 * documents, and acknowledged creates present after kill -9 rounds. Prints figures; asserts nothing.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import type { Action } from '@shared/contracts';
import { createRuntime, type Runtime } from '../local/runtime';
import { loadBuiltFunctions } from '../local/functions';
import type { CallCount } from '../local/call-meter';
import { bootstrapFirstManager, recordCalls, walkEveryAction, type Recorded } from '../tests/functions/call-journeys';
import { MORNING, TEST_BOOTSTRAP_SECRET, testClock } from '../tests/functions/harness';
import { allActions } from '../tests/functions/valid-inputs';
import { LIMIT, weappPackages } from './sizes';
import { coldRequireMs } from './cold-require';
import { throughputRows } from './throughput';
import { sweepFigures } from './sweep';
import { crashRounds } from './crash';

const root = resolve(__dirname, '..');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const table = (rows: (string | number)[][]) => rows.forEach((r) => console.log(`  ${r.map((c) => String(c).padEnd(22)).join('')}`));

let seq = 0;
const cmd = () => `bench-${process.pid}-${seq++}`;

const call = async (rt: Runtime, openid: string, action: Action, input: unknown) => {
  const result = (await rt.invoke(action.fn, { action: action.name, input }, { openid })) as { ok: boolean; data?: unknown; code?: string };
  if (!result.ok) throw new Error(`${action.fn}.${action.name}: ${result.code}`);
  return result.data as Record<string, unknown>;
};

/**
 * Issue 16: every action's outbound calls on the call journeys (tests/functions/call-journeys.ts), as
 * the budget test counts them, through the built bundles: round trips, sequential waits until the
 * write committed and for the whole call, against the budgets (the most of any call of the action).
 */
/** The longest action name and then some: the table's columns are 22 wide. */
const WIDE = 30;
type JourneyRuntime = Runtime & { clock: ReturnType<typeof testClock> };

const callBudgets = async () => {
  const journey = async (seed: boolean, walk: (rt: JourneyRuntime, recorded: Recorded) => Promise<unknown>) => {
    const clock = testClock(MORNING);
    const rt = Object.assign(await createRuntime({ dataDir: null, functions: loadBuiltFunctions(), now: clock.now, seed, bootstrapSecret: TEST_BOOTSTRAP_SECRET }), { clock });
    const recorded = recordCalls(rt);
    try {
      await walk(rt, recorded);
      return recorded;
    } finally {
      rt.close();
    }
  };
  const replies: string[] = [];
  const first = await journey(false, bootstrapFirstManager);
  const walked = await journey(true, async (rt, recorded) => {
    const groups = await walkEveryAction(rt);
    for (const id of groups.groupIds) {
      const households = await groups.reply(id);
      replies.push(`${households} households ${recorded.get('complaints.reply')?.at(-1)?.calls.total} round trips`);
    }
  });
  const all = new Map([...first, ...walked]);
  const most = (key: string, pick: (c: CallCount) => number | null) => Math.max(...(all.get(key) ?? []).map((c) => pick(c.calls) ?? 0));
  console.log('\nCalls per action (database, storage, WeChat open API, robot; the most of any call on the journeys)');
  table([
    ['action'.padEnd(WIDE), 'round trips', 'waits to commit', 'waits in all', 'budget'],
    ...allActions.map((a) => {
      const key = `${a.fn}.${a.name}`;
      const label = key.padEnd(WIDE);
      if (!all.has(key)) return [label, 'no scenario', '', '', ''];
      return a.write
        ? [label, most(key, (c) => c.total), most(key, (c) => c.untilCommitted ?? c.sequential), most(key, (c) => c.sequential), '≤10, ≤5, ≤7']
        : [label, most(key, (c) => c.total), '', most(key, (c) => c.sequential), 'waits ≤2'];
    }),
  ]);
  console.log(`  a group complaint's reply (budget: +2 round trips per household): ${replies.join('; ')}`);
};

const throughput = async (rt: Runtime) => {
  console.log('\nLocal repairs.create through the SQLite store (in-process; callers take the demo households in turn, each filing back to back)');
  table(await throughputRows(rt, call, cmd));
};

const main = async () => {
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${new Date().toISOString()}`);

  console.log('\nWeapp packages (limit 2 MB each)');
  table([['package', 'bytes', 'size', 'of limit'], ...weappPackages(join(root, 'client', 'dist', 'weapp')).map((p) => [p.name, p.bytes, kb(p.bytes), `${((p.bytes / LIMIT) * 100).toFixed(1)} %`])]);

  const built = join(root, 'dist', 'cloudfunctions');
  console.log('\nCloud functions: bundle and cold require (median of 5 fresh processes)');
  const sdk = coldRequireMs(require.resolve('wx-server-sdk'));
  table([
    ['function', 'index.js', 'cold require ms', 'vs bare sdk ms'],
    ...readdirSync(built).map((name) => {
      const file = join(built, name, 'index.js');
      return [name, kb(statSync(file).size), coldRequireMs(file).toFixed(1), sdk.toFixed(1)];
    }),
  ]);

  await callBudgets();
  const functions = loadBuiltFunctions();
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-'));
  const rt = await createRuntime({ dataDir, functions });
  try {
    await throughput(rt);
  } finally {
    rt.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  console.log('\nThe reminders function\'s every-minute run by stored documents (three fresh dispatched repairs due each run; median of 5)');
  const sweep = await sweepFigures(functions, call, cmd);
  table(sweep.rows);
  console.log(`  at 100k: ${sweep.ratio.toFixed(2)}× the time at 1k`);

  console.log('\nkill -9 of the running system (local/main.ts) during concurrent creates over HTTP, two restarts after each round');
  const crash = await crashRounds();
  console.log(`  acknowledged creates present: ${crash.present} of ${crash.acknowledged} (${crash.rounds} rounds × ${crash.creates} creates); incomplete ${crash.incomplete}, half-written ${crash.orphans}`);
};

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
