/** The rank of a case out of the desk's list: grouped into a group, or resolved. */
export const CASE_CLOSED = 9;

/**
 * C4 C9: where a case stands in the desk's list, as one number the query sorts by: top urgency
 * (VIPs, major complaints, groups) before normal; cases no longer open rank CASE_CLOSED. Stored.
 */
export const caseRank = (c: { status: string; urgency: 'top' | 'normal' }): number => {
  if (c.status !== 'received' && c.status !== 'handling') return CASE_CLOSED;
  return c.urgency === 'top' ? 0 : 1;
};

/** C4: the running time limit still to meet, or '~' (after every instant) once it is met or when none runs. Stored, for the soonest due first. */
export const caseDue = (c: { dueAt: string | null; dueMetAt: string | null }): string => (c.dueMetAt ? '~' : (c.dueAt ?? '~'));
