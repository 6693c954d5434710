import * as fs from 'node:fs';
import * as path from 'node:path';
import type Database from 'better-sqlite3';
import type { Checkpointer } from './checkpointer';

/**
 * A document's new stored text (null: removed) at its row of the documents table (null: a new
 * document, given the next row).
 */
export interface RowWrite {
  collection: string;
  key: string;
  row: number | null;
  body: string | null;
}

/** The open database: one SQLite transaction per commit. */
export class SqliteFile {
  /** Commits made and commits known to be on disk; a flush syncs the WAL up to the commits made when it began. */
  private committed = 0;
  private synced = 0;
  private syncing: Promise<void> | null = null;
  private wal: fs.promises.FileHandle | null = null;
  private readonly writeRows: (writes: readonly RowWrite[]) => (number | null)[];

  constructor(
    private readonly db: Database.Database,
    readonly file: string | null,
    private readonly checkpointer: Checkpointer | null = null,
  ) {
    const insert = db.prepare('INSERT INTO documents (collection, id, body) VALUES (?, ?, ?)');
    const update = db.prepare('UPDATE documents SET body = ? WHERE rowid = ?');
    const remove = db.prepare('DELETE FROM documents WHERE rowid = ?');
    this.writeRows = db.transaction((writes: readonly RowWrite[]) =>
      writes.map((write) => {
        if (write.body === null) {
          if (write.row !== null) remove.run(write.row);
          return null;
        }
        if (write.row !== null) {
          update.run(write.body, write.row);
          return write.row;
        }
        return Number(insert.run(write.collection, write.key, write.body).lastInsertRowid);
      }),
    );
  }

  /**
   * One atomic, durable SQLite transaction: each document's text at its row (the table has no other
   * index: documents are found by row, the engine keeps ids and indexes in memory). Returns each
   * write's row, new documents' rows assigned by SQLite in insertion order.
   */
  commit(writes: readonly RowWrite[]): (number | null)[] {
    const rows = this.writeRows(writes);
    this.committed += 1;
    this.checkpointer?.committed();
    return rows;
  }

  /**
   * Resolves once every commit made before the call is on disk: the WAL is synced (fdatasync, off the
   * event loop); calls that flush while a sync is under way share the next one (group commit). Commits
   * made after the call are not waited for: while other callers kept committing during every sync, a
   * flush that waited for "every commit so far" started sync after sync and was answered only when all
   * callers stood still (at 50 callers exactly one sync per 25 creates, in waves; issue 16).
   */
  async flush(): Promise<void> {
    if (this.file === null) return;
    const target = this.committed;
    while (this.synced < target) {
      if (!this.syncing) {
        const upTo = this.committed;
        this.syncing = this.syncWal()
          .then(() => {
            this.synced = Math.max(this.synced, upTo);
          })
          .finally(() => {
            this.syncing = null;
          });
      }
      await this.syncing;
    }
  }

  private async syncWal(): Promise<void> {
    if (!this.wal) {
      this.wal = await fs.promises.open(`${this.file ?? ''}-wal`, 'r');
      const dir = await fs.promises.open(path.dirname(this.file ?? '.'), 'r');
      await dir.sync().finally(() => dir.close());
    }
    await this.wal.datasync();
  }

  clear(): void {
    this.db.transaction(() => {
      this.db.exec('DELETE FROM documents');
    })();
  }

  /** Checkpoints run on the checkpoint thread (none for an in-memory database). */
  get checkpoints(): { runs: number; copying: number } {
    return { ...(this.checkpointer?.done ?? { runs: 0, copying: 0 }) };
  }

  /** SQLite's online backup: a consistent copy while the database stays in use. */
  backup(destination: string): Promise<unknown> {
    return this.db.backup(destination);
  }

  /** Closes the database (SQLite checkpoints the WAL into the file, synced, once the checkpoint thread's connection is closed). */
  close(): void {
    this.checkpointer?.close();
    void this.wal?.close();
    this.wal = null;
    this.db.close();
  }
}
