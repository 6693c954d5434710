import type * as c from '@shared/contracts/session.contract';
import { threadKey, type ReadMark } from '@shared/domain/notice-thread.rules';
import { failure } from '@shared/messages/failure';
import { outboxModel } from '@shared/model/outbox.model';
import { ok } from '@shared/result';
import { applyOnce } from '../_shared/commands';
import { parseAll } from '../_shared/repo';
import type { Handler } from '../_shared/router';
import { addReadMarks, ensureReadMarks, hasReadMarks } from './read-marks.repo';

/** The threads among `keys` she has in-app notices in (her own, in this property). */
const threadsOfHers = async (ctx: Parameters<Handler<typeof c.markRead>>[1], ids: readonly string[]): Promise<Set<string>> => {
  const { db } = ctx.deps;
  const res = await db
    .collection('outbox')
    .where({ propertyId: ctx.member.propertyId, channel: 'inbox', recipient: ctx.member.openid, 'subject.id': db.command.in([...ids]) })
    .limit(1000)
    .get();
  return new Set(parseAll(outboxModel, res.data).map((n) => threadKey(n.subject)));
};

/**
 * Issue 18 (3): she opened these threads: the server keeps how far, so every phone she signs in on
 * shows them read. Only threads of her own notices (a household member's, a stranger's or another
 * property's are COMMON.NOT_FOUND, and nothing is written); a mark is never later than now, and the
 * later of two marks wins, so replays and an old phone's marks change nothing.
 */
export const markRead: Handler<typeof c.markRead> = async (input, ctx) => {
  const { deps, member, now } = ctx;
  const opened: ReadMark[] = input.threads.map((t) => ({ thread: threadKey(t.subject), at: t.at < now.toISOString() ? t.at : now.toISOString() }));
  // Whether they are hers, and whether she has marks yet, are asked at once; her document is made the first time only.
  const [hers, kept] = await Promise.all([threadsOfHers(ctx, [...new Set(input.threads.map((t) => t.subject.id))]), hasReadMarks(deps.db, member)]);
  if (!opened.every((m) => hers.has(m.thread))) return failure('COMMON.NOT_FOUND');
  if (!kept) await ensureReadMarks(deps.db, member, now);
  const { result } = await applyOnce(ctx, 'session.markRead', async (tx) => {
    await addReadMarks(tx, member, opened, now);
    return { marked: new Set(opened.map((m) => m.thread)).size };
  });
  return ok(result);
};
