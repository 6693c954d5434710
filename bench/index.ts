/**
 * npm run bench: package sizes, function bundle size and cold require time, the desk's H5 inbox
 * under a 4× CPU slowdown, the outbound calls of every action (round trips and sequential waits,
 * counted at the runtime's seams, so the figures carry over to the cloud; issue 16's budgets beside
 * them), session.context with 1 and 5 memberships, local create-repair
 * throughput, latency and CPU through the SQLite store, the reminder sweep at 1k/10k/100k stored
 * documents, and acknowledged creates present after kill -9 rounds. Prints figures; asserts nothing.
 */
import { deployedFunctionOf } from '@shared/areas';
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
import { COLD_REQUIRE_BUDGET_MS, coldRequire } from './cold-require';
import { BASELINE_BYTES, FUNCTION_BUNDLE_BUDGET, FUNCTION_BUNDLE_EXCEPTED, H5_BASELINE, WEAPP_MAIN_BUDGET } from './budgets';
import { membershipTrips } from './memberships';
import { throughputRows, WARM_UP } from './throughput';
import { sweepFigures } from './sweep';
import { crashRounds } from './crash';
import { CPU_SLOWDOWN, H5_INBOX_BUDGET_MS, h5Inbox } from './h5-inbox';

const root = resolve(__dirname, '..');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
/** Within or over a byte budget, with the budget. */
const verdict = (bytes: number, budget: number) => `${bytes <= budget ? 'within' : 'OVER'} ${kb(budget)}`;
const table = (rows: (string | number)[][]) => rows.forEach((r) => console.log(`  ${r.map((c) => String(c).padEnd(22)).join('')}`));

let seq = 0;
const cmd = () => `bench-${process.pid}-${seq++}`;

const call = async (rt: Runtime, openid: string, action: Action, input: unknown) => {
  const result = (await rt.invoke(deployedFunctionOf(action), { action: action.name, input }, { openid })) as { ok: boolean; data?: unknown; code?: string };
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
  (markdown ? markdownTable : table)([
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
  console.log(`\nLocal repairs.create through the SQLite store (in-process, after ${WARM_UP} unmeasured creates; callers take the demo households in turn, each filing back to back)`);
  table(await throughputRows(rt, call, cmd));
};

/** `npm run bench -- calls [--markdown]`: only the calls per action (the README's table is this, as markdown). */
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const markdown = process.argv.includes('--markdown');
const markdownTable = (rows: (string | number)[][]) => {
  const [head, ...body] = rows.map((r) => r.map((c) => String(c).trim()));
  console.log(`| ${head!.join(' | ')} |\n|${head!.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
  for (const r of body) console.log(`| ${r.join(' | ')} |`);
};

const main = async () => {
  if (only.includes('calls')) return callBudgets();
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${new Date().toISOString()}`);

  console.log('\nWeapp packages (limit 2 MB each; issue 16: main ≤ 450 KB)');
  table([
    ['package', 'bytes', 'size', 'of limit', 'budget', 'baseline'],
    ...weappPackages(join(root, 'client', 'dist', 'weapp')).map((p) => [
      p.name,
      p.bytes,
      kb(p.bytes),
      `${((p.bytes / LIMIT) * 100).toFixed(1)} %`,
      p.name === 'main' ? verdict(p.bytes, WEAPP_MAIN_BUDGET) : '',
      p.name === 'main' ? kb(BASELINE_BYTES['weapp main']!) : '',
    ]),
  ]);

  const built = join(root, 'dist', 'cloudfunctions');
  const names = readdirSync(built);
  console.log('\nCloud functions: bundle bytes (issue 16: ≤ 120 KB each, imports excepted)');
  table([
    ['function', 'index.js', 'budget', 'baseline'],
    ...names.map((name) => {
      const bytes = statSync(join(built, name, 'index.js')).size;
      return [name, kb(bytes), FUNCTION_BUNDLE_EXCEPTED.includes(name) ? 'excepted' : verdict(bytes, FUNCTION_BUNDLE_BUDGET), kb(BASELINE_BYTES[name] ?? NaN)];
    }),
  ]);
  const cold = coldRequire(Object.fromEntries(names.map((name) => [name, join(built, name, 'index.js')])));
  console.log(`\nCloud functions: what requiring the bundle adds to require('wx-server-sdk') + init (median of 11 interleaved fresh processes; budget ≤ ${COLD_REQUIRE_BUDGET_MS} ms)`);
  console.log(`  bare require('wx-server-sdk') + init: ${cold.sdk.wall.toFixed(1)} ms wall, ${cold.sdk.cpu.toFixed(1)} ms CPU (the baseline)`);
  table([
    ['function', 'adds ms wall', 'adds ms CPU', 'budget'],
    ...cold.bundles.map((b) => [b.name, b.wall.toFixed(1), b.cpu.toFixed(1), FUNCTION_BUNDLE_EXCEPTED.includes(b.name) ? 'excepted' : b.wall <= COLD_REQUIRE_BUDGET_MS ? 'within' : 'OVER']),
  ]);

  const h5 = await h5Inbox();
  console.log(`\nH5: the desk's inbox, cache off, CPU slowed ${CPU_SLOWDOWN}× (median of ${h5.runs} loads)`);
  table([
    ['figure', 'now', 'budget', 'baseline'],
    ['first repair card', `${h5.ms.toFixed(0)} ms`, `${h5.ms <= H5_INBOX_BUDGET_MS ? 'within' : 'OVER'} ${H5_INBOX_BUDGET_MS} ms`, `${H5_BASELINE.ms} ms`],
    ['JavaScript loaded', kb(h5.jsBytes), '', kb(H5_BASELINE.jsBytes)],
  ]);

  await callBudgets();
  const functions = loadBuiltFunctions();
  const seeded = await createRuntime({ dataDir: null, functions, seed: true });
  try {
    console.log('\nIssue 14: session.context, session.me and session.waiting by a person\'s memberships (database round trips, sequential waits)');
    table([['call', 'round trips', 'by kind'], ...(await membershipTrips(seeded, seeded.engine, call, cmd))]);
  } finally {
    seeded.close();
  }
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
