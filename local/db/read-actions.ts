import { parseStages, runPipeline } from './aggregate';
import { docInTransaction, filterOf, logWhere, matching, sortOf, type ActionContext, type Answer } from './action-context';
import { parseObjectPayload, serializeDoc } from './ejson';
import { matcher } from './matcher';
import { arrange } from './query-exec';
import { clampLimit, num, optionalStr, str, type Params } from './request-params';
import { isPlainObject } from './values';

export const getDocument = (params: Params, ctx: ActionContext): Answer => {
  const collection = str(params, 'collectionName');
  const filter = filterOf(params, ctx);
  const projection = parseObjectPayload(params.projection, ctx.now, 'projection');
  const txId = optionalStr(params, 'transactionId');
  if (txId) {
    const id = docInTransaction(params, filter);
    const view = ctx.transactions.read(txId, collection, id);
    const list = view && matcher(filter)(view) ? arrange([view], { projection }) : [];
    return { data: { list: list.map(serializeDoc) } };
  }
  const sort = sortOf(params, ctx);
  const limit = clampLimit(num(params, 'limit'));
  const offset = Math.max(0, Math.floor(num(params, 'offset') ?? 0));
  logWhere(ctx, params, 'get', filter, sort);
  const docs = arrange(matching(ctx, collection, filter, true), { sort, skip: offset, limit, projection });
  return { data: { list: docs.map(serializeDoc), limit, offset } };
};

export const calculateDocument = (params: Params, ctx: ActionContext): Answer => {
  const collection = str(params, 'collectionName');
  const filter = filterOf(params, ctx);
  if (optionalStr(params, 'transactionId')) docInTransaction(params, filter);
  logWhere(ctx, params, 'count', filter);
  return { data: { total: matching(ctx, collection, filter, true).length } };
};

/** A leading $match is answered through the indexes like a query; the rest of the pipeline runs on what it matched. */
export const aggregateDocuments = (params: Params, ctx: ActionContext): Answer => {
  const collection = str(params, 'collectionName');
  ctx.storage.store(collection);
  const pipeline = parseStages(params.stages, ctx.now);
  const first = pipeline[0]?.$match;
  const docs = isPlainObject(first) ? matching(ctx, collection, first, true) : ctx.storage.candidates(collection, {});
  const rest = isPlainObject(first) ? pipeline.slice(1) : pipeline;
  const result = runPipeline(docs, rest, pipeline.some((stage) => '$limit' in stage), (name) => ctx.storage.candidates(name, {}));
  return { data: { list: result.map(serializeDoc) } };
};
