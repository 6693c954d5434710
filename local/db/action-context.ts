import { parseObjectPayload } from './ejson';
import { invalidOperation, invalidParam } from './errors';
import { matcher } from './matcher';
import { pinnedId } from './query-exec';
import { filterFieldsOf, pinsId, type QueryKind, type QueryLogEntry } from './query-log';
import { isWhere, str, type Params } from './request-params';
import type { PendingWrite, Storage } from './storage';
import type { TransactionManager } from './transactions';
import type { Doc, DocId } from './values';

export type { Params };

export interface ActionContext {
  storage: Storage;
  transactions: TransactionManager;
  now: Date;
  newId: () => string;
  log: (entry: QueryLogEntry) => void;
}

/** A successful answer body, without requestId. */
export type Answer = Record<string, unknown>;

export interface LockHolder {
  ended: Promise<void>;
  expiresInMs: number;
  expire: () => void;
}

/** Thrown before anything is written when a plain write meets a document an open transaction has locked: the request waits, then runs again. */
export class WaitForLock extends Error {
  constructor(readonly holder: LockHolder) {
    super('waiting for a transaction lock');
  }
}

/** A write outside any transaction: blocked while a transaction holds a lock on one of its documents (事务锁: 普通的更新操作会被阻塞). */
export const commitPlain = (ctx: ActionContext, writes: PendingWrite[]): void => {
  checkLocks(ctx, writes);
  ctx.storage.commit(writes);
};

export const checkLocks = (ctx: ActionContext, writes: readonly { collection: string; id: DocId }[]): void => {
  for (const w of writes) {
    const holder = ctx.transactions.lockHolder(w.collection, w.id);
    if (holder) throw new WaitForLock(holder);
  }
};

export const filterOf = (params: Params, ctx: ActionContext): Doc => parseObjectPayload(params.query, ctx.now, 'query');

export const sortOf = (params: Params, ctx: ActionContext): Record<string, 1 | -1> => {
  const order = parseObjectPayload(params.order, ctx.now, 'order');
  const sort: Record<string, 1 | -1> = {};
  for (const [field, direction] of Object.entries(order)) {
    if (direction !== 1 && direction !== -1) throw invalidParam(`order direction for ${field} must be 1 or -1`);
    sort[field] = direction;
  }
  return sort;
};

export const logWhere = (ctx: ActionContext, params: Params, kind: QueryKind, filter: Doc, sort: Record<string, 1 | -1> = {}): void => {
  if (!isWhere(params)) return;
  const collection = str(params, 'collectionName');
  ctx.storage.store(collection);
  ctx.log({ collection, kind, filterFields: filterFieldsOf(filter), sortFields: Object.keys(sort), sortDirections: Object.values(sort), byId: pinsId(filter) });
};

/** The SDK drops transactionId from where().update/remove/count; the seam puts it back so this refusal can happen. */
export const docInTransaction = (params: Params, filter: Doc): DocId => {
  const id = pinnedId(filter);
  if (isWhere(params) || id === undefined) {
    throw invalidOperation('transactions only address single documents (collection.doc(id) and collection.add); where() is not allowed inside a transaction');
  }
  return id;
};

/** The committed documents matching `filter`, read through the best index; the first only unless `multi`. */
export const matching = (ctx: ActionContext, collection: string, filter: Doc, multi: boolean): Doc[] => {
  const test = matcher(filter);
  const out: Doc[] = [];
  for (const doc of ctx.storage.candidates(collection, filter)) {
    if (!test(doc)) continue;
    out.push(doc);
    if (!multi) break;
  }
  return out;
};
