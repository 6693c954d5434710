import { bracketOfKey, scalarKey } from './index-keys';
import { isDocId, isPlainObject, type Doc, type DocId } from './values';

export interface Bound {
  key: string;
  inclusive: boolean;
}

/** A slice of one key column: both ends inside one type bracket. */
export interface KeyRange {
  lower: Bound;
  upper: Bound;
}

export interface PlannableIndex {
  name: string;
  fields: readonly string[];
  /** Whether any stored document holds an array along the field's path (then a range keeps one bound, as MongoDB does). */
  multikey(field: string): boolean;
}

export type Plan<I extends PlannableIndex = PlannableIndex> =
  | { kind: 'ids'; ids: DocId[] }
  | { kind: 'index'; index: I; prefixes: string[][]; range: KeyRange | null }
  | { kind: 'scan' };

/** More equality alternatives than this and the field is left to the matcher. */
const MAX_LOOKUPS = 64;

interface FieldCondition {
  /** Keys of the values the field may equal (an equality or an $in). */
  equals: string[] | null;
  lower: Bound | null;
  upper: Bound | null;
  /** The id values as given, for an `_id` equality or $in. */
  ids: DocId[] | null;
}

const isOperatorObject = (value: unknown): value is Record<string, unknown> =>
  isPlainObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((k) => k.startsWith('$'));

const keysOf = (values: unknown[]): string[] | null => {
  const keys: string[] = [];
  for (const value of values) {
    const key = scalarKey(value);
    if (key === null) return null;
    keys.push(key);
  }
  return [...new Set(keys)];
};

const tighter = (a: Bound | null, b: Bound, lower: boolean): Bound => {
  if (!a) return b;
  if (a.key === b.key) return { key: a.key, inclusive: a.inclusive && b.inclusive };
  return (a.key < b.key) === lower ? b : a;
};

const conditionOf = (value: unknown): FieldCondition => {
  const condition: FieldCondition = { equals: null, lower: null, upper: null, ids: null };
  if (!isOperatorObject(value)) {
    condition.equals = value instanceof RegExp ? null : keysOf([value]);
    condition.ids = isDocId(value) ? [value] : null;
    return condition;
  }
  for (const [op, operand] of Object.entries(value)) {
    if (op === '$eq') {
      condition.equals = keysOf([operand]);
      condition.ids = isDocId(operand) ? [operand] : null;
    } else if (op === '$in' && Array.isArray(operand)) {
      condition.equals = keysOf(operand);
      condition.ids = operand.every(isDocId) ? (operand as DocId[]) : null;
    } else if (op === '$gt' || op === '$gte' || op === '$lt' || op === '$lte') {
      const key = scalarKey(operand);
      if (key === null || bracketOfKey(key) === null) continue;
      const bound = { key, inclusive: op.endsWith('e') };
      if (op.startsWith('$g')) condition.lower = tighter(condition.lower, bound, true);
      else condition.upper = tighter(condition.upper, bound, false);
    }
  }
  return condition;
};

/** The field conditions every matching document meets: top-level fields and those of (nested) $and. */
const conjuncts = (filter: Doc, out: Map<string, FieldCondition[]>): void => {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) if (isPlainObject(part)) conjuncts(part, out);
    } else if (!key.startsWith('$')) {
      const list = out.get(key) ?? [];
      list.push(conditionOf(value));
      out.set(key, list);
    }
  }
};

/** A range on one type only: both bounds must share the bracket, else only the lower one is kept. */
const rangeOf = (conditions: FieldCondition[], multikey: boolean): KeyRange | null => {
  for (const c of conditions) {
    const anchor = c.lower ?? c.upper;
    if (!anchor) continue;
    const bracket = bracketOfKey(anchor.key);
    if (!bracket) continue;
    const [start, end] = bracket;
    const lower = c.lower && c.lower.key.charAt(0) === anchor.key.charAt(0) ? c.lower : null;
    const upper = c.upper && c.upper.key.charAt(0) === anchor.key.charAt(0) && !(multikey && lower) ? c.upper : null;
    return { lower: lower ?? { key: start, inclusive: true }, upper: upper ?? { key: end, inclusive: false } };
  }
  return null;
};

/**
 * Picks how a query reads its candidates: the documents an `_id` equality names, or the index whose
 * leading fields the query pins by equality (and the next one by a range), or every document.
 * The plan only narrows: the matcher still tests every candidate against the whole filter.
 */
export const planQuery = <I extends PlannableIndex>(filter: Doc, indexes: readonly I[]): Plan<I> => {
  const fields = new Map<string, FieldCondition[]>();
  conjuncts(filter, fields);
  const ids = fields.get('_id')?.find((c) => c.ids !== null)?.ids;
  if (ids) return { kind: 'ids', ids };
  let best: { score: number; plan: Plan<I> } = { score: 0, plan: { kind: 'scan' } };
  for (const index of indexes) {
    let prefixes: string[][] = [[]];
    let range: KeyRange | null = null;
    let score = 0;
    for (const field of index.fields) {
      const conditions = fields.get(field) ?? [];
      const equals = conditions.find((c) => c.equals !== null)?.equals;
      if (equals && prefixes.length * equals.length <= MAX_LOOKUPS) {
        prefixes = prefixes.flatMap((prefix) => equals.map((key) => [...prefix, key]));
        score += 2;
        continue;
      }
      range = rangeOf(conditions, index.multikey(field));
      if (range) score += 1;
      break;
    }
    if (score > best.score) best = { score, plan: { kind: 'index', index, prefixes, range } };
  }
  return best.plan;
};
