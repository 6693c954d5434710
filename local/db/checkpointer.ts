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
const [REQUESTS, STOP, RUNNING, RUNS, COPYING, CLOSED] = [0, 1, 2, 3, 4, 5];
const state = new Int32Array(workerData.state);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 5000');
let seen = 0;
for (;;) {
  Atomics.wait(state, REQUESTS, seen);
  seen = Atomics.load(state, REQUESTS);
  if (Atomics.load(state, STOP)) break;
  try {
    const result = db.pragma('wal_checkpoint(PASSIVE)')[0];
    Atomics.add(state, RUNS, 1);
    if (result.checkpointed > 0) Atomics.add(state, COPYING, 1);
  } catch (error) {
    parentPort.postMessage({ failed: String(error && error.message || error) });
  }
  Atomics.store(state, RUNNING, 0);
}
db.close();
Atomics.store(state, CLOSED, 1);
Atomics.notify(state, CLOSED);
`;

/**
 * Commits between two checkpoint requests. A create makes 6 commits of about 11 WAL frames in all, most of
 * them the same few pages rewritten (the person's quota, the signals, the table's last page): a
 * checkpoint copies each page once however often it was rewritten, and syncs the WAL and the file (two
 * fdatasyncs). Every 32 commits (about 5 creates) the thread cost 0.12–0.15 ms of CPU a create; every 256
 * (about 43 creates, some 500 frames, 2 MB of WAL, well under `WRITER_CHECKPOINT_PAGES`) 0.04–0.05 ms
 * (issue 16, 2026-12-07, `bench/profile-create.ts` by thread). Durability does not depend on it: each
 * answer waits for the WAL's own sync (`SqliteFile.flush`).
 */
export const COMMITS_PER_CHECKPOINT = 256;

/**
 * The main connection's own automatic checkpoint, in pages (4 KiB each): the bound on the WAL. The
 * thread's checkpoints copy pages while commits go on, but SQLite starts the WAL over only when a
 * checkpoint has caught up with the last commit before the next one begins, which under a steady
 * stream of commits is the writer's own checkpoint. By then the thread has copied nearly everything,
 * so the writer's checkpoint has little to copy (and nothing to sync when the thread has caught up).
 */
export const WRITER_CHECKPOINT_PAGES = 4096;

/** Slots of the state shared with the thread (Int32 each); the worker's text names the same. */
const REQUESTS = 0;
const STOP = 1;
const RUNNING = 2;
const RUNS = 3;
const COPYING = 4;
const CLOSED = 5;

/**
 * Checkpoints the WAL on a worker thread instead of inside a commit: every `COMMITS_PER_CHECKPOINT`
 * commits the worker is asked for one; a request while one runs is dropped (the next one copies
 * everything since). Should the worker fail, `fallback` gives the checkpoints back to SQLite.
 * The thread is asked, and tells what it did, through shared memory (a counter it waits on with
 * `Atomics.wait`): a `postMessage` each way cost the writer's thread more than the request itself
 * (0.9 % of a create's profile at 10 callers); only a failure comes back as a message.
 */
export class Checkpointer {
  private readonly worker: Worker;
  private readonly state = new Int32Array(new SharedArrayBuffer(6 * 4));
  private since = 0;
  private failed = false;

  constructor(file: string, private readonly fallback: (reason: string) => void) {
    this.worker = new Worker(WORKER, { eval: true, workerData: { file, driver: require.resolve('better-sqlite3'), state: this.state.buffer } });
    this.worker.unref();
    this.worker.on('message', (message: { failed?: string }) => {
      if (message.failed) this.giveUp(message.failed);
    });
    this.worker.on('error', (error) => this.giveUp(error.message));
  }

  /** Checkpoints the thread has run, and those that found frames to copy into the database file. */
  get done(): { runs: number; copying: number } {
    return { runs: Atomics.load(this.state, RUNS), copying: Atomics.load(this.state, COPYING) };
  }

  private giveUp(reason: string): void {
    if (this.failed) return;
    this.failed = true;
    this.fallback(reason);
  }

  /** Counts a commit; every `COMMITS_PER_CHECKPOINT` of them, asks the worker to checkpoint. */
  committed(): void {
    if (this.failed || ++this.since < COMMITS_PER_CHECKPOINT || Atomics.load(this.state, RUNNING) !== 0) return;
    this.since = 0;
    Atomics.store(this.state, RUNNING, 1);
    Atomics.add(this.state, REQUESTS, 1);
    Atomics.notify(this.state, REQUESTS);
  }

  /** Closes the worker's connection, waiting (at most 5 s) for a checkpoint under way to finish. */
  close(): void {
    if (this.failed) {
      void this.worker.terminate();
      return;
    }
    Atomics.store(this.state, STOP, 1);
    Atomics.add(this.state, REQUESTS, 1);
    Atomics.notify(this.state, REQUESTS);
    Atomics.wait(this.state, CLOSED, 0, 5_000);
    void this.worker.terminate();
  }
}
