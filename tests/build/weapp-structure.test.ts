/**
 * What WeChat DevTools opens: project.config.json points at the Taro weapp output and the bundled
 * cloud functions; each function is self-contained but for wx-server-sdk; every page exists; each
 * package stays under WeChat's 2 MB limit; and the local-only dev sign-in ships nowhere.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve } from 'node:path';
import * as z from 'zod/mini';
import { messages } from '@shared/messages';

const root = resolve(__dirname, '..', '..');
const weapp = join(root, 'client', 'dist', 'weapp');
const functions = join(root, 'dist', 'cloudfunctions');
const PACKAGE_LIMIT = 2 * 1024 * 1024;

const requireBuilt = (): void => {
  const missing = [join(weapp, 'app.json'), functions].filter((p) => !existsSync(p)).map((p) => relative(root, p));
  if (missing.length > 0) throw new Error(`${missing.join(' and ')} missing: run \`npm run build:weapp\` before these tests`);
};

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
const dirs = (dir: string): string[] => readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory());
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
/** The module's exports, or the first line of why it cannot be loaded (a minified bundle makes long errors). */
const load = (file: string): unknown => {
  try {
    const exports: unknown = require(file);
    return exports;
  } catch (e) {
    return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
  }
};

const ProjectConfig = z.object({ miniprogramRoot: z.string(), cloudfunctionRoot: z.string(), compileType: z.literal('miniprogram') });
const SubPackage = z.object({ root: z.string().check(z.minLength(1)), pages: z.array(z.string()) });
const AppJson = z.object({
  pages: z.array(z.string()).check(z.minLength(1)),
  subPackages: z.optional(z.array(SubPackage)),
  subpackages: z.optional(z.array(SubPackage)),
});
const FunctionPackage = z.object({ dependencies: z.record(z.string(), z.string()) });

const appJson = () => AppJson.parse(readJson(join(weapp, 'app.json')));
const subPackages = () => {
  const app = appJson();
  return [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((s) => ({ ...s, root: s.root.replace(/\/+$/, '') }));
};

describe('project.config.json', () => {
  it('points DevTools at the weapp build and the bundled cloud functions', () => {
    requireBuilt();
    const config = ProjectConfig.parse(readJson(join(root, 'project.config.json')));
    expect(resolve(root, config.miniprogramRoot)).toBe(weapp);
    expect(resolve(root, config.cloudfunctionRoot)).toBe(functions);
    expect(existsSync(join(resolve(root, config.miniprogramRoot), 'app.json'))).toBe(true);
    expect(statSync(resolve(root, config.cloudfunctionRoot)).isDirectory()).toBe(true);
  });
});

describe('bundled cloud functions', () => {
  it('deploys no shared "_" folder', () => {
    requireBuilt();
    expect(dirs(functions).filter((name) => name.startsWith('_'))).toEqual([]);
  });

  it('each function folder holds index.js exporting main, a package.json pinning wx-server-sdk, and config.json', () => {
    requireBuilt();
    expect(dirs(functions).length).toBeGreaterThan(0);
    const problems = dirs(functions).flatMap((name) => {
      const dir = join(functions, name);
      const missing = ['index.js', 'package.json', 'config.json'].filter((f) => !existsSync(join(dir, f)));
      if (missing.length > 0) return [`${name}: missing ${missing.join(', ')}`];
      const loaded = load(join(dir, 'index.js'));
      if (typeof loaded === 'string') return [`${name}: index.js cannot be required: ${loaded}`];
      const main = typeof loaded === 'object' && loaded !== null && 'main' in loaded ? loaded.main : undefined;
      const { dependencies } = FunctionPackage.parse(readJson(join(dir, 'package.json')));
      const sdk = dependencies['wx-server-sdk'];
      readJson(join(dir, 'config.json'));
      return [
        ...(typeof main === 'function' ? [] : [`${name}: index.js does not export main`]),
        ...(sdk !== undefined && /^\d+\.\d+\.\d+$/.test(sdk) ? [] : [`${name}: wx-server-sdk not pinned exactly (${String(sdk)})`]),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('each bundle requires nothing but Node built-ins and wx-server-sdk', () => {
    requireBuilt();
    const allowed = (id: string) => id === 'wx-server-sdk' || id.startsWith('node:') || builtinModules.includes(id);
    const problems = dirs(functions).flatMap((name) => {
      const file = join(functions, name, 'index.js');
      if (!existsSync(file)) return [];
      const ids = [...readFileSync(file, 'utf8').matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].flatMap((m) => (m[1] ? [m[1]] : []));
      return ids.filter((id) => !allowed(id)).map((id) => `${name}: require("${id}")`);
    });
    expect(problems).toEqual([]);
  });
});

describe('weapp output', () => {
  it('every page in app.json, main package and subpackages, has its .js, .json and .wxml', () => {
    requireBuilt();
    const pages = [...appJson().pages, ...subPackages().flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
    const missing = pages.flatMap((page) =>
      ['.js', '.json', '.wxml'].filter((ext) => !existsSync(join(weapp, `${page}${ext}`))).map((ext) => `${page}${ext}`),
    );
    expect(missing).toEqual([]);
  });

  it('the main package and each subpackage stay under 2 MB', () => {
    requireBuilt();
    const roots = subPackages().map((s) => s.root);
    const sizes = new Map<string, number>([['(main)', 0], ...roots.map((r): [string, number] => [r, 0])]);
    for (const file of files(weapp)) {
      const path = relative(weapp, file).split('\\').join('/');
      const pkg = roots.find((r) => path.startsWith(`${r}/`)) ?? '(main)';
      sizes.set(pkg, (sizes.get(pkg) ?? 0) + statSync(file).size);
    }
    const over = [...sizes].filter(([, size]) => size >= PACKAGE_LIMIT).map(([pkg, size]) => `${pkg}: ${(size / 1024).toFixed(0)} KB`);
    expect(over).toEqual([]);
  });
});

describe('the local-only dev sign-in', () => {
  it('appears in no file of the weapp output or the cloud functions', () => {
    requireBuilt();
    const leaks = [...files(weapp), ...files(functions)].filter((file) => {
      const text = readFileSync(file, 'latin1');
      return text.includes('dev-login') || text.includes('/api/dev/');
    });
    expect(leaks.map((file) => relative(root, file))).toEqual([]);
  });
});

describe('Chinese text in the built scripts', () => {
  /** A refusal the client says itself (no answer), so the main package's common.js carries it too. */
  const sample = messages.errors['COMMON.BUSY'];
  const escaped = [...sample].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
  const scripts = (): string[] => [...files(weapp), ...files(functions)].filter((file) => file.endsWith('.js'));

  it('issue 16: ships as UTF-8 (3 bytes a character), never as 6-byte \\u escapes, in the weapp and the function bundles', () => {
    requireBuilt();
    const escapedIn = scripts().filter((file) => readFileSync(file, 'utf8').toLowerCase().includes(escaped));
    expect(escapedIn.map((file) => relative(root, file))).toEqual([]);
    for (const file of [join(weapp, 'common.js'), join(functions, 'repairs', 'index.js')]) {
      expect(readFileSync(file, 'utf8')).toContain(sample);
    }
  });
});
