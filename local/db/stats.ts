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
