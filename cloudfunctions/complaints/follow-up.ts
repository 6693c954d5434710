import { complaintCallbackPlan } from '@shared/domain/complaint-notice.rules';
import { callbackModel, type CallbackDoc } from '@shared/model/callback.model';
import type { ComplaintDoc, Severity } from '@shared/model/complaint.model';
import { roomLabel } from '@shared/model/property.model';
import type { Actor } from '@shared/domain/state-machine';
import type { Tx } from '../_shared/database';
import { derivedId } from '../_shared/ids';
import { planCallback } from '../_shared/callbacks';
import { enqueueNotice, type Notice } from '../_shared/outbox';
import { openNewSubjectClock } from '../_shared/deadlines';
import { callbackDeadline } from '@shared/domain/deadline.rules';
import type { SettingsDoc } from '@shared/model/settings.model';
import { audienceOfRole } from '@shared/model/signal.model';
import { format } from '@shared/messages/format';
import * as messages from '@shared/messages/words';

/**
 * C7: whoever calls back is told the tasks are due (the timer sends it within the minute): one
 * notice for the tasks planned together, all of one assignee (a group's households share its
 * severity), naming each address.
 */
export const callbackDueNotice = (tasks: readonly [CallbackDoc, ...CallbackDoc[]]): Notice => {
  const [first] = tasks;
  return {
    propertyId: first.propertyId,
    kind: 'callback.due',
    channel: 'inbox',
    recipient: audienceOfRole(first.assignee),
    subject: { kind: 'callback', id: first._id },
    title: messages.notices['callback.due'],
    body: format(messages.callbackTexts.complaintDue, { address: tasks.map((t) => t.address).join('、') }),
    urgent: first.assignee === 'manager',
  };
};

/**
 * C7: every complaint is called back within 2 days of being handled; the manager calls back on the
 * major ones. Written in the transaction that resolves the complaint, so none is ever missed; its
 * id is the complaint's, so settling twice plans one call. Whoever calls is told, unless `tell` is
 * false: then the caller tells them of every task it planned at once (`callbackDueNotice`).
 */
export const planComplaintCallback = async (
  tx: Tx,
  c: ComplaintDoc,
  severity: Severity | null,
  by: { actor: string; role: Actor; now: Date },
  settings: SettingsDoc,
  commandId: string,
  tell = true,
): Promise<CallbackDoc> => {
  const { now } = by;
  const plan = complaintCallbackPlan(severity, now);
  const doc = callbackModel.toStored({
    _id: derivedId('cb', 'complaint', c._id),
    propertyId: c.propertyId,
    kind: 'complaint',
    reason: 'complaint',
    subject: { kind: 'complaint', id: c._id },
    status: 'open',
    version: 1,
    residentOpenid: c.residentOpenid,
    residentName: c.residentName,
    phone: c.phone,
    address: roomLabel(c.address),
    dueAt: plan.dueAt.toISOString(),
    assignee: plan.assignee,
    outcome: null,
    createdAt: now.toISOString(),
  });
  await planCallback(tx, doc, by, commandId, true);
  // Issue 16: the task is new, so its clock is too: journaled with the task's events and notices (`openNewSubjectClock`).
  await openNewSubjectClock(tx, { kind: 'callback', id: doc._id, propertyId: doc.propertyId }, callbackDeadline(now, new Date(doc.dueAt), doc.assignee, settings), now);
  if (tell) await enqueueNotice(tx, doc._id, callbackDueNotice([doc]), now);
  return doc;
};
