/**
 * Old phones: WeChat runs the mini-program's JavaScript as it is uploaded (`project.config.json` has
 * `es6: false`, and its compile at upload would happen where no local test sees it), and a syntax
 * error in one bundle is a white screen. So every compiled `.js` must parse at the ECMAScript level
 * of the oldest engines the declared base library runs on (client/config/compat.js).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'acorn';
import * as z from 'zod/mini';

const root = resolve(__dirname, '..', '..');
const weapp = join(root, 'client', 'dist', 'weapp');

const Compat = z.object({ baseLibrary: z.string().check(z.regex(/^\d+\.\d+\.\d+$/)), ecmaVersion: z.literal(2015) });
// Required, not imported: a CommonJS module babel.config.js also reads
const compat = Compat.parse(require(join(root, 'client', 'config', 'compat.js')));
const ProjectConfig = z.object({ libVersion: z.string(), setting: z.object({ es6: z.boolean() }) });

const scripts = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return scripts(path);
    return path.endsWith('.js') ? [path] : [];
  });

/** The first syntax the level does not know, as `file:line:column near …`, or null. */
const firstNewerSyntax = (file: string): string | null => {
  const source = readFileSync(file, 'utf8');
  try {
    parse(source, { ecmaVersion: compat.ecmaVersion, sourceType: 'script' });
    return null;
  } catch (e) {
    const { loc, pos } = e as { loc?: { line: number; column: number }; pos?: number };
    const near = pos === undefined ? '' : ` near ${JSON.stringify(source.slice(Math.max(0, pos - 30), pos + 30))}`;
    return `${relative(weapp, file)}:${loc?.line ?? '?'}:${loc?.column ?? '?'} ${(e as Error).message}${near}`;
  }
};

describe('weapp output on the oldest supported WeChat', () => {
  it('DevTools debugs on the declared minimum base library, and WeChat is not relied on to compile at upload', () => {
    const config = ProjectConfig.parse(JSON.parse(readFileSync(join(root, 'project.config.json'), 'utf8')));
    expect(config.libVersion).toBe(compat.baseLibrary);
    expect(config.setting.es6).toBe(false);
  });

  it(`every compiled .js parses as ECMAScript ${compat.ecmaVersion}`, () => {
    if (!existsSync(join(weapp, 'app.json'))) throw new Error('client/dist/weapp missing: run `npm run build:weapp` before these tests');
    const files = scripts(weapp);
    expect(files.length).toBeGreaterThan(10);
    expect(files.map(firstNewerSyntax).filter((found) => found !== null)).toEqual([]);
  });
});
