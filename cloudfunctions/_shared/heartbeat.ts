import { HEARTBEAT_DOC_ID, HEARTBEAT_STALE_MINUTES, type FailedStep, type HeartbeatDoc } from '@shared/model/environment.model';
import { propertyModel, type PropertyDoc } from '@shared/model/property.model';
import { format } from '@shared/messages/format';
import * as messages from '@shared/messages/words';
import { audienceOfRole } from '@shared/model/signal.model';
import { inShanghai } from '@shared/time/shanghai';
import type { OutboxDoc } from '@shared/model/outbox.model';
import type { Deps } from './deps';
import { enqueueNotice, sendNow } from './outbox';
import { claimHeartbeatAlarm, findHeartbeat, writeHeartbeat } from './environment';
import { storedProperties } from './properties';
import type { Sweep } from './sweep';

export const isStale = (beat: HeartbeatDoc | null, now: Date): boolean =>
  !!beat && now.getTime() - new Date(beat.lastRunAt).getTime() > HEARTBEAT_STALE_MINUTES * 60 * 1000;

export const readHeartbeat = (deps: Deps) => findHeartbeat(deps.db);

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
 * supervisors' and managers' inboxes), once per gap: the heartbeat records which gap was alarmed,
 * and only the call that changes `alarmedFor` sends. In a timer run each property is a unit of its own.
 */
export const alarmOnce = async (deps: Deps, beat: HeartbeatDoc, sweep: Sweep | null = null): Promise<boolean> => {
  const { db } = deps;
  if (!(await claimHeartbeatAlarm(db, beat))) return false;
  const now = deps.now();
  const body = format(messages.healthTexts.timerMissed, { since: inShanghai(beat.lastRunAt).format('MM-DD HH:mm') });
  const queued: OutboxDoc[] = [];
  const alarm = (property: PropertyDoc) =>
    db.runTransaction(async (tx) => {
      const out: OutboxDoc[] = [];
      for (const [channel, recipient] of [['wecom', 'group'], ['inbox', audienceOfRole('supervisor')], ['inbox', audienceOfRole('manager')]] as const) {
        out.push(
          await enqueueNotice(
            tx,
            `timer-missed:${beat.lastRunAt}`,
            { propertyId: property._id, kind: 'timer.missed', channel, recipient, subject: { kind: 'timer', id: HEARTBEAT_DOC_ID }, title: messages.notices['timer.missed'], body, urgent: true },
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

/** First in a timer run: if the previous run was too long ago, that gap is alarmed. */
export const checkGap = async (sweep: Sweep): Promise<{ gapAlarmed: boolean }> => {
  const previous = await sweep.unit('heartbeat', () => readHeartbeat(sweep.deps));
  const gapAlarmed = previous && isStale(previous, sweep.deps.now()) ? await alarmOnce(sweep.deps, previous, sweep) : false;
  return { gapAlarmed };
};

/**
 * Last in a timer run (issue 12, 3.8): when it ran and which steps failed. Written after every step,
 * so a run that died on the way leaves the heartbeat to go stale and be alarmed.
 */
export const recordRun = async (deps: Deps, ranAt: Date, failedSteps: FailedStep[]): Promise<void> => {
  await writeHeartbeat(deps.db, ranAt, failedSteps);
};
