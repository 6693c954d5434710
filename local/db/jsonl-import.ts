import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseStored } from './ejson';
import { unusable } from './unusable';
import { docIdOf, idKey, isDocId, isPlainObject, type Doc } from './values';

/**
 * Data directories from before the SQLite store hold one append-only EJSON-lines file per collection
 * (`<collection>.jsonl`; each line `{n, t?, ops: [{put: doc} | {del: id}]}`). They are read once,
 * into a new database, and then renamed `<collection>.jsonl.imported` (never deleted).
 *
 * The old loader dropped a multi-collection commit unless all its `n` lines carried its tag `t`.
 * But it also rewrote ("compacted") files on load as untagged lines, so the partners of a commit
 * lost their tag and the next load dropped acknowledged work (issue 12). The tags cannot tell that
 * case from a commit cut short by a crash, so every line is kept: dropping loses acknowledged work
 * every time, keeping risks half a commit only if the old system died within one write.
 */
const IMPORTED_SUFFIX = '.imported';

type Op = { put: Doc } | { del: unknown };

const opsOf = (text: string): Op[] | null => {
  let value: unknown;
  try {
    value = parseStored(text);
  } catch {
    return null;
  }
  if (!isPlainObject(value) || typeof value.n !== 'number' || !Array.isArray(value.ops)) return null;
  const ops: Op[] = [];
  for (const op of value.ops) {
    if (isPlainObject(op) && isPlainObject(op.put) && isDocId(op.put._id)) ops.push({ put: op.put });
    else if (isPlainObject(op) && isDocId(op.del)) ops.push({ del: op.del });
    else return null;
  }
  return ops;
};

const fileOf = (dir: string, collection: string): string => path.join(dir, `${collection}.jsonl`);

/** The documents of one old file in their final state; a line that does not parse is refused unless it is the last (an append cut short). */
const readFile = (file: string): Doc[] => {
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '');
  const docs = new Map<string, Doc>();
  lines.forEach((line, i) => {
    const ops = opsOf(line);
    if (!ops) {
      if (i === lines.length - 1) return;
      throw unusable(file, `line ${i + 1} of this old data file cannot be read, so it was not imported`);
    }
    for (const op of ops) {
      if ('put' in op) docs.set(idKey(docIdOf(op.put)), op.put);
      else docs.delete(idKey(op.del as string | number));
    }
  });
  return [...docs.values()];
};

/** The documents of the old files in `dir`, by collection; null when there are none to import. */
export const readOldDataFiles = (dir: string, collections: readonly string[]): Map<string, Doc[]> | null => {
  const present = collections.filter((c) => fs.existsSync(fileOf(dir, c)));
  if (present.length === 0) return null;
  return new Map(present.map((c) => [c, readFile(fileOf(dir, c))]));
};

/** Renames the old files once their documents are in the database; a rename left undone by a crash is finished on the next start. */
export const setOldDataFilesAside = (dir: string, collections: readonly string[]): void => {
  for (const collection of collections) {
    const file = fileOf(dir, collection);
    if (fs.existsSync(file)) fs.renameSync(file, `${file}${IMPORTED_SUFFIX}`);
  }
};
