import { requestFailed } from './errors';
import { loadBson } from './sdk-modules';
import { encodeStored, plainScalar } from './stored-json';
import { isPlainObject, type Doc } from './values';

const bson = loadBson();

/**
 * A document is at most 16 MB as BSON, the limit of the MongoDB-based store underneath
 * (developers.weixin.qq.com/community/develop/doc/000c6015024a20c1d6eb9af1756000: 单条记录大小受底层
 * BSON 限制，不超过 16mb).
 */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/** Below this many characters of stored text a document cannot reach the limit (BSON takes at most ~6 bytes per character, for array elements like `0,`). */
const SURELY_SMALL = MAX_DOCUMENT_BYTES / 8;

/**
 * MongoDB refuses to store a field name starting with `$` (it would read as an operator) and the
 * cloud's update reads a dotted name as a path, silently reshaping the document (issue 13 §2); both
 * are refused in every stored document, at any depth, as MongoDB's own "not valid for storage".
 * The same walk tells whether the document is plain JSON (as `plainJson` in stored-json.ts), so its stored
 * text is `JSON.stringify`'s without a second walk. `path`: the names down to `value`, spelled out
 * only for a refusal.
 */
const checkNames = (value: unknown, path: (string | number)[]): boolean => {
  if (typeof value !== 'object') return plainScalar(value);
  if (value === null) return true;
  let plain = true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      if (!checkNames(value[i], path)) plain = false;
      path.pop();
    }
    return plain;
  }
  if (!isPlainObject(value)) return false;
  for (const key in value) {
    const c = key.charCodeAt(0);
    if (c === 36 /* $ */ || key.includes('.')) {
      const at = [...path, key].join('.');
      if (c === 36) throw requestFailed(`The dollar ($) prefixed field '${key}' in '${at}' is not valid for storage.`);
      throw requestFailed(`The dotted field '${key}' in '${at}' is not valid for storage.`);
    }
    path.push(key);
    if (!checkNames(value[key], path)) plain = false;
    path.pop();
  }
  return plain;
};

/** Refuses what the cloud would not store; returns the document's stored text. */
export const storableText = (doc: Doc): string => {
  const text = checkNames(doc, []) ? JSON.stringify(doc) : encodeStored(doc);
  if (text.length > SURELY_SMALL) {
    const size = bson.calculateObjectSize(doc);
    if (size > MAX_DOCUMENT_BYTES) throw requestFailed(`BSONObj size: ${size} is invalid. Size must be between 0 and ${MAX_DOCUMENT_BYTES}(16MB)`);
  }
  return text;
};
