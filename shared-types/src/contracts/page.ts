import * as z from 'zod';

/** Items a page holds unless the caller asks for fewer or more. */
export const PAGE_SIZE = 20;
/** The most a page may hold; the cloud reads at most 1000 documents a call, and a phone shows far fewer. */
export const PAGE_MAX = 100;

/**
 * What a list action takes besides its own filters: where to go on from (the `next` of the page
 * before, opaque to the client) and how many. Both optional, so a client that does not page asks
 * for the first page and gets the same answer as before.
 */
export const pageInput = {
  cursor: z.string().min(1).max(400).optional(),
  limit: z.number().int().min(1).max(PAGE_MAX).optional(),
};

/** One page of a list: its items in the list's order, how many the whole list holds now, and the cursor to the rest (null: none). */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int().min(0), next: z.string().nullable() });

export interface Page<T> {
  items: T[];
  total: number;
  next: string | null;
}
