import { readFileSync } from 'node:fs';

/** The two modules of zod's JSON Schema generator, as zod's classic schemas import them. */
export const JSON_SCHEMA_REQUEST = /^\.\.\/core\/(json-schema-processors|to-json-schema)\.js$/;
export const CLASSIC_SCHEMAS = /zod[\\/]v4[\\/]classic[\\/]schemas\.js$/;

/** What of those modules the classic schemas use outside JSON Schema: the `minLength`/`maxLength` getters read it. */
const KEPT = new Set(['aggregateChecks']);

/**
 * zod's classic schemas import its JSON Schema generator (about 16 KB of a bundle, 20 KB of the weapp
 * main package) for `.toJSONSchema()` and `~standard.jsonSchema`, which nothing here calls; classic zod
 * cannot be tree-shaken, so it ships whole. This is the stand-in `classic/schemas.js` gets for either module
 * (`path`, resolved): `aggregateChecks` still comes from zod, every other export throws if ever called.
 * The export list is read from the installed zod, so the stand-in follows its version. ES2015 only: the
 * weapp build ships it as written.
 */
export const standInSource = (path: string): string => {
  const names = [...readFileSync(path, 'utf8').matchAll(/^export (?:const|function) (\w+)/gm)].map((m) => m[1] ?? '');
  const lines = names.map((name) => {
    if (KEPT.has(name)) return `export { ${name} } from ${JSON.stringify(path)};`;
    // The create… factories run when a schema's `~standard` is read; the method they make throws.
    return name.startsWith('create') ? `export const ${name} = () => leftOut;` : `export const ${name} = leftOut;`;
  });
  return [`const leftOut = () => { throw new Error("zod's JSON Schema generation is not bundled"); };`, ...lines].join('\n');
};
