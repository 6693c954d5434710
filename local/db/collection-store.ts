import { resolve } from 'mingo/util';
import { stringifyStored } from './ejson';
import { duplicateKey, type EngineError } from './errors';
import { indexEntries, isMultikeyAt } from './index-keys';
import type { IndexSpec } from './manifest';
import type { PlannableIndex } from './planner';
import { docIdOf, idKey, type Doc, type DocId } from './values';

/** Mongo indexes a missing field as null, so two documents without it collide on a unique index. */
const keyValues = (doc: Doc, fields: readonly string[]): unknown[] =>
  fields.map((field) => {
    const value: unknown = resolve(doc, field);
    return value === undefined ? null : value;
  });

const describeKey = (fields: readonly string[], values: unknown[]): string =>
  `{ ${fields.map((f, i) => `${f}: ${stringifyStored(values[i] ?? null)}`).join(', ')} }`;

/** A declared index of the collection: its table in the database file and which of its fields ever held an array. */
export class CollectionIndex implements PlannableIndex {
  readonly name: string;
  readonly fields: readonly string[];
  readonly unique: boolean;
  private readonly multikeyFields = new Set<string>();
  /** Unique indexes only: key values → id key of the holder. */
  readonly holders = new Map<string, string>();

  constructor(
    spec: IndexSpec,
    readonly table: string,
  ) {
    this.name = spec.name;
    this.fields = spec.keys.map(([field]) => field);
    this.unique = spec.unique === true;
  }

  multikey(field: string): boolean {
    return this.multikeyFields.has(field);
  }

  entries(doc: Doc): string[][] {
    return indexEntries(doc, this.fields);
  }

  uniqueKey(doc: Doc): { text: string; values: unknown[] } {
    const values = keyValues(doc, this.fields);
    return { text: stringifyStored(values), values };
  }

  noteDocument(doc: Doc, key: string): void {
    for (const field of this.fields) if (!this.multikeyFields.has(field) && isMultikeyAt(doc, field)) this.multikeyFields.add(field);
    if (this.unique) this.holders.set(this.uniqueKey(doc).text, key);
  }

  forgetDocument(doc: Doc): void {
    if (this.unique) this.holders.delete(this.uniqueKey(doc).text);
  }
}

/**
 * One collection's committed documents in memory, in insertion order, with each document's write
 * stamp (the sequence number of the commit that last wrote it; kept after a removal so a re-created
 * id still counts as written) and its declared indexes.
 */
export class CollectionStore {
  private readonly docs = new Map<string, Doc>();
  private readonly positions = new Map<string, number>();
  private readonly stamps = new Map<string, number>();
  private nextPosition = 0;

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

  put(doc: Doc, stamp: number): void {
    const key = idKey(docIdOf(doc));
    const previous = this.docs.get(key);
    if (previous) for (const index of this.indexes) index.forgetDocument(previous);
    else this.positions.set(key, this.nextPosition++);
    this.docs.set(key, doc);
    for (const index of this.indexes) index.noteDocument(doc, key);
    this.stamps.set(key, stamp);
  }

  remove(id: DocId, stamp: number): void {
    const key = idKey(id);
    const previous = this.docs.get(key);
    if (previous) for (const index of this.indexes) index.forgetDocument(previous);
    this.docs.delete(key);
    this.positions.delete(key);
    this.stamps.set(key, stamp);
  }

  clear(): void {
    this.docs.clear();
    this.positions.clear();
    this.stamps.clear();
    for (const index of this.indexes) index.holders.clear();
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
