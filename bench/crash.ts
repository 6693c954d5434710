import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkStored, fileThenKill, type Acknowledged } from '../tests/local/crash-rounds';
import { startSystem } from '../tests/local/system-process';

/** The kill -9 test's rounds (tests/local/kill-during-creates.test.ts), counted: how many acknowledged creates the file still holds. */
export const crashRounds = async (rounds = 5, creates = 240) => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'bench-kill-9-')), 'data');
  const acknowledged: Acknowledged[] = [];
  try {
    for (let round = 1; round <= rounds; round++) {
      acknowledged.push(...(await fileThenKill(await startSystem(dataDir), round, creates, 40 * round)));
      for (let restart = 0; restart < 2; restart++) await (await startSystem(dataDir)).stop();
    }
    const stored = checkStored(dataDir, acknowledged);
    return { rounds, creates, acknowledged: acknowledged.length, present: stored.present, incomplete: stored.incomplete.length, orphans: stored.orphans.length };
  } finally {
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
  }
};
