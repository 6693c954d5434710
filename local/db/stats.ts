/** Requests that write documents: inside a transaction they only stage the write until its commit. */
export const DOCUMENT_WRITES: ReadonlySet<string> = new Set(['database.insertDocument', 'database.modifyDocument', 'database.modifyAndReturnDoc', 'database.removeDocument']);
/** Every request that asks the store for a change: a document write, a transaction's commit, a new collection. */
const WRITES: ReadonlySet<string> = new Set([...DOCUMENT_WRITES, 'database.commitTransaction', 'database.addCollection']);

/** Round trips the engine answered, per action (e.g. "database.getDocument"), the documents its queries read, and its commits. */
export class EngineStats {
  private counts = new Map<string, number>();
  /** Documents handed to a matcher or read by a transaction: with an index, only those the query's keys select. */
  documentsRead = 0;
  /** Commits that changed something: each is one SQLite transaction in the database file. */
  commits = 0;

  record(action: string): void {
    this.counts.set(action, (this.counts.get(action) ?? 0) + 1);
  }

  read(documents: number): void {
    this.documentsRead += documents;
  }

  committed(): void {
    this.commits += 1;
  }

  count(action: string): number {
    return this.counts.get(action) ?? 0;
  }

  /** Requests that asked for a change (see WRITES), whether or not the store made it. */
  get writes(): number {
    let sum = 0;
    for (const [action, n] of this.counts) if (WRITES.has(action)) sum += n;
    return sum;
  }

  get total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  get byAction(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  reset(): void {
    this.counts = new Map();
    this.documentsRead = 0;
    this.commits = 0;
  }
}
