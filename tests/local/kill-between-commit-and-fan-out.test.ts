/**
 * Issue 16's command journal, from outside: a create's events and notices travel in its command
 * record and are inserted after the commit (cloudfunctions/_shared/commands.ts). The process that owns
 * the data directory is killed exactly there (`LOCAL_FAULT=kill-after-journaled-commit`, local/faults.ts:
 * SIGKILL the moment the command's transaction has committed), then started twice. The create was
 * committed but never answered; the file shows the window was hit (the repair and its record, no
 * event, no notice); once the timer has run, the repair has its event and its notice, exactly once,
 * the desk clerk on shift sees its lines once each, and a retry of the command answers the same repair.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, loadManifest, type Doc } from '../../local/db';
import { call, repairInput, residents, startSystem } from './system-process';

let dataDir: string;
beforeAll(() => {
  dataDir = join(mkdtempSync(join(tmpdir(), 'kill-fan-out-')), 'data');
});
afterAll(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

const DESK = 'o-desk-chen';
/** The desk's notice, once: 陈晓 is on the morning shift the seed plans, and is pushed it by name, not told twice. */
const DESK_LINES = 1;

/** What the stopped system's file holds about one repair. */
const storedAbout = (repairId: string) => {
  const engine = createEngine({ manifest: loadManifest(), dataDir });
  try {
    const about = (d: Doc) => (d.subject as { id?: string } | undefined)?.id === repairId;
    const record = engine
      .collection('commands')
      .all()
      .find((c) => (c.result as { id?: string } | undefined)?.id === repairId);
    return {
      repair: engine.collection('repairs').all().filter((r) => r._id === repairId).length,
      events: engine.collection('events').all().filter(about).map((e) => `${String(e.from)} → ${String(e.to)}`),
      notices: engine.collection('outbox').all().filter(about).map((n) => String(n._id)),
      journal: Array.isArray(record?.journal) ? record.journal.length : 0,
    };
  } finally {
    engine.close();
  }
};

/** The repair the killed call committed, found by its description in the stopped system's file. */
const committedRepair = (description: string): string => {
  const engine = createEngine({ manifest: loadManifest(), dataDir });
  try {
    const found = engine.collection('repairs').all().filter((r) => r.description === description);
    expect(found).toHaveLength(1);
    return String(found[0]!._id);
  } finally {
    engine.close();
  }
};

/** The lines about the repair in the desk clerk's inbox. */
const deskSees = async (url: string, repairId: string): Promise<string[]> => {
  const reply = await call(url, 'session', 'inbox', { propertyId: 'demo', limit: 50 }, DESK);
  expect(reply.ok).toBe(true);
  return (reply.data?.items as unknown as { id: string; subject: { id: string } }[]).filter((i) => i.subject.id === repairId).map((i) => i.id);
};

it('killed between a create’s commit and its fan-out, two restarts: the timer completes it once; the retry answers the same repair', async () => {
  const { openid, roomId } = residents[0]!;
  const input = repairInput('journal-kill-1', roomId, '卫生间地漏堵了，水漫到客厅');

  const doomed = await startSystem(dataDir, { LOCAL_FAULT: 'kill-after-journaled-commit' });
  await expect(call(doomed.url, 'repairs', 'create', input, openid)).rejects.toThrow();
  await doomed.kill();

  // The window was hit: committed with its journal, nothing of the journal inserted.
  const repairId = committedRepair(input.description);
  const afterKill = storedAbout(repairId);
  expect(afterKill).toEqual({ repair: 1, events: [], notices: [], journal: afterKill.journal });
  expect(afterKill.journal).toBeGreaterThanOrEqual(2);

  // The reminders timer fires every minute ("0 */1 * * * * *"): wait for it, on a restart.
  let seen: string[] = [];
  const first = await startSystem(dataDir);
  try {
    const deadline = Date.now() + 75_000;
    while ((await deskSees(first.url, repairId)).length < DESK_LINES && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1_000));
    seen = await deskSees(first.url, repairId);
    expect(seen).toHaveLength(DESK_LINES);
    expect(new Set(seen).size).toBe(DESK_LINES);
  } finally {
    expect(await first.stop()).toBe(0);
  }

  const second = await startSystem(dataDir);
  try {
    expect((await deskSees(second.url, repairId)).sort()).toEqual([...seen].sort());
    const again = await call(second.url, 'repairs', 'create', input, openid);
    expect({ ok: again.ok, id: again.data?.id }).toEqual({ ok: true, id: repairId });
  } finally {
    expect(await second.stop()).toBe(0);
  }
  const whole = storedAbout(repairId);
  expect(whole.repair).toBe(1);
  expect(whole.events).toEqual(['null → submitted']);
  expect(whole.notices.length).toBe(afterKill.journal - 1);
  expect(new Set(whole.notices).size).toBe(whole.notices.length);
}, 180_000);
