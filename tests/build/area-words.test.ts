/**
 * Issue 15 (1): an area ported onto the registry brings its words and error codes from its own
 * files (its declaration in shared-types/src/areas/, its catalogue file in shared-types/src/messages/), and
 * the derived catalogues fold them in: the central files do not name them.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { areas, areasWithServerWords } from '@shared/areas';
import type { Area } from '@shared/areas/area';
import { errorRetry, retryOf } from '@shared/contracts/errors';
import { messages } from '@shared/messages';
import { zhCN } from '@shared/messages/zh-CN';

const root = resolve(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** The areas ported onto the derived scheme: no line of theirs in a central file. */
const PORTED = ['duty', 'keys', 'files', 'reports'] as const;

/** Every central file a new area used to add a line to (issue 15, 1: "Not derived yet"). */
const CENTRAL = [
  'shared-types/src/messages/refusals.zh-CN.ts',
  'shared-types/src/messages/labels.zh-CN.ts',
  'shared-types/src/messages/zh-CN.ts',
  'shared-types/src/messages/function-words.zh-CN.ts',
  'shared-types/src/messages/words.ts',
  'shared-types/src/messages/index.ts',
  'shared-types/src/contracts/errors.ts',
  'shared-types/src/contracts/index.ts',
  'shared-types/src/areas/area.ts',
];

interface OwnFile {
  serverWords: { refusals: Record<string, string> };
}

const declaration = (name: string): Area => {
  const area = areas.find((a) => a.name === name);
  if (!area) throw new Error(`${name} is not in the registry`);
  return area;
};
const ownFile = (name: string) => require(`../../shared-types/src/messages/${name}.zh-CN`) as OwnFile;

describe('issue 15 (1): a ported area brings its words and codes from its own files', () => {
  it.each(PORTED)('%s: its refusals reach the catalogue from its own file, one for each code its declaration classifies, with that class', (name) => {
    const area = declaration(name);
    const refusals = ownFile(name).serverWords.refusals;
    expect(areasWithServerWords).toContain(name);
    expect(Object.keys(area.errors ?? {}).sort()).toEqual(Object.keys(refusals).sort());
    expect(Object.keys(refusals).length).toBeGreaterThan(0);
    for (const [code, words] of Object.entries(refusals)) {
      expect(messages.errors[code as keyof typeof messages.errors]).toBe(words);
      expect(errorRetry[code as keyof typeof errorRetry]).toBe(area.errors?.[code]);
      expect(retryOf(code)).toBe(area.errors?.[code]);
    }
  });

  it.each(PORTED)("%s: the field labels its declaration brings reach the catalogue's labels", (name) => {
    for (const [field, label] of Object.entries(declaration(name).fieldLabels ?? {})) expect(messages.fields[field as keyof typeof messages.fields]).toBe(label);
  });

  it('the areas with field labels of their own bring them: keys and resident files', () => {
    expect(Object.keys(declaration('keys').fieldLabels ?? {})).toEqual(expect.arrayContaining(['receiptNo', 'borrower.name']));
    expect(Object.keys(declaration('files').fieldLabels ?? {})).toEqual(expect.arrayContaining(['grantId', 'vehicles.plate']));
  });

  it.each(PORTED)('%s: each notice kind it declares has its words in the notices pages and functions read, from its declaration', (name) => {
    const area = declaration(name);
    expect(Object.keys(area.noticeWords ?? {}).sort()).toEqual(Object.keys(area.notices).sort());
    for (const [kind, words] of Object.entries(area.noticeWords ?? {})) {
      expect(zhCN.notices[kind as keyof typeof zhCN.notices]).toBe(words);
      expect(messages.notices[kind as keyof typeof messages.notices]).toBe(words);
    }
  });

  it.each(PORTED)("%s: each work-grid entry names a kit icon the grid draws, and its label", (name) => {
    const entries = declaration(name).pages.flatMap((p) => (p.nav ? [p.nav] : []));
    expect(entries.length).toBeGreaterThan(0);
    for (const nav of entries) {
      expect(read('client/src/components/WorkGrid/icons.ts')).toContain(`icons/${nav.icon}.js`);
      expect(nav.label).toMatch(/\p{Script=Han}/u);
    }
  });

  it.each(PORTED)('%s: no central file names its codes, notice kinds, catalogue file, contract or words', (name) => {
    const area = declaration(name);
    const own = ownFile(name).serverWords;
    const named = [
      ...Object.keys(area.errors ?? {}),
      ...Object.keys(area.notices),
      ...Object.values(own.refusals).map((words) => `'${words}'`),
      `${name}.zh-CN`,
      `${name}.contract`,
    ];
    const found = CENTRAL.flatMap((file) => {
      const text = read(file);
      return named.filter((n) => text.includes(n)).map((n) => `${file}: ${n}`);
    });
    expect(found).toEqual([]);
  });
});
