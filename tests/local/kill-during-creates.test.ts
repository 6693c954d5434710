/**
 * Issue 12 §1, from outside: the process that owns the data directory is killed (SIGKILL) while 240
 * repairs are being filed at once over HTTP, five rounds, each followed by two restarts. Every
 * create that answered `ok` is there with its event, its command record and its notices; nothing is
 * left half-written (no notice, event or command record without its repair); retrying an
 * acknowledged command id answers the same repair.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, loadManifest, type Doc } from '../../local/db';
import { call, repairInput, residents, startSystem, type RunningSystem } from './system-process';

const ROUNDS = 5;
const CREATES = 240;

interface Acknowledged {
  openid: string;
  input: ReturnType<typeof repairInput>;
  repairId: string;
}

let dataDir: string;
beforeAll(() => {
  dataDir = join(mkdtempSync(join(tmpdir(), 'kill-9-')), 'data');
});
afterAll(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

/** Files CREATES repairs at once and kills the process once `killAfter` of them have answered. */
const fileThenKill = async (system: RunningSystem, round: number, killAfter: number): Promise<Acknowledged[]> => {
  const acknowledged: Acknowledged[] = [];
  let answered = 0;
  let killed: Promise<void> | null = null;
  const creates = Array.from({ length: CREATES }, async (_, i) => {
    const { openid, roomId } = residents[i % residents.length]!;
    const input = repairInput(`kill9-r${round}-${i}`, roomId, `第${round}轮 第${i}单 厨房水龙头滴水`);
    try {
      const reply = await call(system.url, 'repairs', 'create', input, openid);
      if (reply.ok) acknowledged.push({ openid, input, repairId: String(reply.data?.id) });
    } catch {
      // the process died before answering: not acknowledged
    }
    answered += 1;
    if (answered >= killAfter) killed ??= system.kill();
  });
  await Promise.all(creates);
  await (killed ?? system.kill());
  return acknowledged;
};

/** The stored state, read from the database file with the system stopped. */
const storedState = () => {
  const engine = createEngine({ manifest: loadManifest(), dataDir });
  try {
    const all = (name: string) => engine.collection(name).all();
    return { repairs: all('repairs'), events: all('events'), commands: all('commands'), outbox: all('outbox') };
  } finally {
    engine.close();
  }
};

const subjectId = (doc: Doc): string => (doc.subject as { id: string }).id;

it(`kill -9 during ${CREATES} concurrent creates, ${ROUNDS} rounds, two restarts after each: every acknowledged create is whole, nothing is half-written`, async () => {
  const acknowledged: Acknowledged[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const system = await startSystem(dataDir);
    const now = await fileThenKill(system, round, 40 * round);
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

    const stored = storedState();
    const repairIds = new Set(stored.repairs.map((r) => r._id));
    const missing = acknowledged.filter((a) => !repairIds.has(a.repairId));
    expect({ round, acknowledged: acknowledged.length, missing: missing.length }).toEqual({ round, acknowledged: acknowledged.length, missing: 0 });
    const withEvent = new Set(stored.events.filter((e) => (e.subject as { kind: string }).kind === 'repair').map(subjectId));
    const withNotice = new Set(stored.outbox.filter((n) => n.kind === 'repair.new').map(subjectId));
    const withCommand = new Set(stored.commands.filter((c) => c.action === 'repairs.create').map((c) => (c.result as { id: string }).id));
    expect(acknowledged.filter((a) => !withEvent.has(a.repairId) || !withNotice.has(a.repairId) || !withCommand.has(a.repairId))).toEqual([]);
    expect(stored.events.filter((e) => (e.subject as { kind: string }).kind === 'repair' && !repairIds.has(subjectId(e)))).toEqual([]);
    expect(stored.outbox.filter((n) => (n.subject as { kind: string }).kind === 'repair' && !repairIds.has(subjectId(n)))).toEqual([]);
    expect(stored.commands.filter((c) => c.action === 'repairs.create' && !repairIds.has((c.result as { id: string }).id))).toEqual([]);
  }
}, 900_000);
