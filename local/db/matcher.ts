import { compare, ensureArray, flatten, intersection, isArray, isEqual, isNil, isOperator, normalize, resolve, typeOf } from 'mingo/util';
import { stringifyStored } from './ejson';
import { invalidOperation } from './errors';
import { compileQuery } from './mingo-context';
import { isPlainObject, type Doc } from './values';

/**
 * Filters compiled once per shape: `{status: 'open', dueAt: {$lte: t}}` with any status and any t
 * is one shape, its values passed at match time, so a query repeated with other values (every
 * sweep, every page) reuses the compiled matcher instead of building a mingo Query again. The
 * comparison operators are mingo 7's own predicates over values given at match time (checked
 * against mingo in tests/db/matcher.test.ts); any other operator is compiled by mingo, with its
 * operand as part of the shape.
 */
type Test = (doc: Doc, values: readonly unknown[]) => boolean;

type Node =
  | { kind: '$and' | '$or' | '$nor'; children: Node[] }
  | { kind: 'param'; path: string; op: string; slot: number }
  | { kind: 'mingo'; criteria: Doc };

const PARAMETERIZED = new Set(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin']);
const LOGICAL = new Set(['$and', '$or', '$nor']);

const holdsRegExp = (value: unknown): boolean =>
  value instanceof RegExp || (isArray(value) ? value.some(holdsRegExp) : isPlainObject(value) && Object.values(value).some(holdsRegExp));

const parameterizable = (op: string, operand: unknown): boolean =>
  PARAMETERIZED.has(op) && !holdsRegExp(operand) && (op !== '$in' && op !== '$nin' ? true : isArray(operand));

const analyse = (filter: Doc, values: unknown[]): Node[] => {
  const nodes: Node[] = [];
  for (const [key, expr] of Object.entries(filter)) {
    if (LOGICAL.has(key) && isArray(expr) && expr.length > 0 && expr.every(isPlainObject)) {
      nodes.push({ kind: key as '$and', children: expr.map((part) => ({ kind: '$and', children: analyse(part, values) })) });
      continue;
    }
    if (key.startsWith('$') || (isPlainObject(expr) && Object.keys(expr).some(isOperator) && !Object.keys(expr).every(isOperator))) {
      nodes.push({ kind: 'mingo', criteria: { [key]: expr } });
      continue;
    }
    for (const [op, operand] of Object.entries(normalize(expr) as Doc)) {
      if (parameterizable(op, operand)) {
        nodes.push({ kind: 'param', path: key, op, slot: values.length });
        values.push(operand);
      } else nodes.push({ kind: 'mingo', criteria: { [key]: { [op]: operand } } });
    }
  }
  return nodes;
};

const shapeOf = (node: Node): unknown => {
  if (node.kind === 'param') return [node.path, node.op];
  if (node.kind === 'mingo') return stringifyStored(node.criteria);
  return [node.kind, node.children.map(shapeOf)];
};

/**
 * mingo's `flatten(a, depth)` descends into nested arrays only `depth` levels (the path's dots): at
 * depth 0, or with no nested array, it is `a` itself, already searched (a day's quota holds every
 * command it counted, searched on every filing), so it is only built when it can add elements.
 */
const equals = (a: unknown, b: unknown, depth: number): boolean =>
  isEqual(a, b) ||
  (isNil(a) && isNil(b)) ||
  (isArray(a) && (a.some((v) => isEqual(v, b)) || (depth > 0 && a.some(isArray) && flatten(a, depth).some((v) => isEqual(v, b)))));

const within = (a: unknown, b: unknown[]): boolean => (isNil(a) ? b.some((v) => v === null) : intersection([ensureArray(a), b]).length > 0);

const ordered = (a: unknown, b: unknown, test: (order: number) => boolean): boolean =>
  ensureArray(a).some((v) => typeOf(v) === typeOf(b) && test(compare(v, b)));

const COMPARE: Record<string, (a: unknown, b: unknown, depth: number) => boolean> = {
  $eq: equals,
  $ne: (a, b, depth) => !equals(a, b, depth),
  $in: (a, b) => within(a, b as unknown[]),
  $nin: (a, b) => !within(a, b as unknown[]),
  $gt: (a, b) => ordered(a, b, (o) => o > 0),
  $gte: (a, b) => ordered(a, b, (o) => o >= 0),
  $lt: (a, b) => ordered(a, b, (o) => o < 0),
  $lte: (a, b) => ordered(a, b, (o) => o <= 0),
};

const RESOLVE = { unwrapArray: true };

const compileNode = (node: Node): Test => {
  if (node.kind === 'param') {
    const predicate = COMPARE[node.op] ?? (() => false);
    const depth = node.path.split('.').length - 1;
    return (doc, values) => predicate(resolve(doc, node.path, RESOLVE), values[node.slot], depth);
  }
  if (node.kind === 'mingo') {
    const query = compileQuery(node.criteria);
    return (doc) => query.test(doc);
  }
  const children = node.children.map(compileNode);
  if (node.kind === '$and') return (doc, values) => children.every((test) => test(doc, values));
  if (node.kind === '$or') return (doc, values) => children.some((test) => test(doc, values));
  return (doc, values) => !children.some((test) => test(doc, values));
};

const CACHE_LIMIT = 2000;
const compiled = new Map<string, Test>();
let compilations = 0;

/** How many filters were compiled (cache misses) since the process started: the cache's own check. */
export const matcherCompilations = (): number => compilations;

export const matcher = (filter: Doc): ((doc: Doc) => boolean) => {
  if (Object.keys(filter).length === 0) return () => true;
  const values: unknown[] = [];
  const root: Node = { kind: '$and', children: analyse(filter, values) };
  const shape = JSON.stringify(shapeOf(root));
  let test = compiled.get(shape);
  if (!test) {
    try {
      test = compileNode(root);
    } catch (error) {
      throw invalidOperation(`unsupported query: ${error instanceof Error ? error.message : String(error)}`);
    }
    compilations += 1;
    if (compiled.size >= CACHE_LIMIT) compiled.clear();
    compiled.set(shape, test);
  }
  const run = test;
  return (doc) => run(doc, values);
};
