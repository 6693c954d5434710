import { resolve } from 'mingo/util';
import { stringifyStored } from './ejson';
import { duplicateKey, type EngineError } from './errors';
import { DocKeys, entryKey } from './index-keys';
import type { IndexSpec } from './manifest';
import { OrderedKeys, type Slice } from './ordered-keys';
import type { PlannableIndex } from './planner';
import { docIdOf, idKey, type Doc, type DocId } from './values';

/** Mongo indexes a missing field as null, so two documents without it collide on a unique index. */
const keyValues = (doc: Doc, fields: readonly string[]): unknown[] =>
  fields.map((field) => {
    const value: unknown = resolve(doc, field);
    return value === undefined ? null : value;
  });

/** Staged documents at which settling sorts every entry again rather than placing each: one in this many of the stored. */
const REBUILD_RATIO = 8;

const describeKey = (fields: readonly string[], values: unknown[]): string =>
  `{ ${fields.map((f, i) => `${f}: ${stringifyStored(values[i] ?? null)}`).join(', ')} }`;

/**
 * A declared index of the collection: its entries, kept in memory beside the documents (built from
 * them at start, changed with each commit after SQLite has it), and which of its fields ever held an array.
 */
export class CollectionIndex implements PlannableIndex {
  readonly name: string;
  readonly fields: readonly string[];
  readonly unique: boolean;
  private readonly multikeyFields = new Set<string>();
  /** Unique indexes only: key values → id key of the holder. */
  readonly holders = new Map<string, string>();
  private readonly keys = new OrderedKeys();
  /** Each stored document's entries, so a replaced version's need not be computed again. */
  private readonly entriesOf = new Map<string, string[]>();

  /** The top-level field each indexed path starts at. */
  private readonly roots: readonly string[];

  constructor(spec: IndexSpec) {
    this.name = spec.name;
    this.fields = spec.keys.map(([field]) => field);
    this.unique = spec.unique === true;
    this.roots = [...new Set(this.fields.map((field) => field.split('.')[0] ?? field))];
  }

  /** Whether two versions of a document hold the same values, by identity, at every top-level field this index reads. */
  sameKeys(before: Doc, after: Doc): boolean {
    for (const root of this.roots) if (before[root] !== after[root] || Object.hasOwn(before, root) !== Object.hasOwn(after, root)) return false;
    return true;
  }

  /**
   * Documents whose entries are not in `keys` yet: each one's latest version (undefined: removed),
   * applied when the index is next read (`lookup`, `multikey`). A write then costs a map entry per
   * index, not the entries' texts and their places in the sorted chunks: an index the queries of the
   * moment never read (most of a repair's 17 while repairs are only filed) costs nothing until one
   * does, and a document written several times in between is entered once. At most one per stored
   * document, like `entriesOf`. Unique indexes' `holders` (the duplicate-key check) never wait.
   */
  private readonly staged = new Map<string, DocKeys | undefined>();
  private loading = false;

  /** Id keys of the documents whose entry starts with the slice's prefix (and whose next key lies in its bounds). */
  lookup(slice: Slice): Set<string> {
    this.settle();
    return this.keys.lookup(slice);
  }

  /** The index's entries of the document stored under `key`, now `doc` (undefined: removed); applied before the index is next read. */
  reindex(key: string, doc: DocKeys | undefined): void {
    if (this.loading) this.apply(key, doc);
    else this.staged.set(key, doc);
  }

  /** Applies the staged documents: one by one when they are few, else by sorting every entry once (a rebuild). */
  private settle(): void {
    if (this.staged.size === 0) return;
    if (this.staged.size * REBUILD_RATIO < this.entriesOf.size) {
      for (const [key, doc] of this.staged) this.apply(key, doc);
    } else {
      this.keys.beginLoad();
      for (const [key, doc] of this.staged) this.apply(key, doc);
      this.keys.endLoad();
    }
    this.staged.clear();
  }

  /** Only the changed entries move. */
  private apply(key: string, doc: DocKeys | undefined): void {
    const before = this.entriesOf.get(key);
    if (!doc) {
      if (before) for (const text of before) this.keys.remove(text);
      this.entriesOf.delete(key);
      return;
    }
    for (const field of this.fields) if (!this.multikeyFields.has(field) && doc.isMultikeyAt(field)) this.multikeyFields.add(field);
    const after = OrderedKeys.entryTexts(this.fields.map((field) => doc.parts(field)), key);
    if (before) for (const text of before) if (!after.includes(text)) this.keys.remove(text);
    for (const text of after) if (!before?.includes(text)) this.keys.add(text);
    this.entriesOf.set(key, after);
  }

  beginLoad(): void {
    this.settle();
    this.loading = true;
    this.keys.beginLoad();
  }

  endLoad(): void {
    this.keys.endLoad();
    this.loading = false;
  }

  clearEntries(): void {
    this.keys.clear();
    this.entriesOf.clear();
    this.staged.clear();
  }

  /** Whether any document ever held an array at `field` (the planner's question). */
  multikey(field: string): boolean {
    this.settle();
    return this.multikeyFields.has(field);
  }

  uniqueKey(doc: Doc): { text: string; values: unknown[] } {
    const values = keyValues(doc, this.fields);
    return { text: values.map(entryKey).join('\u0000'), values };
  }

  noteDocument(keys: DocKeys, key: string): void {
    if (this.unique) this.holders.set(this.uniqueKey(keys.doc).text, key);
  }

  forgetDocument(doc: Doc): void {
    if (this.unique) this.holders.delete(this.uniqueKey(doc).text);
  }
}

/**
 * One collection's committed documents in memory, in insertion order (each document's position is
 * its row in the database file, which SQLite numbers in insertion order), with each document's write
 * stamp (the sequence number of the commit that last wrote it; kept after a removal so a re-created
 * id still counts as written) and its declared indexes.
 */
export class CollectionStore {
  private readonly docs = new Map<string, Doc>();
  private readonly positions = new Map<string, number>();
  private readonly stamps = new Map<string, number>();

  constructor(
    readonly name: string,
    readonly indexes: readonly CollectionIndex[],
  ) {}

  get size(): number {
    return this.docs.size;
  }

  get(id: DocId): Doc | undefined {
    return this.docs.get(idKey(id));
  }

  byKey(key: string): Doc | undefined {
    return this.docs.get(key);
  }

  values(): Doc[] {
    return [...this.docs.values()];
  }

  /** The documents of these id keys that exist, in insertion order. */
  inOrder(keys: Iterable<string>): Doc[] {
    const found: [number, Doc][] = [];
    for (const key of keys) {
      const doc = this.docs.get(key);
      if (doc) found.push([this.positions.get(key) ?? 0, doc]);
    }
    return found.sort((a, b) => a[0] - b[0]).map(([, doc]) => doc);
  }

  stampOf(id: DocId): number {
    return this.stamps.get(idKey(id)) ?? 0;
  }

  /** The document's row in the database file; undefined when it is not stored. */
  rowOf(id: DocId): number | undefined {
    return this.positions.get(idKey(id));
  }

  /**
   * Stores `doc` (new or replacing its stored version) at file row `row`. An index whose fields'
   * top-level values are the very same in both versions keeps its entries: stored documents are never
   * mutated, and an update shares the fields it does not touch (`applyModifier`), so those keys cannot
   * have changed (a notice marked sent keeps 3 of its 5 indexes, a quota or a signal all of theirs).
   */
  put(doc: Doc, stamp: number, row: number): void {
    const key = idKey(docIdOf(doc));
    const previous = this.docs.get(key);
    let keys: DocKeys | undefined;
    for (const index of this.indexes) {
      if (previous && index.sameKeys(previous, doc)) continue;
      if (previous) index.forgetDocument(previous);
      keys ??= new DocKeys(doc);
      index.reindex(key, keys);
      index.noteDocument(keys, key);
    }
    this.positions.set(key, row);
    this.docs.set(key, doc);
    this.stamps.set(key, stamp);
  }

  remove(id: DocId, stamp: number): void {
    const key = idKey(id);
    const previous = this.docs.get(key);
    if (previous) for (const index of this.indexes) index.forgetDocument(previous);
    if (previous) for (const index of this.indexes) index.reindex(key, undefined);
    this.docs.delete(key);
    this.positions.delete(key);
    this.stamps.set(key, stamp);
  }

  /** Every stored document at start, in file order: indexes are built once, sorted, at the end. False if an id repeats. */
  load(rows: Iterable<{ doc: Doc; row: number }>): boolean {
    for (const index of this.indexes) index.beginLoad();
    try {
      for (const { doc, row } of rows) {
        if (this.docs.has(idKey(docIdOf(doc)))) return false;
        this.put(doc, 0, row);
      }
      return true;
    } finally {
      for (const index of this.indexes) index.endLoad();
    }
  }

  clear(): void {
    this.docs.clear();
    this.positions.clear();
    this.stamps.clear();
    for (const index of this.indexes) {
      index.holders.clear();
      index.clearEntries();
    }
  }

  /**
   * The first duplicate-key error `candidates` would cause: against each other and against stored
   * documents, except those in `replacing` (id keys whose stored version the same write replaces or removes).
   */
  findDuplicate(candidates: Doc[], replacing: ReadonlySet<string>): EngineError | null {
    const seenIds = new Set<string>();
    for (const doc of candidates) {
      const id = docIdOf(doc);
      const key = idKey(id);
      if (seenIds.has(key) || (this.docs.has(key) && !replacing.has(key))) {
        return duplicateKey(this.name, '_id_', `{ _id: ${stringifyStored(id)} }`);
      }
      seenIds.add(key);
    }
    for (const index of this.indexes) {
      if (!index.unique) continue;
      const seen = new Set<string>();
      for (const doc of candidates) {
        const { text, values } = index.uniqueKey(doc);
        const holder = index.holders.get(text);
        if (seen.has(text) || (holder !== undefined && !replacing.has(holder))) {
          return duplicateKey(this.name, index.name, describeKey(index.fields, values));
        }
        seen.add(text);
      }
    }
    return null;
  }
}
