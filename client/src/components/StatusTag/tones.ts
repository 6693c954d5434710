/**
 * Issue 17 (1): one look per state, whatever the role and whatever the record. Waiting for someone
 * here (orange), under way (blue), done (green), no longer in play (grey), needs a decision (red).
 */
export type Tone = 'waiting' | 'active' | 'done' | 'closed' | 'alert';

/** A request to bind a room; the landing page shows it, so it stays apart from the records' tones. */
export const bindingTones = { pending: 'waiting', approved: 'done', rejected: 'alert' } as const satisfies Record<string, Tone>;
