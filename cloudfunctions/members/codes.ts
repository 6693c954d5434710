import { randomBytes, scrypt } from 'node:crypto';
import { CODE_RANDOM_BYTES, codeFromRandom } from '@shared/domain/invitation.rules';

/**
 * Invitation codes are stored only as this slow hash, used as the invitation's id. A code has 40
 * bits, so a fast hash could be reversed by trying them all; scrypt at these costs makes each try
 * take tens of milliseconds and 16 MB, which puts a code out of reach within its life (30 days at
 * most). The salt is fixed (the id must be found from the code alone) and not secret; it only
 * keeps these hashes apart from any other use of scrypt.
 */
const SALT = 'property-service-desk/invitation/v1';
const COST = { N: 2 ** 14, r: 8, p: 1 };

export const newInvitationCode = (): string => codeFromRandom(randomBytes(CODE_RANDOM_BYTES));

const hashOf = (code: string): Promise<string> =>
  new Promise((resolve, reject) => {
    scrypt(code, SALT, 32, COST, (error, key) => (error ? reject(error) : resolve(key.toString('hex'))));
  });

export const invitationIdOf = async (code: string): Promise<string> => `iv_${await hashOf(code)}`;

/** Issue 18 (5): an owner's invitation to her room, kept apart from staff invitations. */
export const roomInvitationIdOf = async (code: string): Promise<string> => `ri_${await hashOf(code)}`;
