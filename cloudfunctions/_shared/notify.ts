import type { Deps } from './deps';
import { drainOutbox } from './outbox';

/**
 * Sends what a committed change queued, at once. A failure here loses nothing: the notices stay
 * pending in the outbox and the reminders timer retries them.
 */
export const sendNow = async (deps: Deps, ids: readonly string[]): Promise<void> => {
  if (ids.length === 0) return;
  try {
    await drainOutbox(deps, { ids });
  } catch (e) {
    console.warn('immediate delivery failed; the outbox timer will retry', e);
  }
};
