import * as updateOperators from 'mingo/operators/update';
import { isEqual, isNumber, resolve } from 'mingo/util';
import { invalidOperation, requestFailed } from './errors';
import { cloneDoc, cloneValue, isPlainObject, type Doc, type DocId } from './values';

const NUMERIC = new Set(['$inc', '$mul']);
const ARRAY_TARGET = new Set(['$push', '$addToSet', '$pop', '$pull', '$pullAll']);
const SUPPORTED = new Set(['$set', '$unset', '$inc', '$mul', '$min', '$max', '$rename', '$currentDate', ...ARRAY_TARGET]);

const typeName = (value: unknown): string => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);

const rootField = (path: string): string => path.split('.')[0] ?? path;

/** Mongo's refusals that mingo's updater would silently skip; the cloud answers them with DATABASE_REQUEST_FAILED. */
const validate = (doc: Doc, modifier: Doc): void => {
  for (const [op, spec] of Object.entries(modifier)) {
    if (!SUPPORTED.has(op)) throw invalidOperation(`Unknown modifier: ${op}`);
    if (!isPlainObject(spec)) throw requestFailed(`Modifiers operate on fields but we found type ${typeName(spec)} instead (${op})`);
    for (const [field, operand] of Object.entries(spec)) {
      const targets = op === '$rename' && typeof operand === 'string' ? [field, operand] : [field];
      if (targets.some((t) => rootField(t) === '_id')) {
        throw requestFailed(`Performing an update on the path '_id' would modify the immutable field '_id'`);
      }
      const current: unknown = resolve(doc, field);
      if (NUMERIC.has(op)) {
        if (typeof operand !== 'number') throw requestFailed(`Cannot ${op.slice(1)} with non-numeric argument: { ${field}: ${String(operand)} }`);
        if (current !== undefined && typeof current !== 'number') {
          throw requestFailed(`Cannot apply ${op} to a value of non-numeric type. { _id: ${String(doc._id)} } has the field '${field}' of non-numeric type ${typeName(current)}`);
        }
      }
      if (ARRAY_TARGET.has(op) && current !== undefined && !Array.isArray(current)) {
        throw requestFailed(`The field '${field}' must be an array but is of type ${typeName(current)} in document {_id: ${String(doc._id)}}`);
      }
    }
  }
};

const uniqueValues = (values: unknown[]): unknown[] => {
  const out: unknown[] = [];
  for (const v of values) if (!out.some((o) => isEqual(o, v))) out.push(v);
  return out;
};

/** mingo keeps duplicates of `$addToSet: {$each}` when the field is missing; Mongo creates a set. */
const normalizeAddToSet = (doc: Doc, modifier: Doc): Doc => {
  const addToSet = modifier.$addToSet;
  if (!isPlainObject(addToSet)) return modifier;
  const kept: Record<string, unknown> = {};
  const set: Record<string, unknown> = isPlainObject(modifier.$set) ? { ...modifier.$set } : {};
  for (const [field, operand] of Object.entries(addToSet)) {
    const each: unknown = isPlainObject(operand) ? operand.$each : undefined;
    if (resolve(doc, field) === undefined && Array.isArray(each)) set[field] = uniqueValues(each);
    else kept[field] = operand;
  }
  const { $addToSet: _dropped, ...rest } = modifier;
  const result: Doc = { ...rest };
  if (Object.keys(kept).length > 0) result.$addToSet = kept;
  if (Object.keys(set).length > 0) result.$set = set;
  return result;
};

export interface UpdateOutcome {
  doc: Doc;
  modified: boolean;
}

/**
 * A copy of `doc` the modifier can change in place: the top-level fields it names (a `$rename`'s
 * target too) deep-copied, every other field shared with the stored version. Stored documents are
 * never mutated, so a shared field stays as it is; and a field whose value is the same reference in
 * both versions has the same index keys (`CollectionStore.put` skips such indexes). Copying the whole
 * document cost every update a walk of it (a day's quota holds its claims, a repair its history).
 */
const copyTouched = (doc: Doc, modifier: Doc): Doc => {
  const copy: Doc = { ...doc };
  for (const [op, spec] of Object.entries(modifier)) {
    if (!isPlainObject(spec)) continue;
    for (const [field, operand] of Object.entries(spec)) {
      for (const path of op === '$rename' && typeof operand === 'string' ? [field, operand] : [field]) {
        const root = rootField(path);
        // defineProperty: a field named __proto__ stays a field (an assignment would set the prototype).
        if (Object.hasOwn(doc, root)) Object.defineProperty(copy, root, { value: cloneValue(doc[root]), writable: true, enumerable: true, configurable: true });
      }
    }
  }
  return copy;
};

type UpdateOperator = (expr: unknown) => (doc: Doc) => string[];
const OPERATORS = updateOperators as unknown as Record<string, UpdateOperator | undefined>;

/** A top-level field name mingo's operators treat as nothing but that field: no path, no operator, no positional, no prototype. */
const plainName = (field: string): boolean => /^[A-Za-z_][A-Za-z0-9_]*$/.test(field) && field !== '__proto__';

/**
 * `$set`, `$inc` and a plain `$push: {$each}` of a top-level field, done as mingo 7's own operators
 * do them (operators/update/set.js, inc.js, push.js: the same tests of "modified"), without building
 * its path graph per field: on a copy whose touched fields are already copied, and with the
 * modifier's values cloned, so nothing assigned is shared. Anything else goes through mingo.
 * Returns whether the field changed.
 */
const PUSH_MODIFIERS = ['$each', '$slice', '$sort', '$position'];

/** The elements a `$push` operand adds: itself, or its `$each` when that is its only modifier; null when it has others (mingo's case). */
const pushed = (operand: unknown): unknown[] | null => {
  if (!isPlainObject(operand) || !PUSH_MODIFIERS.some((m) => Object.hasOwn(operand, m))) return [operand];
  return Object.keys(operand).length === 1 && Array.isArray(operand.$each) ? operand.$each : null;
};

const DIRECT: Record<string, { fits?: (operand: unknown) => boolean; apply: (doc: Doc, field: string, operand: unknown) => boolean } | undefined> = {
  $set: {
    apply: (doc, field, value) => {
      if (isEqual(doc[field], value)) return false;
      doc[field] = value;
      return true;
    },
  },
  $inc: {
    // mingo refuses a NaN amount (an error the engine answers as the cloud's failure): left to it.
    fits: (amount) => isNumber(amount),
    apply: (doc, field, amount) => {
      const previous = doc[field];
      // mingo's isNumber: NaN is not one, so a NaN field is left as it is.
      if (!isNumber(previous) && previous !== undefined) return false;
      const next = (previous || 0) + (amount as number);
      doc[field] = next;
      return next !== previous;
    },
  },
  $push: {
    fits: (operand) => pushed(operand) !== null,
    apply: (doc, field, operand) => {
      const each = pushed(operand) as unknown[];
      const current = doc[field];
      if (current === undefined) {
        doc[field] = each;
        return true;
      }
      if (!Array.isArray(current)) return false;
      current.push(...each);
      return each.length > 0;
    },
  },
};

/**
 * Applies update operators to a copy of `doc` (stored documents are never mutated), each through
 * mingo's own operator, in the modifier's order as mingo's updater does; called directly because the
 * updater rebuilds its whole operator context on every call.
 */
export const applyModifier = (doc: Doc, modifier: Doc): UpdateOutcome => {
  if (Object.keys(modifier).some((k) => !k.startsWith('$'))) {
    throw invalidOperation('update data must consist of update operators');
  }
  validate(doc, modifier);
  const copy = copyTouched(doc, modifier);
  let modified = false;
  for (const [op, expr] of Object.entries(normalizeAddToSet(copy, cloneDoc(modifier)))) {
    const direct = DIRECT[op];
    if (direct && isPlainObject(expr) && Object.entries(expr).every(([field, operand]) => plainName(field) && (direct.fits?.(operand) ?? true))) {
      for (const [field, operand] of Object.entries(expr)) if (direct.apply(copy, field, operand)) modified = true;
      continue;
    }
    const operator = OPERATORS[op];
    if (!operator) throw invalidOperation(`Unknown modifier: ${op}`);
    if (operator(expr)(copy).length > 0) modified = true;
  }
  return { doc: copy, modified };
};

/** `doc().set()`: the whole document becomes `data`, keeping its `_id`. */
export const replacement = (id: DocId, data: Doc): Doc => {
  if (Object.keys(data).some((k) => k.startsWith('$'))) throw invalidOperation('replacement document must not contain update operators');
  const { _id: _ignored, ...rest } = data;
  return { _id: id, ...cloneDoc(rest) };
};

/** A new document from an upsert: the pinned `_id` plus the update applied to it. */
export const upsertDocument = (id: DocId, data: Doc, merge: boolean): Doc =>
  merge ? applyModifier({ _id: id }, data).doc : replacement(id, data);
