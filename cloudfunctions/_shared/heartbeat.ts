import { HEARTBEAT_STALE_MINUTES, TIMER_FUNCTIONS, heartbeatIdOf, type FailedStep, type HeartbeatDoc, type TimerFunction } from '@shared/model/environment.model';
import { propertyModel, type PropertyDoc } from '@shared/model/property.model';
import { format } from '@shared/messages/format';
import * as messages from '@shared/messages/words';
import { audienceOfRole } from '@shared/model/signal.model';
import { inShanghai } from '@shared/time/shanghai';
import type { OutboxDoc } from '@shared/model/outbox.model';
import type { Deps } from './deps';
import { enqueueNotice, sendNow } from './outbox';
import { claimHeartbeatAlarm, findHeartbeats, writeHeartbeat } from './environment';
import { storedProperties } from './properties';
import type { Sweep } from './sweep';

export const isStale = (beat: HeartbeatDoc | null, now: Date): boolean =>
  !!beat && now.getTime() - new Date(beat.lastRunAt).getTime() > HEARTBEAT_STALE_MINUTES * 60 * 1000;

/** Issue 16: every timer function's heartbeat there is (a timer that never ran has none). */
export const readHeartbeats = (deps: Deps) => findHeartbeats(deps.db);

const oldest = (beats: readonly HeartbeatDoc[]): HeartbeatDoc | undefined =>
  beats.reduce<HeartbeatDoc | undefined>((o, b) => (!o || b.lastRunAt < o.lastRunAt ? b : o), undefined);

/**
 * Issue 16: the timers as the staff's health pages show them, one timer: the oldest last run, stale when
 * any timer is (a stopped `reminders-areas` as a stopped `reminders`), and every step that failed.
 */
export const timersView = (beats: readonly HeartbeatDoc[], now: Date) => ({
  lastRunAt: oldest(beats)?.lastRunAt ?? null,
  stale: beats.some((b) => isStale(b, now)),
  failedSteps: beats.flatMap((b) => b.failedSteps.map((f) => f.step)),
});

/**
 * Issue 16 (the smoke check's system health): a timer function reports its own heartbeat, so a stopped
 * timer is named; any other function the timers as one, stale until every timer function has run lately.
 */
export const heartbeatOf = (fn: string, beats: readonly HeartbeatDoc[], now: Date): { lastRunAt: string | null; stale: boolean } => {
  const timer = TIMER_FUNCTIONS.find((t) => t === fn);
  const own = timer ? beats.filter((b) => b._id === heartbeatIdOf(timer)) : beats;
  return { lastRunAt: oldest(own)?.lastRunAt ?? null, stale: own.length < (timer ? 1 : TIMER_FUNCTIONS.length) || timersView(own, now).stale };
};

/**
 * Properties to alarm, the open ones (issue 14: a closed property's staff have nothing the timer does
 * for them): in a timer run each malformed one is quarantined; elsewhere it is passed over.
 */
const propertiesToAlarm = async (deps: Deps, sweep: Sweep | null): Promise<PropertyDoc[]> => {
  if (sweep) return (await sweep.properties()).open;
  const raws = await storedProperties(deps.db);
  return raws.flatMap((raw) => {
    const parsed = propertyModel.safeParse(raw);
    return parsed.success && parsed.data.status === 'active' ? [parsed.data] : [];
  });
};

/**
 * Issue 5: a missed run raises an alarm on every property's staff channel (the WeCom group and the
 * supervisors' and managers' inboxes), once per gap: each heartbeat records which gap was alarmed,
 * and only the call that changes `alarmedFor` sends. Issue 16: one alarm covers every timer function
 * stale and not yet alarmed at that moment (both stopped together is one outage), since the oldest of
 * their last runs; a timer that stops later is alarmed then. In a timer run each property is a unit of its own.
 */
export const alarmOnce = async (deps: Deps, beats: readonly HeartbeatDoc[], sweep: Sweep | null = null): Promise<boolean> => {
  const { db } = deps;
  const now = deps.now();
  const missed = beats.filter((b) => isStale(b, now) && b.alarmedFor !== b.lastRunAt);
  const claimed = await Promise.all(missed.map((b) => claimHeartbeatAlarm(db, b)));
  const beat = oldest(missed.filter((_, i) => claimed[i]));
  if (!beat) return false;
  const body = format(messages.healthTexts.timerMissed, { since: inShanghai(beat.lastRunAt).format('MM-DD HH:mm') });
  const queued: OutboxDoc[] = [];
  const alarm = (property: PropertyDoc) =>
    db.runTransaction(async (tx) => {
      const out: OutboxDoc[] = [];
      for (const [channel, recipient] of [['wecom', 'group'], ['inbox', audienceOfRole('supervisor')], ['inbox', audienceOfRole('manager')]] as const) {
        out.push(
          await enqueueNotice(
            tx,
            `timer-missed:${beat._id}:${beat.lastRunAt}`,
            { propertyId: property._id, kind: 'timer.missed', channel, recipient, subject: { kind: 'timer', id: beat._id }, title: messages.notices['timer.missed'], body, urgent: true },
            now,
          ),
        );
      }
      return out;
    });
  for (const property of await propertiesToAlarm(deps, sweep)) {
    queued.push(...((sweep ? await sweep.unit(`property ${property._id}`, () => alarm(property)) : await alarm(property)) ?? []));
  }
  await sendNow(deps, queued);
  return true;
};

/** First in a timer run: if a timer's previous run (this one's or another timer's) was too long ago, that gap is alarmed. */
export const checkGap = async (sweep: Sweep): Promise<{ gapAlarmed: boolean }> => {
  const beats = await sweep.unit('heartbeat', () => readHeartbeats(sweep.deps));
  const gapAlarmed = beats ? await alarmOnce(sweep.deps, beats, sweep) : false;
  return { gapAlarmed };
};

/**
 * Last in a timer run (issue 12, 3.8): when it ran and which steps failed, on the timer's own heartbeat.
 * Written after every step, so a run that died on the way leaves the heartbeat to go stale and be alarmed.
 */
export const recordRun = async (deps: Deps, fn: TimerFunction, ranAt: Date, failedSteps: FailedStep[]): Promise<void> => {
  await writeHeartbeat(deps.db, fn, ranAt, failedSteps);
};
