/**
 * Issue 16: an H5 load that opens on one of `routes` asks for that page's chunks (scripts and styles) from
 * index.html, beside app.js, instead of once app.js has run (about 1.3 s with the CPU slowed 4×) and its router
 * asks for them. The chunks are Taro's lazy page chunks; webpack takes a script already in the document for the
 * one it would add (its script loader looks for one with the same `src`, and a chunk that ran before the runtime
 * is read from the chunk array), and mini-css-extract a stylesheet link with the same `href`
 * (https://webpack.js.org/guides/lazy-loading/, https://github.com/webpack-contrib/mini-css-extract-plugin).
 */

/** What this plugin and ./compile-hints.ts use of webpack's compiler and compilation. */
interface Source {
  source(): string | Buffer;
}
interface Group {
  origins: { request?: string }[];
  getFiles(): string[];
}
export interface Compilation {
  chunkGroups: Group[];
  entrypoints: Map<string, Group>;
  getAsset(name: string): { source: Source } | undefined;
  updateAsset(name: string, source: Source): void;
  hooks: { processAssets: { tap(options: { name: string; stage: number }, fn: () => void): void } };
}
export interface Compiler {
  webpack: {
    Compilation: { PROCESS_ASSETS_STAGE_REPORT: number; PROCESS_ASSETS_STAGE_DEV_TOOLING: number };
    sources: { RawSource: new (text: string) => Source };
  };
  hooks: { thisCompilation: { tap(name: string, fn: (compilation: Compilation) => void): void } };
}

const NAME = 'OpenAhead';

/**
 * An inline script that adds to the head each of `files` (route → files) of the hash's route. Scripts wait for
 * the stylesheets above them, so the chunks' scripts are asked for from above the app's stylesheet link and their
 * stylesheets from below it, where they come after the app's in the cascade as they would from webpack.
 */
export const openAheadScript = (files: Record<string, string[]>, kind: 'script' | 'link') =>
  `<script>!function(f){(f[location.hash.replace(/^#\\/?/,"").split("?")[0]]||[]).forEach(function(u){var e=document.createElement("${kind}");${
    kind === 'link' ? 'e.rel="stylesheet";e.href=u' : 'e.src=u'
  };document.head.appendChild(e)})}(${JSON.stringify(files)})</script>`;

/** The chunk group loaded for a page route: the one a lazy import of its page module starts. */
export const groupOfRoute = (groups: readonly Group[], route: string): Group | undefined =>
  groups.find((g) => g.origins.some((o) => (o.request ?? '').replace(/\\/g, '/').replace(/\.[jt]sx?$/, '').endsWith(route)));

const only = (files: Record<string, string[]>, ending: RegExp) => Object.fromEntries(Object.entries(files).map(([route, list]) => [route, list.filter((f) => ending.test(f))]));

export class OpenAhead {
  constructor(
    private readonly routes: readonly string[],
    private readonly publicPath: string,
  ) {}

  apply(compiler: Compiler) {
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap({ name: NAME, stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const html = compilation.getAsset('index.html');
        if (!html) return;
        const files: Record<string, string[]> = {};
        for (const route of this.routes) {
          const group = groupOfRoute(compilation.chunkGroups, route);
          if (!group) throw new Error(`${NAME}: no chunk group is loaded for ${route}`);
          files[route] = group
            .getFiles()
            .filter((file) => /\.(js|css)$/.test(file))
            .map((file) => `${this.publicPath}${file}`);
        }
        const text = String(html.source.source());
        const firstScript = text.indexOf('<script defer');
        if (firstScript < 0 || !text.includes('</head>')) throw new Error(`${NAME}: index.html has no deferred script or no </head>`);
        const withScripts = `${text.slice(0, firstScript)}${openAheadScript(only(files, /\.js$/), 'script')}${text.slice(firstScript)}`;
        const withStyles = withScripts.replace('</head>', `${openAheadScript(only(files, /\.css$/), 'link')}</head>`);
        compilation.updateAsset('index.html', new compiler.webpack.sources.RawSource(withStyles));
      });
    });
  }
}
