import { parseStages, runPipeline } from './aggregate';
import { parseObjectPayload, parsePayload, serializeDoc } from './ejson';
import { duplicateKey, invalidOperation, invalidParam } from './errors';
import { filterFieldsOf, pinsId, type QueryKind, type QueryLogEntry } from './query-log';
import { findDocs, matcher, pinnedId } from './query-exec';
import type { PendingWrite, Storage } from './storage';
import type { TransactionManager } from './transactions';
import { applyModifier, replacement, upsertDocument } from './updates';
import { clampLimit, isWhere, num, optionalStr, str, type Params } from './request-params';
import { docIdOf, isDocId, isPlainObject, type Doc, type DocId } from './values';

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

const filterOf = (params: Params, ctx: ActionContext): Doc => parseObjectPayload(params.query, ctx.now, 'query');

const sortOf = (params: Params, ctx: ActionContext): Record<string, 1 | -1> => {
  const order = parseObjectPayload(params.order, ctx.now, 'order');
  const sort: Record<string, 1 | -1> = {};
  for (const [field, direction] of Object.entries(order)) {
    if (direction !== 1 && direction !== -1) throw invalidParam(`order direction for ${field} must be 1 or -1`);
    sort[field] = direction;
  }
  return sort;
};

const logWhere = (ctx: ActionContext, params: Params, kind: QueryKind, filter: Doc, sort: Record<string, 1 | -1> = {}): void => {
  if (!isWhere(params)) return;
  const collection = str(params, 'collectionName');
  ctx.storage.store(collection);
  ctx.log({ collection, kind, filterFields: filterFieldsOf(filter), sortFields: Object.keys(sort), sortDirections: Object.values(sort), byId: pinsId(filter) });
};

/** The SDK drops transactionId from where().update/remove/count; the seam puts it back so this refusal can happen. */
const docInTransaction = (params: Params, filter: Doc): DocId => {
  const id = pinnedId(filter);
  if (isWhere(params) || id === undefined) {
    throw invalidOperation('transactions only address single documents (collection.doc(id) and collection.add); where() is not allowed inside a transaction');
  }
  return id;
};

const candidates = (storage: Storage, collection: string, filter: Doc): Doc[] => {
  const store = storage.store(collection);
  const id = pinnedId(filter);
  if (id === undefined) return store.values();
  const doc = store.get(id);
  return doc ? [doc] : [];
};

const matching = (storage: Storage, collection: string, filter: Doc, multi: boolean): Doc[] => {
  const test = matcher(filter);
  const out: Doc[] = [];
  for (const doc of candidates(storage, collection, filter)) {
    if (!test(doc)) continue;
    out.push(doc);
    if (!multi) break;
  }
  return out;
};

export const getDocument = (params: Params, ctx: ActionContext): Answer => {
  const collection = str(params, 'collectionName');
  const filter = filterOf(params, ctx);
  const projection = parseObjectPayload(params.projection, ctx.now, 'projection');
  const txId = optionalStr(params, 'transactionId');
  if (txId) {
    const id = docInTransaction(params, filter);
    const view = ctx.transactions.read(txId, collection, id);
    const list = view && matcher(filter)(view) ? findDocs([view], {}, { projection }) : [];
    return { data: { list: list.map(serializeDoc) } };
  }
  const sort = sortOf(params, ctx);
  const limit = clampLimit(num(params, 'limit'));
  const offset = Math.max(0, Math.floor(num(params, 'offset') ?? 0));
  logWhere(ctx, params, 'get', filter, sort);
  const docs = findDocs(candidates(ctx.storage, collection, filter), filter, { sort, skip: offset, limit, projection });
  return { data: { list: docs.map(serializeDoc), limit, offset } };
};

export const calculateDocument = (params: Params, ctx: ActionContext): Answer => {
  const collection = str(params, 'collectionName');
  const filter = filterOf(params, ctx);
  if (optionalStr(params, 'transactionId')) docInTransaction(params, filter);
  logWhere(ctx, params, 'count', filter);
  return { data: { total: matching(ctx.storage, collection, filter, true).length } };
};

const newDocument = (text: unknown, ctx: ActionContext): { id: DocId; doc: Doc } => {
  if (typeof text !== 'string') throw invalidParam('data items must be EJSON strings');
  const parsed = parsePayload(text, ctx.now);
  if (!isPlainObject(parsed)) throw invalidParam('a document must be an object');
  if (parsed._id !== undefined && !isDocId(parsed._id)) throw invalidParam('_id must be a string or a number');
  const id = parsed._id ?? ctx.newId();
  return { id, doc: { _id: id, ...parsed } };
};

/** Inserts in order like Mongo's insertMany: documents before a failing one stay inserted. */
export const insertDocument = (params: Params, ctx: ActionContext): Answer => {
  const collection = str(params, 'collectionName');
  if (!Array.isArray(params.data)) throw invalidParam('data must be an array');
  ctx.storage.store(collection);
  const txId = optionalStr(params, 'transactionId');
  const insertedIds: DocId[] = [];
  for (const text of params.data) {
    const { id, doc } = newDocument(text, ctx);
    if (txId) {
      if (ctx.transactions.read(txId, collection, id) !== null) {
        throw duplicateKey(collection, '_id_', `{ _id: ${JSON.stringify(id)} }`);
      }
      ctx.transactions.write(txId, collection, id, doc);
    } else {
      ctx.storage.commit([{ collection, id, doc, insert: true }]);
    }
    insertedIds.push(id);
  }
  return { data: { insertedIds } };
};

interface ModifyRequest {
  collection: string;
  data: Doc;
  merge: boolean;
  upsert: boolean;
}

const modifyInTransaction = (txId: string, id: DocId, filter: Doc, request: ModifyRequest, ctx: ActionContext): Answer => {
  const { collection, data, merge, upsert } = request;
  const view = ctx.transactions.read(txId, collection, id);
  if (view === null || !matcher(filter)(view)) {
    if (view !== null || !upsert) return { data: { updated: 0 } };
    ctx.transactions.write(txId, collection, id, upsertDocument(id, data, merge));
    return { data: { updated: 0, upsert_id: id } };
  }
  if (!merge) {
    ctx.transactions.write(txId, collection, id, replacement(id, data));
    return { data: { updated: 1 } };
  }
  const outcome = applyModifier(view, data);
  if (outcome.modified) ctx.transactions.write(txId, collection, id, outcome.doc);
  return { data: { updated: outcome.modified ? 1 : 0 } };
};

/**
 * `updated` follows the documentation: `doc().set()` reports 1 when the document existed; merge
 * updates report the documents actually modified (MongoDB's nModified: a no-op update counts 0).
 */
export const modifyDocument = (params: Params, ctx: ActionContext): Answer => {
  const collection = str(params, 'collectionName');
  const filter = filterOf(params, ctx);
  const request: ModifyRequest = {
    collection,
    data: parseObjectPayload(params.data, ctx.now, 'data'),
    merge: params.merge !== false,
    upsert: params.upsert === true,
  };
  const txId = optionalStr(params, 'transactionId');
  if (txId) return modifyInTransaction(txId, docInTransaction(params, filter), filter, request, ctx);
  logWhere(ctx, params, 'update', filter);
  const targets = matching(ctx.storage, collection, filter, params.multi !== false && isWhere(params));
  if (targets.length === 0) {
    if (!request.upsert) return { data: { updated: 0 } };
    const id = pinnedId(filter) ?? ctx.newId();
    ctx.storage.commit([{ collection, id, doc: upsertDocument(id, request.data, request.merge), insert: true }]);
    return { data: { updated: 0, upsert_id: id } };
  }
  const writes: PendingWrite[] = [];
  for (const doc of targets) {
    const id = docIdOf(doc);
    if (!request.merge) {
      writes.push({ collection, id, doc: replacement(id, request.data) });
      continue;
    }
    const outcome = applyModifier(doc, request.data);
    if (outcome.modified) writes.push({ collection, id, doc: outcome.doc });
  }
  ctx.storage.commit(writes);
  return { data: { updated: writes.length } };
};

export const removeDocument = (params: Params, ctx: ActionContext): Answer => {
  const collection = str(params, 'collectionName');
  const filter = filterOf(params, ctx);
  const txId = optionalStr(params, 'transactionId');
  if (txId) {
    const id = docInTransaction(params, filter);
    const view = ctx.transactions.read(txId, collection, id);
    if (view === null || !matcher(filter)(view)) return { data: { deleted: 0 } };
    ctx.transactions.write(txId, collection, id, null);
    return { data: { deleted: 1 } };
  }
  logWhere(ctx, params, 'remove', filter);
  const targets = matching(ctx.storage, collection, filter, params.multi !== false && isWhere(params));
  ctx.storage.commit(targets.map((doc) => ({ collection, id: docIdOf(doc), doc: null })));
  return { data: { deleted: targets.length } };
};

export const aggregateDocuments = (params: Params, ctx: ActionContext): Answer => {
  const collection = str(params, 'collectionName');
  const store = ctx.storage.store(collection);
  const pipeline = parseStages(params.stages, ctx.now);
  const result = runPipeline(store.values(), pipeline, (name) => ctx.storage.store(name).values());
  return { data: { list: result.map(serializeDoc) } };
};
