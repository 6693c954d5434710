import * as contract from '@shared/contracts/callbacks.contract';
import type { CallbackView } from '@shared/contracts/callbacks.contract';
import { failure } from '@shared/messages/failure';
import { ok } from '@shared/result';
import { transition } from '@shared/domain/state-machine';
import { callbackMachine } from '@shared/domain/callback.machine';
import { callbackModel, type CallbackDoc } from '@shared/model/callback.model';
import { defineFunction } from '../_shared/router';
import { applyOnce } from '../_shared/commands';
import { ActionFailure } from '../_shared/failures';
import { mapPage, readPage } from '../_shared/paging';
import { ownsFile } from '../_shared/storage';
import { figures } from './figures';
import { findCallback, findCallbackInTx, openCallbacksByDue, writeCallbackInTx } from '../_shared/callbacks';

/** The desk calls residents back, so it sees the full number (P1: the role needs it). */
export const toView = (c: CallbackDoc, now: Date): CallbackView => ({
  id: c._id,
  kind: c.kind,
  reason: c.reason,
  subjectId: c.subject.id,
  status: c.status,
  version: c.version,
  residentName: c.residentName,
  phone: c.phone,
  address: c.address,
  dueAt: c.dueAt,
  assignee: c.assignee,
  overdue: c.status === 'open' && new Date(c.dueAt) < now,
  outcome: c.outcome
    ? { reached: c.outcome.reached, satisfied: c.outcome.satisfied, notes: c.outcome.notes, method: c.outcome.method, at: c.outcome.at, signature: c.outcome.signature ?? null }
    : null,
  complaintId: c.complaintId ?? null,
});

/**
 * Issue 16: the callbacks area's own function: the desk's queue, a task, its record and the figures. A
 * complaint raised from a callback is the area's part callbacks-complaints (it carries the complaint
 * intake), its own deployed function.
 */
export const handle = defineFunction('callbacks', { queue: contract.queue, get: contract.get, record: contract.record, figures: contract.figures }, {
  queue: async (input, { deps, now }) => {
    const open = openCallbacksByDue({ propertyId: input.propertyId, status: 'open', ...(input.kind ? { kind: input.kind } : {}) });
    const page = await readPage(deps.db, { name: `callbacks.queue.${input.kind ?? 'all'}`, sources: [open] }, input);
    return ok(mapPage(page, (c) => toView(c, now)));
  },

  get: async (input, { deps, member, now }) => {
    const task = await findCallback(deps.db, input.callbackId);
    if (!task || task.propertyId !== member.propertyId) return failure('CALLBACK.NOT_FOUND');
    return ok(toView(task, now));
  },

  // Issue 16: the task is read once, in the transaction started with the caller's membership; the refusals come in
  // the order they always did: a task not in her property (or none), the manager's own, then the input's own checks.
  record: async (input, ctx) => {
    const { member, now } = ctx;
    const { result } = await applyOnce(ctx, 'callbacks.record', async (tx) => {
      const task = await findCallbackInTx(tx, input.callbackId);
      if (!task || task.propertyId !== member.propertyId) throw new ActionFailure('CALLBACK.NOT_FOUND');
      if (task.assignee === 'manager' && member.role !== 'manager') throw new ActionFailure('CALLBACK.MANAGER_ONLY');
      // B2: the resident signs the record of a home visit that met them; a visit that found nobody home has no one to sign.
      if (input.method === 'home_visit' && input.reached && !input.signature) throw new ActionFailure('CALLBACK.SIGNATURE_REQUIRED');
      if (input.signature && !ownsFile(member, input.signature)) throw new ActionFailure('CALLBACK.FILE_NOT_YOURS');
      if (task.version !== input.version) throw new ActionFailure('COMMON.VERSION_CONFLICT');
      const moved = transition(callbackMachine, task, { action: 'record', actor: member.openid, role: member.role, now, reason: input.notes || undefined, deviceTime: input.deviceTime });
      if (!moved.ok) throw new ActionFailure(moved.code !== 'STATE.TRANSITION_NOT_ALLOWED' ? moved.code : task.status === 'cancelled' ? 'CALLBACK.CANCELLED' : 'CALLBACK.ALREADY_DONE');
      const next = callbackModel.toStored({
        ...task,
        status: moved.status,
        version: moved.version,
        outcome: {
          reached: input.reached,
          satisfied: input.reached ? input.satisfied : null,
          notes: input.notes,
          method: input.method,
          at: now.toISOString(),
          by: member.name,
          ...(input.signature ? { signature: input.signature } : {}),
        },
      });
      // B1: the task's clock stops with it: the task done is what the timer reads before it would warn (deadlines.ts
      // `SubjectSays`; issue 16: the clock is not read nor written here, even one a settlement's journal has not stored yet).
      await writeCallbackInTx(tx, next, moved.event, input.commandId);
      return toView(next, now);
    });
    return ok(result);
  },

  figures,
});
