import * as z from 'zod';

/** Items a page of the app asks for: a screen or two. */
export const PAGE_SIZE = 20;
/**
 * The most a page may hold, and what a page holds when the caller names no size (a release from
 * before pages, which shows the first page only, in the list's order). A cloud function's query
 * reads at most 1000 documents, 100 when it names no limit:
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/collection/Collection.limit.md
 */
export const PAGE_MAX = 100;

/**
 * What a list action takes besides its own filters: where to go on from (the `next` of the page
 * before, opaque to the client) and how many. Both optional: new fields, so older clients' requests
 * still parse.
 */
export const pageInput = {
  cursor: z.string().min(1).max(600).optional(),
  limit: z.number().int().min(1).max(PAGE_MAX).optional(),
};

/** One page of a list: its items in the list's order, how many the whole list holds now, and the cursor to the rest (null: none). */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int().min(0), next: z.string().nullable() });

export interface Page<T> {
  items: T[];
  total: number;
  next: string | null;
}
