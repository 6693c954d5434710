import { complaintsActions } from '@shared/contracts/complaints.contract';
import { ok } from '@shared/result';
import { failure } from '@shared/messages/failure';
import { transition } from '@shared/domain/state-machine';
import { complaintMachine } from '@shared/domain/complaint.machine';
import { defineFunction, replaysFirst, type Handler } from '../_shared/router';
import { applyOnce } from '../_shared/commands';
import { appendEvent } from '../_shared/events';
import { ActionFailure } from '../_shared/failures';
import { enqueueNotice, sendNow } from '../_shared/outbox';
import { findComplaint, readComplaintInTx, writeComplaintInTx } from '../_shared/complaints.repo';
import { audienceOfRole } from '@shared/model/signal.model';
import type { OutboxDoc } from '@shared/model/outbox.model';
import { subjectOf } from './clocks';
import { createComplaint, registerComplaint } from './intake';
import { complaintNotices } from './notices';
import { getCase, inbox, listMine } from './queries';
import { registerOf, signRegister } from './register';
import { figures } from './figures';
import { decideComplaintContent } from './screen';
import { relatedOf, toCaseView } from './on-case';
import * as steps from './steps';
import type { ComplaintView } from '@shared/contracts/complaints.contract';

/** How the resident rates the handling of their own resolved complaint, once. */
const rate: Handler<(typeof complaintsActions)['rate']> = async (input, ctx) => {
  const { deps, member, now } = ctx;
  const existing = await findComplaint(deps.db, input.complaintId);
  if (!existing || existing.propertyId !== member.propertyId || existing.residentOpenid !== member.openid) return failure('COMPLAINT.NOT_FOUND');
  const related = await relatedOf(deps.db, existing);
  const queued: OutboxDoc[] = [];
  const { result, fresh } = await applyOnce(ctx, 'complaints.rate', async (tx) => {
    queued.length = 0;
    const c = await readComplaintInTx(tx, existing._id);
    if (c.version !== input.version) throw new ActionFailure('COMMON.VERSION_CONFLICT');
    const moved = transition(complaintMachine, c, { action: 'rate', actor: member.openid, role: member.role, now, reason: input.comment || undefined, deviceTime: input.deviceTime });
    if (!moved.ok) throw new ActionFailure(moved.code);
    const next = await writeComplaintInTx(tx, { ...c, version: moved.version, rating: { score: input.score, comment: input.comment, at: now.toISOString() }, updatedAt: now.toISOString() });
    await appendEvent(tx, subjectOf(next), moved.event, input.commandId);
    for (const notice of complaintNotices(next, 'complaint.changed', `${input.score}星 ${input.comment}`, { inbox: [audienceOfRole('desk')], group: false }, false)) {
      queued.push(await enqueueNotice(tx, `${c._id}@${moved.version}`, notice, now));
    }
    return toCaseView(next, related, ctx) as ComplaintView;
  });
  if (fresh) await sendNow(deps, queued);
  return ok(result);
};

export const handle = defineFunction('complaints', complaintsActions, {
  // Issue 16: read its command's record first (replaysFirst, router.ts): a replay must not take a place of the day nor send the text to be checked again.
  create: replaysFirst(createComplaint),
  register: registerComplaint,
  listMine,
  get: getCase,
  inbox,
  classify: steps.classify,
  issueSlip: steps.issueSlip,
  acknowledge: steps.acknowledge,
  reply: steps.reply,
  rate,
  registerOf,
  signRegister,
  figures,
  decideContent: decideComplaintContent,
});
