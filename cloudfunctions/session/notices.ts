import type * as c from '@shared/contracts/session.contract';
import { failure } from '@shared/messages/failure';
import { ok } from '@shared/result';
import { outboxModel, type OutboxDoc } from '@shared/model/outbox.model';
import type { QuarantineDoc } from '@shared/model/quarantine.model';
import { audienceOfRole } from '@shared/model/signal.model';
import { addMinutes } from '@shared/time/shanghai';
import type * as z from 'zod/mini';
import type { Deps } from '../_shared/deps';
import { withPrefetch, type Handler } from '../_shared/router';
import { applyOnce, finishOnce } from '../_shared/commands';
import { alarmOnce, readHeartbeats, timersView } from '../_shared/heartbeat';
import { deadNotices, inboxNotices, noticeById, reviveNotice, sendNow } from '../_shared/outbox';
import { mapPage, readPage } from '../_shared/paging';
import { setAsideFor } from '../_shared/quarantine';
import { seenOf, threadKey } from '@shared/domain/notice-thread.rules';
import { readMarksOf } from './read-marks.repo';

/**
 * Issue 5: the caller's inbox: the in-app notices to them and to their role, newest first. A
 * scheduled notice shows from when the timer sent it (`shownAt`); one its subject no longer wanted never shows.
 */
export const inbox: Handler<typeof c.inbox> = async (input, { deps, member, now }) => {
  const recipients = member.role === 'resident' ? [member.openid] : [member.openid, audienceOfRole(member.role)];
  // Her read marks (issue 18, 3) are read beside the page: no wait of their own.
  const [page, marks] = await Promise.all([
    readPage(deps.db, { name: 'session.inbox', sources: [inboxNotices(deps.db, input.propertyId, recipients, now)] }, input),
    member.role === 'resident' ? readMarksOf(deps.db, member).then((marks) => seenOf(marks ?? [])) : Promise.resolve(null),
  ]);
  return ok(
    mapPage(page, (n) => {
      const at = n.sentAt ?? n.shownAt ?? n.createdAt;
      const upTo = marks?.[threadKey(n.subject)];
      return { id: n._id, kind: n.kind, title: n.title, body: n.body, urgent: n.urgent, at, subject: n.subject, ...(marks ? { read: upTo !== undefined && at <= upTo } : {}) };
    }),
  );
};

const deadLetterOf = (n: OutboxDoc) => ({ id: n._id, kind: n.kind, channel: n.channel, title: n.title, lastError: n.lastError, attempts: n.attempts, at: n.createdAt });

const quarantinedOf = (q: QuarantineDoc) => ({ id: q._id, collection: q.collection, foundBy: q.foundBy, reason: q.reason, at: q.at });

/**
 * Issue 5: when the timer last ran (a stale heartbeat is alarmed here too, once per gap, in case
 * the timer itself is what stopped) and which steps failed then (issue 12, 3.8: the failures' text
 * stays in the heartbeat and the logs, it may name ids), the documents it quarantined for this
 * property or for the whole environment, and the property's dead letters.
 */
/** The heartbeat, the dead notices and what was set aside need only the input: read with the caller's membership (issue 16). */
const healthReads = (input: z.infer<typeof c.health.input>, deps: Deps) =>
  Promise.all([readHeartbeats(deps), deadNotices(deps.db, input.propertyId, 50), setAsideFor(deps, input.propertyId, 50)]);

export const health: Handler<typeof c.health> = withPrefetch<typeof c.health, Awaited<ReturnType<typeof healthReads>>>(healthReads, async (_input, { deps, now }, [beats, dead, setAside]) => {
  const timer = timersView(beats, now);
  if (timer.stale) await alarmOnce(deps, beats);
  return ok({
    timer,
    quarantine: { count: setAside.count, items: setAside.items.map(quarantinedOf) },
    deadLetters: { count: dead.count, items: dead.items.map(deadLetterOf) },
  });
});

/** A dead notice gets a fresh set of attempts and is sent at once; the timer retries it from there. */
export const retryNotice: Handler<typeof c.retryNotice> = async (input, ctx) => {
  const { deps, now } = ctx;
  const notice = await noticeById(deps.db, input.noticeId);
  if (!notice || notice.propertyId !== input.propertyId) return failure('COMMON.NOT_FOUND');
  if (notice.status !== 'dead') return ok({ ...deadLetterOf(notice), status: notice.status });
  const revived = outboxModel.toStored({ ...notice, status: 'pending', attempts: 1, nextAttemptAt: addMinutes(now, 1).toISOString(), lastError: null });
  const applied = await applyOnce(ctx, 'session.retryNotice', async (tx) => {
    await reviveNotice(tx, notice._id, revived.nextAttemptAt);
    return { ...deadLetterOf(revived), status: revived.status };
  });
  // Sent at once: a retry of this command answers with the notice as this call left it.
  return ok(
    await finishOnce(ctx, applied, async () => {
      await sendNow(deps, [revived]);
      const after = (await noticeById(deps.db, notice._id)) ?? revived;
      return { ...deadLetterOf(after), status: after.status };
    }),
  );
};
