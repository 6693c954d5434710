/** Who the timer's changes are by, in their events. */
export const TIMER = { actor: 'system:reminders', role: 'system' } as const;
