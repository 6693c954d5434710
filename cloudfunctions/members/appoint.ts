import type * as c from '@shared/contracts/company.contract';
import { failure } from '@shared/messages/failure';
import { ok } from '@shared/result';
import type { Handler } from '../_shared/router';
import { findProperty } from '../_shared/properties';
import { issueInvitation } from './invitations';
import { findMember } from '../_shared/membership';

/**
 * Issue 14 (1): the administrator appoints a property's manager by invitation, as managers invite
 * their staff. `replaces` must be that property's active manager; they stay until the new one joins.
 * A deactivated property takes no new people.
 */
export const appointManager: Handler<typeof c.appointManager> = async (input, ctx) => {
  const { db } = ctx.deps;
  const [property, replaced] = await Promise.all([
    findProperty(db, input.propertyId),
    input.replaces ? findMember(db, input.replaces) : null,
  ]);
  if (!property) return failure('PROPERTY.NOT_FOUND');
  if (property.status === 'inactive') return failure('COMMON.PROPERTY_INACTIVE');
  if (input.replaces && !(replaced?.propertyId === property._id && replaced.role === 'manager' && replaced.status === 'active')) return failure('MEMBER.NOT_FOUND');
  const invitation = await issueInvitation(ctx, 'members.appointManager', {
    propertyId: property._id,
    role: 'manager',
    note: input.note,
    hours: input.hours,
    replaces: input.replaces ?? null,
  });
  return ok(invitation);
};
