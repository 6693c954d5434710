import { Aggregator } from 'mingo/aggregator';
import { Context, evalExpr } from 'mingo/core';
import * as accumulator from 'mingo/operators/accumulator';
import * as expression from 'mingo/operators/expression';
import * as pipeline from 'mingo/operators/pipeline';
import * as projection from 'mingo/operators/projection';
import * as query from 'mingo/operators/query';
import * as window from 'mingo/operators/window';
import { Query } from 'mingo/query';
import type { Options } from 'mingo/types';
import { isArray, isOperator, resolve } from 'mingo/util';
import { isPlainObject, type Doc } from './values';

/**
 * Where mingo differs from the cloud, its operators are replaced here. mingo's own entry point
 * merges extra operators under its defaults (the defaults win), so the engine builds the whole
 * operator context itself and uses the plain Query and Aggregator classes with it.
 */

const LOGICAL = new Set(['$and', '$or', '$nor']);

/**
 * `_.elemMatch({field: cond})` looks only at embedded documents; `_.elemMatch({$gt: 1})` at the
 * elements themselves (Command.elemMatch.html; MongoDB's $elemMatch). mingo let plain values
 * match the field form (a missing field satisfies `$ne`, `$exists: false`, …).
 */
const $elemMatch = (selector: string, criteria: unknown, options: Options) => {
  const spec = isPlainObject(criteria) ? criteria : {};
  const keys = Object.keys(spec);
  const operatorForm = keys.length > 0 && keys.every((k) => isOperator(k) && !LOGICAL.has(k));
  const inner = new Query(operatorForm ? { element: spec } : spec, options);
  const test = operatorForm ? (v: unknown) => inner.test({ element: v }) : (v: unknown) => isPlainObject(v) && inner.test(v);
  return (doc: Doc): boolean => {
    const value: unknown = resolve(doc, selector, { unwrapArray: true });
    return isArray(value) && value.some(test);
  };
};

const OFFSET = /^([+-])(\d{2}):?(\d{2})?$/;

/** Minutes east of UTC of a `timezone` argument: an Olson name or ±HH[:MM]. */
const offsetMinutes = (timezone: unknown, at: Date): number => {
  if (typeof timezone !== 'string') return 0;
  const fixed = OFFSET.exec(timezone);
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0));
  const local = new Date(at.toLocaleString('en-US', { timeZone: timezone }));
  const utc = new Date(at.toLocaleString('en-US', { timeZone: 'UTC' }));
  return Math.round((local.getTime() - utc.getTime()) / 60_000);
};

/**
 * MongoDB's $week: weeks start on Sunday, days before the year's first Sunday are week 0 (strftime
 * %U, 0–53). mingo derived it from the ISO week and was one week off for most dates.
 */
const $week = (obj: unknown, expr: unknown, options: Options): number | null => {
  const value: unknown = evalExpr(obj, expr, options);
  const raw = isPlainObject(value) ? value.date : value;
  if (raw === null || raw === undefined) return null;
  const date = new Date(raw instanceof Date ? raw.getTime() : String(raw));
  if (isPlainObject(value)) date.setTime(date.getTime() + offsetMinutes(value.timezone, date) * 60_000);
  const startOfYear = Date.UTC(date.getUTCFullYear(), 0, 1);
  const dayOfYear = Math.floor((date.getTime() - startOfYear) / 86_400_000);
  return Math.floor((dayOfYear + 7 - date.getUTCDay()) / 7);
};

export const queryOptions: Partial<Options> = {
  context: Context.init({
    accumulator,
    expression: { ...expression, $week },
    pipeline,
    projection,
    query: { ...query, $elemMatch },
    window,
  }),
};

export const compileQuery = (criteria: Doc): Query<Doc> => new Query<Doc>(criteria, queryOptions);

export const runAggregation = (docs: Doc[], stages: Doc[], resolveCollection: (name: string) => Doc[]): Doc[] =>
  new Aggregator(stages, { ...queryOptions, collectionResolver: resolveCollection }).run(docs) as Doc[];
