import * as z from 'zod/mini';
import type { Model } from '@shared/model/versioned';
import type { Database, DocRef, Query, Tx } from './database';
import { issueWords } from './issue-words';
import { ActionFailure } from './failures';

type Doc<M extends Model<z.ZodMiniType>> = z.infer<M['schema']>;

/**
 * zod/mini loads no locale, so every issue reads "Invalid input" (https://zod.dev/packages/mini); classic
 * zod's English says what was expected, as a quarantine's reason has always told the supervisor. Its
 * sentences without the names of every string format zod has (issue-words.ts).
 */
z.config({ localeError: issueWords });

/** A stored document that does not match its model: which one, and why, for the timer to quarantine it. */
export class StoredDocumentError extends Error {
  readonly collection: string;
  readonly id: string;
  readonly reason: string;
  constructor(
    readonly model: Model<z.ZodMiniType>,
    readonly raw: unknown,
    error: z.core.$ZodError,
  ) {
    const id = String((raw as { _id?: unknown } | null)?._id);
    super(`stored ${model.collection}/${id} does not match its schema: ${error.message}`);
    this.name = 'StoredDocumentError';
    this.collection = model.collection;
    this.id = id;
    this.reason = error.issues
      .map((issue) => `${issue.path.join('.') || '(document)'}: ${issue.message}`)
      .join('; ')
      .slice(0, 500);
  }
}

/**
 * Reads through a model: every stored document is migrated and parsed at the boundary, so a
 * malformed one stops here with the collection and id named, never deeper in an action.
 */
export const parseStored = <M extends Model<z.ZodMiniType>>(model: M, raw: unknown): Doc<M> => {
  const parsed = model.safeParse(raw);
  if (!parsed.success) throw new StoredDocumentError(model, raw, parsed.error);
  return parsed.data as Doc<M>;
};

/**
 * A document read by its reference, or null when it is not there: the SDK answers a transaction's read
 * of a missing document by throwing "… does not exist" (wx-server-sdk's `DocumentReference.get`, which
 * throws on not-found in a transaction), a read outside one with no data.
 */
export const rawIfThere = async (ref: DocRef): Promise<Record<string, unknown> | null> => {
  try {
    return ((await ref.get()).data as Record<string, unknown> | null | undefined) ?? null;
  } catch (e) {
    if (String(e).includes('does not exist')) return null;
    throw e;
  }
};

/**
 * One document read by id inside a transaction, through its model as `parseStored` reads it (a
 * malformed one names its collection and id, and a timer's sweep quarantines it). A document that
 * is not there is a plain error: there is nothing to set aside.
 */
export const readInTx = async <M extends Model<z.ZodMiniType>>(tx: Tx, model: M, id: string): Promise<Doc<M>> => {
  const raw: unknown = (await tx.collection(model.collection).doc(id).get()).data;
  if (raw === null || raw === undefined) throw new Error(`${model.collection}/${id} is not there`);
  return parseStored(model, raw);
};

/**
 * One document read by id inside a command's transaction, or null when it is not there (`rawIfThere`): for an
 * id the caller names, which the transaction is the first to read (issue 16), so a missing one is a refusal,
 * not a bug. A stored document that does not parse ends the command at once (COMMON.INTERNAL, logged, as the
 * router answers a read outside the transaction that throws): `applyOnce` reruns its transaction on any other
 * error, as on a conflict, and a broken document would be read again and again until the call gave up busy.
 */
export const findInTx = async <M extends Model<z.ZodMiniType>>(tx: Tx, model: M, id: string): Promise<Doc<M> | null> => {
  const raw = await rawIfThere(tx.collection(model.collection).doc(id));
  if (raw === null) return null;
  try {
    return parseStored(model, raw);
  } catch (e) {
    if (!(e instanceof StoredDocumentError)) throw e;
    console.error(e.message);
    throw new ActionFailure('COMMON.INTERNAL');
  }
};

export const findById = async <M extends Model<z.ZodMiniType>>(db: Database, model: M, id: string): Promise<Doc<M> | null> => {
  const res = await db.collection(model.collection).where({ _id: id }).limit(1).get();
  const raw = res.data[0];
  return raw === undefined ? null : parseStored(model, raw);
};

export const parseAll = <M extends Model<z.ZodMiniType>>(model: M, raws: readonly unknown[]): Doc<M>[] =>
  raws.map((raw) => parseStored(model, raw));

/** What the SDK's set/add accept: the document without its `_id`, which goes in `doc(id)`. */
export const withoutId = <T extends { _id: string }>(doc: T): Omit<T, '_id'> => {
  const { _id: _ignored, ...rest } = doc;
  return rest;
};

/** A document as stored (every one has its `_id`): what `everyPage` answers, and what an erasure rewrites. */
export type StoredDoc = Record<string, unknown> & { _id: string };

/** What a PIPL erasure changes in a stored document: the fields to update, or null when it names nobody erased. */
export type Rewrite = (doc: Record<string, unknown>) => Record<string, unknown> | null;

/**
 * Every document a query finds, as stored: the cloud returns at most 1000 a get()
 * (https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/collection/Collection.limit.md),
 * so page after page until one comes back short (one read when they fit in a page, as they nearly always do).
 * For a reader that writes nothing it reads until it has read them all: pages by `skip` are consistent only
 * while the documents the query finds stay as they are.
 */
export const everyPage = async (query: Query): Promise<StoredDoc[]> => {
  const PAGE = 1000;
  const out: StoredDoc[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const res = await query.skip(skip).limit(PAGE).get();
    out.push(...(res.data as StoredDoc[]));
    if (res.data.length < PAGE) return out;
  }
};

/** The most values this code lists in one `in` (see `everyPageIn`). */
export const IN_MOST = 100;

/** A list cut into lists of at most `size`, in order. */
export const chunks = <T>(list: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/**
 * Every document of `collection` matching `where` with `field` in `values`, as stored, each once: one query per 100
 * values, issued together, each read page by page. 100 is the most this code lists in one `in`: no CloudBase page
 * found states the operator's own limit, and an erasure's lists grow with a resident's history.
 */
export const everyPageIn = async (db: Database, collection: string, where: object, field: string, values: readonly string[]): Promise<StoredDoc[]> => {
  const found = (await Promise.all(chunks([...new Set(values)], IN_MOST).map((part) => everyPage(db.collection(collection).where({ ...where, [field]: db.command.in(part) }))))).flat();
  return [...new Map(found.map((doc) => [doc._id, doc])).values()];
};

/** The documents of `collection` with these ids, as stored: for the module that owns the collection. */
export const storedByIds = (db: Database, collection: string, ids: readonly string[]): Promise<StoredDoc[]> => everyPageIn(db, collection, {}, '_id', ids);

/** Each document whose texts name the erased person rewritten (`rewrite`): one update each, side by side. For the collection's owner. */
export const rewriteStored = (db: Database, collection: string, docs: readonly StoredDoc[], rewrite: Rewrite): Promise<unknown> =>
  Promise.all(
    docs.flatMap((doc) => {
      const data = rewrite(doc);
      return data ? [db.collection(collection).doc(doc._id).update({ data })] : [];
    }),
  );

/** Every page of a query, each document through its model (`everyPage`). */
export const readAll = async <M extends Model<z.ZodMiniType>>(model: M, query: Query): Promise<Doc<M>[]> => parseAll(model, await everyPage(query));

/**
 * The database's refusal of an insert whose key is taken by a committed document: CloudBase's
 * DATABASE_DUPLICATE_WRITE (https://docs.cloudbase.net/en/error-code/DATABASE_DUPLICATE_WRITE), whose
 * message is MongoDB's "E11000 duplicate key error …". Trying again cannot help; a passing failure
 * (a conflict, a timeout) is something else, and is never mistaken for it.
 */
export const isDuplicateKey = (e: unknown): boolean => {
  const { errCode, code, errMsg, message } = (e ?? {}) as { errCode?: unknown; code?: unknown; errMsg?: unknown; message?: unknown };
  return [errCode, code].includes('DATABASE_DUPLICATE_WRITE') || [errMsg, message].some((text) => typeof text === 'string' && text.includes('E11000 duplicate key'));
};

/**
 * What a transaction's run does when a document it adds, which the call's first reads did not find,
 * is there after all (another call made it since): the run ends, and the command runs again
 * (applyOnce), where the document is read. Not a duplicate of the command's own record.
 */
export class DocumentAppeared extends Error {
  constructor(collection: string, id: string) {
    super(`${collection}/${id} was made by another call since the first reads`);
  }
}

/**
 * Issue 16: adds, as one operation of a transaction, a document the call's first reads did not find
 * (a slot, a matter, a duty page, the bootstrap record), instead of making it before the transaction.
 * Made since by another call, it is there in the snapshot (a duplicate: DocumentAppeared) or changed
 * after it (a conflict): either ends the run.
 */
export const addInTx = async <T extends { _id: string }>(tx: Tx, collection: string, doc: T): Promise<void> => {
  try {
    await tx.collection(collection).add({ data: { _id: doc._id, ...withoutId(doc) } });
  } catch (e) {
    if (isDuplicateKey(e)) throw new DocumentAppeared(collection, doc._id);
    throw e;
  }
};

/**
 * Writes a document under its own id unless one is there already: true when this call wrote it.
 * Used where a deterministic id makes "already there" the normal answer of a retry or a race (a
 * transaction cannot read a missing document, so records it will read are made this way first).
 * Only the refusal of a taken key means "already there"; any other failure is thrown, so the call
 * or the timer's run fails and is tried again instead of going on as if the document were there.
 */
export const addOnce = async <T extends { _id: string }>(db: Database, collection: string, doc: T): Promise<boolean> => {
  try {
    await db.collection(collection).add({ data: { _id: doc._id, ...withoutId(doc) } });
    return true;
  } catch (e) {
    if (isDuplicateKey(e)) return false;
    throw e;
  }
};

/** Documents a batch carries at most: CloudBase states no limit, so a batch is kept to the size of one `in` query's answer. */
export const BATCH_INSERT_LIMIT = 100;

/**
 * Issue 16: documents of one collection inserted in one round trip, each once: a batch `add` (an array
 * as `data`) is one `database.insertDocument` request outside a transaction (@cloudbase/database 1.4.3,
 * collection.js `add`; CloudBase's "批量插入文档 … data object[]",
 * https://docs.cloudbase.net/http-api/nosql/insert-documents; WeChat documents only a single record,
 * https://developers.weixin.qq.com/community/develop/doc/000c0e3af487d8d44acfc81235b000 asks it to document
 * the batch). What a batch does when one document is a duplicate is not documented (the local engine
 * inserts in order like Mongo's insertMany, keeping the documents before the failing one), so on any
 * failure of a batch each of its documents is inserted once (`addOnce`): one already stored, by the
 * batch or by anyone else, is left as it is. Answers the documents that could not be inserted, with why.
 */
export const addAllOnce = async <T extends { _id: string }>(db: Database, collection: string, docs: readonly T[]): Promise<{ doc: T; error: unknown }[]> => {
  const batches = Array.from({ length: Math.ceil(docs.length / BATCH_INSERT_LIMIT) }, (_, i) => docs.slice(i * BATCH_INSERT_LIMIT, (i + 1) * BATCH_INSERT_LIMIT));
  const failed = await Promise.all(batches.map((batch) => addBatchOnce(db, collection, batch)));
  return failed.flat();
};

const addBatchOnce = async <T extends { _id: string }>(db: Database, collection: string, docs: readonly T[]): Promise<{ doc: T; error: unknown }[]> => {
  if (docs.length > 1) {
    try {
      await db.collection(collection).add({ data: docs.map((doc) => ({ _id: doc._id, ...withoutId(doc) })) });
      return [];
    } catch {
      // Whatever the batch left stored, each document is now inserted once, below.
    }
  }
  const settled = await Promise.allSettled(docs.map((doc) => addOnce(db, collection, doc)));
  return settled.flatMap((r, i) => (r.status === 'rejected' ? [{ doc: docs[i]!, error: r.reason as unknown }] : []));
};

/** Like Promise.all, but settles only once every promise has: nothing of a call is left running after it answered. */
export const settledAll = async <T extends readonly unknown[]>(promises: { [K in keyof T]: Promise<T[K]> }): Promise<T> => {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
};
