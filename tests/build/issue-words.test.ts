/**
 * Issue 16: the functions say a stored document's schema issues in zod's English (a quarantine's reason)
 * with `issue-words.ts` instead of zod's `en` locale, which names every string format zod has (2.7 KB of
 * every bundle). Its words must be `en`'s, issue by issue, for every kind of check the models use.
 */
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { deadlineModel } from '@shared/model/deadline.model';
import { isoDateTime } from '@shared/model/versioned';
import { issueWords } from '../../cloudfunctions/_shared/issue-words';
import { parseStored, StoredDocumentError } from '../../cloudfunctions/_shared/repo';

const english = en().localeError;

/** The messages of a failed parse's issues, said with `localeError` (the global config, as the functions set it). */
const messagesWith = (localeError: z.core.$ZodErrorMap, schema: z.ZodMiniType, input: unknown): string[] => {
  z.config({ localeError });
  const parsed = schema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
};

const cases: [string, z.ZodMiniType, unknown][] = [
  ['a string given a number', z.string(), 5],
  ['a string given null', z.string(), null],
  ['a number given NaN', z.number(), NaN],
  ['a number given Infinity', z.number(), Infinity],
  ['a whole number given 1.5', z.int(), 1.5],
  ['a boolean given a Date', z.boolean(), new Date(0)],
  ['an array given an object', z.array(z.string()), {}],
  ['an object given an array', z.object({ a: z.string() }), []],
  ['a string too long', z.string().check(z.maxLength(3)), 'abcdef'],
  ['a string too short', z.string().check(z.minLength(2)), 'a'],
  ['an array too long', z.array(z.number()).check(z.maxLength(1)), [1, 2]],
  ['an array too short', z.array(z.number()).check(z.minLength(1)), []],
  ['a number above its bound', z.number().check(z.lte(10)), 11],
  ['a number below a strict bound', z.number().check(z.gt(0)), 0],
  ['a positive number given 0', z.number().check(z.positive()), 0],
  ['a number of at least 0 given -1', z.number().check(z.gte(0)), -1],
  ['a pattern', z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)), '2026/11/23'],
  ['an ISO instant', isoDateTime({ offset: false }), '2026-11-23 09:00'],
  ['an ISO instant with its offset', isoDateTime({ offset: true }), 'yesterday'],
  ['an enum', z.enum(['open', 'met']), 'closed'],
  ['a literal number', z.literal(3), 2],
  ['a literal string', z.literal('v'), 'w'],
  ['a strict object with one unknown key', z.strictObject({ a: z.string() }), { a: 'x', b: 1 }],
  ['a strict object with two unknown keys', z.strictObject({ a: z.string() }), { a: 'x', b: 1, c: 2 }],
  ['a union', z.union([z.string(), z.number()]), true],
  ['a discriminated union', z.discriminatedUnion('kind', [z.object({ kind: z.literal('a') }), z.object({ kind: z.literal('b') })]), { kind: 'c' }],
  ['a record key', z.record(z.enum(['x', 'y']), z.number()), { z: 1 }],
  ['a refinement', z.string().check(z.refine((s) => s.length === 2)), 'abc'],
  ['a nested field', z.object({ rule: z.string(), at: z.nullable(z.number()) }), { rule: 5, at: 'now' }],
];

describe("issue 16: the quarantine says schema issues in zod English without zod's whole locale", () => {
  afterAll(() => z.config({ localeError: issueWords }));

  it.each(cases)('%s: said as `en` says it', (_name, schema, input) => {
    const theirs = messagesWith(english, schema, input);
    const ours = messagesWith(issueWords, schema, input);
    expect(theirs.length).toBeGreaterThan(0);
    expect(ours).toEqual(theirs);
  });

  it("a stored document that does not match its model is quarantined with zod English's reason", () => {
    const raw = { _id: 'dl_1', propertyId: 'p1', schemaVersion: 3, rule: 5 };
    let thrown: unknown;
    try {
      parseStored(deadlineModel, raw);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(StoredDocumentError);
    expect((thrown as StoredDocumentError).reason).toContain('rule: Invalid input: expected string, received number');
  });
});
