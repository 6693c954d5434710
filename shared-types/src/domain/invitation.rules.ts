import type { Role } from '../model/member.model';
import type { StaffRole } from '../model/invitation.model';

/** Upper-case letters and digits without the look-alikes 0/O and 1/I: 32 symbols, 5 bits each. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;
/** 8 symbols × 5 bits: the code is exactly these many random bytes, with no bias. */
export const CODE_RANDOM_BYTES = 5;

export const DEFAULT_EXPIRY_HOURS = 72;
export const MAX_EXPIRY_HOURS = 30 * 24;

/** The page a scanned invitation opens, and the scene it carries (WeChat allows 32 characters). */
export const INVITE_PAGE = 'pages/index/index';
export const sceneOf = (code: string) => `inv=${code}`;

/** A code from random bytes supplied by the caller (the domain draws no randomness itself). */
export const codeFromRandom = (bytes: Uint8Array): string => {
  if (bytes.length < CODE_RANDOM_BYTES) throw new Error(`an invitation code needs ${CODE_RANDOM_BYTES} random bytes`);
  let value = 0;
  for (let i = 0; i < CODE_RANDOM_BYTES; i++) value = value * 256 + (bytes[i] ?? 0);
  let code = '';
  for (let i = CODE_LENGTH - 1; i >= 0; i--) code += CODE_ALPHABET[Math.floor(value / 32 ** i) % 32];
  return code;
};

/** What a person typed or scanned ("abcd-efgh", "ABCD EFGH") as the code, or null when it cannot be one. */
export const normalizeCode = (typed: string): string | null => {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== CODE_LENGTH) return null;
  return [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
};

export const expiryOf = (now: Date, hours: number): Date => new Date(now.getTime() + hours * 60 * 60 * 1000);

export type InvitationState = 'open' | 'used' | 'expired';

/** Used once, it stays used; unused, it is open until the instant it expires. */
export const invitationState = (inv: { status: 'open' | 'used'; expiresAt: string }, now: Date): InvitationState => {
  if (inv.status === 'used') return 'used';
  return now.getTime() >= new Date(inv.expiresAt).getTime() ? 'expired' : 'open';
};

/** A manager invites any staff role; a supervisor every staff role but manager. */
export const canInvite = (inviter: Role, role: StaffRole): boolean =>
  inviter === 'manager' || (inviter === 'supervisor' && role !== 'manager');
