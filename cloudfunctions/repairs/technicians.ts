import type { technicians } from '@shared/contracts/repairs.contract';
import { failure } from '@shared/messages';
import { ok } from '@shared/result';
import { rankTechnicians } from '@shared/domain/dispatch.rules';
import { memberModel } from '@shared/model/member.model';
import { repairModel } from '@shared/model/repair.model';
import type { Handler } from '../_shared/router';
import { findById, parseAll } from '../_shared/repo';

/** R4: who to send, ranked by skill match and open workload, each with the reason. */
export const suggestTechnicians: Handler<typeof technicians> = async (input, { deps, member }) => {
  const repair = await findById(deps.db, repairModel, input.repairId);
  if (!repair || repair.propertyId !== member.propertyId) return failure('REPAIR.NOT_FOUND');
  const [staff, open] = await Promise.all([
    deps.db.collection('members').where({ propertyId: input.propertyId, role: 'technician', status: 'active' }).limit(200).get(),
    deps.db.collection('repairs').where({ propertyId: input.propertyId, status: 'dispatched' }).limit(1000).get(),
  ]);
  const workload = new Map<string, number>();
  for (const r of parseAll(repairModel, open.data)) {
    if (r.technician) workload.set(r.technician.openid, (workload.get(r.technician.openid) ?? 0) + 1);
  }
  const candidates = parseAll(memberModel, staff.data).map((t) => ({
    memberId: t._id,
    name: t.name,
    skills: t.skills,
    openOrders: workload.get(t.openid) ?? 0,
  }));
  return ok({ items: rankTechnicians(repair.category, candidates) });
};
