/**
 * Filing repairs while the process is killed, and checking what the database file holds after:
 * shared by the kill -9 test and `npm run bench`.
 */
import { createEngine, loadManifest, type Doc } from '../../local/db';
import { call, raiseDailyLimits, repairInput, residents, type RunningSystem } from './system-process';

export interface Acknowledged {
  openid: string;
  input: ReturnType<typeof repairInput>;
  repairId: string;
}

/** Files `creates` repairs at once and SIGKILLs the process once `killAfter` of them have answered. */
export const fileThenKill = async (system: RunningSystem, round: number, creates: number, killAfter: number): Promise<Acknowledged[]> => {
  await raiseDailyLimits(system.url);
  const acknowledged: Acknowledged[] = [];
  let answered = 0;
  let killed: Promise<void> | null = null;
  const filings = Array.from({ length: creates }, async (_, i) => {
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
  await Promise.all(filings);
  await (killed ?? system.kill());
  return acknowledged;
};

const subjectOf = (doc: Doc) => doc.subject as { kind: string; id: string };
const resultId = (doc: Doc) => (doc.result as { id: string }).id;

/**
 * Reads the database file (the system stopped) and reports acknowledged creates that are missing
 * or lack their event (stored, or still in its command's journal), notice or command record, and events, notices and command records whose
 * repair is not there.
 */
export const checkStored = (dataDir: string, acknowledged: readonly Acknowledged[]) => {
  const engine = createEngine({ manifest: loadManifest(), dataDir });
  try {
    const all = (name: string) => engine.collection(name).all();
    const repairs = new Set(all('repairs').map((r) => r._id));
    const events = all('events').filter((e) => subjectOf(e).kind === 'repair');
    const notices = all('outbox').filter((n) => subjectOf(n).kind === 'repair');
    const commands = all('commands').filter((c) => c.action === 'repairs.create');
    // Issue 16: a create's event is stored by the timer's journal step; until then it is in the command's record,
    // committed with the repair (an unchecked record's `journal`), which is where a history reads it.
    const journaled = commands.flatMap((c) => (c.journal as { collection: string; doc: Doc }[] | undefined) ?? []).filter((e) => e.collection === 'events').map((e) => e.doc);
    const withEvent = new Set([...events, ...journaled].map((e) => subjectOf(e).id));
    const withNotice = new Set(notices.filter((n) => n.kind === 'repair.new').map((n) => subjectOf(n).id));
    const withCommand = new Set(commands.map(resultId));
    return {
      present: acknowledged.filter((a) => repairs.has(a.repairId)).length,
      incomplete: acknowledged.filter((a) => !withEvent.has(a.repairId) || !withNotice.has(a.repairId) || !withCommand.has(a.repairId)).map((a) => a.repairId),
      orphans: [
        ...events.filter((e) => !repairs.has(subjectOf(e).id)).map((e) => `event ${String(e._id)}`),
        ...notices.filter((n) => !repairs.has(subjectOf(n).id)).map((n) => `notice ${String(n._id)}`),
        ...commands.filter((c) => !repairs.has(resultId(c))).map((c) => `command ${String(c._id)}`),
      ],
    };
  } finally {
    engine.close();
  }
};
