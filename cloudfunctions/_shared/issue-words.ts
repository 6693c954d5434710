import type * as z from 'zod/mini';

/**
 * Issue 16: what zod's English locale (`zod/locales`' `en`) says of an issue, for the schemas this system
 * has: a quarantine's reason ("rule: Invalid input: expected string, received number") is these words.
 * zod/mini loads no locale, so every issue would read "Invalid input" (https://zod.dev/packages/mini);
 * `en` says what was expected, but names every string format zod has (emails, UUIDs, IP ranges, JWTs…)
 * and sizes of sets, maps and files, 2.7 KB of every bundle. These are its sentences for the checks the
 * schemas here use (no prefix, suffix, multiple-of, set, map, file or bigint): a pattern and an ISO
 * instant are named as `en` names them, another format by its code, another issue "Invalid input".
 * tests/build/issue-words.test.ts holds them to `en`'s, issue by issue.
 */
const sized: Readonly<Record<string, string>> = { string: 'characters', array: 'items' };
const formats: Readonly<Record<string, string>> = { regex: 'input', datetime: 'ISO datetime' };

const typeName = (type: string, input?: unknown): string =>
  type === 'number' && typeof input === 'number' && !Number.isFinite(input) ? String(input) : type === 'nan' ? 'NaN' : type;

const parsedType = (input: unknown): string => {
  if (typeof input === 'number') return Number.isNaN(input) ? 'nan' : 'number';
  if (typeof input !== 'object') return typeof input;
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return Object.getPrototypeOf(input) !== Object.prototype && 'constructor' in input && input.constructor ? (input.constructor as { name: string }).name : 'object';
};

const primitive = (value: unknown): string => (typeof value === 'string' ? `"${value}"` : String(value));

const bound = (issue: { origin?: string; exact?: boolean; inclusive?: boolean }, limit: unknown, big: boolean): string => {
  const adj = issue.exact ? 'exactly ' : issue.inclusive ? (big ? '<=' : '>=') : big ? '<' : '>';
  const unit = sized[issue.origin ?? ''];
  const what = big ? (issue.origin ?? 'value') : issue.origin;
  return `Too ${big ? 'big' : 'small'}: expected ${what} to ${unit ? 'have' : 'be'} ${adj}${String(limit)}${unit ? ` ${unit}` : ''}`;
};

export const issueWords = (issue: z.core.$ZodRawIssue): string => {
  switch (issue.code) {
    case 'invalid_type':
      return `Invalid input: expected ${typeName(issue.expected)}, received ${typeName(parsedType(issue.input), issue.input)}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `Invalid input: expected ${primitive(issue.values[0])}`
        : `Invalid option: expected one of ${issue.values.map(primitive).join('|')}`;
    case 'too_big':
      return bound(issue, issue.maximum, true);
    case 'too_small':
      return bound(issue, issue.minimum, false);
    case 'invalid_format': {
      const format = issue as z.core.$ZodIssueInvalidStringFormat;
      if (format.format === 'regex') return `Invalid string: must match pattern ${format.pattern}`;
      return `Invalid ${formats[format.format] ?? format.format}`;
    }
    case 'unrecognized_keys':
      return `Unrecognized key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.map(primitive).join(', ')}`;
    case 'invalid_key':
      return `Invalid key in ${issue.origin}`;
    case 'invalid_union': {
      const union = issue as { options?: unknown; inclusive?: boolean };
      if (Array.isArray(union.options) && union.options.length > 0) return `Invalid discriminator value. Expected ${union.options.map((o) => `'${String(o)}'`).join(' | ')}`;
      return union.inclusive === false ? 'Invalid input: more than one option matched' : 'Invalid input';
    }
    case 'invalid_element':
      return `Invalid value in ${issue.origin}`;
    default:
      return 'Invalid input';
  }
};
