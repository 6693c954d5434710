import { UNWATCHED, type Database, type StartedTx } from './database';

/**
 * Issue 16: a write command's transaction is started in the call's first wave, beside the membership,
 * the closed-property check and the command-replay read, instead of after them: `startTransaction` is a
 * round trip of its own (https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/Database.startTransaction.html),
 * and nothing it needs comes from those reads. `applyOnce` takes it for its first attempt (a retry
 * starts a fresh one). Its snapshot is taken when it starts (快照隔离,
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/database/transaction.html): starting
 * it a wait earlier only means a document another call changes during the first wave is a conflict at
 * this transaction's write of it (retried from a fresh start), never a lost update. The handler's own
 * writes outside the transaction would be missing from that snapshot (a consent created, then read in
 * the transaction), so the call's database is watched (`watching`): each document the call writes
 * outside it before the command takes it is noted, and the transaction refuses to touch one of them
 * (`StaleSnapshot`: the command reruns at once in a fresh transaction, as it ran before); a write
 * whose documents cannot be named (a query's update, an `add` without an id, another transaction)
 * rolls the early transaction back at once instead.
 *
 * A transaction must be committed or rolled back within 30 seconds, or the server drops it
 * (https://docs.cloudbase.net/error-code/DATABASE_TRANSACTION_FAIL). None is left to that: a call whose
 * transaction was not taken (a refused caller, a replay, a refusal before the work, an action that
 * applies no command) rolls it back before it answers (`release`), so nothing of the call is left
 * running once it has answered.
 */
/** Thrown when the early transaction would read or write a document the call wrote outside it after it started. */
export class StaleSnapshot extends Error {
  constructor(collection: string, id: string) {
    super(`${collection}/${id} was written after the early transaction started`);
  }
}

interface Written {
  /** `collection\u0000id` of each document written outside. */
  docs: Set<string>;
}

const docKey = (collection: string, id: string) => `${collection}\u0000${id}`;

export class EarlyTransaction {
  private taken = false;
  private released: Promise<void> | null = null;
  private readonly started: Promise<StartedTx | null>;
  private readonly written: Written = { docs: new Set() };

  /** `start` false: the action writes first (router.ts `writesFirst`), and the command starts its own transaction. */
  constructor(db: Database, start = true) {
    // A start that failed is no failure of the call: applyOnce starts its own.
    this.started = start
      ? db.startTransaction().catch((e: unknown) => {
          console.warn('early transaction not started; the command starts its own', e);
          return null;
        })
      : Promise.resolve(null);
    if (!start) this.taken = true;
  }

  /** The transaction for the command's first attempt, once: null when it is taken or released already, or did not start. */
  async take(): Promise<StartedTx | null> {
    if (this.taken || this.released) return null;
    this.taken = true;
    const tx = await this.started;
    return tx && guarded(tx, new Set(this.written.docs));
  }

  /** Rolls back a transaction nobody took (once; a taken one is its taker's to end). */
  release(): Promise<void> {
    if (this.taken) return Promise.resolve();
    this.released ??= this.started.then((tx) =>
      tx?.rollback().then(
        () => undefined,
        (e: unknown) => console.warn('early transaction not rolled back; the server drops it within 30 s', e),
      ),
    );
    return this.released;
  }

  /** The call's database, watched for writes outside the transaction made before the command takes it. */
  watching(db: Database): Database {
    const wrote = (collection: string | undefined, id: unknown) => {
      if (this.taken) return;
      if (collection !== undefined && typeof id === 'string') this.written.docs.add(docKey(collection, id));
      else void this.release();
    };
    const watch = <T extends object>(target: T, collection?: string, id?: unknown): T =>
      new Proxy(target, {
        get(t, p, receiver) {
          const value: unknown = Reflect.get(t, p, receiver);
          if (typeof value !== 'function' || typeof p !== 'string') return value;
          return (...args: unknown[]) => {
            const out: unknown = (value as (...a: unknown[]) => unknown).apply(t, args);
            if (p === 'add') wrote(collection, (args[0] as { data?: { _id?: unknown } } | undefined)?.data?._id);
            else if (WRITES.has(p)) wrote(collection, id);
            else if (p === 'runTransaction' || p === 'startTransaction') wrote(undefined, undefined);
            if (out === null || typeof out !== 'object') return out;
            if (p === 'collection') return watch(out, args[0] as string);
            if (p === 'doc') return watch(out, collection, args[0]);
            // A query's own id (`where({ _id })`) names its one document; any other names none.
            if (p === 'where') return watch(out, collection, (args[0] as { _id?: unknown } | undefined)?._id);
            if (CHAINS.has(p)) return watch(out, collection, id);
            return out;
          };
        },
      });
    return new Proxy(watch(db), { get: (t, p, receiver) => (p === UNWATCHED ? db : Reflect.get(t, p, receiver)) });
  }
}

/** The taken transaction, refusing the documents written outside it since it started. */
const guarded = (tx: StartedTx, stale: ReadonlySet<string>): StartedTx => {
  if (stale.size === 0) return tx;
  return {
    commit: () => tx.commit(),
    rollback: (reason?: unknown) => tx.rollback(reason),
    collection: (name) => {
      const ref = tx.collection(name);
      return {
        add: (options) => {
          const id = (options.data as { _id?: unknown })._id;
          if (typeof id === 'string' && stale.has(docKey(name, id))) throw new StaleSnapshot(name, id);
          return ref.add(options);
        },
        doc: (id) => {
          if (stale.has(docKey(name, id))) throw new StaleSnapshot(name, id);
          return ref.doc(id);
        },
      };
    },
  };
};

/** What changes documents: on a collection (`add`), a document or a query. */
const WRITES = new Set(['set', 'update', 'remove']);
/** What leads to a write: the queries it is made on. */
const CHAINS = new Set(['orderBy', 'skip', 'limit', 'field']);
