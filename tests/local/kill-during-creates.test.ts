/**
 * Issue 12 §1, from outside: the process that owns the data directory is killed (SIGKILL) while 240
 * repairs are being filed at once over HTTP, five rounds, each followed by two restarts. Every
 * create that answered `ok` is there with its event, its command record and its notices; nothing is
 * left half-written (no notice, event or command record without its repair); retrying an
 * acknowledged command id answers the same repair. (The old append-only store failed this in the
 * first round: an acknowledged repair was not found after the restart.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkStored, fileThenKill, type Acknowledged } from './crash-rounds';
import { call, startSystem } from './system-process';

const ROUNDS = 5;
const CREATES = 240;

let dataDir: string;
beforeAll(() => {
  dataDir = join(mkdtempSync(join(tmpdir(), 'kill-9-')), 'data');
});
afterAll(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

it(`kill -9 during ${CREATES} concurrent creates, ${ROUNDS} rounds, two restarts after each: every acknowledged create is whole, nothing is half-written`, async () => {
  const acknowledged: Acknowledged[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const now = await fileThenKill(await startSystem(dataDir), round, CREATES, 40 * round);
    expect(now.length).toBeGreaterThan(0);
    acknowledged.push(...now);

    for (let restart = 1; restart <= 2; restart++) {
      const again = await startSystem(dataDir);
      try {
        for (const ack of now.filter((_, i) => i % 8 === restart)) {
          const replay = await call(again.url, 'repairs', 'create', ack.input, ack.openid);
          expect({ command: ack.input.commandId, replay: replay.ok, id: replay.data?.id }).toEqual({ command: ack.input.commandId, replay: true, id: ack.repairId });
        }
        for (const ack of now.filter((_, i) => i % 8 === restart + 2)) {
          expect(await call(again.url, 'repairs', 'get', { propertyId: 'demo', repairId: ack.repairId }, ack.openid)).toMatchObject({ ok: true, data: { id: ack.repairId } });
        }
      } finally {
        expect(await again.stop()).toBe(0);
      }
    }

    const stored = checkStored(dataDir, acknowledged);
    expect({ round, present: stored.present, incomplete: stored.incomplete, orphans: stored.orphans }).toEqual({ round, present: acknowledged.length, incomplete: [], orphans: [] });
  }
}, 900_000);
