import {
  aggregateDocuments,
  calculateDocument,
  getDocument,
  insertDocument,
  modifyDocument,
  removeDocument,
  type ActionContext,
  type Answer,
  type Params,
} from './document-actions';
import { EngineError, ErrorCodes, invalidOperation, type ErrorBody } from './errors';
import { createIdGenerator } from './ids';
import type { Manifest } from './manifest';
import { filePersistence, memoryPersistence } from './persistence';
import type { QueryLogEntry } from './query-log';
import { EngineStats } from './stats';
import { Storage } from './storage';
import { TransactionManager } from './transactions';
import { cloneDoc, docIdOf, isDocId, type Doc, type DocId } from './values';

export interface EngineOptions {
  manifest: Manifest;
  /** Directory for the per-collection logs; null or absent keeps everything in memory. */
  dataDir?: string | null;
  /** The server clock: `db.serverDate()` and auto-id timestamps read it. */
  now?: () => Date;
}

export interface InjectedFailure {
  code: string;
  message: string;
}

export interface FailureFilter {
  /** Only fail a request for this collection. */
  collection?: string;
}

export interface CollectionView {
  /** Copies of the committed documents, in insertion order. */
  all(): Doc[];
  count(): number;
}

export interface Engine {
  readonly manifest: Manifest;
  /** What the CloudBase server would answer `TcbDBApiHttpRequester.prototype.send(action, params)` with, error bodies included. */
  handle(action: string, params?: Record<string, unknown>): Promise<unknown>;
  readonly stats: EngineStats;
  /** Every where-query (get, count, update, remove) the engine ran, oldest first. */
  readonly queryLog: readonly QueryLogEntry[];
  clearQueryLog(): void;
  /** Empties every collection (and its log file), open transactions, stats, query log and injected failures. */
  reset(): void;
  collection(name: string): CollectionView;
  /** Seeds documents as they are (Dates stay Dates); missing `_id`s are generated. Unique indexes still apply. */
  insertRaw(name: string, docs: Doc[]): DocId[];
  /** The next request for `action` (e.g. "database.insertDocument") answers `{code, message}` like a cloud failure. */
  failNext(action: string, failure: InjectedFailure, filter?: FailureFilter): void;
  now(): Date;
}

type Handler = (params: Params, ctx: ActionContext) => Answer;

interface PendingFailure extends InjectedFailure, FailureFilter {
  action: string;
}

export const createEngine = (options: EngineOptions): Engine => {
  const clock = options.now ?? (() => new Date());
  const newId = createIdGenerator(clock);
  const persistence = options.dataDir ? filePersistence(options.dataDir) : memoryPersistence();
  const storage = new Storage(options.manifest, persistence);
  const transactions = new TransactionManager(storage, newId);
  const stats = new EngineStats();
  const queryLog: QueryLogEntry[] = [];
  let failures: PendingFailure[] = [];
  let requests = 0;

  const handlers: Record<string, Handler> = {
    'database.getDocument': getDocument,
    'database.calculateDocument': calculateDocument,
    'database.insertDocument': insertDocument,
    'database.modifyDocument': modifyDocument,
    'database.removeDocument': removeDocument,
    'database.aggregateDocuments': aggregateDocuments,
    'database.startTransaction': () => ({ transactionId: transactions.start() }),
    'database.commitTransaction': (params) => {
      transactions.commit(String(params.transactionId));
      return {};
    },
    'database.abortTransaction': (params) => {
      transactions.abort(String(params.transactionId));
      return {};
    },
    'database.addCollection': () => {
      throw invalidOperation('collections are declared in cloudfunctions/manifest.json; createCollection is not supported locally');
    },
  };

  const takeFailure = (action: string, params: Params): InjectedFailure | undefined => {
    const index = failures.findIndex(
      (f) => f.action === action && (f.collection === undefined || f.collection === params.collectionName),
    );
    if (index < 0) return undefined;
    const [failure] = failures.splice(index, 1);
    return failure;
  };

  const answer = (action: string, params: Params, requestId: string): unknown => {
    const failure = takeFailure(action, params);
    if (failure) return { code: failure.code, message: failure.message, requestId } satisfies ErrorBody;
    const handler = handlers[action];
    try {
      if (!handler) throw invalidOperation(`unsupported database action: ${action}`);
      const ctx: ActionContext = { storage, transactions, now: clock(), newId, log: (entry) => queryLog.push(entry) };
      const result = handler(params, ctx);
      return { requestId, ...result };
    } catch (error) {
      if (error instanceof EngineError) return { code: error.code, message: error.message, requestId } satisfies ErrorBody;
      const message = error instanceof Error ? error.message : String(error);
      return { code: ErrorCodes.requestFailed, message, requestId } satisfies ErrorBody;
    }
  };

  return {
    manifest: options.manifest,
    async handle(action, params = {}) {
      stats.record(action);
      requests += 1;
      return answer(action, params, `local-${requests}`);
    },
    stats,
    queryLog,
    clearQueryLog: () => {
      queryLog.length = 0;
    },
    reset() {
      storage.clear();
      transactions.clear();
      stats.reset();
      queryLog.length = 0;
      failures = [];
    },
    collection(name) {
      const store = storage.store(name);
      return { all: () => store.values().map(cloneDoc), count: () => store.size };
    },
    insertRaw(name, docs) {
      return docs.map((raw) => {
        const doc = cloneDoc(raw);
        if (!isDocId(doc._id)) doc._id = newId();
        const id = docIdOf(doc);
        storage.commit([{ collection: name, id, doc, insert: true }]);
        return id;
      });
    },
    failNext(action, failure, filter = {}) {
      failures.push({ action, ...failure, ...filter });
    },
    now: clock,
  };
};
