/**
 * Issue 16 (packages): byte counts of what ships, read from the builds `npm test` has already made
 * (dist/cloudfunctions and client/dist/weapp). Times are the bench's (`npm run bench`); these are counts.
 * A function bundle is held to the 120 KB since the split into deployed parts (the timer excepted,
 * at its listed figure); the weapp main package's 450 KB is not reached yet: its ceiling holds what this
 * work reached, so a change that brings back what it removed fails here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { commonErrors } from '@shared/messages/common.zh-CN';
import { messages } from '@shared/messages';
import { FUNCTION_BUNDLE_BUDGET, FUNCTION_BUNDLE_CEILING, FUNCTION_BUNDLE_EXCEPTED, FUNCTION_BUNDLE_KNOWN_OVER, KB, WEAPP_MAIN_CEILING } from '../../bench/budgets';
import { weappPackages } from '../../bench/sizes';

const root = resolve(__dirname, '..', '..');
const functions = join(root, 'dist', 'cloudfunctions');
const weapp = join(root, 'client', 'dist', 'weapp');

const requireBuilt = (path: string, how: string) => {
  if (!existsSync(path)) throw new Error(`${path} is missing: run ${how} before these tests`);
};

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));

/** The scripts of the weapp main package: every .js outside the subpackages' roots. */
const mainScripts = (): string => {
  const app = JSON.parse(readFileSync(join(weapp, 'app.json'), 'utf8')) as { subPackages: { root: string }[] };
  const roots = app.subPackages.map((s) => `${s.root.replace(/\/$/, '')}/`);
  return filesUnder(weapp)
    .filter((file) => file.endsWith('.js') && !roots.some((r) => relative(weapp, file).startsWith(r)))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
};

describe('issue 16: bytes that ship', () => {
  it(`each cloud function's index.js stays within ${FUNCTION_BUNDLE_CEILING / KB} KB (imports, reports and forms, with exceljs, excepted)`, () => {
    requireBuilt(functions, '`npm run build:functions`');
    const names = readdirSync(functions).filter((name) => !FUNCTION_BUNDLE_EXCEPTED.includes(name));
    expect(names.length).toBeGreaterThan(0);
    const over = names
      .map((name) => ({ name, bytes: statSync(join(functions, name, 'index.js')).size, ceiling: FUNCTION_BUNDLE_KNOWN_OVER[name] ?? FUNCTION_BUNDLE_CEILING }))
      .filter((f) => f.bytes > f.ceiling);
    expect(over).toEqual([]);
  });

  it('issue 16: the ceiling is the budget itself, and a bundle listed as still over it is over it (one within is taken off the list)', () => {
    requireBuilt(functions, '`npm run build:functions`');
    expect(FUNCTION_BUNDLE_CEILING).toBe(FUNCTION_BUNDLE_BUDGET);
    const within = Object.keys(FUNCTION_BUNDLE_KNOWN_OVER).filter((name) => statSync(join(functions, name, 'index.js')).size <= FUNCTION_BUNDLE_BUDGET);
    expect(within).toEqual([]);
  });

  it(`the weapp main package stays within ${WEAPP_MAIN_CEILING / KB} KB`, () => {
    requireBuilt(join(weapp, 'app.json'), '`npm run build:weapp`');
    const main = weappPackages(weapp).find((p) => p.name === 'main');
    expect(main?.bytes).toBeLessThanOrEqual(WEAPP_MAIN_CEILING);
  });

  it("the weapp main package words only the refusals the client says itself; every other refusal's message comes with the answer", () => {
    requireBuilt(join(weapp, 'app.json'), '`npm run build:weapp`');
    const scripts = mainScripts();
    const carried = Object.entries(messages.errors)
      .filter(([, words]) => scripts.includes(words))
      .map(([code]) => code);
    expect(carried.sort()).toEqual(Object.keys(commonErrors).sort());
  });
});
