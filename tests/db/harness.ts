import type * as WxServerSdk from 'wx-server-sdk';
import { createEngine, installLocalDatabase, manifestOf, type Doc, type DocId, type Engine, type IndexSpec } from '../../local/db';

/** Promise-style view of the wx-server-sdk database (its own typings are callback/promise unions). */
export interface TestQuery {
  where(condition: object): TestQuery;
  orderBy(field: string, order: 'asc' | 'desc'): TestQuery;
  skip(n: number): TestQuery;
  limit(n: number): TestQuery;
  field(projection: object): TestQuery;
  get(): Promise<{ data: Doc[] }>;
  count(): Promise<{ total: number }>;
  update(options: { data: object; multi?: boolean }): Promise<{ stats: { updated: number } }>;
  remove(options?: { multi?: boolean }): Promise<{ stats: { removed: number } }>;
}

export interface TestDocRef {
  field(projection: object): TestDocRef;
  get(): Promise<{ data: Doc }>;
  set(options: { data: object }): Promise<{ _id: DocId; stats: { updated: number; created: number } }>;
  update(options: { data: object }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface TestAggregate {
  match(value: object): TestAggregate;
  group(value: object): TestAggregate;
  sort(value: object): TestAggregate;
  limit(value: number): TestAggregate;
  project(value: object): TestAggregate;
  lookup(value: object): TestAggregate;
  out(value: string): TestAggregate;
  end(): Promise<{ list: Doc[] }>;
}

export interface TestCollection extends TestQuery {
  doc(id: DocId): TestDocRef;
  add(options: { data: object[] }): Promise<{ _ids: DocId[] }>;
  add(options: { data: object }): Promise<{ _id: DocId }>;
  aggregate(): TestAggregate;
}

export interface TestTransaction {
  collection(name: string): TestCollection;
  commit(): Promise<unknown>;
  rollback(reason?: unknown): Promise<unknown>;
}

type Command = ReturnType<typeof WxServerSdk.database>['command'];

export interface TestDb {
  collection(name: string): TestCollection;
  command: Command;
  serverDate(options?: { offset?: number }): object;
  RegExp(options: { regexp: string; options?: string }): object;
  runTransaction<T>(work: (tx: TestTransaction) => Promise<T>, times?: number): Promise<T>;
  startTransaction(): Promise<TestTransaction>;
}

/** The error wx-server-sdk rejects with: errCode mapped from the server's code, or the raw TcbError from commit. */
export interface SdkError {
  errCode?: number;
  errMsg?: string;
  code?: string;
  message: string;
}

export const rejection = async (promise: Promise<unknown>): Promise<SdkError> => {
  try {
    await promise;
  } catch (error) {
    return error as SdkError;
  }
  throw new Error('expected the call to reject');
};

export const START = Date.UTC(2026, 10, 1, 0, 0, 0);

export interface Cloud {
  engine: Engine;
  db: TestDb;
  _: Command;
  clock: { ms: number };
  uninstall: () => void;
}

/** A memory engine behind the real wx-server-sdk, the way cloud functions use it. */
export const startCloud = (collections: Record<string, IndexSpec[]>, options: { dataDir?: string; checkStatusEvents?: string[] } = {}): Cloud => {
  const clock = { ms: START };
  const engine = createEngine({
    manifest: manifestOf(collections),
    dataDir: options.dataDir ?? null,
    now: () => new Date(clock.ms),
    checkStatusEvents: options.checkStatusEvents,
  });
  const uninstallSeam = installLocalDatabase(engine);
  const cloud = require('wx-server-sdk') as typeof WxServerSdk;
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  const db = cloud.database() as unknown as TestDb;
  const uninstall = (): void => {
    uninstallSeam();
    engine.close();
  };
  return { engine, db, _: db.command, clock, uninstall };
};

export const ids = (docs: Doc[]): unknown[] => docs.map((d) => d._id);
