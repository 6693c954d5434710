import { resolve } from 'mingo/util';
import { stringifyStored } from './ejson';
import { duplicateKey, type EngineError } from './errors';
import { docIdOf, idKey, type Doc, type DocId } from './values';

export interface UniqueIndex {
  name: string;
  fields: string[];
}

/** Mongo indexes a missing field as null, so two documents without it collide on a unique index. */
const keyValues = (doc: Doc, fields: string[]): unknown[] =>
  fields.map((field) => {
    const value: unknown = resolve(doc, field);
    return value === undefined ? null : value;
  });

const describeKey = (fields: string[], values: unknown[]): string =>
  `{ ${fields.map((f, i) => `${f}: ${stringifyStored(values[i] ?? null)}`).join(', ')} }`;

/** One collection's committed documents, in insertion order, with the unique-index lookup tables. */
export class CollectionStore {
  private readonly docs = new Map<string, Doc>();
  /** Last write sequence number per document id, kept after removal so a re-created id still looks touched. */
  private readonly stamps = new Map<string, number>();
  private readonly uniqueKeys: Map<string, string>[];

  constructor(
    readonly name: string,
    private readonly uniqueIndexes: UniqueIndex[],
  ) {
    this.uniqueKeys = uniqueIndexes.map(() => new Map<string, string>());
  }

  get size(): number {
    return this.docs.size;
  }

  get(id: DocId): Doc | undefined {
    return this.docs.get(idKey(id));
  }

  values(): Doc[] {
    return [...this.docs.values()];
  }

  stampOf(id: DocId): number {
    return this.stamps.get(idKey(id)) ?? 0;
  }

  put(doc: Doc, stamp: number): void {
    const key = idKey(docIdOf(doc));
    const previous = this.docs.get(key);
    if (previous) this.unindex(previous);
    this.docs.set(key, doc);
    this.index(doc, key);
    this.stamps.set(key, stamp);
  }

  remove(id: DocId, stamp: number): void {
    const key = idKey(id);
    const previous = this.docs.get(key);
    if (previous) this.unindex(previous);
    this.docs.delete(key);
    this.stamps.set(key, stamp);
  }

  clear(): void {
    this.docs.clear();
    this.stamps.clear();
    for (const keys of this.uniqueKeys) keys.clear();
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
    for (const [i, index] of this.uniqueIndexes.entries()) {
      const stored = this.uniqueKeys[i];
      if (!stored) continue;
      const seen = new Set<string>();
      for (const doc of candidates) {
        const values = keyValues(doc, index.fields);
        const valueKey = stringifyStored(values);
        const holder = stored.get(valueKey);
        if (seen.has(valueKey) || (holder !== undefined && !replacing.has(holder))) {
          return duplicateKey(this.name, index.name, describeKey(index.fields, values));
        }
        seen.add(valueKey);
      }
    }
    return null;
  }

  private index(doc: Doc, key: string): void {
    for (const [i, index] of this.uniqueIndexes.entries()) {
      this.uniqueKeys[i]?.set(stringifyStored(keyValues(doc, index.fields)), key);
    }
  }

  private unindex(doc: Doc): void {
    for (const [i, index] of this.uniqueIndexes.entries()) {
      this.uniqueKeys[i]?.delete(stringifyStored(keyValues(doc, index.fields)));
    }
  }
}
