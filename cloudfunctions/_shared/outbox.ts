import { outboxModel, type NoticeChannel, type NoticeKind, type OutboxDoc } from '@shared/model/outbox.model';
import { addMinutes } from '@shared/time/shanghai';
import type { Deps } from './deps';
import type { Tx } from './database';
import { derivedId } from './ids';
import { parseAll, withoutId } from './repo';
import { deliver } from './channels';

export interface Notice {
  propertyId: string;
  kind: NoticeKind;
  channel: NoticeChannel;
  recipient: string;
  subject: { kind: string; id: string };
  title: string;
  body: string;
  urgent: boolean;
}

const MAX_ATTEMPTS = 8;
/** 1, 2, 4, … minutes between attempts; a claimed notice is not retried before its lease ends. */
const backoffMinutes = (attempts: number) => 2 ** Math.max(0, attempts - 1);

/**
 * Writes a notice in the same transaction as the change that causes it; `cause` makes its id stable.
 * Its first attempt is already claimed for the function that writes it, which sends it right after
 * commit (see `sendNow`); should that function die first, the timer sends it once the lease ends.
 */
export const enqueueNotice = async (tx: Tx, cause: string, notice: Notice, now: Date): Promise<OutboxDoc> => {
  const doc = outboxModel.toStored({
    _id: derivedId('ob', cause, notice.kind, notice.channel, notice.recipient),
    ...notice,
    status: 'pending',
    attempts: 1,
    nextAttemptAt: addMinutes(now, backoffMinutes(1)).toISOString(),
    lastError: null,
    createdAt: now.toISOString(),
    sentAt: null,
  });
  await tx.collection('outbox').doc(doc._id).set({ data: withoutId(doc) });
  return doc;
};

export interface DrainReport {
  sent: number;
  retried: number;
  dead: number;
}

/** Delivers a notice whose attempt the caller holds, then records the outcome on it. */
const attempt = async (deps: Deps, notice: OutboxDoc, report: DrainReport): Promise<void> => {
  let failure: string | null = null;
  try {
    await deliver(deps, notice);
  } catch (e) {
    failure = (e instanceof Error ? e.message : String(e)).slice(0, 500);
  }
  const outbox = deps.db.collection('outbox').doc(notice._id);
  if (failure === null) {
    await outbox.update({ data: { status: 'sent', sentAt: deps.now().toISOString(), lastError: null } });
    report.sent++;
    return;
  }
  const dead = notice.attempts >= MAX_ATTEMPTS;
  await outbox.update({ data: { status: dead ? 'dead' : 'pending', lastError: failure } });
  if (dead) report.dead++;
  else report.retried++;
};

/**
 * Sends, at once, the notices a committed change queued. A failure here loses nothing: each stays
 * pending with its error, and the timer retries it when its lease ends.
 */
export const sendNow = async (deps: Deps, notices: readonly OutboxDoc[]): Promise<DrainReport> => {
  const report: DrainReport = { sent: 0, retried: 0, dead: 0 };
  for (const notice of notices) {
    try {
      await attempt(deps, notice, report);
    } catch (e) {
      console.warn(`notice ${notice._id} not sent now; the outbox timer will retry`, e);
    }
  }
  return report;
};

/**
 * The timer's sender: each due notice is claimed with a check on `attempts` (so two senders never
 * both send it), delivered, and marked sent, or left for a later attempt with backoff.
 */
export const drainOutbox = async (deps: Deps, limit = 50): Promise<DrainReport> => {
  const { db } = deps;
  const now = deps.now();
  const res = await db
    .collection('outbox')
    .where({ status: 'pending', nextAttemptAt: db.command.lte(now.toISOString()) })
    .orderBy('nextAttemptAt', 'asc')
    .limit(limit)
    .get();
  const report: DrainReport = { sent: 0, retried: 0, dead: 0 };
  for (const notice of parseAll(outboxModel, res.data)) {
    const attempts = notice.attempts + 1;
    const claim = await db
      .collection('outbox')
      .where({ _id: notice._id, status: 'pending', attempts: notice.attempts })
      .update({ data: { attempts, nextAttemptAt: addMinutes(now, backoffMinutes(attempts)).toISOString() } });
    if (claim.stats.updated) await attempt(deps, { ...notice, attempts }, report);
  }
  return report;
};
