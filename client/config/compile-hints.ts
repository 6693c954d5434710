/**
 * Issue 16 (H5): the scripts a load runs at once start with V8's explicit compile hint, `//# allFunctionsCalledOnLoad`
 * (Chrome 136 and later; other engines read a comment): the browser then compiles their functions on the thread that
 * streams the script in, instead of one by one on the main thread when each is first called, which was the largest
 * share of the desk inbox's script time (webpack's module functions compiled at their first require). Those scripts
 * are the entry's (the webpack runtime, app.js, its vendor chunk) and the chunks of the pages a load may open on
 * (`routes`, the ones ./open-ahead.ts asks for from index.html). Lazy chunks are left to compile as they run.
 * https://v8.dev/blog/explicit-compile-hints
 */

import { groupOfRoute, type Compiler } from './open-ahead';

const NAME = 'CompileHints';
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

export class CompileHints {
  constructor(private readonly routes: readonly string[]) {}

  apply(compiler: Compiler) {
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      // After terser (which drops comments), before webpack hashes the files' content.
      compilation.hooks.processAssets.tap({ name: NAME, stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_DEV_TOOLING }, () => {
        const groups = [...compilation.entrypoints.values()];
        for (const route of this.routes) {
          const group = groupOfRoute(compilation.chunkGroups, route);
          if (!group) throw new Error(`${NAME}: no chunk group is loaded for ${route}`);
          groups.push(group);
        }
        const files = new Set(groups.flatMap((g) => g.getFiles()).filter((file) => file.endsWith('.js')));
        for (const file of files) {
          const asset = compilation.getAsset(file);
          const text = asset ? String(asset.source.source()) : '';
          if (asset && !text.startsWith(COMPILE_HINT)) compilation.updateAsset(file, new compiler.webpack.sources.RawSource(COMPILE_HINT + text));
        }
      });
    });
  }
}
