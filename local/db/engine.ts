import { WaitForLock, type ActionContext, type Answer, type Params } from './action-context';
import { EngineError, ErrorCodes, invalidOperation, type ErrorBody } from './errors';
import { createIdGenerator } from './ids';
import type { Manifest } from './manifest';
import type { QueryLogEntry } from './query-log';
import { aggregateDocuments, calculateDocument, getDocument } from './read-actions';
import { EngineStats } from './stats';
import { StatusWithoutEvent } from './status-events';
import { Storage } from './storage';
import { TransactionManager } from './transactions';
import { cloneDoc, docIdOf, isDocId, type Doc, type DocId } from './values';
import { insertDocument, modifyAndReturnDoc, modifyDocument, removeDocument } from './write-actions';

export interface EngineOptions {
  manifest: Manifest;
  /** Directory of the database file (`database.sqlite`); null or absent: an in-memory database. */
  dataDir?: string | null;
  /** The server clock: `db.serverDate()`, auto-id timestamps and transaction lifetimes read it. */
  now?: () => Date;
  /**
   * Tests only, not a platform rule: collections whose every committed change of `status` must
   * commit an event about the document in the same write (issue 15, 2); a write that does not is
   * refused and listed in `statusViolations`.
   */
  checkStatusEvents?: readonly string[];
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
  /** Each shape of where-query (get, count, update, remove) the engine ran, once, in the order first run. */
  readonly queryLog: readonly QueryLogEntry[];
  clearQueryLog(): void;
  /** The status changes refused for committing no event (`EngineOptions.checkStatusEvents`), oldest first, even those a caller swallowed. */
  readonly statusViolations: readonly string[];
  /** Empties every collection (in the database file too), open transactions, stats, query log, status violations and injected failures. */
  reset(): void;
  collection(name: string): CollectionView;
  /** Seeds documents as they are (Dates stay Dates) in one commit; missing `_id`s are generated. Unique indexes still apply; status events are not checked. */
  insertRaw(name: string, docs: Doc[]): DocId[];
  /** The next request for `action` (e.g. "database.insertDocument") answers `{code, message}` like a cloud failure. */
  failNext(action: string, failure: InjectedFailure, filter?: FailureFilter): void;
  now(): Date;
  /** True when no collection holds a document (a new database: the only time the demo seed may run). */
  isEmpty(): boolean;
  /** Resolves once every commit so far is on disk: call it before acknowledging anything outside (the runtime does, per function call). */
  flush(): Promise<void>;
  /** SQLite's online backup of the database file to `destination`, while the engine keeps serving. */
  backup(destination: string): Promise<unknown>;
  /** The WAL checkpoints run on the database's checkpoint thread: all of them, and those that copied pages into the file. */
  checkpoints(): { runs: number; copying: number };
  close(): void;
}

type Handler = (params: Params, ctx: ActionContext) => Answer;

interface PendingFailure extends InjectedFailure, FailureFilter {
  action: string;
}

const ENDS_TRANSACTION = new Set(['database.commitTransaction', 'database.abortTransaction']);

/** Transaction operations answer on a later turn of the event loop, as over a network, so overlapping ones can be told apart. */
/** Node's setImmediate; a browser-like host (the client tests run the runtime under jsdom) has only setTimeout. */
const soon: (run: () => void) => unknown = typeof setImmediate === 'function' ? setImmediate : (run) => setTimeout(run, 0);
const nextTurn = (): Promise<void> => new Promise((resolve) => soon(resolve));

const waitFor = async (wait: WaitForLock): Promise<void> => {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      wait.holder.expire();
      resolve();
    }, wait.holder.expiresInMs);
    // A browser-like host (the client tests run the runtime under jsdom) gives a number, with no unref.
    (timer as Partial<NodeJS.Timeout>).unref?.();
  });
  await Promise.race([wait.holder.ended, expired]);
  clearTimeout(timer);
};

export const createEngine = (options: EngineOptions): Engine => {
  const clock = options.now ?? (() => new Date());
  const newId = createIdGenerator(clock);
  const stats = new EngineStats();
  const storage = new Storage(options.manifest, options.dataDir ?? null, stats, new Set(options.checkStatusEvents ?? []));
  const statusViolations: string[] = [];
  const transactions = new TransactionManager(storage, newId, clock);
  const queryLog: QueryLogEntry[] = [];
  /**
   * Each query shape is logged once: what the log is for is which shapes ran (`unindexedQueries`).
   * One entry per query grew without bound in a running system (about 8 a repair filed) and cost
   * every later collection of the heap.
   */
  const loggedShapes = new Set<string>();
  const log = (entry: QueryLogEntry): void => {
    const shape = `${entry.collection}\u0000${entry.kind}\u0000${entry.filterFields.join(',')}\u0000${entry.sortFields.join(',')}\u0000${(entry.sortDirections ?? []).join(',')}\u0000${entry.byId === true ? 1 : 0}`;
    if (loggedShapes.has(shape)) return;
    loggedShapes.add(shape);
    queryLog.push(entry);
  };
  const clearLog = (): void => {
    queryLog.length = 0;
    loggedShapes.clear();
  };
  /** Transactions with an operation in flight. */
  const busy = new Set<string>();
  let failures: PendingFailure[] = [];
  let requests = 0;

  const handlers: Record<string, Handler> = {
    'database.getDocument': getDocument,
    'database.calculateDocument': calculateDocument,
    'database.insertDocument': insertDocument,
    'database.modifyDocument': modifyDocument,
    'database.modifyAndReturnDoc': modifyAndReturnDoc,
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

  /** A commit or rollback that fails (an injected failure included) leaves no transaction behind, as on the server. */
  const endQuietly = (txId: unknown): void => {
    try {
      transactions.abort(String(txId));
    } catch {
      // already gone
    }
  };

  const errorBody = (error: unknown, requestId: string): ErrorBody => {
    if (error instanceof EngineError) return { code: error.code, message: error.message, requestId };
    return { code: ErrorCodes.requestFailed, message: error instanceof Error ? error.message : String(error), requestId };
  };

  const answer = async (action: string, params: Params, requestId: string): Promise<unknown> => {
    const handler = handlers[action];
    for (;;) {
      try {
        if (!handler) throw invalidOperation(`unsupported database action: ${action}`);
        const ctx: ActionContext = { storage, transactions, now: clock(), newId, log };
        return { requestId, ...handler(params, ctx) };
      } catch (error) {
        if (error instanceof WaitForLock) {
          await waitFor(error);
          continue;
        }
        if (error instanceof StatusWithoutEvent) statusViolations.push(error.message);
        return errorBody(error, requestId);
      }
    }
  };

  /**
   * One operation of a transaction at a time: CloudBase does not document concurrent operations in
   * one transaction as safe, so an operation issued while another of the same transaction is in
   * flight (say `Promise.all` of two writes) is refused, and the function's mistake shows here.
   */
  const inTransaction = async (txId: string, action: string, params: Params, requestId: string): Promise<unknown> => {
    if (busy.has(txId)) {
      return errorBody(invalidOperation(`${action} was sent while another operation of transaction ${txId} was still in flight; await each operation of a transaction before the next`), requestId);
    }
    busy.add(txId);
    try {
      await nextTurn();
      return await answer(action, params, requestId);
    } finally {
      busy.delete(txId);
    }
  };

  return {
    manifest: options.manifest,
    async handle(action, params = {}) {
      stats.record(action);
      requests += 1;
      const requestId = `local-${requests}`;
      const failure = takeFailure(action, params);
      if (failure) {
        if (ENDS_TRANSACTION.has(action)) endQuietly(params.transactionId);
        return { code: failure.code, message: failure.message, requestId } satisfies ErrorBody;
      }
      const txId = params.transactionId;
      if (typeof txId === 'string' && txId !== '') return inTransaction(txId, action, params, requestId);
      return answer(action, params, requestId);
    },
    stats,
    queryLog,
    statusViolations,
    clearQueryLog: clearLog,
    reset() {
      transactions.clear();
      storage.clear();
      stats.reset();
      clearLog();
      statusViolations.length = 0;
      failures = [];
    },
    collection(name) {
      const store = storage.store(name);
      return { all: () => store.values().map(cloneDoc), count: () => store.size };
    },
    insertRaw(name, docs) {
      const writes = docs.map((raw) => {
        const doc = cloneDoc(raw);
        if (!isDocId(doc._id)) doc._id = newId();
        return { collection: name, id: docIdOf(doc), doc, insert: true };
      });
      storage.commit(writes, true);
      return writes.map((w) => w.id);
    },
    failNext(action, failure, filter = {}) {
      failures.push({ action, ...failure, ...filter });
    },
    now: clock,
    isEmpty: () => storage.isEmpty(),
    flush: () => storage.flush(),
    backup: (destination) => storage.backup(destination),
    checkpoints: () => storage.checkpoints,
    close() {
      transactions.clear();
      storage.close();
    },
  };
};
