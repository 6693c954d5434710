/**
 * npm run bench: package sizes, function bundle size and cold require time, database round trips
 * per action (counted at the SDK seam, so the figure carries over to the cloud), and local
 * create-repair throughput and latency. Prints figures; asserts nothing.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { repairs, session, type Action } from '@shared/contracts';
import { createRuntime, type Runtime } from '../local/runtime';
import { loadBuiltFunctions } from '../local/functions';
import type { Engine } from '../local/db';
import { LIMIT, weappPackages } from './sizes';
import { coldRequireMs } from './cold-require';
import { visitTrips } from './visits';
import { complaintTrips } from './complaints';

const root = resolve(__dirname, '..');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const table = (rows: (string | number)[][]) => rows.forEach((r) => console.log(`  ${r.map((c) => String(c).padEnd(22)).join('')}`));

const WANG = 'o-res-wang';
const DESK = 'o-desk-chen';
const TECH = 'o-tech-li';
let seq = 0;
const cmd = () => `bench-${process.pid}-${seq++}`;
const repairInput = () => ({ propertyId: 'demo', commandId: cmd(), roomId: 'demo:1-1-101', category: 'water', description: '厨房水龙头一直滴水', preferredTime: null, photos: [] });

const call = async (rt: Runtime, openid: string, action: Action, input: unknown) => {
  const result = (await rt.invoke(action.fn, { action: action.name, input }, { openid })) as { ok: boolean; data?: unknown; code?: string };
  if (!result.ok) throw new Error(`${action.fn}.${action.name}: ${result.code}`);
  return result.data as Record<string, unknown>;
};

const roundTrips = async (rt: Runtime, engine: Engine) => {
  const created = (await call(rt, WANG, repairs.create, repairInput())) as { id: string; version: number };
  const measure = async (label: string, run: () => Promise<unknown>) => {
    engine.stats.reset();
    await run();
    return [label, engine.stats.total, Object.entries(engine.stats.byAction).map(([a, n]) => `${a.replace('database.', '')}×${n}`).join(' ')];
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
    ...(await onSiteSteps(rt, engine, created.id)),
    ...(await complaintTrips(rt, engine, call, cmd)),
    ...(await visitTrips(rt, engine, call, cmd)),
  ];
  console.log('\nDatabase round trips per action (at the SDK seam)');
  table([['action', 'round trips', 'by kind'], ...rows]);
};

/** Each on-site step of one order, as the technician's queue sends them. */
const onSiteSteps = async (rt: Runtime, engine: Engine, repairId: string) => {
  const file = (name: string) => `cloud://local.local/uploads/${TECH}/${name}`;
  const steps: [string, string, Action, Record<string, unknown>][] = [
    ['repairs.acknowledge', TECH, repairs.acknowledge, {}],
    ['repairs.arrive', TECH, repairs.arrive, {}],
    ['repairs.quote', TECH, repairs.quote, { items: [{ code: 'tap-replace', qty: 1 }] }],
    ['repairs.accept (resident)', WANG, repairs.accept, {}],
    ['repairs.complete', TECH, repairs.complete, { beforePhotos: [file('b.jpg')], afterPhotos: [file('a.jpg')], materials: [] }],
    ['repairs.signOff', TECH, repairs.signOff, { signature: file('s.png'), rating: { quality: 5, attitude: 5, comment: '' } }],
  ];
  const rows: (string | number)[][] = [];
  let version = ((await call(rt, TECH, repairs.get, { propertyId: 'demo', repairId })) as { version: number }).version;
  for (const [label, who, action, extra] of steps) {
    engine.stats.reset();
    version = ((await call(rt, who, action, { propertyId: 'demo', commandId: cmd(), repairId, version, ...extra })) as { version: number }).version;
    rows.push([label, engine.stats.total, Object.entries(engine.stats.byAction).map(([a, n]) => `${a.replace('database.', '')}×${n}`).join(' ')]);
  }
  return rows;
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

const throughput = async (rt: Runtime) => {
  console.log('\nLocal repairs.create, persisted store (each caller files back to back)');
  const rows: (string | number)[][] = [['concurrent callers', 'requests', 'req/s', 'p50 ms', 'p99 ms']];
  for (const callers of [1, 10, 50]) {
    const perCaller = Math.max(10, Math.floor(400 / callers));
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: callers }, async () => {
        for (let i = 0; i < perCaller; i++) {
          const t = performance.now();
          await call(rt, WANG, repairs.create, repairInput());
          latencies.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    rows.push([callers, latencies.length, (latencies.length / seconds).toFixed(0), percentile(latencies, 50).toFixed(2), percentile(latencies, 99).toFixed(2)]);
  }
  table(rows);
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

  const dataDir = mkdtempSync(join(tmpdir(), 'bench-'));
  const rt = await createRuntime({ dataDir, functions: loadBuiltFunctions() });
  try {
    await roundTrips(rt, rt.engine);
    await throughput(rt);
  } finally {
    rt.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
