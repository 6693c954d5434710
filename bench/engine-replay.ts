/**
 * Issue 16: the local engine's own CPU per `repairs.create`, steadier than the whole create's on a loaded
 * machine. `npx tsx bench/engine-replay.ts [creates] [callers] [other checkout]` files `creates` creates
 * at `callers` concurrent callers through the built bundles and records every database request the
 * engine answered, in the order it answered them (the order its effects happened), then replays that
 * sequence against fresh engines on copies of the database as it was when the recording began (SQLite's
 * online backup), five rounds, timing only the engine
 * (`process.cpuUsage`, every thread: SQLite's commits and the checkpoint thread included). With another
 * checkout's path (its `local/db`), its engine replays the same sequence, alternated round by round
 * with this one's: a before/after of an engine change on the same requests at the same moment's load.
 * Each transaction's id is the one its replayed start answered.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deployedFunctionOf } from '@shared/areas';
import { repairs } from '@shared/contracts';
import type { Engine, EngineOptions } from '../local/db';
import { createRuntime } from '../local/runtime';
import { loadBuiltFunctions } from '../local/functions';
import { demoPeople } from '../local/seed';
import { raiseDailyLimits, repairInput, type Call } from './repair-life';

interface EngineModule {
  createEngine: (options: EngineOptions) => Engine;
  loadManifest: () => EngineOptions['manifest'];
}
interface Recorded {
  action: string;
  params: Record<string, unknown>;
  answer: unknown;
}

const residents = demoPeople.flatMap((p) => (p.role === 'resident' && p.rooms?.[0] ? [{ openid: p.openid, roomId: `demo:${p.rooms[0]}` }] : []));
const creates = Number(process.argv[2] ?? 1000);
const callers = Number(process.argv[3] ?? 50);
const other = process.argv[4];
let seq = 0;
const cmd = () => `er-${process.pid}-${seq++}`;
const call: Call = async (rt, openid, action, input) => {
  const result = (await rt.invoke(deployedFunctionOf(action), { action: action.name, input }, { openid })) as { ok: boolean; data?: unknown; code?: string };
  if (!result.ok) throw new Error(`${action.fn}.${action.name}: ${result.code}`);
  return result.data as Record<string, unknown>;
};
const txIdOf = (answer: unknown): string | undefined =>
  typeof answer === 'object' && answer !== null && typeof (answer as { transactionId?: unknown }).transactionId === 'string' ? (answer as { transactionId: string }).transactionId : undefined;

/** The demo seed and the raised limits (the database copied to `start`), then `creates` creates, recorded. */
const record = async (start: string): Promise<{ requests: Recorded[]; commits: number }> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'engine-replay-'));
  const rt = await createRuntime({ dataDir, functions: loadBuiltFunctions() });
  const requests: Recorded[] = [];
  let recording = false;
  const handle = rt.engine.handle.bind(rt.engine);
  (rt.engine as { handle: Engine['handle'] }).handle = async (action, params = {}) => {
    const copy = structuredClone(params);
    const answer = await handle(action, params);
    if (recording) requests.push({ action, params: copy, answer });
    return answer;
  };
  try {
    await raiseDailyLimits(rt, call, cmd);
    await rt.engine.flush();
    await rt.engine.backup(start);
    const commits = rt.engine.stats.commits;
    recording = true;
    const file = (i: number) => residents[i % residents.length] as (typeof residents)[number];
    await Promise.all(
      Array.from({ length: callers }, async (_, c) => {
        for (let i = 0; i < creates / callers; i++) await call(rt, file(c + i * callers).openid, repairs.create, repairInput(cmd(), file(c + i * callers).roomId));
      }),
    );
    return { requests, commits: rt.engine.stats.commits - commits };
  } finally {
    rt.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

/** The engine's CPU per create replaying `requests` on a fresh engine over a copy of `start`; and the commits it made (the recording's, if it did the same). */
const replay = async (mod: EngineModule, start: string, requests: Recorded[]): Promise<{ ms: number; commits: number }> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'engine-replay-'));
  copyFileSync(start, join(dataDir, 'database.sqlite'));
  const engine = mod.createEngine({ manifest: mod.loadManifest(), dataDir });
  const txIds = new Map<string, string>();
  const send = async (r: Recorded): Promise<void> => {
    const params = structuredClone(r.params);
    if (typeof params.transactionId === 'string') params.transactionId = txIds.get(params.transactionId) ?? params.transactionId;
    const answer = await engine.handle(r.action, params);
    const recordedTx = txIdOf(r.answer);
    const replayedTx = txIdOf(answer);
    if (recordedTx && replayedTx) txIds.set(recordedTx, replayedTx);
  };
  try {
    const commits = engine.stats.commits;
    const cpu = process.cpuUsage();
    for (const r of requests) await send(r);
    const used = process.cpuUsage(cpu);
    return { ms: (used.user + used.system) / 1000 / creates, commits: engine.stats.commits - commits };
  } finally {
    engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

void (async () => {
  const dir = mkdtempSync(join(tmpdir(), 'engine-replay-start-'));
  const start = join(dir, 'start.sqlite');
  try {
    const { requests, commits } = await record(start);
    const mine = (await import('../local/db')) as unknown as EngineModule;
    const theirs = other ? ((await import(resolve(other, 'local/db/index.ts'))) as EngineModule) : null;
    console.log(`${requests.length} requests recorded over ${creates} creates at ${callers} callers, ${commits} commits`);
    for (let round = 0; round < 5; round++) {
      const before = theirs ? await replay(theirs, start, requests) : undefined;
      const after = await replay(mine, start, requests);
      const line = (name: string, r: { ms: number; commits: number }) => `${name} ${r.ms.toFixed(3)} ms per create (${r.commits} commits)`;
      console.log(`round ${round + 1}, load ${loadavg()[0]?.toFixed(1)}: ${line('this checkout', after)}${before ? `; ${line(other ?? '', before)}` : ''}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();
