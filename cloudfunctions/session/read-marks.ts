import type * as c from '@shared/contracts/session.contract';
import { threadKey, type ReadMark } from '@shared/domain/notice-thread.rules';
import { ok } from '@shared/result';
import { applyOnce } from '../_shared/commands';
import { ActionFailure } from '../_shared/failures';
import { hasInboxNoticesAbout } from '../_shared/outbox';
import type { Handler } from '../_shared/router';
import { readMarksOf, writeReadMarks } from './read-marks.repo';

/** Both answers once both have settled: a refusal never rolls the transaction back under its own read. */
const settledPair = async <A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> => {
  const [first, second] = await Promise.allSettled([a, b]);
  if (first.status === 'rejected') throw first.reason;
  if (second.status === 'rejected') throw second.reason;
  return [first.value, second.value];
};

/**
 * Issue 18 (3): she opened these threads: the server keeps how far, so every phone she signs in on
 * shows them read. Only threads of her own notices (a household member's, a stranger's or another
 * property's are COMMON.NOT_FOUND, and nothing is written); a mark is never later than now, and the
 * later of two marks wins, so replays and an old phone's marks change nothing.
 *
 * Issue 16: whether the threads are hers (one count per thread on the outbox's `thread` index) is
 * asked inside the transaction, beside its read of her marks, so neither costs a wait of its own and
 * her first mark needs no document made beforehand; a refusal rolls back before anything is written.
 */
export const markRead: Handler<typeof c.markRead> = async (input, ctx) => {
  const { deps, member, now } = ctx;
  const opened: ReadMark[] = input.threads.map((t) => ({ thread: threadKey(t.subject), at: t.at < now.toISOString() ? t.at : now.toISOString() }));
  const subjects = [...new Map(input.threads.map((t) => [threadKey(t.subject), t.subject])).values()];
  const { result } = await applyOnce(ctx, 'session.markRead', async (tx) => {
    const [hers, kept] = await settledPair(hasInboxNoticesAbout(deps.db, member.propertyId, member.openid, subjects), readMarksOf(tx, member));
    if (!hers.every(Boolean)) throw new ActionFailure('COMMON.NOT_FOUND');
    await writeReadMarks(tx, member, kept, opened, now);
    return { marked: subjects.length };
  });
  return ok(result);
};
