import { contentCheckModel, type CheckItem, type ContentCheckDoc, type ScreenedKind } from '@shared/model/screening.model';
import type { Database, Tx } from './database';
import { derivedId } from './ids';
import { parseAll, withoutId } from './repo';
import type { Sweep } from './sweep';

/**
 * Issue 15 (3): the `contentChecks` collection (issue 13, 1.9: a check waiting for a call or a
 * verdict). Only this module names it: the filing queues checks, the timer claims due ones, a
 * push finds its check by trace id, and a check is finished, put back in the queue or given up
 * through the functions below. It lives in `_shared/` because the checks are `_shared/`'s own
 * (content-check, content-sweep, content-verdicts), which may import no area.
 */

/** A check's id: one per ticket and item, so a filing retried queues the same checks again. */
export const contentCheckIdOf = (kind: ScreenedKind, subjectId: string, item: CheckItem): string =>
  derivedId('cc', kind, subjectId, item.kind === 'text' ? 'text' : item.fileId);

/** The filing's checks, in its transaction. */
export const queueChecksInTx = async (tx: Tx, checks: readonly ContentCheckDoc[]): Promise<void> => {
  for (const check of checks) await tx.collection('contentChecks').doc(check._id).set({ data: withoutId(check) });
};

/** The check a push answers: the one WeChat gave this trace id (null when none). */
export const checkOfTrace = async (db: Database, traceId: string): Promise<ContentCheckDoc | null> => {
  const found = await db.collection('contentChecks').where({ traceId }).limit(1).get();
  const [check] = parseAll(contentCheckModel, found.data);
  return check ?? null;
};

/** The checks whose time has come (the `due` index), oldest first, parsed as the sweep parses. */
export const dueChecks = async (sweep: Sweep, now: Date, limit: number): Promise<ContentCheckDoc[]> => {
  const { db } = sweep.deps;
  const res = await db
    .collection('contentChecks')
    .where({ status: db.command.in(['queued', 'submitted']), nextAttemptAt: db.command.lte(now.toISOString()) })
    .orderBy('nextAttemptAt', 'asc')
    .limit(limit)
    .get();
  return sweep.parse(contentCheckModel, res.data);
};

/** Claims a check's next attempt, unless another run did since it was read: true when this call claimed it. */
export const claimCheck = async (db: Database, check: ContentCheckDoc, attempts: number, nextAttemptAt: string): Promise<boolean> => {
  const claim = await db
    .collection('contentChecks')
    .where({ _id: check._id, status: check.status, attempts: check.attempts })
    .update({ data: { attempts, status: 'queued', nextAttemptAt } });
  return Boolean(claim.stats.updated);
};

/** A call that did not work: the check waits in the queue (from `nextAttemptAt` when given, else from its claim's time). */
export const requeueCheck = async (db: Database, id: string, lastError: string, nextAttemptAt?: string): Promise<void> => {
  await db.collection('contentChecks').doc(id).update({ data: { status: 'queued', lastError, ...(nextAttemptAt ? { nextAttemptAt } : {}) } });
};

/** A photo sent: its verdict is awaited under `traceId` until `waitUntil`. */
export const markCheckSubmitted = async (db: Database, id: string, traceId: string, waitUntil: string): Promise<void> => {
  await db.collection('contentChecks').doc(id).update({ data: { status: 'submitted', traceId, nextAttemptAt: waitUntil, lastError: null } });
};

/** A check whose ticket is gone: given up, forgetting the author's openid. */
export const dropCheck = async (db: Database, id: string, lastError: string): Promise<void> => {
  await db.collection('contentChecks').doc(id).update({ data: { status: 'dead', openid: '', lastError } });
};

/** A check finished (`done`) or given up (`dead`) in the transaction that lands its verdict; it forgets the author's openid. */
export const finishCheckInTx = async (tx: Tx, id: string, status: 'done' | 'dead'): Promise<void> => {
  await tx.collection('contentChecks').doc(id).update({ data: { status, openid: '', lastError: null } });
};
