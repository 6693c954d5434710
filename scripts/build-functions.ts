/**
 * Bundles each cloud function with the shared code it imports into dist/cloudfunctions/<name>/:
 * index.js (CommonJS, wx-server-sdk left external), package.json pinning wx-server-sdk, and its
 * config.json. Folders starting with "_" hold shared server code and are never deployed.
 *
 * Issue 16: each bundle carries only the refusals and field labels it can answer with. A function
 * looks both up by key at run time (`failure(code)`, a field's label by its name), so tree shaking
 * cannot drop the others: the bundle is first built with those two catalogue files empty, and the
 * codes and field names that bundle still names (its contracts' declared errors, every `failure('…')`,
 * every schema's keys) pick the entries of the real files it is then built with. The words are the
 * catalogue's own, copied; tests/build/function-bundles.test.ts holds every bundle to carrying the
 * words of every code its actions declare and of every common code.
 */
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as labelsFile from '../shared-types/src/messages/labels.zh-CN';
import * as refusalsFile from '../shared-types/src/messages/refusals.zh-CN';
import { BUILD_TARGET } from './deploy-plan';

const root = resolve(__dirname, '..');
const source = join(root, 'cloudfunctions');
const out = join(root, 'dist', 'cloudfunctions');
/** esbuild's metafile of each bundle (what each input adds to it), beside the deployed folders, not in them. */
const metaOut = join(root, 'dist', 'function-meta');
const sdkVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies['wx-server-sdk'] as string;

type Catalogue = Record<string, Readonly<Record<string, string>>>;

/** The catalogue files looked up by key, and in each the export whose entries a bundle keeps by what it names. */
const byKey: { file: string; exports: Catalogue; keyed: string; kept: (key: string, names: string) => boolean }[] = [
  {
    file: 'refusals.zh-CN.ts',
    exports: refusalsFile,
    keyed: 'refusals',
    // A code is always a string literal where it is used: "REPAIR.NOT_FOUND" in the minified bundle.
    kept: (code, names) => names.includes(`"${code}"`) || names.includes(`'${code}'`) || names.includes(`\`${code}\``),
  },
  {
    file: 'labels.zh-CN.ts',
    exports: labelsFile,
    keyed: 'fieldLabels',
    // A label is looked up by a field's name ("photos") or its path ("items.qty"); property names survive minifying.
    kept: (key, names) => key.split('.').every((name) => new RegExp(`(?<![\\w$])${name.replace(/[$]/g, '\\$')}(?![\\w$])`).test(names)),
  },
];

const messagesDir = join(root, 'shared-types', 'src', 'messages');

/** Each catalogue file above as a module of its exports, the keyed one with only the entries `keep` keeps. */
const catalogueFiles = (keep: (file: (typeof byKey)[number], key: string) => boolean): Plugin => ({
  name: 'catalogue-by-key',
  setup(b) {
    for (const file of byKey) {
      b.onLoad({ filter: new RegExp(`[\\/]${file.file.replace(/\./g, '\\.')}$`) }, (args) => {
        if (args.path !== join(messagesDir, file.file)) return undefined;
        const lines = Object.entries(file.exports).map(([name, value]) => {
          const kept = name === file.keyed ? Object.fromEntries(Object.entries(value).filter(([key]) => keep(file, key))) : value;
          return `export const ${name} = ${JSON.stringify(kept)};`;
        });
        return { contents: lines.join('\n'), loader: 'js' };
      });
    }
  },
});

export const functionNames = (): string[] =>
  readdirSync(source).filter((name) => !name.startsWith('_') && statSync(join(source, name)).isDirectory());

export const buildFunctions = async (): Promise<string[]> => {
  rmSync(out, { recursive: true, force: true });
  rmSync(metaOut, { recursive: true, force: true });
  mkdirSync(metaOut, { recursive: true });
  const names = functionNames();
  await Promise.all(
    names.map(async (name) => {
      const dir = join(out, name);
      mkdirSync(dir, { recursive: true });
      const options: BuildOptions = {
        entryPoints: [join(source, name, 'index.ts')],
        outfile: join(dir, 'index.js'),
        bundle: true,
        platform: 'node',
        target: BUILD_TARGET,
        format: 'cjs',
        minify: true,
        // Keep Chinese text as UTF-8: the default 'ascii' writes each CJK character as a 6-byte
        // \uXXXX escape instead of its 3 bytes (https://esbuild.github.io/api/#charset).
        charset: 'utf8',
        sourcemap: false,
        external: ['wx-server-sdk'],
        alias: { '@shared': join(root, 'shared-types', 'src') },
        logLevel: 'warning',
      };
      // First without any refusal or label: what the bundle still names is what it can answer with.
      const bare = await build({ ...options, write: false, plugins: [catalogueFiles(() => false)] });
      const names = bare.outputFiles.map((f) => f.text).join('\n');
      const result = await build({ ...options, metafile: true, plugins: [catalogueFiles((file, key) => file.kept(key, names))] });
      writeFileSync(join(metaOut, `${name}.json`), JSON.stringify(result.metafile));
      copyFileSync(join(source, name, 'config.json'), join(dir, 'config.json'));
      writeFileSync(
        join(dir, 'package.json'),
        `${JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': sdkVersion } }, null, 2)}\n`,
      );
    }),
  );
  return names;
};

if (require.main === module) {
  buildFunctions().then(
    (names) => console.log(`built ${names.length} cloud functions into dist/cloudfunctions: ${names.join(', ')}`),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
