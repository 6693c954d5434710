/** R9: a work order comes back within 3 days of dispatch; a reported blocker stops that clock. */
export const RETURN_WITHIN_MS = 3 * 24 * 60 * 60 * 1000;

export interface ReturnClock {
  dispatchedAt: string;
  /** Time already spent blocked by cleared blockers. */
  pausedMs: number;
  /** A blocker still open, whose time also does not count. */
  blockedSince: string | null;
}

/** How long a pause begun at `since` has lasted at `now`; none when there is no pause. */
const pausedFor = (since: string | null, now: Date): number => (since ? Math.max(0, now.getTime() - new Date(since).getTime()) : 0);

/** Time the order has been out, blockers excluded, at `now`. */
export const elapsedOut = (clock: ReturnClock, now: Date): number =>
  now.getTime() - new Date(clock.dispatchedAt).getTime() - clock.pausedMs - pausedFor(clock.blockedSince, now);

/** When the order is due back, as the clock stands now (moves later while a blocker is open). */
export const returnDueAt = (clock: ReturnClock, now: Date): Date =>
  new Date(now.getTime() + RETURN_WITHIN_MS - elapsedOut(clock, now));

/** R9: overdue once more than 72 hours out; exactly 72 hours is still on time. */
export const isReturnOverdue = (clock: ReturnClock, now: Date): boolean => elapsedOut(clock, now) > RETURN_WITHIN_MS;

/**
 * R9: a pause ends (a blocker cleared, a send-back the supervisor rejected): the time since it began
 * is added to the time already kept out of the clock.
 */
export const pauseEnded = (pausedMs: number, since: string | null, now: Date): number => pausedMs + pausedFor(since, now);

/** Clearing a blocker adds its time to the pause. */
export const clearBlocker = (clock: ReturnClock, now: Date): ReturnClock => ({
  ...clock,
  pausedMs: pauseEnded(clock.pausedMs, clock.blockedSince, now),
  blockedSince: null,
});
