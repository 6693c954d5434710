import type { BindingView, InvitationView, MemberView } from '@shared/contracts/members.contract';
import type { Membership } from '@shared/contracts/session.contract';
import type * as z from 'zod/mini';
import { invitationState } from '@shared/domain/invitation.rules';
import { maskPhone } from '@shared/domain/phone';
import type { BindingDoc } from '@shared/model/binding.model';
import type { InvitationDoc } from '@shared/model/invitation.model';
import type { MemberDoc } from '@shared/model/member.model';
import { roomLabel, roomLabelOfId } from '@shared/model/property.model';

/** Staff see each other's numbers; a resident's is masked in a management list (P1). No openid leaves the server. */
export const toMemberView = (m: MemberDoc): MemberView => ({
  id: m._id,
  role: m.role,
  status: m.status,
  name: m.name,
  phone: m.role === 'resident' ? maskPhone(m.phone) : m.phone,
  skills: m.skills,
  rooms: m.roomIds.map(roomLabelOfId),
  vip: m.vip,
  createdAt: m.createdAt,
});

export const toMembership = (m: MemberDoc, propertyName: string): z.infer<typeof Membership> => ({
  propertyId: m.propertyId,
  propertyName,
  memberId: m._id,
  role: m.role,
  name: m.name,
});

export const toInvitationView = (inv: InvitationDoc, now: Date): InvitationView => ({
  id: inv._id,
  role: inv.role,
  note: inv.note,
  status: invitationState(inv, now),
  expiresAt: inv.expiresAt,
  createdAt: inv.createdAt,
  createdBy: inv.createdBy.name,
  usedBy: inv.used?.name ?? null,
  usedAt: inv.used?.at ?? null,
});

/** The phone is masked for everyone here, the applicant included; revealBindingPhone gives the desk the number. */
export const toBindingView = (b: BindingDoc): BindingView => ({
  id: b._id,
  propertyId: b.propertyId,
  roomId: b.roomId,
  address: roomLabel(b.address),
  name: b.name,
  relation: b.relation,
  phone: maskPhone(b.phone),
  status: b.status,
  version: b.version,
  reason: b.review?.reason ?? null,
  createdAt: b.createdAt,
  reviewedAt: b.review?.at ?? null,
  invitedBy: b.invitedBy?.name ?? null,
});
