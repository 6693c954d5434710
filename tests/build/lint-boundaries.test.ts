/**
 * The import boundaries of eslint.config.mjs bite (issue 15, 6): a backward import planted in a folder
 * fails the lint with the boundary's own message, and a clean file passes. ESLint's Node API lints the
 * planted text as if it sat at the path given; it runs in a child Node, because jest cannot load an ES
 * module config (`import()` needs --experimental-vm-modules there).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');

type Planted = { filePath: string; text: string };
type Finding = { ruleId: string | null; message: string };

const lintInChild = `
import { ESLint } from 'eslint';
const planted = JSON.parse(process.argv[1]);
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const { filePath, text } of planted) {
  const [result] = await eslint.lintText(text, { filePath });
  out.push(result.messages.map(({ ruleId, message }) => ({ ruleId, message })));
}
process.stdout.write(JSON.stringify(out));
`;

/** What the lint says about each planted file, in order. */
const lint = (planted: Planted[]): Finding[][] => {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', lintInChild, JSON.stringify(planted)], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Finding[][];
};

const importing = (source: string) => `import { thing } from '${source}';\n\nexport const again = thing;\n`;

const why = {
  model: 'a stored model describes documents: model/ imports no domain/ rules.',
  client: 'the client imports no server code.',
  messages: 'domain rules return data; the client words it: no messages in domain/.',
  pure: 'domain rules are pure: they import only shared-types and zod, nothing doing I/O.',
  shared: 'shared-types imports nothing outside itself.',
  area: "a cloud function's area imports only _shared, @shared, its own files and another area's exports module.",
  sharedServer: 'cloudfunctions/_shared is bundled into every function: it imports no area.',
  part: "an area's part imports only _shared, @shared, its own files, its area's files and another area's exports module.",
  refusals:
    "the client shows the message a refusal arrives with: it imports the words it says itself (@shared/messages/zh-CN, common.zh-CN, an area's file), never every refusal nor the words only functions write (issue 16: the weapp main package).",
};

/** [what is planted, where, the import, the boundary's message]. */
const cases: Array<[string, string, string, string]> = [
  ['a stored model importing a domain rule', 'shared-types/src/model/planted.model.ts', '../domain/month-close.rules', why.model],
  ['a stored model importing a domain rule through @shared', 'shared-types/src/model/planted.model.ts', '@shared/domain/triage.rules', why.model],
  ['a client module importing server code', 'client/src/planted.ts', '../../cloudfunctions/_shared/repo', why.client],
  ['a client page importing the local runtime', 'client/src/pages/desk/planted/index.tsx', '../../../../../local/db', why.client],
  ['a domain rule importing the message catalogue', 'shared-types/src/domain/planted.rules.ts', '../messages', why.messages],
  ['a domain rule importing the server SDK', 'shared-types/src/domain/planted.rules.ts', 'wx-server-sdk', why.pure],
  ['shared-types importing the local runtime', 'shared-types/src/time/planted.ts', '../../../local/db', why.shared],
  ["an area importing another area's file", 'cloudfunctions/repairs/planted.ts', '../complaints/intake', why.area],
  ["an area importing another area's exports through a file path", 'cloudfunctions/reminders/planted.ts', '../complaints/exports/../intake', why.area],
  ["an area reaching another area's file through _shared", 'cloudfunctions/reminders/planted.ts', '../_shared/../complaints/intake', why.area],
  ['_shared importing an area', 'cloudfunctions/_shared/planted.ts', '../repairs/views', why.sharedServer],
  ["an area's part importing another area's file (issue 16)", 'cloudfunctions/repairs-desk/planted.ts', '../complaints/intake', why.part],
  ["an area's part reaching another area through its own area's folder", 'cloudfunctions/members-admin/planted.ts', '../members/../repairs/views', why.part],
  ['a client page importing the whole catalogue', 'client/src/pages/resident/planted/index.tsx', '@shared/messages', why.refusals],
  ["a client module importing every area's refusals", 'client/src/api/planted.ts', '@shared/messages/refusals.zh-CN', why.refusals],
  ['a client component importing the words only functions write', 'client/src/components/Planted/index.tsx', '@shared/messages/function-words.zh-CN', why.refusals],
  ["a client hook importing the functions' catalogue group by group", 'client/src/hooks/planted.ts', '@shared/messages/words', why.refusals],
  ['a client module importing failure, with every refusal in it', 'client/src/api/planted-failure.ts', '@shared/messages/failure', why.refusals],
];

const clean: Planted[] = [
  {
    filePath: 'shared-types/src/model/planted.model.ts',
    text: "import * as z from 'zod/mini';\nimport type { RepairDoc } from './repair.model';\n\nexport const Planted = z.object({ id: z.string() });\nexport type Pair = [RepairDoc, z.infer<typeof Planted>];\n",
  },
  { filePath: 'cloudfunctions/reminders/planted.ts', text: importing('../complaints/exports') },
  { filePath: 'client/src/pages/desk/planted/index.tsx', text: importing('@shared/messages/complaints.zh-CN') },
  { filePath: 'cloudfunctions/repairs-desk/planted.ts', text: importing('../repairs/dispatch') },
];

/** Issue 15 (3): code that writes a clock by hand, and where it may stand. */
const closesByHand = (database: string) => `import type { Tx } from '${database}';\n\nexport const close = (tx: Tx, id: string) => tx.collection('deadlines').doc(id).update({ data: { status: 'met' } });\n`;
const readsByModel = "import type { Database } from './database';\nimport { deadlineModel } from '@shared/model/deadline.model';\n\nexport const all = (db: Database) => db.collection(deadlineModel.collection).get();\n";
const deadlinesOwner = 'cloudfunctions/_shared/deadlines.ts owns the deadlines collection: open, meet, cancel, pause or reopen a clock through it.';

describe('the lint keeps the layers apart (issue 15, 6)', () => {
  let findings: Finding[][];
  beforeAll(() => {
    findings = lint([...cases.map(([, filePath, source]) => ({ filePath, text: importing(source) })), ...clean]);
  }, 120_000);

  it.each(cases.map(([name, , source, message], i) => [name, source, message, i] as const))('refuses %s, naming the boundary', (_name, source, message, i) => {
    expect(findings[i]).toEqual([{ ruleId: 'no-restricted-imports', message: `'${source}' import is restricted from being used by a pattern. ${message}` }]);
  });

  it('passes a clean model file that imports its own folder and zod/mini', () => {
    expect(findings[cases.length]).toEqual([]);
  });

  it("passes an area importing another area's exports module (issue 15, 3)", () => {
    expect(findings[cases.length + 1]).toEqual([]);
  });

  it("passes a client page importing its area's refusals (issue 16)", () => {
    expect(findings[cases.length + 2]).toEqual([]);
  });

  it("passes an area's part importing its area's handlers (issue 16: a deployed part of the registry)", () => {
    expect(findings[cases.length + 3]).toEqual([]);
  });
});

const classicZod =
  "'zod' import is restricted from being used. write schemas with zod/mini (import * as z from 'zod/mini'): classic zod ships whole, ≈ 50 KB in every function bundle and in the weapp main package (issue 16).";

describe('the lint keeps classic zod out (issue 16)', () => {
  const places = ['shared-types/src/model/planted.model.ts', 'shared-types/src/domain/planted.rules.ts', 'cloudfunctions/repairs/planted.ts', 'client/src/planted.ts', 'tests/planted.test.ts'];
  let findings: Finding[][];
  beforeAll(() => {
    findings = lint(places.map((filePath) => ({ filePath, text: "import * as z from 'zod';\n\nexport const Planted = z.object({ id: z.string() });\n" })));
  }, 120_000);

  it.each(places.map((place, i) => [place, i] as const))("refuses 'zod' in %s, saying to write zod/mini", (_place, i) => {
    expect(findings[i]).toEqual([{ ruleId: 'no-restricted-imports', message: classicZod }]);
  });
});

describe('the lint keeps the deadlines collection to its owner (issue 15, 3)', () => {
  let findings: Finding[][];
  beforeAll(() => {
    findings = lint([
      { filePath: 'cloudfunctions/repairs/planted.ts', text: closesByHand('../_shared/database') },
      { filePath: 'cloudfunctions/_shared/planted.ts', text: readsByModel },
      { filePath: 'cloudfunctions/_shared/deadlines.ts', text: closesByHand('./database') },
    ]);
  }, 120_000);

  it('refuses an area naming the collection, naming its owner', () => {
    expect(findings[0]).toEqual([{ ruleId: 'no-restricted-syntax', message: deadlinesOwner }]);
  });

  it("refuses another _shared module reaching it through the model's collection name", () => {
    expect(findings[1]).toEqual([{ ruleId: 'no-restricted-syntax', message: deadlinesOwner }]);
  });

  it('passes the owner, _shared/deadlines.ts', () => {
    expect(findings[2]).toEqual([]);
  });
});
