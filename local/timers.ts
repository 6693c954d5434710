import { Cron } from 'croner';
import { TIMER_FUNCTIONS, type TimerFunction } from '@shared/model/environment.model';
import type { RemindersRun } from '../cloudfunctions/reminders/handle';
import type { AreasRun } from '../cloudfunctions/reminders-areas/handle';
import type { TimerTrigger } from './functions';

/**
 * Runs each timer trigger on its WeChat schedule: 7-field cron (second … year) read in UTC+8, which
 * croner takes unchanged with the Asia/Shanghai zone.
 */
export const scheduleTimers = (triggers: readonly TimerTrigger[], fire: (t: TimerTrigger, at: Date) => Promise<void>) => {
  const jobs = triggers.map(
    (t) =>
      new Cron(t.cron, { timezone: 'Asia/Shanghai', protect: true, catch: (e) => console.error(`[timer ${t.functionName}]`, e) }, async () => {
        await fire(t, new Date());
      }),
  );
  return {
    next: () => jobs.map((job, i) => ({ trigger: triggers[i], next: job.nextRun() })),
    stop: () => jobs.forEach((job) => job.stop()),
  };
};

export const timerEvent = (t: TimerTrigger, at: Date) => ({ Type: 'Timer', TriggerName: t.name, Time: at.toISOString() });

/**
 * The order one minute of the timers runs in the tests, the smoke command and the bench (issue 16): the
 * areas' sweeps, then the platform's steps, whose outbox drain sends what the sweeps left, as the one
 * run before the split did. In the cloud (and under `local/main.ts`) each runs on its own trigger.
 */
export const TIMER_TICK_ORDER: readonly TimerFunction[] = [...TIMER_FUNCTIONS.filter((fn) => fn !== 'reminders'), 'reminders'];

/** What one tick of every timer function answers: the steps' results of each, their failures and quarantines together. */
export type TimersRun = RemindersRun & AreasRun;
type TimerAnswer = { ok: true; data: TimersRun } | { ok: false; code: string; message: string };

/**
 * Issue 16: ticks every timer function (TIMER_FUNCTIONS) once, by its trigger's event at `at`, in
 * TIMER_TICK_ORDER, and answers as one run: a refusal as it came, else every step's result, the gap
 * alarmed when either alarmed one, every failed step and every quarantined document.
 */
export const tickTimers = async (runtime: { invoke: (name: string, event: unknown, caller: { openid: string }) => Promise<unknown> }, at: Date): Promise<TimerAnswer> => {
  const answers: TimerAnswer[] = [];
  for (const fn of TIMER_TICK_ORDER) {
    const answer = (await runtime.invoke(fn, { Type: 'Timer', TriggerName: 'every-minute', Time: at.toISOString() }, { openid: '' })) as TimerAnswer;
    if (!answer.ok) return answer;
    answers.push(answer);
  }
  const runs = answers.map((a) => (a as { data: TimersRun }).data);
  return {
    ok: true,
    data: Object.assign({}, ...runs, {
      heartbeat: { gapAlarmed: runs.some((r) => r.heartbeat.gapAlarmed) },
      failed: runs.flatMap((r) => r.failed),
      quarantined: runs.reduce((n, r) => n + r.quarantined, 0),
    }) as TimersRun,
  };
};
