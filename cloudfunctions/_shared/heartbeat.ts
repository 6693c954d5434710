import { HEARTBEAT_DOC_ID, HEARTBEAT_STALE_MINUTES, heartbeatModel, type HeartbeatDoc } from '@shared/model/environment.model';
import { propertyModel } from '@shared/model/property.model';
import { messages, format } from '@shared/messages';
import { audienceOfRole } from '@shared/model/signal.model';
import { inShanghai } from '@shared/time/shanghai';
import type { OutboxDoc } from '@shared/model/outbox.model';
import type { Deps } from './deps';
import { enqueueNotice, sendNow } from './outbox';
import { findById, parseAll, withoutId } from './repo';

export const isStale = (beat: HeartbeatDoc | null, now: Date): boolean =>
  !!beat && now.getTime() - new Date(beat.lastRunAt).getTime() > HEARTBEAT_STALE_MINUTES * 60 * 1000;

export const readHeartbeat = (deps: Deps) => findById(deps.db, heartbeatModel, HEARTBEAT_DOC_ID);

/**
 * Issue 5: a missed run raises an alarm on every property's staff channel (the WeCom group and the
 * supervisors' and managers' inboxes), once per gap: the heartbeat records which gap was alarmed,
 * and only the call that changes `alarmedFor` sends.
 */
export const alarmOnce = async (deps: Deps, beat: HeartbeatDoc): Promise<boolean> => {
  const { db } = deps;
  const claimed = await db.collection('environment').where({ _id: HEARTBEAT_DOC_ID, lastRunAt: beat.lastRunAt, alarmedFor: beat.alarmedFor }).update({ data: { alarmedFor: beat.lastRunAt } });
  if (!claimed.stats.updated) return false;
  const now = deps.now();
  const properties = parseAll(propertyModel, (await db.collection('properties').limit(100).get()).data);
  const body = format(messages.healthTexts.timerMissed, { since: inShanghai(beat.lastRunAt).format('MM-DD HH:mm') });
  const queued: OutboxDoc[] = [];
  for (const property of properties) {
    await db.runTransaction(async (tx) => {
      for (const [channel, recipient] of [['wecom', 'group'], ['inbox', audienceOfRole('supervisor')], ['inbox', audienceOfRole('manager')]] as const) {
        queued.push(
          await enqueueNotice(
            tx,
            `timer-missed:${beat.lastRunAt}`,
            { propertyId: property._id, kind: 'timer.missed', channel, recipient, subject: { kind: 'timer', id: HEARTBEAT_DOC_ID }, title: messages.notices['timer.missed'], body, urgent: true },
            now,
          ),
        );
      }
    });
  }
  await sendNow(deps, queued);
  return true;
};

/** The timer's own beat: if the previous run was too long ago, that gap is alarmed first. */
export const beat = async (deps: Deps): Promise<{ gapAlarmed: boolean }> => {
  const now = deps.now();
  const previous = await readHeartbeat(deps);
  const gapAlarmed = previous && isStale(previous, now) ? await alarmOnce(deps, previous) : false;
  const doc = heartbeatModel.toStored({ _id: HEARTBEAT_DOC_ID, lastRunAt: now.toISOString(), alarmedFor: previous?.alarmedFor ?? null });
  await deps.db.collection('environment').doc(HEARTBEAT_DOC_ID).set({ data: withoutId(doc) });
  return { gapAlarmed };
};
