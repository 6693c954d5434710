import * as fs from 'node:fs';
import * as path from 'node:path';
import type Database from 'better-sqlite3';
import type { Checkpointer } from './checkpointer';

export interface IndexTable {
  collection: string;
  name: string;
  fields: readonly string[];
}

/** A document's new stored text (null: removed) and the index rows it leaves and gains, in one commit. */
export interface RowWrite {
  collection: string;
  key: string;
  body: string | null;
  indexRows: { table: string; remove: string[][]; add: string[][] }[];
}

export interface KeySlice {
  prefix: readonly string[];
  lower?: { key: string; inclusive: boolean };
  upper?: { key: string; inclusive: boolean };
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const tableOf = (index: IndexTable): string => `ix:${index.collection}:${index.name}`;

/** The open database: one SQLite transaction per commit, index tables kept in the same transaction. */
export class SqliteFile {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly tables = new Map<string, number>();
  private readonly rowSql = new Map<string, { insert: Database.Statement; remove: Database.Statement }>();
  /** Commits made and commits known to be on disk; a flush syncs the WAL up to the commits made when it began. */
  private committed = 0;
  private synced = 0;
  private syncing: Promise<void> | null = null;
  private wal: fs.promises.FileHandle | null = null;

  constructor(
    private readonly db: Database.Database,
    readonly file: string | null,
    private readonly checkpointer: Checkpointer | null = null,
  ) {}

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Makes the manifest's indexes the file's index tables; returns the tables that are new and must be filled. */
  declareIndexes(indexes: readonly IndexTable[]): string[] {
    const existing = new Map(
      (this.db.prepare('SELECT tbl, fields FROM indexes').all() as { tbl: string; fields: string }[]).map((r) => [r.tbl, r.fields]),
    );
    const wanted = new Map(indexes.map((index) => [tableOf(index), index]));
    const fresh: string[] = [];
    this.rowSql.clear();
    this.db.transaction(() => {
      for (const [tbl] of existing) {
        if (wanted.get(tbl) && JSON.stringify(wanted.get(tbl)?.fields) === existing.get(tbl)) continue;
        this.db.exec(`DROP TABLE IF EXISTS ${quote(tbl)}`);
        this.db.prepare('DELETE FROM indexes WHERE tbl = ?').run(tbl);
      }
      for (const [tbl, index] of wanted) {
        this.tables.set(tbl, index.fields.length);
        if (existing.get(tbl) === JSON.stringify(index.fields)) continue;
        const columns = index.fields.map((_, i) => `k${i}`);
        this.db.exec(`CREATE TABLE ${quote(tbl)} (${columns.map((c) => `${c} TEXT NOT NULL`).join(', ')}, id TEXT NOT NULL, PRIMARY KEY (${[...columns, 'id'].join(', ')})) WITHOUT ROWID`);
        this.db.prepare('INSERT INTO indexes (tbl, collection, name, fields) VALUES (?, ?, ?, ?)').run(tbl, index.collection, index.name, JSON.stringify(index.fields));
        fresh.push(tbl);
      }
    })();
    return fresh;
  }

  /** The INSERT and DELETE of an index table's rows, prepared once per table. */
  private rowStatements(table: string): { insert: Database.Statement; remove: Database.Statement } {
    let prepared = this.rowSql.get(table);
    if (!prepared) {
      const width = this.tables.get(table) ?? 0;
      prepared = {
        insert: this.db.prepare(`INSERT OR IGNORE INTO ${quote(table)} VALUES (${Array.from({ length: width + 1 }, () => '?').join(', ')})`),
        remove: this.db.prepare(`DELETE FROM ${quote(table)} WHERE ${[...Array.from({ length: width }, (_, i) => `k${i} = ?`), 'id = ?'].join(' AND ')}`),
      };
      this.rowSql.set(table, prepared);
    }
    return prepared;
  }

  fillIndex(table: string, rows: readonly { key: string; entries: string[][] }[]): void {
    this.db.transaction(() => {
      const { insert } = this.rowStatements(table);
      for (const row of rows) for (const entry of row.entries) insert.run(...entry, row.key);
    })();
  }

  /** One atomic, durable SQLite transaction: documents and their index rows. */
  commit(writes: readonly RowWrite[]): void {
    const upsert = this.statement('INSERT INTO documents (collection, id, body) VALUES (?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET body = excluded.body');
    const remove = this.statement('DELETE FROM documents WHERE collection = ? AND id = ?');
    this.db.transaction(() => {
      for (const write of writes) {
        if (write.body === null) remove.run(write.collection, write.key);
        else upsert.run(write.collection, write.key, write.body);
        for (const { table, remove: gone, add } of write.indexRows) {
          const statements = this.rowStatements(table);
          for (const entry of gone) statements.remove.run(...entry, write.key);
          for (const entry of add) statements.insert.run(...entry, write.key);
        }
      }
    })();
    this.committed += 1;
    this.checkpointer?.committed();
  }

  /**
   * Resolves once every commit made so far is on disk: the WAL is synced (fdatasync, off the event
   * loop); calls that flush while a sync is under way share the next one.
   */
  async flush(): Promise<void> {
    if (this.file === null) return;
    while (this.synced < this.committed) {
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

  /** Document keys whose index entry starts with `prefix` (and whose next key lies in the bounds). */
  lookup(table: string, slice: KeySlice): string[] {
    const at = slice.prefix.length;
    const clauses = slice.prefix.map((_, i) => `k${i} = ?`);
    const params: string[] = [...slice.prefix];
    if (slice.lower) {
      clauses.push(`k${at} ${slice.lower.inclusive ? '>=' : '>'} ?`);
      params.push(slice.lower.key);
    }
    if (slice.upper) {
      clauses.push(`k${at} ${slice.upper.inclusive ? '<=' : '<'} ?`);
      params.push(slice.upper.key);
    }
    const where = clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '';
    return this.statement(`SELECT DISTINCT id FROM ${quote(table)}${where}`).pluck().all(...params) as string[];
  }

  clear(): void {
    this.db.transaction(() => {
      this.db.exec('DELETE FROM documents');
      for (const tbl of this.tables.keys()) this.db.exec(`DELETE FROM ${quote(tbl)}`);
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
