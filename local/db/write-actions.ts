import { checkLocks, commitPlain, docInTransaction, filterOf, logWhere, matching, type ActionContext, type Answer } from './action-context';
import { parseObjectPayload, parsePayload, serializeDoc } from './ejson';
import { duplicateKey, invalidOperation, invalidParam } from './errors';
import { matcher } from './matcher';
import { pinnedId } from './query-exec';
import { isWhere, optionalStr, str, type Params } from './request-params';
import type { PendingWrite } from './storage';
import { applyModifier, replacement, upsertDocument } from './updates';
import { docIdOf, isDocId, isPlainObject, type Doc, type DocId } from './values';

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
  // Database.runTransaction, 限制: 只允许进行单记录操作，不允许进行批量操作
  // (developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/Database.runTransaction.html).
  if (txId && params.data.length !== 1) throw invalidOperation('transactions only take single-record operations: one document per add() inside a transaction');
  const docs = params.data.map((text: unknown) => newDocument(text, ctx));
  if (!txId) checkLocks(ctx, docs.map(({ id }) => ({ collection, id })));
  const insertedIds = docs.map(({ id }) => id);
  if (!txId) {
    ctx.storage.insertInOrder(docs.map(({ id, doc }) => ({ collection, id, doc, insert: true })));
    return { data: { insertedIds } };
  }
  for (const { id, doc } of docs) {
    if (ctx.transactions.read(txId, collection, id) !== null) throw duplicateKey(collection, '_id_', `{ _id: ${JSON.stringify(id)} }`);
    ctx.transactions.write(txId, collection, id, doc);
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
 * A batch update names its documents with where(); the collection-wide `collection.update()` is
 * refused (docs.cloudbase.net/api-reference/server/node-sdk/database/update: 批量更新 where 必填).
 */
const requireWhere = (params: Params): void => {
  if (isWhere(params) && (params.query === undefined || params.query === null || params.query === '')) {
    throw invalidParam('update needs a where() condition: updating a whole collection is not allowed');
  }
};

/**
 * `updated` follows the documentation: `doc().set()` reports 1 when the document existed; merge
 * updates report the documents actually modified (MongoDB's nModified: a no-op update counts 0).
 */
export const modifyDocument = (params: Params, ctx: ActionContext): Answer => {
  const collection = str(params, 'collectionName');
  requireWhere(params);
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
  const targets = matching(ctx, collection, filter, params.multi !== false && isWhere(params));
  if (targets.length === 0) {
    if (!request.upsert) return { data: { updated: 0 } };
    const id = pinnedId(filter) ?? ctx.newId();
    commitPlain(ctx, [{ collection, id, doc: upsertDocument(id, request.data, request.merge), insert: true }]);
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
  commitPlain(ctx, writes);
  return { data: { updated: writes.length } };
};

/**
 * `where().updateAndReturn()` (database.modifyAndReturnDoc): updates the first matching document
 * and answers how many matched (0 or 1) and the document as updated, or null.
 */
export const modifyAndReturnDoc = (params: Params, ctx: ActionContext): Answer => {
  const collection = str(params, 'collectionName');
  requireWhere(params);
  const filter = filterOf(params, ctx);
  if (optionalStr(params, 'transactionId')) docInTransaction(params, filter);
  const data = parseObjectPayload(params.data, ctx.now, 'data');
  logWhere(ctx, params, 'update', filter);
  const [target] = matching(ctx, collection, filter, false);
  if (!target) return { data: { updated: 0, doc: null } };
  const outcome = applyModifier(target, data);
  if (outcome.modified) commitPlain(ctx, [{ collection, id: docIdOf(target), doc: outcome.doc }]);
  return { data: { updated: 1, doc: serializeDoc(outcome.doc) } };
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
  const targets = matching(ctx, collection, filter, params.multi !== false && isWhere(params));
  commitPlain(ctx, targets.map((doc) => ({ collection, id: docIdOf(doc), doc: null })));
  return { data: { deleted: targets.length } };
};
