import * as z from 'zod/mini';
import { commonErrors } from '../messages/common.zh-CN';
import { format } from '../messages/format';
import { fieldLabels, fieldProblems } from '../messages/labels.zh-CN';
import type { Err, FieldError } from '../result';

/**
 * Issue 12 (3.11): a schema refusal said field by field, in the catalogue's words: each field's
 * label (never its path) and what is wrong with it, with the limit and what was sent ("问题描述最多
 * 500 字，现在 2000 字"). The function answers it; the client says the same before sending.
 */
export const FieldErrorSchema = z.object({
  field: z.string(),
  label: z.string(),
  message: z.string(),
  limit: z.optional(z.object({ max: z.number(), length: z.number() })),
});

const labels: Readonly<Record<string, string>> = fieldLabels;
const t = fieldProblems;

const labelOfNames = (names: readonly string[]): string => labels[names.join('.')] ?? labels[names.at(-1) ?? ''] ?? '';

/** "photos.6" → 照片第 7 项; "items.0.qty" → 收费项目第 1 项的数量. */
const labelOf = (path: readonly PropertyKey[]): string => {
  const names = path.filter((p): p is string => typeof p === 'string');
  const at = path.findIndex((p) => typeof p === 'number');
  if (at < 0) return labelOfNames(names);
  const list = labelOfNames(path.slice(0, at).filter((p): p is string => typeof p === 'string'));
  const item = format(t.item, { label: list, n: Number(path[at]) + 1 });
  return at === path.length - 1 ? item : `${item}的${labelOfNames(names)}`;
};

const sizeOf = (input: unknown): number => (typeof input === 'string' || Array.isArray(input) ? input.length : 0);

const problemOf = (issue: z.core.$ZodIssue, label: string): string => {
  const input = (issue as { input?: unknown }).input;
  const limit = (n: unknown) => String(n);
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined || input === null || input === '') return format(t.required, { label });
      return format(issue.expected === 'int' ? t.whole : t.format, { label });
    case 'too_big':
      if (issue.origin === 'string') return format(t.tooLong, { label, max: limit(issue.maximum), n: sizeOf(input) });
      if (issue.origin === 'array' || issue.origin === 'set') return format(t.tooMany, { label, max: limit(issue.maximum), n: sizeOf(input) });
      return format(t.tooLarge, { label, max: limit(issue.maximum) });
    case 'too_small':
      if ((issue.origin === 'string' || issue.origin === 'array') && sizeOf(input) === 0) return format(t.required, { label });
      if (issue.origin === 'string') return format(t.tooShort, { label, min: limit(issue.minimum), n: sizeOf(input) });
      if (issue.origin === 'array' || issue.origin === 'set') return format(t.tooFew, { label, min: limit(issue.minimum) });
      return format(t.tooSmall, { label, min: limit(issue.minimum) });
    case 'invalid_value':
      return format(t.choice, { label });
    case 'custom':
      if (issue.params?.problem === 'roomOrPlace') return format(t.roomOrPlace, { label });
      return issue.params?.problem === 'residentForRoom' ? format(t.residentForRoom, { label }) : format(t.format, { label });
    default:
      return format(t.format, { label });
  }
};

const limitOf = (issue: z.core.$ZodIssue): FieldError['limit'] =>
  issue.code === 'too_big' && (issue.origin === 'string' || issue.origin === 'array')
    ? { max: Number(issue.maximum), length: sizeOf((issue as { input?: unknown }).input) }
    : undefined;

const fieldErrorOf = (issue: z.core.$ZodIssue): FieldError => {
  if (issue.code === 'unrecognized_keys') return { field: [...issue.path, ...issue.keys].map(String).join('.'), label: '', message: t.unknown };
  if (issue.path.length === 0) return { field: '', label: '', message: commonErrors['COMMON.BAD_INPUT'] };
  const label = labelOf(issue.path);
  const limit = limitOf(issue);
  return { field: issue.path.map(String).join('.'), label, message: problemOf(issue, label), ...(limit ? { limit } : {}) };
};

/** Each field once, in the schema's order, with the first thing wrong with it. Parse with `reportInput: true` so limits can say what was sent. */
export const fieldErrorsOf = (error: z.core.$ZodError): FieldError[] => {
  const seen = new Set<string>();
  return error.issues.map(fieldErrorOf).filter((f) => !seen.has(f.field) && seen.add(f.field));
};

/** COMMON.BAD_INPUT with every field named; its message is the one field's, or how many and the first. */
export const badInput = (error: z.core.$ZodError): Err<'COMMON.BAD_INPUT'> & { fields: FieldError[] } => {
  const fields = fieldErrorsOf(error);
  const first = fields[0]?.message ?? commonErrors['COMMON.BAD_INPUT'];
  return { ok: false, code: 'COMMON.BAD_INPUT', message: fields.length > 1 ? format(t.several, { n: fields.length, first }) : first, fields };
};

type LengthCheck = { check: string; maximum?: number; length?: number };

/** The tightest of a string's length checks (zod's own bag holds none of them). */
const longestOf = (field: z.ZodMiniString): number | null => {
  const limits = (field.def.checks ?? []).flatMap((c) => {
    const def = c._zod.def as LengthCheck;
    if (def.check === 'max_length') return [def.maximum ?? Infinity];
    return def.check === 'length_equals' ? [def.length ?? Infinity] : [];
  });
  return limits.length > 0 ? Math.min(...limits) : null;
};

/** A text field's limit as its contract declares it, for a form's counter. */
export const maxLengthOf = (schema: z.ZodMiniObject, key: string): number | null => {
  let field: unknown = schema.shape[key];
  while (field instanceof z.ZodMiniOptional || field instanceof z.ZodMiniNullable) field = field.def.innerType;
  return field instanceof z.ZodMiniString ? longestOf(field) : null;
};
