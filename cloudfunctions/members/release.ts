import { format } from '@shared/messages/format';
import * as messages from '@shared/messages/words';
import { transition } from '@shared/domain/state-machine';
import { heldByTechnician, repairMachine } from '@shared/domain/repair.machine';
import type { MemberDoc } from '@shared/model/member.model';
import type { OutboxDoc } from '@shared/model/outbox.model';
import { repairWhere } from '@shared/messages/place-label';
import { repairModel } from '@shared/model/repair.model';
import { audienceOfRole } from '@shared/model/signal.model';
import type { ActionContext } from '../_shared/context';
import { cancelDeadline, liveDeadlinesOf } from '../_shared/deadlines';
import { enqueueNotice, sendNow } from '../_shared/outbox';
import { readRepairInTx, technicianRepairs, writeRepairInTx } from '../_shared/repairs.repo';

/**
 * R4: the work orders a person held when they left (or stopped being a technician) go back to the
 * desk: each returns to 'submitted' with no technician through the machine's `unassign` step, its
 * acknowledgement and return clocks are cancelled (the next dispatch starts them afresh), and the
 * desk and the resident are told. One transaction per order, so any number of orders fits the
 * cloud's limits; an order that moved on meanwhile (or was already returned) is left alone, so
 * running this again does nothing twice. Returns how many orders went back.
 */
export const returnOpenWork = async (ctx: ActionContext, person: MemberDoc): Promise<number> => {
  const { deps, member, now } = ctx;
  const { db } = deps;
  const _ = db.command;
  const held = await technicianRepairs(db, person.propertyId, person.openid, heldByTechnician);
  const at = now.toISOString();
  const reason = format(messages.memberTexts.workReturned, { name: person.name });
  const queued: OutboxDoc[] = [];
  let returned = 0;
  for (const order of held) {
    const open = await liveDeadlinesOf(db, order.propertyId, order._id);
    const notices = await db.runTransaction(async (tx) => {
      const repair = await readRepairInTx(tx, order._id);
      if (repair.technician?.openid !== person.openid) return [];
      const moved = transition(repairMachine, repair, { action: 'unassign', actor: member.openid, role: member.role, now, reason });
      if (!moved.ok) return [];
      const next = repairModel.toStored({
        ...repair,
        status: moved.status,
        version: moved.version,
        technician: null,
        dispatchedAt: null,
        acknowledgedAt: null,
        arrivedAt: null,
        blocker: null,
        pausedMs: 0,
        updatedAt: at,
        lastStepAt: at,
      });
      await writeRepairInTx(tx, next, moved.event, `unassign~${person._id}`);
      for (const clock of open) await cancelDeadline(tx, clock.subject.id, clock.rule, now, moved.version);
      const out: OutboxDoc[] = [];
      for (const recipient of [audienceOfRole('desk'), ...(repair.residentOpenid === null ? [] : [repair.residentOpenid])]) {
        const notice = {
          propertyId: repair.propertyId,
          kind: 'repair.changed' as const,
          channel: 'inbox' as const,
          recipient,
          subject: { kind: 'repair', id: repair._id },
          title: `${messages.repairActions.unassign} · ${repairWhere(repair)}`,
          body: reason,
          urgent: repair.priority === 'urgent',
        };
        out.push(await enqueueNotice(tx, `${repair._id}@${moved.version}`, notice, now));
      }
      return out;
    });
    if (notices.length) returned++;
    queued.push(...notices);
  }
  await sendNow(deps, queued);
  return returned;
};
