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
 *
 * Issue 15 (1): an area's declaration also carries what the client shows of it (its pages with their
 * work-grid icons, its error codes with their retry classes, its timer steps' labels on the health page).
 * A function reads only the registry's names, contracts, notice kinds (audience and words) and timer steps'
 * names, so each bundle gets the declarations evaluated here without the rest: no icon drawing rides in a
 * function, and an area's codes, named in a bundle only by its own contracts and `failure('…')` calls,
 * still pick only its own words.
 */
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import type * as z from 'zod/mini';
import type { Area } from '../shared-types/src/areas/area';
import { catalogue, type Action } from '../shared-types/src/contracts';
import { deployedFunctionOf } from '../shared-types/src/areas';
import * as labelsFile from '../shared-types/src/messages/labels.zh-CN';
import * as refusalsFile from '../shared-types/src/messages/refusals.zh-CN';
import { BUILD_TARGET } from './deploy-plan';
import { lazySchemas } from '../client/config/lazy-schemas';

const root = resolve(__dirname, '..');
const source = join(root, 'cloudfunctions');
const out = join(root, 'dist', 'cloudfunctions');
/** esbuild's metafile of each bundle (what each input adds to it), beside the deployed folders, not in them. */
const metaOut = join(root, 'dist', 'function-meta');
const sdkVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies['wx-server-sdk'] as string;

type Catalogue = Record<string, Readonly<Record<string, string>>>;

/** What a bundle can look up: the text of its catalogue-less build, and the field names (and dotted paths) of its actions' inputs. */
interface Named {
  text: string;
  fields: ReadonlySet<string>;
}

/** The catalogue files looked up by key, and in each the export whose entries a bundle keeps by what it names. */
const byKey: { file: string; exports: Catalogue; keyed: string; kept: (key: string, named: Named) => boolean }[] = [
  {
    file: 'refusals.zh-CN.ts',
    exports: refusalsFile,
    keyed: 'refusals',
    // A code is always a string literal where it is used (a `failure('…')`, a contract's `errors`): "REPAIR.NOT_FOUND" in the minified bundle.
    kept: (code, { text }) => [`"${code}"`, `'${code}'`, `\`${code}\``].some((literal) => text.includes(literal)),
  },
  {
    file: 'labels.zh-CN.ts',
    exports: labelsFile,
    keyed: 'fieldLabels',
    // Only the router's field errors look a label up, by a field's name ("photos") or its path ("items.qty") in the action's input.
    kept: (key, { fields }) => fields.has(key),
  },
];

/**
 * Every field name of a schema, alone and as a dotted path without list indexes ("items", "qty", "items.qty"),
 * as `labelOf` in contracts/field-errors.ts looks labels up. A record's keys are data, but for an enum of keys.
 */
const fieldNames = (schema: z.ZodMiniType, into = new Set<string>(), path: string[] = []): Set<string> => {
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  const within = (inner: unknown, at = path) => inner && fieldNames(inner as z.ZodMiniType, into, at);
  const field = (name: string, inner?: unknown) => {
    into.add(name).add([...path, name].join('.'));
    within(inner, [...path, name]);
  };
  if (def.type === 'object') for (const [name, inner] of Object.entries(def.shape as Record<string, unknown>)) field(name, inner);
  const keys = def.type === 'record' ? ((def.keyType as z.ZodMiniType)._zod.def as { entries?: Record<string, string | number> }) : {};
  for (const name of Object.values(keys.entries ?? {})) field(String(name));
  for (const key of ['element', 'innerType', 'valueType', 'in', 'out', 'left', 'right', 'catchall']) within(def[key]);
  for (const key of ['options', 'items']) for (const inner of (def[key] as unknown[] | undefined) ?? []) within(inner);
  if (def.type === 'lazy') within((def.getter as () => unknown)());
  return into;
};

/** The field names of every action's input the deployed function `name` answers (none for a function without actions). */
const inputFields = (name: string): Set<string> => {
  const actions = Object.values(catalogue as Record<string, Record<string, Action>>).flatMap((area) => Object.values(area)).filter((a) => deployedFunctionOf(a) === name);
  return actions.reduce((into, action) => fieldNames(action.input, into), new Set<string>());
};

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

/**
 * A declaration as a function bundle reads it: its name (the registry's function names), its notice kinds
 * with their audience and words, and its timer steps' names. Not the client's pages, error contract, field
 * labels (the bundle's own are copied from the catalogue), the health page's step labels, its contract
 * files (the catalogue by name is the client's and the tests') nor its `serverWords` (the refusals are
 * picked at build time): 12 declarations in every bundle, ≈ 0.4 KB of keys no bundle read.
 */
const leanArea = ({ name, notices, timerSteps, ...rest }: Area) => ({
  name,
  notices,
  ...('noticeWords' in rest ? { noticeWords: rest.noticeWords } : {}),
  timerSteps: Object.fromEntries(Object.keys(timerSteps).map((step) => [step, ''])),
});

/** Each `areas/<area>.area.ts` as its declarations, evaluated here and copied lean (see above). */
const leanDeclarations: Plugin = {
  name: 'lean-area-declarations',
  setup(b) {
    b.onLoad({ filter: /[\\/]shared-types[\\/]src[\\/]areas[\\/][a-z-]+\.area\.ts$/ }, async (args) => {
      const declared = (await import(args.path)) as Record<string, Area>;
      const lines = Object.entries(declared).map(([name, area]) => `export const ${name} = ${JSON.stringify(leanArea(area))};`);
      return { contents: lines.join('\n'), loader: 'js' };
    });
  },
};

/**
 * Does evaluating `node` call anything (outside the functions it defines)? A spread counts: it may run a
 * getter, so esbuild keeps an unused `{ ...settingsActions, ...privacyActions }` and every schema it names.
 */
const calls = (node: ts.Node): boolean =>
  !ts.isArrowFunction(node) && !ts.isFunctionExpression(node) &&
  (ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isTaggedTemplateExpression(node) || ts.isSpreadAssignment(node) || ts.isSpreadElement(node) || ts.forEachChild(node, calls) === true);

/**
 * Issue 16: shared-types' top-level definitions as pure, so a bundle keeps only those it uses. A module
 * of shared-types only defines (its lint and its tests keep it pure: no I/O, the clock passed in, no
 * top-level statement but declarations), yet esbuild keeps every `export const X = defineAction(…)`,
 * `z.string().check(…)` or `defineModel(…)` of every module a bundle imports, used or not, because a call
 * may have side effects (zod/mini marks its own functions `@__NO_SIDE_EFFECTS__`, not a `.check(…)` chain
 * or our definers). Each such initializer is wrapped in an IIFE marked `@__PURE__`, which esbuild drops
 * when nothing reads the name (https://esbuild.github.io/api/#ignore-annotations). A module with any
 * other top-level statement is left as it is.
 */
const declaration: ((s: ts.Statement) => boolean)[] = [
  ts.isImportDeclaration, ts.isExportDeclaration, ts.isVariableStatement, ts.isFunctionDeclaration, ts.isClassDeclaration,
  ts.isTypeAliasDeclaration, ts.isInterfaceDeclaration, ts.isEnumDeclaration, ts.isModuleDeclaration, ts.isEmptyStatement,
];
const pureDefinitions: Plugin = {
  name: 'pure-shared-definitions',
  setup(b) {
    b.onLoad({ filter: /[\\/]shared-types[\\/]src[\\/].*\.ts$/ }, (args) => {
      const original = readFileSync(args.path, 'utf8');
      const declaresOnly = ts.createSourceFile(args.path, original, ts.ScriptTarget.Latest, true).statements.every((s) => declaration.some((is) => is(s)));
      if (!declaresOnly) return undefined;
      const text = lazySchemas(args.path, original);
      const file = ts.createSourceFile(args.path, text, ts.ScriptTarget.Latest, true);
      const initializers = file.statements
        .filter(ts.isVariableStatement)
        .flatMap((s) => s.declarationList.declarations.map((d) => d.initializer))
        .filter((init): init is ts.Expression => init !== undefined && calls(init));
      let out = text;
      for (const init of initializers.reverse()) {
        out = `${out.slice(0, init.getStart(file))}/* @__PURE__ */ (() => (${init.getText(file)}))()${out.slice(init.getEnd())}`;
      }
      return { contents: out, loader: 'ts' };
    });
  },
};

/**
 * Issue 16: a module an area loads by name (`require(\`../${name}/timer.ts\`)`, reminders' area sweeps)
 * as static imports. esbuild bundles such a pattern as a glob (https://esbuild.github.io/api/#glob), but a
 * module reached by `require` is wrapped in a lazy initialiser, and so is every module it imports: in the
 * reminders bundle 139 of them, each a closure and a call of every import's initialiser. Here each area's
 * file that exists is imported statically and the name picks it from a map, so the bundle is flat; a
 * name without such a file is still refused when it is loaded, as the glob's "Module not found" was.
 */
const byNameImports: Plugin = {
  name: 'by-name-imports',
  setup(b) {
    b.onLoad({ filter: /[\\/]cloudfunctions[\\/][a-z-]+[\\/][a-z-]+\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const pattern = /require\(`\.\.\/\$\{(\w+)\}\/([\w.-]+)\.ts`\)/g;
      if (!pattern.test(text)) return undefined;
      const imports: string[] = [];
      const contents = text.replace(pattern, (_call, name: string, file: string) => {
        const map = `byName_${file.replace(/\W/g, '_')}`;
        const areas = functionNames().filter((area) => existsSync(join(source, area, `${file}.ts`)));
        imports.push(
          ...areas.map((area, i) => `import * as ${map}_${i} from '../${area}/${file}';`),
          `const ${map}: Record<string, unknown> = { ${areas.map((area, i) => `${JSON.stringify(area)}: ${map}_${i}`).join(', ')} };`,
          `const ${map}_of = (name: string) => { if (!(name in ${map})) throw new Error(\`Module not found in bundle: ../\${name}/${file}.ts\`); return ${map}[name]; };`,
        );
        return `${map}_of(${name})`;
      });
      return { contents: `${imports.join('\n')}\n${contents}`, loader: 'ts' };
    });
  },
};

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
      const bare = await build({ ...options, write: false, plugins: [catalogueFiles(() => false), leanDeclarations, pureDefinitions, byNameImports] });
      const named: Named = { text: bare.outputFiles.map((f) => f.text).join('\n'), fields: inputFields(name) };
      const result = await build({ ...options, metafile: true, plugins: [catalogueFiles((file, key) => file.kept(key, named)), leanDeclarations, pureDefinitions, byNameImports] });
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
