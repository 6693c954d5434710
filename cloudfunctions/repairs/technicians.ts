import type { technicians } from '@shared/contracts/repairs.contract';
import { failure } from '@shared/messages/failure';
import { ok } from '@shared/result';
import { rankTechnicians } from '@shared/domain/dispatch.rules';
import { suggestionReason } from '@shared/messages/suggestion-reason';
import type { MemberDoc } from '@shared/model/member.model';
import type { RepairDoc } from '@shared/model/repair.model';
import { withPrefetch, type Handler } from '../_shared/router';
import { activeMembers } from '../_shared/membership';
import { figuresOf } from './scorecards';
import { findRepair } from '../_shared/repairs.repo';

/**
 * R4: who to send, ranked by skill match, open workload and rating, each with the reason. The order and the
 * property's technicians need only the input: they are read with the caller's membership (issue 16), each
 * technician's figures after.
 */
export const suggestTechnicians: Handler<typeof technicians> = withPrefetch<typeof technicians, [RepairDoc | null, MemberDoc[]]>(
  (input, deps) => Promise.all([findRepair(deps.db, input.repairId), activeMembers(deps.db, input.propertyId, 'technician')]),
  async (_input, { deps, member }, [repair, staff]) => {
    if (!repair || repair.propertyId !== member.propertyId) return failure('REPAIR.NOT_FOUND');
    const candidates = await Promise.all(
      staff.map(async (t) => {
        const figures = await figuresOf(deps.db, t);
        const rating = figures.quality === null || figures.attitude === null ? null : (figures.quality + figures.attitude) / 2;
        return { memberId: t._id, name: t.name, skills: t.skills, openOrders: figures.openLoad, rating };
      }),
    );
    return ok({ items: rankTechnicians(repair.category, candidates).map((s) => ({ ...s, reason: suggestionReason(s) })) });
  },
);
