import type * as contract from '@shared/contracts/complaints.contract';
import { ok } from '@shared/result';
import { transition } from '@shared/domain/state-machine';
import { complaintMachine } from '@shared/domain/complaint.machine';
import type { Handler } from '../_shared/router';
import { applyOnce } from '../_shared/commands';
import { appendEvent } from '../_shared/events';
import { ActionFailure } from '../_shared/failures';
import { enqueueNotice, sendNow } from '../_shared/outbox';
import { findComplaintInTx, writeComplaintInTx } from '../_shared/complaints.repo';
import { audienceOfRole } from '@shared/model/signal.model';
import type { OutboxDoc } from '@shared/model/outbox.model';
import { subjectOf } from './clocks';
import { complaintNotices } from './notices';
import { relatedOf, toCaseView } from './on-case';

/** How the resident rates the handling of their own resolved complaint, once. */
export const rate: Handler<typeof contract.rate> = async (input, ctx) => {
  const { deps, member, now } = ctx;
  const queued: OutboxDoc[] = [];
  const { result, fresh } = await applyOnce(ctx, 'complaints.rate', async (tx) => {
    queued.length = 0;
    // Issue 16: the complaint is read once, in the transaction started with the membership (a read before it was
    // one more wait): one not hers is not there for her, whatever it is.
    const c = await findComplaintInTx(tx, input.complaintId);
    if (!c || c.propertyId !== member.propertyId || c.residentOpenid !== member.openid) throw new ActionFailure('COMPLAINT.NOT_FOUND');
    if (c.version !== input.version) throw new ActionFailure('COMMON.VERSION_CONFLICT');
    // Its group, for the view, is read outside the transaction beside its operations, once she may see it.
    const related = relatedOf(deps.db, c);
    related.catch(() => undefined);
    const moved = transition(complaintMachine, c, { action: 'rate', actor: member.openid, role: member.role, now, reason: input.comment || undefined, deviceTime: input.deviceTime });
    if (!moved.ok) throw new ActionFailure(moved.code);
    const next = await writeComplaintInTx(tx, { ...c, version: moved.version, rating: { score: input.score, comment: input.comment, at: now.toISOString() }, updatedAt: now.toISOString() });
    await appendEvent(tx, subjectOf(next), moved.event, input.commandId);
    for (const notice of complaintNotices(next, 'complaint.changed', `${input.score}星 ${input.comment}`, { inbox: [audienceOfRole('desk')], group: false }, false)) {
      queued.push(await enqueueNotice(tx, `${c._id}@${moved.version}`, notice, now));
    }
    return toCaseView(next, await related, ctx) as contract.ComplaintView;
  });
  if (fresh) await sendNow(deps, queued);
  return ok(result);
};
