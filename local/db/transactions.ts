import { transactionConflict, transactionFail } from './errors';
import type { PendingWrite, Storage } from './storage';
import { idKey, type Doc, type DocId } from './values';

/**
 * A transaction must be committed or aborted within 30 seconds; afterwards it no longer exists on the
 * server (https://docs.cloudbase.net/error-code/DATABASE_TRANSACTION_FAIL).
 */
export const TRANSACTION_LIFETIME_MS = 30_000;

interface BufferedWrite {
  collection: string;
  id: DocId;
  doc: Doc | null;
  /** Whether the document existed in the snapshot (else this is a new document, a duplicate if someone else has it). */
  existed: boolean;
}

interface Transaction {
  id: string;
  /** The storage sequence when it started: it reads the committed state as of then. */
  snapshot: number;
  startedAt: number;
  writes: Map<string, BufferedWrite>;
  ended: Promise<void>;
  end: () => void;
}

const lockKey = (collection: string, id: DocId): string => `${collection}\u0000${idKey(id)}`;

/**
 * Snapshot isolation as the cloud documents it (guide/database/transaction.html, 快照隔离): every read
 * sees the committed state as of the transaction's start plus its own writes; a write locks the
 * document. A write to a document another open transaction has locked, or that anyone changed since
 * the snapshot, is refused at that write with DATABASE_TRANSACTION_CONFLICT and ends the transaction
 * (as MongoDB aborts it). Reads lock nothing, so a document only read never aborts a commit. A plain
 * write to a locked document waits until the lock's transaction ends (普通的更新操作会被阻塞).
 */
export class TransactionManager {
  private readonly open = new Map<string, Transaction>();
  private readonly locks = new Map<string, Transaction>();

  constructor(
    private readonly storage: Storage,
    private readonly newId: () => string,
    private readonly clock: () => Date,
  ) {}

  start(): string {
    const now = this.clock().getTime();
    for (const tx of [...this.open.values()]) if (now - tx.startedAt > TRANSACTION_LIFETIME_MS) this.finish(tx);
    const id = `tx${this.newId()}`;
    let end = (): void => undefined;
    const ended = new Promise<void>((resolve) => {
      end = resolve;
    });
    this.open.set(id, { id, snapshot: this.storage.currentSequence, startedAt: now, writes: new Map(), ended, end });
    this.retain();
    return id;
  }

  read(txId: string, collection: string, id: DocId): Doc | null {
    const tx = this.live(txId);
    const own = tx.writes.get(lockKey(collection, id));
    if (own) return own.doc;
    return this.storage.versionAt(collection, id, tx.snapshot);
  }

  /** Buffers `doc` (null: removal) as the transaction's version of the document. */
  write(txId: string, collection: string, id: DocId, doc: Doc | null): void {
    const tx = this.live(txId);
    const key = lockKey(collection, id);
    const holder = this.locks.get(key);
    if (holder && holder !== tx) this.conflict(tx, `document ${String(id)} in ${collection} is being written by another transaction`);
    if (this.storage.stampOf(collection, id) > tx.snapshot) this.conflict(tx, `document ${String(id)} in ${collection} changed after this transaction started`);
    const previous = tx.writes.get(key);
    const existed = previous ? previous.existed : this.storage.versionAt(collection, id, tx.snapshot) !== null;
    tx.writes.set(key, { collection, id, doc, existed });
    try {
      this.storage.checkUnique(this.pending(tx).filter((w) => w.collection === collection));
    } catch (error) {
      if (previous) tx.writes.set(key, previous);
      else tx.writes.delete(key);
      throw error;
    }
    this.locks.set(key, tx);
  }

  commit(txId: string): void {
    const tx = this.live(txId);
    try {
      this.storage.commit(this.pending(tx));
    } finally {
      this.finish(tx);
    }
  }

  abort(txId: string): void {
    this.finish(this.live(txId));
  }

  /** The open transaction that has written this document, if any: a plain write to it must wait for it. */
  lockHolder(collection: string, id: DocId): { ended: Promise<void>; expiresInMs: number; expire: () => void } | null {
    const tx = this.locks.get(lockKey(collection, id));
    if (!tx) return null;
    return {
      ended: tx.ended,
      expiresInMs: Math.max(0, tx.startedAt + TRANSACTION_LIFETIME_MS - this.clock().getTime()),
      expire: () => {
        if (this.open.get(tx.id) === tx) this.finish(tx);
      },
    };
  }

  clear(): void {
    for (const tx of [...this.open.values()]) this.finish(tx);
  }

  get openCount(): number {
    return this.open.size;
  }

  /** The open transaction, or DATABASE_TRANSACTION_FAIL if it ended or outlived its 30 seconds. */
  private live(txId: string): Transaction {
    const tx = this.open.get(txId);
    if (tx && this.clock().getTime() - tx.startedAt > TRANSACTION_LIFETIME_MS) this.finish(tx);
    const alive = this.open.get(txId);
    if (!alive) throw transactionFail();
    return alive;
  }

  private conflict(tx: Transaction, detail: string): never {
    this.finish(tx);
    throw transactionConflict(detail);
  }

  private finish(tx: Transaction): void {
    if (this.open.get(tx.id) !== tx) return;
    this.open.delete(tx.id);
    for (const key of tx.writes.keys()) if (this.locks.get(key) === tx) this.locks.delete(key);
    tx.end();
    this.retain();
  }

  private retain(): void {
    let oldest: number | null = null;
    for (const tx of this.open.values()) oldest = oldest === null ? tx.snapshot : Math.min(oldest, tx.snapshot);
    this.storage.retainVersionsFrom(oldest);
  }

  private pending(tx: Transaction): PendingWrite[] {
    return [...tx.writes.values()].map((w) => ({ collection: w.collection, id: w.id, doc: w.doc, insert: !w.existed }));
  }
}
