import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deployedFunctionOf } from '@shared/areas';
import { repairs, type Action } from '@shared/contracts';
import { createRuntime, type Runtime } from '../local/runtime';
import { loadBuiltFunctions } from '../local/functions';
import { demoPeople } from '../local/seed';
import { recordCalls } from '../tests/functions/call-journeys';
import { raiseDailyLimits, repairInput } from './repair-life';

let seq = 0;
const cmd = () => `st-${process.pid}-${seq++}`;
const call = async (rt: Runtime, openid: string, action: Action, input: unknown) => {
  const result = (await rt.invoke(deployedFunctionOf(action), { action: action.name, input }, { openid })) as { ok: boolean; data?: unknown; code?: string };
  if (!result.ok) throw new Error(`${action.fn}.${action.name}: ${result.code}`);
  return result.data as Record<string, unknown>;
};
const residents = demoPeople.flatMap((p) => (p.role === 'resident' && p.rooms?.[0] ? [{ openid: p.openid, roomId: `demo:${p.rooms[0]}` }] : []));
void (async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'st-'));
  const rt = await createRuntime({ dataDir, functions: loadBuiltFunctions() });
  try {
    await raiseDailyLimits(rt, call, cmd);
    for (let i = 0; i < 40; i++) await call(rt, residents[i % residents.length]!.openid, repairs.create, repairInput(cmd(), residents[i % residents.length]!.roomId));
    const recorded = recordCalls(rt as never);
    await call(rt, residents[3]!.openid, repairs.create, repairInput(cmd(), residents[3]!.roomId));
    for (const c of recorded.get('repairs.create') ?? []) {
      const { total, sequential, untilCommitted, trace } = (c as unknown as { calls: { total: number; sequential: number; untilCommitted?: number; trace: { wait: number; kind: string; detail: string }[] } }).calls;
      console.log(`${total} round trips, ${sequential} waits, ${untilCommitted} until committed`);
      for (const { wait, kind, detail } of trace) console.log(`  ${String(wait).padStart(3)}  ${kind.padEnd(34)}${detail}`);
    }
  } finally {
    rt.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
})();
