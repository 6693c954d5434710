import { createHash, timingSafeEqual } from 'node:crypto';

/** A configured bootstrap secret shorter than this counts as none: it could be guessed. */
export const MIN_SECRET_LENGTH = 16;

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Issue 7 (1): whether a bootstrap may go ahead on the secret given. Both sides are hashed to the
 * same length first, so the comparison takes the same time whatever the input.
 */
export const checkBootstrapSecret = (
  configured: string | null | undefined,
  given: string,
): 'BOOTSTRAP.NOT_CONFIGURED' | 'BOOTSTRAP.WRONG_SECRET' | null => {
  if (!configured || configured.length < MIN_SECRET_LENGTH) return 'BOOTSTRAP.NOT_CONFIGURED';
  return timingSafeEqual(digest(configured), digest(given)) ? null : 'BOOTSTRAP.WRONG_SECRET';
};
