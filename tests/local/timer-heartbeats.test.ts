import { heartbeatIdOf, TIMER_FUNCTIONS, type TimerFunction } from '@shared/model/environment.model';
import { inShanghai } from '@shared/time/shanghai';
import { MANAGER, PROPERTY, SUPERVISOR } from '../functions/harness';
import { call, restartable, type RunningSystem } from './system-process';

jest.setTimeout(240_000);

interface Health {
  timer: { lastRunAt: string | null; stale: boolean; failedSteps: string[] };
}
interface InboxItem {
  kind: string;
  body: string;
  urgent: boolean;
  subject: { kind: string; id: string };
}

/** How far behind the first run's clock is: its timer's heartbeat is that old when the second run starts. */
const BEHIND_MINUTES = 10;
/** A timer trigger fires every minute on the minute: a run is seen within this long. */
const WITHIN_MS = 80_000;

const ok = <T>(reply: { ok: boolean; data?: unknown }): T => {
  expect(reply).toMatchObject({ ok: true });
  return reply.data as T;
};

const health = async (s: RunningSystem) => ok<Health>(await call(s.url, 'session', 'health', { propertyId: PROPERTY }, SUPERVISOR)).timer;
const alarmsOf = async (s: RunningSystem, who: string) =>
  ok<{ items: InboxItem[] }>(await call(s.url, 'session', 'inbox', { propertyId: PROPERTY }, who)).items.filter((n) => n.kind === 'timer.missed');

/** Asks until `ask` answers something, every second, at most `ms`. */
const eventually = async <T>(ms: number, ask: () => Promise<T | null>): Promise<T | null> => {
  const until = Date.now() + ms;
  for (;;) {
    const answer = await ask();
    if (answer !== null || Date.now() > until) return answer;
    await new Promise((done) => setTimeout(done, 1_000));
  }
};

const otherThan = (fn: TimerFunction): TimerFunction => TIMER_FUNCTIONS.find((t) => t !== fn) as TimerFunction;

/**
 * Issue 16 over the real local system (`local/main.ts`, its timers on their cron schedules): each
 * timer function checks the other's heartbeat. A timer's trigger stops (`LOCAL_FAULT=timer-stopped:<fn>`,
 * local/faults.ts); its last heartbeat is minutes old (the first run's clock `clock-behind`, so the test
 * does not wait those minutes); the other timer, still running, raises the alarm at its next run: in
 * the supervisors' and managers' 消息, urgent, naming the stopped timer and since when; system health
 * shows the timers stale.
 */
describe('issue 16: a stopped timer is alarmed by the other one (local/main.ts)', () => {
  const systems = new Map(TIMER_FUNCTIONS.map((stopped) => [stopped, restartable(`timer-stopped-${stopped}`)] as const));

  /** `stopped`'s trigger stops after its last run; `running`, still on its schedule, alarms the staff. */
  const stopAndSee = async (stopped: TimerFunction) => {
    const system = systems.get(stopped)!;
    const running = otherThan(stopped);
    // First: only the timer that will stop runs, on a clock BEHIND_MINUTES behind; nothing is stale to it, nothing alarmed.
    const lastRunAt = await system.runWith({ LOCAL_FAULT: `timer-stopped:${running},clock-behind:${BEHIND_MINUTES}` }, async (s) => {
      const ran = await eventually(WITHIN_MS, async () => (await health(s)).lastRunAt);
      expect({ stopped, ran }).toEqual({ stopped, ran: expect.any(String) });
      expect(await health(s)).toMatchObject({ stale: false, failedSteps: [] });
      expect(await alarmsOf(s, SUPERVISOR)).toEqual([]);
      return ran as string;
    });
    expect(Date.now() - new Date(lastRunAt).getTime()).toBeGreaterThan((BEHIND_MINUTES - 1) * 60_000);

    // Then that timer's trigger is stopped and the other's runs, on the machine's clock.
    // Nobody opens the health page before the alarm is seen: reading it alarms a stale heartbeat too (session/notices.ts).
    await system.runWith({ LOCAL_FAULT: `timer-stopped:${stopped}` }, async (s) => {
      const alarms = await eventually(WITHIN_MS, async () => {
        const found = await alarmsOf(s, SUPERVISOR);
        return found.length ? found : null;
      });
      const since = inShanghai(lastRunAt).format('MM-DD HH:mm');
      const named = { kind: 'timer', id: heartbeatIdOf(stopped) };
      expect({ stopped, alarms }).toEqual({ stopped, alarms: [expect.objectContaining({ urgent: true, subject: named, body: expect.stringContaining(since) })] });
      expect(await alarmsOf(s, MANAGER)).toEqual([expect.objectContaining({ subject: named })]);
      // The staff group hears it too (the local robot's record, as the panel shows it).
      const panel = (await (await fetch(`${s.url}/api/panel`)).json()) as { webhookPosts: { body: unknown }[] };
      expect(panel.webhookPosts.filter((p) => JSON.stringify(p.body).includes(since))).toHaveLength(1);
      // The stopped timer keeps the timers stale on the health page, which alarms nothing more.
      expect(await health(s)).toEqual({ lastRunAt, stale: true, failedSteps: [] });
      expect(await alarmsOf(s, SUPERVISOR)).toHaveLength(1);
    });
  };

  it('each timer function, the other stopped, raises the alarm at its first run: in the supervisors’ and managers’ 消息, the group, and system health', async () => {
    // Both directions side by side (each waits for its trigger's minute), each on its own data directory.
    await Promise.all(TIMER_FUNCTIONS.map(stopAndSee));
  });
});
