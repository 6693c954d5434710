import * as z from 'zod/mini';

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
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(600))),
  limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(PAGE_MAX))),
};

/** One page of a list: its items in the list's order, how many the whole list holds now, and the cursor to the rest (null: none). */
export const pageOf = <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item), total: z.number().check(z.int(), z.gte(0)), next: z.nullable(z.string()) });

export interface Page<T> {
  items: T[];
  total: number;
  next: string | null;
}
