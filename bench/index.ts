/**
 * npm run bench: package sizes, function bundle size and cold require time, the desk's H5 inbox
 * under a 4× CPU slowdown, database round trips
 * per action (counted at the SDK seam, so the figure carries over to the cloud), local create-repair
 * throughput, latency and CPU through the SQLite store, the reminder sweep at 1k/10k/100k stored
 * documents, and acknowledged creates present after kill -9 rounds. Prints figures; asserts nothing.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { repairs, session, type Action } from '@shared/contracts';
import { createRuntime, type Runtime } from '../local/runtime';
import { loadBuiltFunctions } from '../local/functions';
import type { Engine } from '../local/db';
import { LIMIT, weappPackages } from './sizes';
import { COLD_REQUIRE_BUDGET_MS, coldRequire } from './cold-require';
import { BASELINE_BYTES, FUNCTION_BUNDLE_BUDGET, FUNCTION_BUNDLE_EXCEPTED, H5_BASELINE, WEAPP_MAIN_BUDGET } from './budgets';
import { visitTrips } from './visits';
import { membershipTrips } from './memberships';
import { complaintTrips } from './complaints';
import { DESK, onSiteSteps, repairInput as inputWith, TECH, WANG } from './repair-life';
import { throughputRows } from './throughput';
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
const repairInput = (roomId?: string) => inputWith(cmd(), roomId);

const call = async (rt: Runtime, openid: string, action: Action, input: unknown) => {
  const result = (await rt.invoke(action.fn, { action: action.name, input }, { openid })) as { ok: boolean; data?: unknown; code?: string };
  if (!result.ok) throw new Error(`${action.fn}.${action.name}: ${result.code}`);
  return result.data as Record<string, unknown>;
};

/** What one action cost: database requests by kind, and the storage calls (getTempFileURL, …) made beside them. */
const costOf = (engine: Engine, rt: Runtime, storageBefore: Record<string, number>) => {
  const storage = Object.entries(rt.files.calls)
    .map(([call, n]) => [call, n - (storageBefore[call] ?? 0)] as const)
    .filter(([, n]) => n > 0)
    .map(([call, n]) => `storage.${call}×${n}`);
  return [...Object.entries(engine.stats.byAction).map(([a, n]) => `${a.replace('database.', '')}×${n}`), ...storage].join(' ');
};

const roundTrips = async (rt: Runtime, engine: Engine) => {
  const created = (await call(rt, WANG, repairs.create, repairInput())) as { id: string; version: number };
  const measure = async (label: string, run: () => Promise<unknown>) => {
    engine.stats.reset();
    const storage = { ...rt.files.calls };
    await run();
    return [label, engine.stats.total, costOf(engine, rt, storage)];
  };
  const rows = [
    await measure('session.context', () => call(rt, WANG, session.context, { propertyId: 'demo' })),
    await measure('repairs.create', () => call(rt, WANG, repairs.create, repairInput())),
    await measure('repairs.create (retry)', async () => {
      const input = repairInput();
      await call(rt, WANG, repairs.create, input);
      engine.stats.reset();
      await call(rt, WANG, repairs.create, input);
    }),
    await measure('repairs.listMine', () => call(rt, WANG, repairs.listMine, { propertyId: 'demo' })),
    await measure('repairs.inbox', () => call(rt, DESK, repairs.inbox, { propertyId: 'demo' })),
    await measure('repairs.get', () => call(rt, WANG, repairs.get, { propertyId: 'demo', repairId: created.id })),
    await measure('repairs.technicians', () => call(rt, DESK, repairs.technicians, { propertyId: 'demo', repairId: created.id })),
    await measure('repairs.dispatch', () =>
      call(rt, DESK, repairs.dispatch, { propertyId: 'demo', commandId: cmd(), repairId: created.id, version: created.version, technicianId: 'mb_otechli' }),
    ),
    await measure('repairs.assigned', () => call(rt, TECH, repairs.assigned, { propertyId: 'demo' })),
    ...(await onSiteTrips(rt, engine, created.id)),
    ...(await complaintTrips(rt, engine, call, cmd)),
    ...(await visitTrips(rt, engine, call, cmd)),
    ...(await membershipTrips(rt, engine, call, cmd)),
  ];
  console.log('\nDatabase round trips per action (at the SDK seam)');
  table([['action', 'round trips', 'by kind'], ...rows]);
};

/** Each on-site step of one order, as the technician's queue sends them. */
const onSiteTrips = async (rt: Runtime, engine: Engine, repairId: string) => {
  const rows: (string | number)[][] = [];
  let version = ((await call(rt, TECH, repairs.get, { propertyId: 'demo', repairId })) as { version: number }).version;
  for (const [label, who, action, extra] of onSiteSteps(rt)) {
    engine.stats.reset();
    const storage = { ...rt.files.calls };
    version = ((await call(rt, who, action, { propertyId: 'demo', commandId: cmd(), repairId, version, ...extra })) as { version: number }).version;
    rows.push([label, engine.stats.total, costOf(engine, rt, storage)]);
  }
  return rows;
};

const throughput = async (rt: Runtime) => {
  console.log('\nLocal repairs.create through the SQLite store (in-process; callers take the demo households in turn, each filing back to back)');
  table(await throughputRows(rt, call, cmd));
};

const main = async () => {
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

  const functions = loadBuiltFunctions();
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-'));
  const rt = await createRuntime({ dataDir, functions });
  try {
    await roundTrips(rt, rt.engine);
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
