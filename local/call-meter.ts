import { AsyncLocalStorage } from 'node:async_hooks';
import type { Files } from '../cloudfunctions/_shared/deps';
import type { WeChatApi } from '../cloudfunctions/_shared/wechat';

/** What one function call cost in outbound calls: database, storage, WeChat's open API, the robot. */
export interface CallCount {
  /** Every outbound call (round trips), whatever it was. */
  total: number;
  /**
   * Sequential waits: the longest chain of calls in which each one started only after the one
   * before had answered. Calls in flight together (Promise.all) lie side by side in the chain and
   * count once; a call started after a parallel batch answered counts one more. Measured from
   * start and answer times, not from which promise awaited which, so two independent branches
   * that happened to run one after the other count as a chain: never fewer waits than the
   * function makes its caller sit through, at worst a few more.
   */
  sequential: number;
  /** The waits up to and including the commit that decided a write (its transaction's, or its first write outside one); null: it wrote nothing. */
  untilCommitted: number | null;
  /** Calls by kind: `database.getDocument`, `storage.tempUrls`, `wechat.sendSubscribe`, `robot.post`, … */
  byKind: Record<string, number>;
  /** Every call in the order it was issued: its wait (1 = first), its kind, what it named (a collection) and whether it was an operation of a transaction. */
  trace: { wait: number; kind: string; detail: string; inTransaction?: true }[];
}

/** What decides a write: its transaction's commit; a write made without a transaction decides at its first committed write. */
const TRANSACTION_COMMIT = 'database.commitTransaction';

class CallMeter {
  private readonly count: CallCount = { total: 0, sequential: 0, untilCommitted: null, byKind: {}, trace: [] };
  /** The longest chain among calls that have answered: any call starting now comes after all of them. */
  private answeredDepth = 0;
  private firstWrite: number | null = null;
  private firstCommit: number | null = null;

  begin(kind: string, detail: string, inTransaction: boolean): number {
    this.count.total += 1;
    this.count.byKind[kind] = (this.count.byKind[kind] ?? 0) + 1;
    const depth = this.answeredDepth + 1;
    this.count.trace.push({ wait: depth, kind, detail, ...(inTransaction ? { inTransaction: true as const } : {}) });
    this.count.sequential = Math.max(this.count.sequential, depth);
    return depth;
  }

  end(kind: string, depth: number, committed: boolean): void {
    this.answeredDepth = Math.max(this.answeredDepth, depth);
    if (!committed) return;
    if (kind === TRANSACTION_COMMIT) this.firstCommit ??= depth;
    else this.firstWrite ??= depth;
  }

  result(): CallCount {
    return { ...this.count, untilCommitted: this.firstCommit ?? this.firstWrite, byKind: { ...this.count.byKind }, trace: [...this.count.trace] };
  }
}

const current = new AsyncLocalStorage<CallMeter>();

/**
 * Counts one outbound call against the function call it belongs to (none: not counted).
 * `committed` tells from the answer whether it committed a database change (a write inside a
 * transaction commits nothing itself; a refused write nothing at all). `detail` names what it touched, for the trace;
 * `inTransaction` marks an operation of a transaction (the early transaction's check reads it, round-trip-budget.test.ts).
 */
export const metered = <T>(kind: string, call: () => Promise<T>, committed: (answer: T) => boolean = () => false, detail = '', inTransaction = false): Promise<T> => {
  const meter = current.getStore();
  if (meter) return meteredCall(meter, kind, call, committed, detail, inTransaction);
  // Unwatched (every call unless a test or the budget counts): the call's own promise, without an async frame of its own around it.
  try {
    return call();
  } catch (error) {
    return Promise.reject(error);
  }
};

const meteredCall = async <T>(meter: CallMeter, kind: string, call: () => Promise<T>, committed: (answer: T) => boolean, detail: string, inTransaction: boolean): Promise<T> => {
  const depth = meter.begin(kind, detail, inTransaction);
  let answer: T | undefined;
  let answered = false;
  try {
    answer = await call();
    answered = true;
    return answer;
  } finally {
    await aTurnLater();
    meter.end(kind, depth, answered && committed(answer as T));
  }
};

/**
 * An answer from the network comes a turn of the event loop later at the earliest: whatever the function
 * started in the same turn (another branch's next call, issued by a continuation that needs no answer) is
 * in flight beside it, as it would be in the cloud, where a call takes milliseconds and a continuation
 * microseconds. Without it the in-process engine answers within the same turn and a call the function
 * issued beside another would be counted after it.
 */
const aTurnLater = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs one function call with its own meter (concurrent calls never share one); `done` gets its count when it settles. */
export const measureCalls = <T>(run: () => Promise<T>, done: (count: CallCount) => void): Promise<T> => {
  const meter = new CallMeter();
  return current.run(meter, run).finally(() => done(meter.result()));
};

/** The files seam with each call counted; a copy is a download then an upload, two calls one after the other. */
export const meteredFiles = (files: Files): Files => ({
  tempUrls: (ids, maxAge) => metered('storage.tempUrls', () => files.tempUrls(ids, maxAge)),
  download: (id) => metered('storage.download', () => files.download(id)),
  remove: (ids) => metered('storage.remove', () => files.remove(ids)),
  upload: (path, bytes) => metered('storage.upload', () => files.upload(path, bytes)),
  copy: async (from, to) => {
    await metered('storage.download', async () => undefined);
    return metered('storage.upload', () => files.copy(from, to));
  },
});

/** WeChat's open API with each call counted (each is one `cloud.openapi` request). */
export const meteredWeChat = (api: WeChatApi): WeChatApi => ({
  phoneNumberOf: (code) => metered('wechat.phoneNumberOf', () => api.phoneNumberOf(code)),
  miniProgramCode: (page, scene) => metered('wechat.miniProgramCode', () => api.miniProgramCode(page, scene)),
  sendSubscribe: (message) => metered('wechat.sendSubscribe', () => api.sendSubscribe(message)),
  checkText: (check) => metered('wechat.checkText', () => api.checkText(check)),
  checkImage: (check) => metered('wechat.checkImage', () => api.checkImage(check)),
});
