import type { Role } from '../model/member.model';

/** A new WeChat user can keep this many requests waiting per property, so nobody floods the desk. */
export const MAX_PENDING_REQUESTS = 5;

interface Membership {
  role: Role;
  status: 'active' | 'inactive';
  roomIds: readonly string[];
}

interface Request {
  roomId: string;
  status: 'pending' | 'approved' | 'rejected';
}

export type RequestRefusal = 'BINDING.STAFF_CANNOT_BIND' | 'BINDING.ALREADY_BOUND' | 'BINDING.ALREADY_PENDING' | 'BINDING.TOO_MANY_PENDING';

/**
 * Whether a user may ask to be bound to a room, given their membership in the property (if any) and
 * their requests there. Staff cannot also be residents (one membership per person and property).
 */
export const requestRefusal = (member: Membership | null, requests: readonly Request[], roomId: string): RequestRefusal | null => {
  const active = member?.status === 'active' ? member : null;
  if (active && active.role !== 'resident') return 'BINDING.STAFF_CANNOT_BIND';
  if (active?.roomIds.includes(roomId)) return 'BINDING.ALREADY_BOUND';
  const pending = requests.filter((r) => r.status === 'pending');
  if (pending.some((r) => r.roomId === roomId)) return 'BINDING.ALREADY_PENDING';
  if (pending.length >= MAX_PENDING_REQUESTS) return 'BINDING.TOO_MANY_PENDING';
  return null;
};

export type Approval =
  | { kind: 'create'; roomIds: string[] }
  | { kind: 'reactivate'; roomIds: string[] }
  | { kind: 'addRoom'; roomIds: string[] }
  | { kind: 'refuse'; code: 'BINDING.STAFF_CANNOT_BIND' };

/**
 * What approving a request does to the applicant's membership: a new resident; a former member
 * back as a resident of this room only; or one more room for a resident (a room already theirs
 * stays once). An active staff member is refused.
 */
export const approvalOf = (member: Membership | null, roomId: string): Approval => {
  if (!member) return { kind: 'create', roomIds: [roomId] };
  if (member.status === 'inactive') return { kind: 'reactivate', roomIds: [roomId] };
  if (member.role !== 'resident') return { kind: 'refuse', code: 'BINDING.STAFF_CANNOT_BIND' };
  return { kind: 'addRoom', roomIds: member.roomIds.includes(roomId) ? [...member.roomIds] : [...member.roomIds, roomId] };
};

/** A rejection tells the applicant why; an approval needs no reason. */
export const reviewRefusal = (decision: 'approve' | 'reject', reason: string): 'BINDING.REASON_REQUIRED' | null =>
  decision === 'reject' && reason.trim().length < 2 ? 'BINDING.REASON_REQUIRED' : null;
