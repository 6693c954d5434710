import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deployedFunctionOf } from '@shared/areas';
import type { Action } from '@shared/contracts';
import { createRuntime, type Runtime } from '../local/runtime';
import { loadBuiltFunctions } from '../local/functions';
import { throughputRows } from './throughput';

let seq = 0;
const cmd = () => `tp-${process.pid}-${seq++}`;
const call = async (rt: Runtime, openid: string, action: Action, input: unknown) => {
  const result = (await rt.invoke(deployedFunctionOf(action), { action: action.name, input }, { openid })) as { ok: boolean; data?: unknown; code?: string };
  if (!result.ok) throw new Error(`${action.fn}.${action.name}: ${result.code}`);
  return result.data as Record<string, unknown>;
};
void (async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tp-'));
  const rt = await createRuntime({ dataDir, functions: loadBuiltFunctions() });
  try {
    for (const row of await throughputRows(rt, call, cmd)) console.log(row.join(' | '));
  } finally {
    rt.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
})();
