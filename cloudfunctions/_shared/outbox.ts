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

/** Writes a notice in the same transaction as the change that causes it; `cause` makes its id stable. */
export const enqueueNotice = async (tx: Tx, cause: string, notice: Notice, now: Date): Promise<string> => {
  const doc = outboxModel.toStored({
    _id: derivedId('ob', cause, notice.kind, notice.channel, notice.recipient),
    ...notice,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now.toISOString(),
    lastError: null,
    createdAt: now.toISOString(),
    sentAt: null,
  });
  await tx.collection('outbox').doc(doc._id).set({ data: withoutId(doc) });
  return doc._id;
};

const MAX_ATTEMPTS = 8;
/** 1, 2, 4, … minutes between attempts; a claimed notice is not retried before its lease ends. */
const backoffMinutes = (attempts: number) => 2 ** Math.max(0, attempts - 1);

export interface DrainReport {
  sent: number;
  retried: number;
  dead: number;
}

/**
 * Empties the outbox: each due notice is claimed with a version check on `attempts` (so two senders
 * never both send it), delivered, and marked sent, or left for a later attempt with backoff.
 */
export const drainOutbox = async (deps: Deps, options: { ids?: readonly string[]; limit?: number } = {}): Promise<DrainReport> => {
  const { db } = deps;
  const _ = db.command;
  const now = deps.now();
  const filter = options.ids
    ? { _id: _.in([...options.ids]), status: 'pending' }
    : { status: 'pending', nextAttemptAt: _.lte(now.toISOString()) };
  const res = await db.collection('outbox').where(filter).orderBy('nextAttemptAt', 'asc').limit(options.limit ?? 50).get();
  const report: DrainReport = { sent: 0, retried: 0, dead: 0 };
  for (const notice of parseAll(outboxModel, res.data)) {
    const attempts = notice.attempts + 1;
    const claim = await db
      .collection('outbox')
      .where({ _id: notice._id, status: 'pending', attempts: notice.attempts })
      .update({ data: { attempts, nextAttemptAt: addMinutes(now, backoffMinutes(attempts)).toISOString() } });
    if (!claim.stats.updated) continue;
    const outcome = await attempt(deps, notice);
    if (outcome === null) {
      await db.collection('outbox').doc(notice._id).update({ data: { status: 'sent', sentAt: deps.now().toISOString(), lastError: null } });
      report.sent++;
    } else {
      const dead = attempts >= MAX_ATTEMPTS;
      await db.collection('outbox').doc(notice._id).update({ data: { status: dead ? 'dead' : 'pending', lastError: outcome.slice(0, 500) } });
      if (dead) report.dead++;
      else report.retried++;
    }
  }
  return report;
};

const attempt = async (deps: Deps, notice: OutboxDoc): Promise<string | null> => {
  try {
    await deliver(deps, notice);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
};
