import { PAGE_MAX, type Page } from '@shared/contracts/page';
import type { Database } from './database';
import { ActionFailure } from './failures';

export interface SortKey {
  field: string;
  order: 'asc' | 'desc';
}

/** One collection's part of a list: which documents, in the list's order, and how a stored one becomes an item. */
export interface Source<D> {
  collection: string;
  where: object;
  /**
   * The list's sort keys as this collection names them (a merged list may read `at` here and
   * `callRecord.receivedAt` there); every value is a string or a number, never missing. `_id`
   * breaks ties last, in the direction of the last key; a declared index holds every key and `_id`.
   */
  sort: SortKey[];
  parse: (raw: unknown) => D;
  /** False: the list counts this source's documents itself (`readParts`). */
  counted?: boolean;
}

/** A list: its name (cursors carry it, so one list's cursor is refused by another) and its sources. */
export interface Listing<D> {
  name: string;
  sources: Source<D>[];
}

export interface PageRequest {
  cursor?: string;
  limit?: number;
}

export type KeyValue = string | number;

const isKeyValue = (v: unknown): v is KeyValue => typeof v === 'string' || typeof v === 'number';

/** A sort key's value as stored (the cursor holds what the database sorted on, whatever the item shows). */
const valueAt = (raw: unknown, path: string): KeyValue => {
  const value = path.split('.').reduce<unknown>((at, part) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined), raw);
  if (!isKeyValue(value)) throw new Error(`sort key ${path} of ${String((raw as { _id?: unknown })._id)} is ${JSON.stringify(value)}, not a string or a number`);
  return value;
};

const keysOf = (sort: SortKey[]): SortKey[] => [...sort, { field: '_id', order: sort[sort.length - 1]?.order ?? 'asc' }];

/**
 * A cursor is the sort key values of the last item a page showed, with its `_id`, as base64url
 * JSON tagged with the list's name. The next page starts right after that item by a `where` on
 * those values, so an item filed in between takes its own place in the order and nothing is
 * shown twice or passed over, and a page reads only its own documents, wherever it is in the list
 * (`skip` walks every document before the page:
 * https://www.mongodb.com/docs/manual/reference/method/cursor.skip/).
 */
export const encodeCursor = (list: string, key: readonly KeyValue[]): string => Buffer.from(JSON.stringify([list, ...key])).toString('base64url');

export const decodeCursor = (list: string, cursor: string, length: number): KeyValue[] => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new ActionFailure('COMMON.BAD_CURSOR');
  }
  if (!Array.isArray(parsed) || parsed[0] !== list || parsed.length !== length + 1 || !parsed.slice(1).every(isKeyValue)) throw new ActionFailure('COMMON.BAD_CURSOR');
  return parsed.slice(1) as KeyValue[];
};

/**
 * Everything after `key` in the order of `keys`: a later first key, or the same first key and a
 * later second one, and so on down to `_id` (a cross-field `or`:
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/command/Command.or.md).
 */
const after = (db: Database, keys: SortKey[], key: readonly KeyValue[]) => {
  const _ = db.command;
  return _.or(
    keys.map((k, i) => ({
      ...Object.fromEntries(keys.slice(0, i).map((earlier, j) => [earlier.field, key[j]])),
      [k.field]: k.order === 'asc' ? _.gt(key[i]) : _.lt(key[i]),
    })),
  );
};

const compareKeys = (orders: readonly SortKey['order'][]) => (a: readonly KeyValue[], b: readonly KeyValue[]): number => {
  for (let i = 0; i < orders.length; i++) {
    const x = a[i] as KeyValue;
    const y = b[i] as KeyValue;
    if (x === y) continue;
    const less = x < y ? -1 : 1;
    return orders[i] === 'asc' ? less : -less;
  }
  return 0;
};

/** One source's rows of a page (each with the sort key values it was read by) and its count. */
export interface Part<D> {
  rows: { doc: D; key: KeyValue[] }[];
  total: number;
}

/**
 * Each source's rows for one page and its count, all read together: a page costs one wait however
 * many sources the list merges; each source reads one item more than the page holds, to know
 * whether there is more. A source with `counted: false` is not counted (its total is 0).
 */
export const readParts = async <D>(db: Database, listing: Listing<D>, request: PageRequest, counted = true): Promise<Part<D>[]> => {
  const limit = request.limit ?? PAGE_MAX;
  const first = listing.sources[0];
  if (!first) return [];
  const start = request.cursor ? decodeCursor(listing.name, request.cursor, keysOf(first.sort).length) : null;
  return Promise.all(
    listing.sources.map(async (source) => {
      const keys = keysOf(source.sort);
      const where = start ? db.command.and([source.where, after(db, keys, start)]) : source.where;
      const query = keys.reduce((q, k) => q.orderBy(k.field, k.order), db.collection(source.collection).where(where));
      const [res, count] = await Promise.all([
        query.limit(limit + 1).get(),
        counted && source.counted !== false ? db.collection(source.collection).where(source.where).count() : { total: 0 },
      ]);
      return { rows: res.data.map((raw) => ({ doc: source.parse(raw), key: keys.map((k) => valueAt(raw, k.field)) })), total: count.total };
    }),
  );
};

/**
 * The page the parts make: their rows merged in the list's order (a document two sources both
 * read is one item), the first `limit` of them, and a cursor when there is more.
 */
export const mergeParts = <D>(listing: Listing<D>, parts: readonly Part<D>[], request: PageRequest): Page<D> => {
  const limit = request.limit ?? PAGE_MAX;
  const first = listing.sources[0];
  if (!first) return { items: [], total: 0, next: null };
  const inOrder = compareKeys(keysOf(first.sort).map((k) => k.order));
  const sorted = parts.flatMap((p) => p.rows).sort((a, b) => inOrder(a.key, b.key));
  const rows = sorted.filter((r, i) => i === 0 || inOrder(sorted[i - 1]!.key, r.key) !== 0);
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  return {
    items: shown.map((r) => r.doc),
    total: parts.reduce((sum, p) => sum + p.total, 0),
    next: rows.length > limit && last ? encodeCursor(listing.name, last.key) : null,
  };
};

/** One page of a list, ordered by the queries themselves, with the exact count of the whole list from `count()`. */
export const readPage = async <D>(db: Database, listing: Listing<D>, request: PageRequest, counted = true): Promise<Page<D>> =>
  mergeParts(listing, await readParts(db, listing, request, counted), request);

/** The cloud reads at most 1000 documents a call; a page reads one more than it holds. */
const WHOLE_LIST_PAGE = 999;

/** Every item of a list, page after page (a report that must show all of them), without counting. */
export const readWholeList = async <D>(db: Database, listing: Listing<D>): Promise<D[]> => {
  const out: D[] = [];
  let cursor: string | undefined;
  do {
    const page = await readPage(db, listing, { cursor, limit: WHOLE_LIST_PAGE }, false);
    out.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor);
  return out;
};

/** The items of a page turned into views; the count and the cursor stay. */
export const mapPage = <D, V>(page: Page<D>, view: (doc: D) => V): Page<V> => ({ ...page, items: page.items.map(view) });
