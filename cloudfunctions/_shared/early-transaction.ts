import type { Database, StartedTx } from './database';

/**
 * Issue 16: a write command's transaction is started in the call's first wave, beside the membership,
 * the closed-property check (and the command-replay read of a `replaysFirst` action), instead of after them: `startTransaction` is a
 * round trip of its own (https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/Database.startTransaction.html),
 * and nothing it needs comes from those reads. `applyOnce` takes it for its first attempt (a retry
 * starts a fresh one). Its snapshot is taken when it starts (快照隔离,
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/database/transaction.html): starting
 * it a wait earlier only means a document another call changes during the first wave is a conflict at
 * this transaction's write of it (retried from a fresh start), never a lost update.
 *
 * The handler's own writes outside the transaction would be missing from that snapshot (a consent
 * created, then read in the transaction), so each action declares it: one that writes a document
 * outside its transaction and then reads or writes it inside is wrapped in `writesFirst` (router.ts),
 * and the router starts no transaction for it; one that does so only on some calls says it on those
 * (`writingFirst`) before it writes. Nothing watches the writes at run time (a watcher sat
 * on every write's path); a declaration that lies is caught by the journeys' check
 * (tests/functions/round-trip-budget.test.ts: no action whose early transaction started writes a
 * collection outside it that the transaction then touches), and by the engine where the transaction
 * writes such a document (a conflict: the command reruns in a fresh transaction, commands.ts).
 *
 * A transaction must be committed or rolled back within 30 seconds, or the server drops it
 * (https://docs.cloudbase.net/error-code/DATABASE_TRANSACTION_FAIL). None is left to that: a call whose
 * transaction was not taken (a refused caller, a replay, a refusal before the work, an action that
 * applies no command) rolls it back before it answers (`release`), so nothing of the call is left
 * running once it has answered.
 */
export class EarlyTransaction {
  private taken = false;
  private released: Promise<void> | null = null;
  private readonly started: Promise<StartedTx | null>;

  constructor(db: Database) {
    // A start that failed is no failure of the call: applyOnce starts its own.
    this.started = db.startTransaction().catch((e: unknown) => {
      console.warn('early transaction not started; the command starts its own', e);
      return null;
    });
  }

  /** The transaction for the command's first attempt, once: null when it is taken or released already, or did not start. */
  async take(): Promise<StartedTx | null> {
    if (this.taken || this.released) return null;
    this.taken = true;
    return this.started;
  }

  /**
   * The handler is about to write outside its transaction a document the transaction will read (a
   * matter filed on for the first time): the early transaction is rolled back, without waiting, and
   * the command starts its own when it applies. The per-call form of `writesFirst` (router.ts).
   */
  writingFirst(): void {
    void this.release();
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
}
