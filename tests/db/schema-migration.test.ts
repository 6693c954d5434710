/**
 * Issue 12 (throughput): the database file's schema 2 keeps documents in one table found by row and
 * the indexes in memory. A data directory written by schema 1 (documents unique by collection and
 * id, one table per declared index, until 2026-12-06) opens, keeps every document in its order and
 * serves indexed queries; it is migrated in one SQLite transaction, and a restart reads schema 2.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { createEngine, DATABASE_FILE, manifestOf, type Doc, type Engine } from '../../local/db';

const manifest = manifestOf({
  deadlines: [{ name: 'due', keys: [['status', 1], ['nextCheckAt', 1]] }],
  tickets: [{ name: 'no', unique: true, keys: [['no', 1]] }],
});

let dir: string;
let file: string;
const engines: Engine[] = [];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-db-schema-'));
  file = path.join(dir, DATABASE_FILE);
});
afterEach(() => {
  for (const engine of engines.splice(0)) engine.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const open = (): Engine => {
  const engine = createEngine({ manifest, dataDir: dir });
  engines.push(engine);
  return engine;
};
const closeAll = () => engines.splice(0).forEach((e) => e.close());

/** Documents as schema 1 stored them; the order of the rows is the order an unsorted query returns. */
const deadlines: Doc[] = Array.from({ length: 300 }, (_, n) => ({
  _id: `d${(n * 7) % 300}`,
  status: n % 10 === 0 ? 'open' : 'closed',
  nextCheckAt: { $date: new Date(Date.UTC(2026, 10, 1) + n * 60_000).toISOString() },
  note: n === 3 ? 'a\u0000b' : `n${n}`,
}));
const tickets: Doc[] = [
  { _id: 't1', no: 1 },
  { _id: 't2', no: 2 },
];

/** A database file exactly as schema 1 wrote it (local/db/database-file.ts and sqlite-file.ts until 2026-12-06). */
const writeSchema1File = (): void => {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`application_id = ${0x5053446b}`);
  db.pragma('user_version = 1');
  db.exec(`
    CREATE TABLE documents (collection TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, UNIQUE (collection, id));
    CREATE TABLE indexes (tbl TEXT PRIMARY KEY, collection TEXT NOT NULL, name TEXT NOT NULL, fields TEXT NOT NULL);
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE "ix:deadlines:due" (k0 TEXT NOT NULL, k1 TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (k0, k1, id)) WITHOUT ROWID;
    CREATE TABLE "ix:tickets:no" (k0 TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (k0, id)) WITHOUT ROWID;
    INSERT INTO indexes VALUES ('ix:deadlines:due', 'deadlines', 'due', '["status","nextCheckAt"]'), ('ix:tickets:no', 'tickets', 'no', '["no"]');
  `);
  const insert = db.prepare('INSERT INTO documents (collection, id, body) VALUES (?, ?, ?)');
  const due = db.prepare('INSERT INTO "ix:deadlines:due" VALUES (?, ?, ?)');
  db.transaction(() => {
    // Interleaved collections, as commits wrote them; a ticket later updated in place keeps its row.
    insert.run('tickets', 't1', JSON.stringify({ _id: 't1', no: 0 }));
    for (const doc of deadlines) {
      insert.run('deadlines', String(doc._id), JSON.stringify(doc));
      due.run(`C${String(doc.status)}`, 'G-', String(doc._id));
    }
    insert.run('tickets', 't2', JSON.stringify(tickets[1]));
    db.prepare('UPDATE documents SET body = ? WHERE collection = ? AND id = ?').run(JSON.stringify(tickets[0]), 'tickets', 't1');
  })();
  db.close();
};

const ids = (engine: Engine, collection: string) => engine.collection(collection).all().map((d) => d._id);

describe('a schema 1 database file', () => {
  it('opens with every document, in its stored order, with Dates as Dates', () => {
    writeSchema1File();
    const engine = open();
    expect(ids(engine, 'deadlines')).toEqual(deadlines.map((d) => d._id));
    expect(ids(engine, 'tickets')).toEqual(['t1', 't2']);
    expect(engine.collection('tickets').all()).toEqual(tickets);
    const third = engine.collection('deadlines').all()[3] as Doc;
    expect(third.nextCheckAt).toEqual(new Date(Date.UTC(2026, 10, 1) + 3 * 60_000));
    expect(third.note).toBe('a\u0000b');
  });

  it('serves indexed queries from its documents (its old index tables are not read) and keeps unique keys', async () => {
    writeSchema1File();
    const engine = open();
    engine.stats.reset();
    const open10 = (await engine.handle('database.getDocument', { collectionName: 'deadlines', queryType: 'WHERE', query: '{"status":"open"}', limit: 1000 })) as { data: { list: string[] } };
    expect(open10.data.list.map((text) => (JSON.parse(text) as Doc)._id)).toEqual(deadlines.filter((d) => d.status === 'open').map((d) => d._id));
    expect(engine.stats.documentsRead).toBe(30);
    const duplicate = (await engine.handle('database.insertDocument', { collectionName: 'tickets', data: ['{"_id":"t9","no":{"$numberInt":"2"}}'] })) as { code?: string; message?: string };
    expect(duplicate.code).toBe('DATABASE_REQUEST_FAILED');
    expect(duplicate.message).toMatch(/E11000/);
  });

  it('is migrated to schema 2 in place: no index tables left, the same documents, and a restart after new writes keeps all of them in order', () => {
    writeSchema1File();
    const first = open();
    first.insertRaw('tickets', [{ _id: 't3', no: 3 }]);
    closeAll();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(2);
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
      expect(tables).toEqual(['documents', 'meta']);
      expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(deadlines.length + 3);
    } finally {
      db.close();
    }
    const again = open();
    expect(ids(again, 'deadlines')).toEqual(deadlines.map((d) => d._id));
    expect(ids(again, 'tickets')).toEqual(['t1', 't2', 't3']);
  });
});

describe('schema 2', () => {
  it('a new database has only the documents and meta tables, and a document replaced in place keeps its place in the order', async () => {
    const engine = open();
    engine.insertRaw('tickets', [{ _id: 'a', no: 1 }, { _id: 'b', no: 2 }, { _id: 'c', no: 3 }]);
    await engine.handle('database.modifyDocument', { collectionName: 'tickets', queryType: 'DOC', query: '{"_id":"a"}', data: '{"$set":{"no":{"$numberInt":"9"}}}', multi: false, upsert: false, merge: true });
    await engine.handle('database.removeDocument', { collectionName: 'tickets', queryType: 'DOC', query: '{"_id":"b"}', multi: false });
    engine.insertRaw('tickets', [{ _id: 'b', no: 4 }]);
    expect(ids(engine, 'tickets')).toEqual(['a', 'c', 'b']);
    closeAll();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all()).toEqual(['documents', 'meta']);
    } finally {
      db.close();
    }
    const again = open();
    expect(ids(again, 'tickets')).toEqual(['a', 'c', 'b']);
    expect(again.collection('tickets').all()[0]).toEqual({ _id: 'a', no: 9 });
  });
});
