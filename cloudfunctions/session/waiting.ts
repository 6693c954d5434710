import type * as c from '@shared/contracts/session.contract';
import { failure } from '@shared/messages';
import { ok } from '@shared/result';
import { COMPANY_SCOPE } from '@shared/model/member.model';
import { propertyModel } from '@shared/model/property.model';
import type { Handler } from '../_shared/router';
import { membershipsOf } from '../_shared/membership';
import { parseAll } from '../_shared/repo';
import { waitingIn } from './waiting-counts';

/**
 * Issue 14 (2): the work waiting in the caller's other properties, one count per property and
 * nothing else of it. First the caller's active memberships (the caller must hold one in the
 * property they ask from, as the router would check), then every count and the properties' state
 * together: two waits however many properties (issue 16). A deactivated property takes no work, so
 * nothing waits there.
 */
export const waiting: Handler<typeof c.waiting> = async (input, { deps, caller, now }) => {
  const members = await membershipsOf(deps.db, caller.openid);
  if (!members.some((m) => m.propertyId === input.propertyId)) return failure('COMMON.NOT_A_MEMBER');
  const others = members.filter((m) => m.propertyId !== input.propertyId && m.propertyId !== COMPANY_SCOPE);
  if (!others.length) return ok({ others: [] });
  const ids = others.map((m) => m.propertyId);
  const [properties, counts] = await Promise.all([
    deps.db.collection('properties').where({ _id: deps.db.command.in(ids) }).limit(ids.length).get(),
    Promise.all(others.map((m) => waitingIn(deps.db, m, now))),
  ]);
  const closed = new Set(parseAll(propertyModel, properties.data).filter((p) => p.status === 'inactive').map((p) => p._id));
  return ok({ others: others.flatMap((m, i) => (closed.has(m.propertyId) ? [] : [{ propertyId: m.propertyId, ...counts[i]! }])) });
};
