import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseStored, stringifyStored } from './ejson';
import { docIdOf, idKey, isDocId, isPlainObject, type Doc, type DocId } from './values';

export type WriteOp = { kind: 'put'; doc: Doc } | { kind: 'del'; id: DocId };

export interface CollectionBatch {
  collection: string;
  ops: WriteOp[];
}

export interface Persistence {
  /** Documents per collection as last written, in insertion order. */
  load(collections: readonly string[]): Map<string, Doc[]>;
  /** Durable before it returns. `batches` belong to one atomic write (one per collection). */
  append(batches: CollectionBatch[], tag: string): void;
  clear(collections: readonly string[]): void;
}

export const memoryPersistence = (): Persistence => ({
  load: () => new Map(),
  append: () => undefined,
  clear: () => undefined,
});

type StoredOp = { put: Doc } | { del: DocId };

interface LogLine {
  /** How many lines (one per collection) the write that produced this line has; replay skips writes with lines missing. */
  n: number;
  t?: string;
  ops: StoredOp[];
}

const toStoredOp = (op: WriteOp): StoredOp => (op.kind === 'put' ? { put: op.doc } : { del: op.id });

const parseLine = (text: string): LogLine | null => {
  let value: unknown;
  try {
    value = parseStored(text);
  } catch {
    return null;
  }
  if (!isPlainObject(value) || typeof value.n !== 'number' || !Array.isArray(value.ops)) return null;
  const ops: StoredOp[] = [];
  for (const op of value.ops) {
    if (isPlainObject(op) && isPlainObject(op.put)) ops.push({ put: op.put });
    else if (isPlainObject(op) && isDocId(op.del)) ops.push({ del: op.del });
    else return null;
  }
  return { n: value.n, t: typeof value.t === 'string' ? value.t : undefined, ops };
};

/**
 * One append-only JSON-lines file per collection (`<dir>/<collection>.jsonl`), EJSON so Dates and
 * numbers round-trip. A transaction touching several collections writes one line per collection with
 * a shared tag; a crash between those appends leaves a write whose lines are not all present, and
 * replay drops it. Files are compacted to one line per document when loaded.
 */
export const filePersistence = (dir: string): Persistence => {
  const fileOf = (collection: string): string => path.join(dir, `${collection}.jsonl`);

  const readLines = (collection: string): { lines: LogLine[]; raw: number } => {
    const file = fileOf(collection);
    if (!fs.existsSync(file)) return { lines: [], raw: 0 };
    const texts = fs.readFileSync(file, 'utf8').split('\n').filter((t) => t.trim() !== '');
    const lines = texts.map(parseLine).filter((l): l is LogLine => l !== null);
    return { lines, raw: texts.length };
  };

  const compact = (collection: string, docs: Doc[]): void => {
    const file = fileOf(collection);
    const tmp = `${file}.tmp`;
    const body = docs.map((doc) => stringifyStored({ n: 1, ops: [{ put: doc }] })).join('\n');
    fs.writeFileSync(tmp, body === '' ? '' : `${body}\n`);
    fs.renameSync(tmp, file);
  };

  return {
    load(collections) {
      fs.mkdirSync(dir, { recursive: true });
      const read = new Map(collections.map((c) => [c, readLines(c)]));
      const linesPerTag = new Map<string, number>();
      for (const { lines } of read.values()) {
        for (const line of lines) if (line.t !== undefined) linesPerTag.set(line.t, (linesPerTag.get(line.t) ?? 0) + 1);
      }
      const result = new Map<string, Doc[]>();
      for (const [collection, { lines, raw }] of read) {
        const docs = new Map<string, Doc>();
        for (const line of lines) {
          if (line.n > 1 && (line.t === undefined || linesPerTag.get(line.t) !== line.n)) continue;
          for (const op of line.ops) {
            if ('put' in op) docs.set(idKey(docIdOf(op.put)), op.put);
            else docs.delete(idKey(op.del));
          }
        }
        const list = [...docs.values()];
        if (raw > list.length) compact(collection, list);
        result.set(collection, list);
      }
      return result;
    },
    append(batches, tag) {
      const n = batches.length;
      for (const batch of batches) {
        const line: LogLine = n > 1 ? { n, t: tag, ops: batch.ops.map(toStoredOp) } : { n, ops: batch.ops.map(toStoredOp) };
        fs.appendFileSync(fileOf(batch.collection), `${stringifyStored(line)}\n`);
      }
    },
    clear(collections) {
      for (const collection of collections) {
        const file = fileOf(collection);
        if (fs.existsSync(file)) fs.writeFileSync(file, '');
      }
    },
  };
};
