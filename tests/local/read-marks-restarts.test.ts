/**
 * Issue 18 (3), from outside: a resident's read marks through the running system (local/main.ts over
 * HTTP, as the app calls it), across two restarts: the marks are kept, a flood of 200 markRead calls
 * from her leaves exactly the marks she was entitled to and none on another person's thread, and a
 * command id sent again after a restart answers what it answered the first time, writing nothing.
 */
import { createEngine, loadManifest } from '../../local/db';
import { call, repairInput, restartable, type Reply, type RunningSystem } from './system-process';

const PROPERTY = 'demo';
const WANG = 'o-res-wang';
const ZHANG = 'o-res-zhang';
const DESK = 'o-desk-chen';
const TECH_LI_MEMBER = 'mb_otechli';
const FLOOD = 200;

let seq = 0;
const commandId = () => `read-marks-restarts-${Date.now().toString(36)}-${(seq++).toString(36)}`;
const system = restartable('read-marks');

type Subject = { kind: string; id: string };
type Line = { id: string; at: string; read?: boolean; subject: Subject };
type Mark = { thread: string; at: string };

const inboxOf = async (s: RunningSystem, openid: string): Promise<Line[]> =>
  ((await call(s.url, 'session', 'inbox', { propertyId: PROPERTY, limit: 50 }, openid)).data?.items ?? []) as unknown as Line[];
const markRead = (s: RunningSystem, openid: string, threads: { subject: Subject; at: string }[], id = commandId()) =>
  call(s.url, 'session', 'markRead', { propertyId: PROPERTY, commandId: id, threads }, openid);
const key = (subject: Subject) => `${subject.kind}:${subject.id}`;
const byThread = (marks: readonly Mark[]) => [...marks].sort((a, b) => a.thread.localeCompare(b.thread));

/** A markRead as the app sends it: a refusal the caller is told to retry (COMMON.BUSY) is sent again with the same command id. */
const markReadAsTheApp = async (s: RunningSystem, threads: { subject: Subject; at: string }[]): Promise<{ reply: Reply; busy: number }> => {
  const id = commandId();
  for (let busy = 0; ; busy++) {
    const reply = await markRead(s, WANG, threads, id);
    if (reply.ok || reply.code !== 'COMMON.BUSY' || busy === 20) return { reply, busy };
  }
};

/** What the database file holds (read while the system is stopped): the marks documents and markRead's command records. */
const stored = () => {
  const engine = createEngine({ manifest: loadManifest(), dataDir: system.dataDir });
  try {
    return {
      marks: engine.collection('readMarks').all() as unknown as { memberId: string; threads: Mark[]; updatedAt: string }[],
      commands: engine.collection('commands').all().filter((c) => c.action === 'session.markRead').map((c) => String(c._id)),
    };
  } finally {
    engine.close();
  }
};

/** A repair filed by `openid` and dispatched by the desk: its resident is told in the app (one thread). */
const dispatchedRepair = async (s: RunningSystem, openid: string, roomId: string, description: string) => {
  const filed = await call(s.url, 'repairs', 'create', repairInput(commandId(), roomId, description), openid);
  expect(filed).toMatchObject({ ok: true });
  const repairId = String(filed.data?.id);
  expect(await call(s.url, 'repairs', 'dispatch', { propertyId: PROPERTY, commandId: commandId(), repairId, version: 1, technicianId: TECH_LI_MEMBER }, DESK)).toMatchObject({ ok: true });
  return repairId;
};

it('issue 18 (3): marks kept over two restarts; a flood of 200 marks her threads exactly and never another\'s; a command id replayed after each restart answers the first result', async () => {
  // Run 1: three repairs of hers and one of 张伟's, each dispatched; she opens the first thread.
  const first = await system.run(async (s) => {
    for (const description of ['厨房水龙头滴水', '卫生间地漏堵塞', '阳台灯不亮']) await dispatchedRepair(s, WANG, 'demo:1-1-101', description);
    await dispatchedRepair(s, ZHANG, 'demo:1-2-1502', '门锁坏了');
    const lines = await inboxOf(s, WANG);
    expect(lines.map((l) => l.read)).toEqual([false, false, false]);
    const [his] = await inboxOf(s, ZHANG);
    const opened = lines[2]!;
    const input = { id: commandId(), threads: [{ subject: opened.subject, at: opened.at }] };
    const reply = await markRead(s, WANG, input.threads, input.id);
    expect(reply).toEqual({ ok: true, data: { marked: 1 } });
    return { lines, his: his!, input, reply };
  });
  const afterFirst = stored();
  expect(afterFirst.marks).toHaveLength(1);
  expect(afterFirst.marks[0]!.threads).toEqual([{ thread: key(first.input.threads[0]!.subject), at: first.input.threads[0]!.at }]);
  expect(afterFirst.commands).toHaveLength(1);

  // Restart 1: the mark is there; the same command id answers the first result and writes nothing; then the flood.
  const flood = await system.run(async (s) => {
    expect((await inboxOf(s, WANG)).map((l) => l.read)).toEqual([false, false, true]);
    expect(await markRead(s, WANG, first.input.threads, first.input.id)).toEqual(first.reply);
    const now = new Date().toISOString();
    const calls = Array.from({ length: FLOOD }, (_, i) => {
      const line = first.lines[i % 3]!;
      // Her own threads, each also with older marks (a stale phone's); one in ten names 张伟's thread,
      // alone or beside hers with a mark later than any line: refused whole, nothing of it written.
      if (i % 10 === 9) return { refused: true, threads: i % 20 === 9 ? [{ subject: first.his.subject, at: first.his.at }] : [{ subject: line.subject, at: now }, { subject: first.his.subject, at: first.his.at }] };
      return { refused: false, threads: [{ subject: line.subject, at: new Date(Date.parse(line.at) - (i % 7) * 1000).toISOString() }] };
    });
    const answers = await Promise.all(calls.map((c) => markReadAsTheApp(s, c.threads)));
    expect(answers.filter((a, i) => !calls[i]!.refused && !(a.reply.ok && a.reply.data?.marked === 1))).toEqual([]);
    expect(answers.filter((a, i) => calls[i]!.refused).map((a) => a.reply)).toEqual(Array.from({ length: FLOOD / 10 }, () => expect.objectContaining({ ok: false, code: 'COMMON.NOT_FOUND' })));
    expect((await inboxOf(s, WANG)).map((l) => l.read)).toEqual([true, true, true]);
    expect((await inboxOf(s, ZHANG)).map((l) => l.read)).toEqual([false]);
    return { busy: answers.reduce((sum, a) => sum + a.busy, 0) };
  });
  const afterFlood = stored();
  // Exactly her three threads, each marked up to its newest line: no refused call's later mark, nothing of 张伟's.
  expect(afterFlood.marks).toHaveLength(1);
  expect(byThread(afterFlood.marks[0]!.threads)).toEqual(byThread(first.lines.map((l) => ({ thread: key(l.subject), at: l.at }))));
  expect(afterFlood.commands).toHaveLength(1 + FLOOD - FLOOD / 10);
  console.info(`read-marks flood: ${FLOOD} calls, ${flood.busy} answered COMMON.BUSY and were sent again`);

  // Restart 2: still all read, 张伟's still unread, and the first command id still answers its first result.
  await system.run(async (s) => {
    expect((await inboxOf(s, WANG)).map((l) => l.read)).toEqual([true, true, true]);
    expect((await inboxOf(s, ZHANG)).map((l) => l.read)).toEqual([false]);
    expect(await markRead(s, WANG, first.input.threads, first.input.id)).toEqual(first.reply);
  });
  expect(stored()).toEqual(afterFlood);
}, 300_000);
