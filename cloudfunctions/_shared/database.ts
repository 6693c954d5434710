import type * as cloud from 'wx-server-sdk';

/**
 * The part of wx-server-sdk's database we use, typed for promise-style calls only (the SDK's own
 * types are unions with its callback style). `platformDeps` and the local runtime both supply the
 * real SDK object behind it.
 */
export interface QueryResult {
  data: unknown[];
}
export interface WriteResult {
  stats: { updated?: number; removed?: number };
}

export interface Query {
  where(filter: object): Query;
  orderBy(field: string, order: 'asc' | 'desc'): Query;
  skip(n: number): Query;
  limit(n: number): Query;
  field(projection: object): Query;
  get(): Promise<QueryResult>;
  count(): Promise<{ total: number }>;
  update(options: { data: object }): Promise<WriteResult>;
  remove(): Promise<WriteResult>;
}

export interface DocRef {
  get(): Promise<{ data: unknown }>;
  set(options: { data: object }): Promise<unknown>;
  update(options: { data: object }): Promise<WriteResult>;
  remove(): Promise<WriteResult>;
}

export interface CollectionRef extends Query {
  doc(id: string): DocRef;
  add(options: { data: object }): Promise<{ _id: string }>;
}

/** Inside a transaction only single documents are addressed (no where, no aggregate). */
export interface Tx {
  collection(name: string): { doc(id: string): DocRef; add(options: { data: object }): Promise<{ _id: string }> };
}

/** A transaction started on its own (`db.startTransaction()`), ended by its `commit` or `rollback`. */
export interface StartedTx extends Tx {
  commit(): Promise<unknown>;
  rollback(reason?: unknown): Promise<unknown>;
}

export interface Database {
  collection(name: string): CollectionRef;
  command: ReturnType<typeof cloud.database>['command'];
  RegExp: ReturnType<typeof cloud.database>['RegExp'];
  runTransaction<T>(work: (tx: Tx) => Promise<T>, retries?: number): Promise<T>;
  startTransaction(): Promise<StartedTx>;
}
