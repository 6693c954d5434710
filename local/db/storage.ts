import { CollectionStore } from './collection-store';
import { collectionNotExist } from './errors';
import { indexKeyFields, type Manifest } from './manifest';
import type { CollectionBatch, Persistence, WriteOp } from './persistence';
import { idKey, type Doc, type DocId } from './values';

/** A document's new committed state; `doc: null` removes it. */
export interface PendingWrite {
  collection: string;
  id: DocId;
  doc: Doc | null;
  /** A new document: a stored one with the same `_id` is a duplicate, not something this write replaces. */
  insert?: boolean;
}

/** The committed state of every declared collection; all writes go through `commit`. */
export class Storage {
  private readonly stores = new Map<string, CollectionStore>();
  private sequence = 0;

  constructor(
    manifest: Manifest,
    private readonly persistence: Persistence,
  ) {
    for (const [name, spec] of Object.entries(manifest.collections)) {
      const unique = spec.indexes.filter((i) => i.unique === true).map((i) => ({ name: i.name, fields: indexKeyFields(i) }));
      this.stores.set(name, new CollectionStore(name, unique));
    }
    for (const [name, docs] of persistence.load(this.names())) {
      const store = this.stores.get(name);
      for (const doc of docs) store?.put(doc, 0);
    }
  }

  names(): string[] {
    return [...this.stores.keys()];
  }

  has(name: string): boolean {
    return this.stores.has(name);
  }

  /** Throws the cloud's "collection not exist" error for collections the manifest does not declare. */
  store(name: string): CollectionStore {
    const store = this.stores.get(name);
    if (!store) throw collectionNotExist(name);
    return store;
  }

  stampOf(collection: string, id: DocId): number {
    return this.store(collection).stampOf(id);
  }

  /** Throws the first duplicate key `writes` would cause, if any. */
  checkUnique(writes: PendingWrite[]): void {
    for (const [collection, group] of this.byCollection(writes)) {
      const replacing = new Set(group.filter((w) => w.insert !== true).map((w) => idKey(w.id)));
      const candidates = group.flatMap((w) => (w.doc ? [w.doc] : []));
      const error = this.store(collection).findDuplicate(candidates, replacing);
      if (error) throw error;
    }
  }

  /** Applies `writes` all together: checked, then made durable, then visible. */
  commit(writes: PendingWrite[], tag?: string): void {
    if (writes.length === 0) return;
    this.checkUnique(writes);
    const groups = this.byCollection(writes);
    const stamp = ++this.sequence;
    const batches: CollectionBatch[] = [...groups].map(([collection, group]) => ({
      collection,
      ops: group.map((w): WriteOp => (w.doc ? { kind: 'put', doc: w.doc } : { kind: 'del', id: w.id })),
    }));
    this.persistence.append(batches, tag ?? `w${stamp}`);
    for (const [collection, group] of groups) {
      const store = this.store(collection);
      for (const w of group) {
        if (w.doc) store.put(w.doc, stamp);
        else store.remove(w.id, stamp);
      }
    }
  }

  clear(): void {
    for (const store of this.stores.values()) store.clear();
    this.persistence.clear(this.names());
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
