import type * as z from 'zod/mini';
import type { dispatch } from '@shared/contracts/repairs.contract';
import { failure } from '@shared/messages/failure';
import * as messages from '@shared/messages/words';
import { ok } from '@shared/result';
import type { OutboxDoc } from '@shared/model/outbox.model';
import { transition } from '@shared/domain/state-machine';
import { repairMachine, type RepairAction } from '@shared/domain/repair.machine';
import { acknowledgeDeadline, returnDeadline } from '@shared/domain/deadline.rules';
import { RETURN_WITHIN_MS } from '@shared/domain/return.rules';
import { repairModel, type RepairDoc } from '@shared/model/repair.model';
import { repairWhere } from '@shared/messages/place-label';
import { audienceOfRole } from '@shared/model/signal.model';
import type { ActionContext } from '../_shared/context';
import type { Deps } from '../_shared/deps';
import { withPrefetch, type Handler } from '../_shared/router';
import { applyOnce } from '../_shared/commands';
import { openDeadlineAfter } from '../_shared/deadlines';
import { enqueueNotice, sendNow } from '../_shared/outbox';
import { ActionFailure } from '../_shared/failures';
import { loadSettings } from '../_shared/settings';
import { ensureSlot, moveWindow } from '../_shared/places';
import { WINDOW_CAPACITY } from '@shared/domain/booking.rules';
import { textForOthers } from '../_shared/screened';
import { residentNotice } from './resident-notice';
import { toView } from './views';
import { findMember } from '../_shared/membership';
import { findRepair, readRepairInTx, writeRepairInTx } from '../_shared/repairs.repo';

/** R4: a first dispatch or a reassignment (which needs a reason) of the order at the version the desk saw, or why not. */
const decide = (repair: RepairDoc, input: z.infer<typeof dispatch.input>, { member, now }: ActionContext) => {
  if (repair.version !== input.version) return 'COMMON.VERSION_CONFLICT' as const;
  const action: RepairAction = repair.status === 'dispatched' || repair.status === 'acknowledged' ? 'reassign' : 'dispatch';
  if (action === 'reassign' && !input.reason) return 'REPAIR.REASON_REQUIRED' as const;
  const moved = transition(repairMachine, repair, { action, actor: member.openid, role: member.role, now, reason: input.reason, deviceTime: input.deviceTime });
  return moved.ok ? { action, moved } : moved.code;
};

/**
 * R4: the desk issues the work order to a technician (or reassigns it, with a reason). The version
 * the desk saw must still be current, so two desk members cannot both dispatch one order.
 */
/** The technician, the order and the settings need only the input: read with the caller's membership (issue 16). */
const dispatchReads = (input: z.infer<typeof dispatch.input>, deps: Deps) =>
  Promise.all([findMember(deps.db, input.technicianId), findRepair(deps.db, input.repairId), loadSettings(deps, input.propertyId)]);

export const dispatchRepair: Handler<typeof dispatch> = withPrefetch<typeof dispatch, Awaited<ReturnType<typeof dispatchReads>>>(dispatchReads, async (input, ctx, [technician, existing, settings]) => {
  const { member, deps, now } = ctx;
  if (!technician || technician.propertyId !== member.propertyId || technician.role !== 'technician' || technician.status !== 'active') {
    return failure('REPAIR.TECHNICIAN_NOT_FOUND');
  }
  if (!existing || existing.propertyId !== member.propertyId) return failure('REPAIR.NOT_FOUND');
  // Everything the order as read already refuses is refused before the window's slot is made ready; the transaction decides again.
  const refused = decide(existing, input, ctx);
  if (typeof refused === 'string') return failure(refused);
  const windowTo = { memberId: technician._id, openid: technician.openid, name: technician.name };
  const windowSlot = existing.appointment
    ? await ensureSlot(deps.db, { propertyId: member.propertyId, kind: 'repair', start: existing.appointment.start, owner: technician._id, capacity: WINDOW_CAPACITY })
    : null;
  const queued: OutboxDoc[] = [];
  const { result: view, fresh } = await applyOnce(ctx, 'repairs.dispatch', async (tx) => {
    queued.length = 0;
    const repair = await readRepairInTx(tx, input.repairId);
    if (repair.propertyId !== member.propertyId) throw new ActionFailure('REPAIR.NOT_FOUND');
    const decided = decide(repair, input, ctx);
    if (typeof decided === 'string') throw new ActionFailure(decided);
    const { action, moved } = decided;
    if (repair.appointment) {
      if (!windowSlot || existing.appointment?.start !== repair.appointment.start) throw new ActionFailure('COMMON.VERSION_CONFLICT');
      await moveWindow(tx, repair.appointment.bookingId, windowTo, windowSlot, { actor: member.openid, role: member.role, now }, input.commandId);
    }
    const next: RepairDoc = {
      ...repair,
      status: moved.status,
      version: moved.version,
      technician: { memberId: technician._id, openid: technician.openid, name: technician.name },
      dispatchedAt: repair.dispatchedAt ?? now.toISOString(),
      lastStepAt: now.toISOString(),
      acknowledgedAt: null,
      updatedAt: now.toISOString(),
    };
    await writeRepairInTx(tx, repairModel.toStored(next), moved.event, input.commandId);
    const subject = { kind: 'repair', id: repair._id, propertyId: repair.propertyId };
    // Issue 16: the clocks land after the commit, ordered by the order's version (deadlines.ts `journaledMove`); a first
    // dispatch's are new.
    const at = { subjectVersion: moved.version, insertFirst: !repair.dispatchedAt };
    await openDeadlineAfter(tx, subject, acknowledgeDeadline(repair.priority, settings, now), now, at);
    if (!repair.dispatchedAt) await openDeadlineAfter(tx, subject, returnDeadline(now, new Date(now.getTime() + RETURN_WITHIN_MS), settings), now, at);
    const cause = `${repair._id}@${moved.version}`;
    const base = {
      propertyId: repair.propertyId,
      subject: { kind: 'repair', id: repair._id },
      title: `${messages.repairActions[action]} · ${repairWhere(repair)}`,
      body: `${messages.categories[repair.category]}：${textForOthers(repair.description, repair.screening.text)}`,
      urgent: repair.priority === 'urgent',
      channel: 'inbox' as const,
      kind: 'repair.dispatched' as const,
    };
    for (const recipient of [technician.openid, audienceOfRole('desk')]) {
      queued.push(await enqueueNotice(tx, cause, { ...base, recipient }, now));
    }
    const toResident = residentNotice(action, next, settings, now);
    if (toResident) queued.push(await enqueueNotice(tx, cause, toResident, now));
    return toView(next, member, now);
  });
  if (fresh) await sendNow(deps, queued, settings);
  return ok(view);
});
