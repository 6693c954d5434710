import { repairs } from '@shared/contracts';
import { callAs, expectOk, newCommandId, raw, repairInput, startRuntime, WANG } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
type Stored = { _id: string; subject: { id: string }; status?: string; kind?: string };

const networkDown = { code: 'DATABASE_REQUEST_FAILED', message: 'network' } as const;

const tick = (rt: Rt) =>
  rt.invoke('reminders', { Type: 'Timer', TriggerName: 'every-minute', Time: rt.clock.now().toISOString() }, { openid: '' }) as Promise<{
    ok: boolean;
    data: { journals: { fanned: number }; outbox: { sent: number }; failed: unknown[] };
  }>;

/**
 * Issue 16: a command's events and notices travel in its record's journal (cloudfunctions/_shared/commands.ts)
 * and are inserted after the commit. A call that fails between the commit and that fan-out loses nothing:
 * the timer's first step inserts what is missing, once, and the outbox then sends each notice once.
 */
describe('issue 16: the journal fanned out after the commit, or by the timer when the call failed first', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  const about = (collection: string, id: string) => raw<Stored>(rt, collection).filter((d) => d.subject.id === id);

  it('R1: a repair\'s event and notices are stored before the call answers, and its record says the timer has not yet checked them', async () => {
    const commandId = newCommandId();
    const { id } = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ commandId })));
    expect(about('events', id)).toHaveLength(1);
    expect(about('outbox', id).filter((n) => n.kind === 'repair.new').length).toBeGreaterThan(0);
    const record = raw<{ commandId: string; fanned?: boolean; journal?: unknown[] }>(rt, 'commands').find((c) => c.commandId === commandId)!;
    expect(record.fanned).toBe(false);
    expect(record.journal!.length).toBe(1 + about('outbox', id).length);
    const run = await tick(rt);
    expect(run.data.journals).toEqual({ fanned: 0 });
    expect(raw<{ commandId: string; fanned?: boolean }>(rt, 'commands').find((c) => c.commandId === commandId)!.fanned).toBe(true);
  });

  it('R1: a failure at the fan-out leaves the event and the notices to the timer, which writes them once; the outbox sends each notice once; a retry answers the first result', async () => {
    const commandId = newCommandId();
    rt.engine.failNext('database.insertDocument', networkDown, { collection: 'events' });
    rt.engine.failNext('database.insertDocument', networkDown, { collection: 'outbox' });
    const first = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ commandId })));
    // Committed and answered; the event and one notice not stored yet, and nothing delivered by the call.
    expect(raw<{ _id: string }>(rt, 'repairs').map((r) => r._id)).toContain(first.id);
    expect(about('events', first.id)).toEqual([]);
    const stored = about('outbox', first.id);
    expect(stored.every((n) => n.status === 'pending')).toBe(true);

    // A retry with the same id answers the first result and writes nothing more.
    expect(expectOk(await callAs(rt, WANG, repairs.create, repairInput({ commandId })))).toEqual(first);
    expect(about('events', first.id)).toEqual([]);

    const run = await tick(rt);
    expect(run.data.failed).toEqual([]);
    expect(run.data.journals.fanned).toBe(2);
    expect(about('events', first.id)).toHaveLength(1);
    const notices = about('outbox', first.id);
    expect(notices.length).toBe(stored.length + 1);
    // The call's lease holds: not sent before it ends.
    expect(notices.every((n) => n.status === 'pending')).toBe(true);

    rt.clock.advanceMinutes(2);
    const later = await tick(rt);
    expect(later.data.journals).toEqual({ fanned: 0 });
    const sent = about('outbox', first.id).filter((n) => n.status === 'sent');
    expect(sent.map((n) => n._id).sort()).toEqual(notices.map((n) => n._id).sort());
    expect(new Set(raw<Stored>(rt, 'outbox').map((n) => n._id)).size).toBe(raw(rt, 'outbox').length);

    rt.clock.advanceMinutes(5);
    expect((await tick(rt)).data.outbox.sent).toBe(0);
    expect(about('events', first.id)).toHaveLength(1);
  });
});
