import { CollectionIndex, CollectionStore } from './collection-store';
import { collectionNotExist } from './errors';
import { readOldDataFiles, setOldDataFilesAside } from './jsonl-import';
import type { Manifest } from './manifest';
import { planQuery } from './planner';
import { openDatabaseFile, type InitialContent } from './database-file';
import type { RowWrite, SqliteFile } from './sqlite-file';
import { checkStatusEvents } from './status-events';
import { storableText } from './storable';
import { decodeStored, encodeStored } from './stored-json';
import { unusable } from './unusable';
import { docIdOf, idKey, isDocId, type Doc, type DocId } from './values';

/** A document's new committed state; `doc: null` removes it. */
export interface PendingWrite {
  collection: string;
  id: DocId;
  doc: Doc | null;
  /** A new document: a stored one with the same `_id` is a duplicate, not something this write replaces. */
  insert?: boolean;
}

/** A document version a commit replaced, kept while a transaction that started before that commit may read it. */
interface OldVersion {
  doc: Doc | null;
  /** Sequence of the commit that wrote this version. */
  stamp: number;
  /** Sequence of the commit that replaced it. */
  supersededAt: number;
}

const IMPORTED_NOTE = 'imported-jsonl';
const NOTHING_REPLACED: ReadonlySet<string> = new Set();
const versionKey = (collection: string, id: DocId): string => `${collection}\u0000${idKey(id)}`;

const importOldFiles = (dataDir: string | null, collections: string[]): InitialContent => {
  const old = dataDir === null ? null : readOldDataFiles(dataDir, collections);
  if (!old) return { rows: [], meta: {} };
  const rows = [...old].flatMap(([collection, docs]) => docs.map((doc) => ({ collection, key: idKey(docIdOf(doc)), body: encodeStored(doc) })));
  return { rows, meta: { [IMPORTED_NOTE]: new Date().toISOString() } };
};

/**
 * The committed state of every declared collection. SQLite is the store of record: a commit is
 * checked, written in one SQLite transaction, and only then applied to the documents and indexes
 * kept in memory (loaded at start), so memory never holds anything the file does not.
 */
export class Storage {
  private readonly stores = new Map<string, CollectionStore>();
  private readonly file: SqliteFile;
  private readonly history = new Map<string, OldVersion[]>();
  /**
   * The key of every kept version in the order replaced, so by `supersededAt`: pruning drops from the
   * front what no snapshot reads any more, each version once, rather than walking every kept version
   * at each transaction's start and end (with 50 callers there is always one open, and the kept
   * versions grew with the commits made while the oldest stayed open). `replacedHead`: the first live.
   */
  private replaced: { key: string; supersededAt: number }[] = [];
  private replacedHead = 0;
  /** The oldest snapshot an open transaction reads; null when none is open (no old versions kept). */
  private retainFrom: number | null = null;
  private sequence = 0;
  readonly created: boolean;

  /**
   * `observer.read(n)`: n documents were handed to a matcher or a transaction read (what a query cost);
   * `observer.committed()`: a commit was written to the file.
   * `statusEvents`: collections whose status changes must commit their event (`checkStatusEvents`; tests only).
   */
  constructor(
    manifest: Manifest,
    dataDir: string | null,
    private readonly observer: { read(documents: number): void; committed(): void } = { read: () => undefined, committed: () => undefined },
    private readonly statusEvents: ReadonlySet<string> = new Set(),
  ) {
    const collections = Object.keys(manifest.collections);
    const opened = openDatabaseFile(dataDir, () => importOldFiles(dataDir, collections));
    for (const [name, spec] of Object.entries(manifest.collections)) {
      this.stores.set(name, new CollectionStore(name, spec.indexes.map((index) => new CollectionIndex(index))));
    }
    const byCollection = new Map<string, { doc: Doc; row: number }[]>();
    opened.rows.forEach((row, i) => {
      if (!this.stores.has(row.collection)) return;
      let doc: Doc;
      try {
        doc = decodeStored(row.body);
      } catch (error) {
        throw unusable(opened.file ?? 'the database', `document ${i + 1} (${row.collection}) cannot be read: ${error instanceof Error ? error.message : String(error)}`);
      }
      const docs = byCollection.get(row.collection) ?? [];
      docs.push({ doc, row: row.row });
      byCollection.set(row.collection, docs);
    });
    for (const [collection, docs] of byCollection) {
      if (!this.store(collection).load(docs)) throw unusable(opened.file ?? 'the database', `a document id of ${collection} is stored twice`);
    }
    if (dataDir !== null && opened.meta[IMPORTED_NOTE]) setOldDataFilesAside(dataDir, collections);
    this.created = opened.created;
    this.file = opened.open();
  }

  names(): string[] {
    return [...this.stores.keys()];
  }

  isEmpty(): boolean {
    return [...this.stores.values()].every((store) => store.size === 0);
  }

  /** Throws the cloud's "collection not exist" error for collections the manifest does not declare. */
  store(name: string): CollectionStore {
    const store = this.stores.get(name);
    if (!store) throw collectionNotExist(name);
    return store;
  }

  get currentSequence(): number {
    return this.sequence;
  }

  stampOf(collection: string, id: DocId): number {
    return this.store(collection).stampOf(id);
  }

  /** The documents a query must test, read through the best index (see `planQuery`), in insertion order. */
  candidates(collection: string, filter: Doc): Doc[] {
    const store = this.store(collection);
    const id = filter._id;
    if (isDocId(id) && !('$and' in filter)) {
      // A plain `_id` equality (most reads and updates: doc(id)) is the plan `planQuery` makes of it: that document or none.
      const doc = store.get(id);
      this.observer.read(doc ? 1 : 0);
      return doc ? [doc] : [];
    }
    const plan = planQuery(filter, store.indexes);
    let docs: Doc[];
    if (plan.kind === 'ids') docs = store.inOrder(new Set(plan.ids.map(idKey)));
    else if (plan.kind === 'index') {
      const keys = new Set<string>();
      for (const prefix of plan.prefixes) {
        for (const key of plan.index.lookup({ prefix, lower: plan.range?.lower, upper: plan.range?.upper })) keys.add(key);
      }
      docs = store.inOrder(keys);
    } else docs = store.values();
    this.observer.read(docs.length);
    return docs;
  }

  /** The committed version of a document as of commit `sequence` (a transaction's snapshot). */
  versionAt(collection: string, id: DocId, sequence: number): Doc | null {
    const store = this.store(collection);
    this.observer.read(1);
    if (store.stampOf(id) <= sequence) return store.get(id) ?? null;
    const old = this.history.get(versionKey(collection, id))?.find((v) => v.stamp <= sequence && sequence < v.supersededAt);
    if (!old) throw new Error(`no version of ${collection}/${String(id)} as of ${sequence} was kept`);
    return old.doc;
  }

  /** Keeps replaced versions for snapshots from `sequence` on; null drops them all. */
  retainVersionsFrom(sequence: number | null): void {
    this.retainFrom = sequence;
    if (sequence === null) {
      this.history.clear();
      this.replaced = [];
      this.replacedHead = 0;
      return;
    }
    // Each key's versions are in the order replaced too, so the queue's front is its key's first version.
    while (this.replacedHead < this.replaced.length) {
      const front = this.replaced[this.replacedHead] as { key: string; supersededAt: number };
      if (front.supersededAt > sequence) break;
      this.replacedHead += 1;
      const versions = this.history.get(front.key);
      versions?.shift();
      if (versions?.length === 0) this.history.delete(front.key);
    }
    if (this.replacedHead > 1024 && this.replacedHead * 2 > this.replaced.length) {
      this.replaced = this.replaced.slice(this.replacedHead);
      this.replacedHead = 0;
    }
  }

  /** Throws the first duplicate key `writes` would cause, if any. */
  checkUnique(writes: PendingWrite[]): void {
    if (writes.length === 1) {
      // Most commits write one document: the same check without the grouping.
      const [w] = writes as [PendingWrite];
      const store = this.store(w.collection);
      const error = w.doc ? store.findDuplicate([w.doc], w.insert === true ? NOTHING_REPLACED : new Set([idKey(w.id)])) : null;
      if (error) throw error;
      return;
    }
    for (const [collection, group] of this.byCollection(writes)) {
      const replacing = new Set(group.filter((w) => w.insert !== true).map((w) => idKey(w.id)));
      const candidates = group.flatMap((w) => (w.doc ? [w.doc] : []));
      const error = this.store(collection).findDuplicate(candidates, replacing);
      if (error) throw error;
    }
  }

  /**
   * Applies `writes` all together: checked, then written to the file in one SQLite transaction, then
   * visible. `asSeeded`: documents placed as they are (`Engine.insertRaw`), whose events are not checked.
   */
  commit(writes: PendingWrite[], asSeeded = false): void {
    if (writes.length === 0) return;
    this.checkUnique(writes);
    this.commitChecked(writes, asSeeded);
  }

  /** `commit` once `checkUnique` has passed these very writes. */
  private commitChecked(writes: PendingWrite[], asSeeded: boolean): void {
    if (this.statusEvents.size && !asSeeded)
      checkStatusEvents(
        this.statusEvents,
        writes,
        (collection, id) => this.store(collection).get(id),
        () => this.stores.get('commands')?.values() ?? [],
      );
    const rows = this.file.commit(writes.map((w) => this.rowWrite(w)));
    this.observer.committed();
    const stamp = ++this.sequence;
    writes.forEach((w, i) => {
      const store = this.store(w.collection);
      if (this.retainFrom !== null) {
        const key = versionKey(w.collection, w.id);
        const versions = this.history.get(key) ?? [];
        versions.push({ doc: store.get(w.id) ?? null, stamp: store.stampOf(w.id), supersededAt: stamp });
        this.history.set(key, versions);
        this.replaced.push({ key, supersededAt: stamp });
      }
      const row = rows[i];
      if (w.doc && row !== null && row !== undefined) store.put(w.doc, stamp, row);
      else store.remove(w.id, stamp);
    });
  }

  /**
   * A batch insert outside a transaction (`add({ data: [...] })`), in order like Mongo's insertMany:
   * documents before the first refused one stay inserted and the refusal is thrown. When none is
   * refused, the batch is one commit, one SQLite transaction, as one request to the cloud is; when one
   * is, each document before it is its own commit, as they were before batches shared one.
   */
  insertInOrder(writes: PendingWrite[]): void {
    try {
      this.checkUnique(writes);
    } catch {
      for (const w of writes) this.commit([w]);
      return;
    }
    // Checked just now: nothing can have changed in between.
    if (writes.length) this.commitChecked(writes, false);
  }

  private rowWrite(w: PendingWrite): RowWrite {
    return { collection: w.collection, key: idKey(w.id), row: this.store(w.collection).rowOf(w.id) ?? null, body: w.doc ? storableText(w.doc) : null };
  }

  clear(): void {
    this.file.clear();
    for (const store of this.stores.values()) store.clear();
    this.history.clear();
    this.replaced = [];
    this.replacedHead = 0;
  }

  /** Every commit so far on disk (see `SqliteFile.flush`). */
  flush(): Promise<void> {
    return this.file.flush();
  }

  backup(destination: string): Promise<unknown> {
    return this.file.backup(destination);
  }

  get checkpoints(): { runs: number; copying: number } {
    return this.file.checkpoints;
  }

  close(): void {
    this.file.close();
  }

  private byCollection(writes: PendingWrite[]): Map<string, PendingWrite[]> {
    const groups = new Map<string, PendingWrite[]>();
    for (const w of writes) {
      this.store(w.collection);
      const group = groups.get(w.collection);
      if (group) group.push(w);
      else groups.set(w.collection, [w]);
    }
    return groups;
  }
}
