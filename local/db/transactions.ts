import { requestFailed, transactionConflict } from './errors';
import type { PendingWrite, Storage } from './storage';
import { cloneDoc, idKey, type Doc, type DocId } from './values';

interface Touched {
  collection: string;
  id: DocId;
  /** Write sequence of the committed document when this transaction first touched it. */
  stamp: number;
  /** This transaction's version of the document (null: absent). */
  view: Doc | null;
  existed: boolean;
  dirty: boolean;
}

interface Transaction {
  id: string;
  touched: Map<string, Touched>;
}

const touchKey = (collection: string, id: DocId): string => `${collection}\u0000${idKey(id)}`;

/**
 * Optimistic transactions over single documents. Each document a transaction reads or writes is
 * snapshotted on first touch; reads see the snapshot plus the transaction's own writes; writes are
 * buffered. Commit fails with DATABASE_TRANSACTION_CONFLICT when any touched document was written by
 * anyone else since (a never-written id counts as written once someone creates it, so two
 * transactions that both create the same id cannot both commit); otherwise the buffered writes are
 * applied in one atomic storage commit.
 */
export class TransactionManager {
  private readonly open = new Map<string, Transaction>();

  constructor(
    private readonly storage: Storage,
    private readonly newId: () => string,
  ) {}

  start(): string {
    const id = `tx${this.newId()}`;
    this.open.set(id, { id, touched: new Map() });
    return id;
  }

  read(txId: string, collection: string, id: DocId): Doc | null {
    return this.touch(this.get(txId), collection, id).view;
  }

  /** Buffers `doc` (null: removal) as the transaction's version; refused at once if it breaks a unique index. */
  write(txId: string, collection: string, id: DocId, doc: Doc | null): void {
    const tx = this.get(txId);
    const entry = this.touch(tx, collection, id);
    const before = { view: entry.view, dirty: entry.dirty };
    entry.view = doc;
    entry.dirty = true;
    try {
      this.storage.checkUnique(this.pending(tx).filter((w) => w.collection === collection));
    } catch (error) {
      entry.view = before.view;
      entry.dirty = before.dirty;
      throw error;
    }
  }

  commit(txId: string): void {
    const tx = this.get(txId);
    this.open.delete(txId);
    for (const entry of tx.touched.values()) {
      if (this.storage.stampOf(entry.collection, entry.id) !== entry.stamp) {
        throw transactionConflict(`document ${String(entry.id)} in ${entry.collection} was written after this transaction read it`);
      }
    }
    this.storage.commit(this.pending(tx), txId);
  }

  abort(txId: string): void {
    this.get(txId);
    this.open.delete(txId);
  }

  clear(): void {
    this.open.clear();
  }

  get openCount(): number {
    return this.open.size;
  }

  private get(txId: string): Transaction {
    const tx = this.open.get(txId);
    if (!tx) throw requestFailed(`transaction ${txId} does not exist (committed, aborted or never started)`);
    return tx;
  }

  private touch(tx: Transaction, collection: string, id: DocId): Touched {
    const key = touchKey(collection, id);
    const existing = tx.touched.get(key);
    if (existing) return existing;
    const store = this.storage.store(collection);
    const stored = store.get(id);
    const entry: Touched = { collection, id, stamp: store.stampOf(id), view: stored ? cloneDoc(stored) : null, existed: stored !== undefined, dirty: false };
    tx.touched.set(key, entry);
    return entry;
  }

  private pending(tx: Transaction): PendingWrite[] {
    return [...tx.touched.values()]
      .filter((t) => t.dirty)
      .map((t) => ({ collection: t.collection, id: t.id, doc: t.view, insert: !t.existed }));
  }
}
