import { Worker } from 'node:worker_threads';

/**
 * The thread that checkpoints: its own connection to the database file, running SQLite's PASSIVE
 * checkpoint when asked (https://www.sqlite.org/c3ref/wal_checkpoint_v2.html: it copies what it can
 * without waiting for, or blocking, the writer and readers of the main connection). With
 * `synchronous = NORMAL` a checkpoint syncs the WAL before and the database file after
 * (https://www.sqlite.org/pragma.html#pragma_synchronous), so it is done here, off the thread every
 * function call runs on. Plain JavaScript, so the worker needs no TypeScript loader.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 5000');
parentPort.on('message', (message) => {
  if (message === 'checkpoint') {
    let result;
    try { result = db.pragma('wal_checkpoint(PASSIVE)')[0]; } catch (error) { parentPort.postMessage({ failed: String(error && error.message || error) }); return; }
    parentPort.postMessage({ copied: Math.max(0, result.checkpointed) });
    return;
  }
  db.close();
  const flag = new Int32Array(workerData.closed);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
`;

/** Commits between two checkpoint requests: SQLite's own automatic checkpoint is every 1000 pages, and a commit here writes a few dozen. */
export const COMMITS_PER_CHECKPOINT = 32;

/**
 * The main connection's own automatic checkpoint, in pages (4 KiB each): the bound on the WAL. The
 * thread's checkpoints copy pages while commits go on, but SQLite starts the WAL over only when a
 * checkpoint has caught up with the last commit before the next one begins, which under a steady
 * stream of commits is the writer's own checkpoint. By then the thread has copied nearly everything,
 * so the writer's checkpoint has little to copy (and nothing to sync when the thread has caught up).
 */
export const WRITER_CHECKPOINT_PAGES = 4096;

/**
 * Checkpoints the WAL on a worker thread instead of inside a commit: every `COMMITS_PER_CHECKPOINT`
 * commits the worker is asked for one; a request while one runs is dropped (the next one copies
 * everything since). Should the worker fail, `fallback` gives the checkpoints back to SQLite.
 */
export class Checkpointer {
  private readonly worker: Worker;
  private readonly closed = new SharedArrayBuffer(4);
  private running = false;
  private since = 0;
  private failed = false;
  /** Checkpoints the thread has run, and those that found frames to copy into the database file. */
  readonly done = { runs: 0, copying: 0 };

  constructor(file: string, private readonly fallback: (reason: string) => void) {
    this.worker = new Worker(WORKER, { eval: true, workerData: { file, driver: require.resolve('better-sqlite3'), closed: this.closed } });
    this.worker.unref();
    this.worker.on('message', (message: { copied?: number; failed?: string }) => {
      this.running = false;
      if (message.failed) this.giveUp(message.failed);
      else {
        this.done.runs += 1;
        if ((message.copied ?? 0) > 0) this.done.copying += 1;
      }
    });
    this.worker.on('error', (error) => this.giveUp(error.message));
  }

  private giveUp(reason: string): void {
    if (this.failed) return;
    this.failed = true;
    this.fallback(reason);
  }

  /** Counts a commit; every `COMMITS_PER_CHECKPOINT` of them, asks the worker to checkpoint. */
  committed(): void {
    if (this.failed || ++this.since < COMMITS_PER_CHECKPOINT || this.running) return;
    this.since = 0;
    this.running = true;
    this.worker.postMessage('checkpoint');
  }

  /** Closes the worker's connection, waiting (at most 5 s) for a checkpoint under way to finish. */
  close(): void {
    if (this.failed) {
      void this.worker.terminate();
      return;
    }
    this.worker.postMessage('close');
    Atomics.wait(new Int32Array(this.closed), 0, 0, 5_000);
    void this.worker.terminate();
  }
}
