import type { Priority } from '../model/repair.model';

/** R3: urgent before everything else; within a priority, the oldest first. */
export const compareQueue = (
  a: { priority: Priority; createdAt: string },
  b: { priority: Priority; createdAt: string },
): number => {
  if (a.priority !== b.priority) return a.priority === 'urgent' ? -1 : 1;
  return a.createdAt.localeCompare(b.createdAt);
};
