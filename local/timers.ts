import { Cron } from 'croner';
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
