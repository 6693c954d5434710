/**
 * Issue 12 §1, from outside: repairs filed through the running system (local/main.ts over HTTP) are
 * all there after each of three restarts. The old append-only store lost all 5 after the second.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, repairInput, startSystem } from './system-process';

const WANG = 'o-res-wang';
const N = 5;

let dataDir: string;
beforeAll(() => {
  dataDir = join(mkdtempSync(join(tmpdir(), 'restarts-')), 'data');
});
afterAll(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

/**
 * Issue 16: a command's event is stored by the timer's journal step, not by its call. The history shows a step the
 * moment the call has answered, and shows it once after each restart, whether the timer has stored it by then or it
 * is still in the command's record.
 */
const historyOf = async (url: string, repairId: string) => {
  const reply = await call(url, 'repairs', 'get', { propertyId: 'demo', repairId }, WANG);
  expect(reply).toMatchObject({ ok: true });
  return ((reply.data as { history?: { action: string; to: string }[] }).history ?? []).map((h) => `${h.action} → ${h.to}`);
};

it(`${N} repairs filed, then the system stopped and started three times: all ${N} are listed after each restart, and R1 the first one's history shows its filing at once and once after each`, async () => {
  const first = await startSystem(dataDir);
  const filed: string[] = [];
  try {
    for (let i = 0; i < N; i++) {
      const reply = await call(first.url, 'repairs', 'create', repairInput(`restart-${i}`, 'demo:1-1-101', `厨房水龙头滴水 ${i}`), WANG);
      expect(reply).toMatchObject({ ok: true });
      filed.push(String(reply.data?.id));
    }
    expect(await historyOf(first.url, filed[0]!)).toEqual(['submit → submitted']);
  } finally {
    expect(await first.stop()).toBe(0);
  }
  for (let restart = 1; restart <= 3; restart++) {
    const system = await startSystem(dataDir);
    try {
      const mine = await call(system.url, 'repairs', 'listMine', { propertyId: 'demo' }, WANG);
      expect({ restart, listed: (mine.data?.items ?? []).map((r) => r.id).sort() }).toEqual({ restart, listed: [...filed].sort() });
      expect({ restart, history: await historyOf(system.url, filed[0]!) }).toEqual({ restart, history: ['submit → submitted'] });
    } finally {
      expect(await system.stop()).toBe(0);
    }
  }
}, 120_000);

