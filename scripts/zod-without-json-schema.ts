import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'esbuild';

const NAMESPACE = 'zod-without-json-schema';

/** What of the JSON Schema modules zod's classic schemas use outside JSON Schema: the `minLength`/`maxLength` getters read it. */
const KEPT = new Set(['aggregateChecks']);

/**
 * zod's classic schemas import its JSON Schema generator (about 16 KB of each bundle) for
 * `.toJSONSchema()` and `~standard.jsonSchema`, which no function calls. This plugin gives
 * `classic/schemas.js` a stand-in for those two modules: `aggregateChecks` still comes from zod (the
 * `minLength`/`maxLength` getters read it), every other export throws if ever called. The export list is
 * read from the installed zod, so the stand-in follows its version.
 */
export const zodWithoutJsonSchema: Plugin = {
  name: NAMESPACE,
  setup(build) {
    build.onResolve({ filter: /^\.\.\/core\/(json-schema-processors|to-json-schema)\.js$/ }, (args) =>
      /zod[\\/]v4[\\/]classic[\\/]schemas\.js$/.test(args.importer) ? { path: resolve(dirname(args.importer), args.path), namespace: NAMESPACE } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => {
      const names = [...readFileSync(args.path, 'utf8').matchAll(/^export (?:const|function) (\w+)/gm)].map((m) => m[1] ?? '');
      const lines = names.map((name) => {
        if (KEPT.has(name)) return `export { ${name} } from ${JSON.stringify(args.path)};`;
        // The create… factories run when a schema's `~standard` is read; the method they make throws.
        return name.startsWith('create') ? `export const ${name} = () => leftOut;` : `export const ${name} = leftOut;`;
      });
      return {
        contents: [`const leftOut = () => { throw new Error("zod's JSON Schema generation is not bundled into cloud functions"); };`, ...lines].join('\n'),
        loader: 'js',
        resolveDir: dirname(args.path),
      };
    });
  },
};
