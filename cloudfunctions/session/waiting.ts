import type * as c from '@shared/contracts/session.contract';
import { failure } from '@shared/messages/failure';
import { ok } from '@shared/result';
import { COMPANY_SCOPE } from '@shared/model/member.model';
import type { Handler } from '../_shared/router';
import { membershipsOf } from '../_shared/membership';
import { companyProperties } from '../_shared/properties';
import { waitingIn } from './waiting-counts';

/**
 * Issue 14 (2): the work waiting in the caller's other properties, one count per property and
 * nothing else of it. First the caller's active memberships and the company's properties (at most
 * 100) together, then the counts of the open ones: two waits however many properties (issue 16).
 * A deactivated property takes no work, so nothing is counted there.
 *
 * The membership is checked here, not declared in the contract: the router resolves one membership,
 * in the property the call names, and a role list there would put that read before this one, a third
 * wait. The caller must hold an active membership in the property they ask from, as the router would check.
 */
export const waiting: Handler<typeof c.waiting> = async (input, { deps, caller, now }) => {
  const [members, properties] = await Promise.all([membershipsOf(deps.db, caller.openid), companyProperties(deps.db)]);
  if (!members.some((m) => m.propertyId === input.propertyId)) return failure('COMMON.NOT_A_MEMBER');
  const closed = new Set(properties.filter((p) => p.status === 'inactive').map((p) => p._id));
  const others = members.filter((m) => m.propertyId !== input.propertyId && m.propertyId !== COMPANY_SCOPE && !closed.has(m.propertyId));
  const counts = await Promise.all(others.map((m) => waitingIn(deps.db, m, now)));
  return ok({ others: others.map((m, i) => ({ propertyId: m.propertyId, ...counts[i]! })) });
};
