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
const restricted = (source: string, why: string): Finding => ({
  ruleId: 'no-restricted-imports',
  message: `'${source}' import is restricted from being used by a pattern. ${why}`,
});

const cases: Array<{ name: string; file: Planted; expected: Finding[] }> = [
  {
    name: 'a stored model importing a domain rule',
    file: { filePath: 'shared-types/src/model/planted.model.ts', text: importing('../domain/month-close.rules') },
    expected: [restricted('../domain/month-close.rules', 'a stored model describes documents: model/ imports no domain/ rules.')],
  },
  {
    name: 'a stored model importing a domain rule through @shared',
    file: { filePath: 'shared-types/src/model/planted.model.ts', text: importing('@shared/domain/triage.rules') },
    expected: [restricted('@shared/domain/triage.rules', 'a stored model describes documents: model/ imports no domain/ rules.')],
  },
  {
    name: 'a client module importing server code',
    file: { filePath: 'client/src/planted.ts', text: importing('../../cloudfunctions/_shared/repo') },
    expected: [restricted('../../cloudfunctions/_shared/repo', 'the client imports no server code.')],
  },
  {
    name: 'a client page importing the local runtime',
    file: { filePath: 'client/src/pages/desk/planted/index.tsx', text: importing('../../../../../local/db') },
    expected: [restricted('../../../../../local/db', 'the client imports no server code.')],
  },
  {
    name: 'a domain rule importing the message catalogue',
    file: { filePath: 'shared-types/src/domain/planted.rules.ts', text: importing('../messages') },
    expected: [restricted('../messages', 'domain rules return data; the client words it: no messages in domain/.')],
  },
  {
    name: 'a domain rule importing the server SDK',
    file: { filePath: 'shared-types/src/domain/planted.rules.ts', text: importing('wx-server-sdk') },
    expected: [restricted('wx-server-sdk', 'domain rules are pure: they import only shared-types and zod, nothing doing I/O.')],
  },
  {
    name: 'shared-types importing the local runtime',
    file: { filePath: 'shared-types/src/time/planted.ts', text: importing('../../../local/db') },
    expected: [restricted('../../../local/db', 'shared-types imports nothing outside itself.')],
  },
  {
    name: "an area importing another area's file",
    file: { filePath: 'cloudfunctions/repairs/planted.ts', text: importing('../complaints/intake') },
    expected: [restricted('../complaints/intake', "a cloud function's area imports only _shared, @shared and its own files.")],
  },
  {
    name: 'an import that a known exception does not name',
    file: { filePath: 'cloudfunctions/reminders/imports.ts', text: importing('../complaints/intake') },
    expected: [restricted('../complaints/intake', "a cloud function's area imports only _shared, @shared and its own files.")],
  },
  {
    name: '_shared importing an area',
    file: { filePath: 'cloudfunctions/_shared/planted.ts', text: importing('../repairs/views') },
    expected: [restricted('../repairs/views', 'cloudfunctions/_shared is bundled into every function: it imports no area.')],
  },
];

const clean: Planted = {
  filePath: 'shared-types/src/model/planted.model.ts',
  text: "import * as z from 'zod';\nimport { type RepairDoc } from './repair.model';\n\nexport const Planted = z.object({ id: z.string() });\nexport type Pair = [RepairDoc, z.infer<typeof Planted>];\n",
};

describe('the lint keeps the layers apart (issue 15, 6)', () => {
  let findings: Finding[][];
  beforeAll(() => {
    findings = lint([...cases.map((c) => c.file), clean]);
  }, 120_000);

  it.each(cases.map((c, i) => [c.name, i] as const))('refuses %s, naming the boundary', (_name, i) => {
    expect(findings[i]).toEqual(cases[i]?.expected);
  });

  it('passes a clean model file that imports its own folder and zod', () => {
    expect(findings[cases.length]).toEqual([]);
  });
});
