import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { OpenAhead } from './open-ahead';
import { CompileHints } from './compile-hints';
import { lazySchemas } from './lazy-schemas';
// A CommonJS module babel.config.js reads too
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { h5EcmaVersion } = require('./compat') as { h5EcmaVersion: number };

const platform = process.env.TARO_ENV ?? 'weapp';
const isH5 = platform === 'h5';
const sharedSrc = path.resolve(__dirname, '..', '..', 'shared-types', 'src');

/**
 * Dependencies go through babel too, for the oldest supported engines (config/compat.js): Taro compiles
 * only its own packages from node_modules, zod v4 publishes `?.`, `??` and object spread, and WeChat
 * compiles nothing at upload (`project.config.json` has `es6: false`). Babel's runtime helpers and
 * core-js stay as published: compiling them would make them import themselves.
 */
const dependency = (file: string) =>
  /[\\/]node_modules[\\/]/.test(file) && !/[\\/]node_modules[\\/](@babel[\\/]runtime|core-js|regenerator-runtime)[\\/]/.test(file);

/**
 * `H5_STATS=<file> npm run build:h5` writes webpack's stats (chunks, their modules and why each is
 * included) to that file, to see what a page loads and who pulls it in.
 */
class StatsFile {
  constructor(private readonly file: string) {}
  apply(compiler: { hooks: { done: { tap: (name: string, fn: (stats: { toJson: (o: object) => unknown }) => void) => void } } }) {
    compiler.hooks.done.tap('StatsFile', (stats) => {
      const json = stats.toJson({ all: false, chunks: true, chunkModules: true, chunkRelations: true, modules: false, reasons: true, assets: true, entrypoints: true });
      writeFileSync(this.file, JSON.stringify(json));
    });
  }
}

/** Routes an H5 load may open on whose chunks index.html asks for beside app.js (./open-ahead.ts), compiled as they stream in (./compile-hints.ts): the desk's inbox. */
const OPENED_AHEAD = ['pages/desk/inbox/index'];

/**
 * One config for both targets. Only the H5 build (the local runtime and the browser tests) knows
 * LOCAL_DEV; the WeChat build gets the cloud environment id instead and no dev sign-in at all.
 */
export default defineConfig<'webpack5'>(() => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'property-service-desk',
    /**
     * Our styles are drawn on a 750-wide design; the UI kit's on 375 (NutUI-React-Taro's Taro guide,
     * https://nutui.jd.com/taro/react/3x/#/zh-CN/guide/start-react: designWidth by file).
     */
    designWidth: (input) => (/[\\/]@nutui[\\/]/.test(String((input as { file?: string } | undefined)?.file ?? '')) ? 375 : 750),
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    framework: 'react',
    compiler: 'webpack5',
    alias: { '@shared': sharedSrc },
    defineConstants: {
      CLOUD_ENV: JSON.stringify(process.env.CLOUDBASE_ENV_ID ?? ''),
    },
    env: isH5 ? { LOCAL_DEV: JSON.stringify('1') } : {},
    cache: { enable: false },
    /**
     * WeChat templates cannot recurse, so Taro writes every used component's template once per nesting
     * level into base.wxml (default 16 levels, 3.4 KB each here); a node deeper than baseLevel still renders,
     * through Taro's `comp` custom component, which starts again at level 0
     * (https://docs.taro.zone/docs/config-detail#baselevel). 12 keeps every node the compiled-page tests
     * reach in plain templates (at 8 the import page's template button went through `comp`); 13.4 KB less.
     */
    baseLevel: 12,
    /**
     * Taro's weapp defaults set terser's `output.ascii_only: true`, which writes every Chinese character
     * as a 6-byte \uXXXX escape instead of its 3 UTF-8 bytes (about 39 KB of common.js). `terser.config`
     * takes terser's minify options and is merged over Taro's defaults
     * (https://docs.taro.zone/docs/config-detail#terser, https://terser.org/docs/options/#format-options).
     * The H5 defaults already keep UTF-8. The H5 build targets modern browsers (config/compat.js `h5Browsers`),
     * so terser may write ES2020, its newest level, there (`ecma`, https://terser.org/docs/options/#minify-options);
     * and Taro's H5 defaults (webpack5-runner's H5BaseConfig) keep every function's name and quote every object key,
     * which nothing here reads (class names are not kept either way): without them, 5 % fewer bytes to parse (issue 16).
     */
    terser: {
      enable: true,
      config: isH5 ? { ecma: 2020, keep_fnames: false, output: { ascii_only: false, quote_keys: false } } : { output: { ascii_only: false } },
    },
    mini: {
      compile: { include: [sharedSrc, dependency] },
      postcss: { pxtransform: { enable: true, config: {} } },
    },
    h5: {
      publicPath: './',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      /**
       * React's own elements (<div>, <input>, …, @tarojs/components-react) instead of Taro's Stencil web components,
       * which the browser upgrades node by node (issue 16: the desk's inbox, CPU slowed 4×, README "Figures").
       * Their styles go in a cascade layer (./layer-loader.js) and fields keep a box around the <input>
       * (components/TextLine/index.h5.tsx), so the app's styles, code and tests find them as on Stencil's.
       */
      useHtmlComponents: true,
      compile: { include: [sharedSrc] },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      /**
       * Taro's H5 root font follows the window (40 × min(width, height) / 750) up to `maxRootSize`, 40 by
       * default: a 1280×800 window drew the phone layout at twice its size. 22 is a 414-wide phone's own
       * value, so phones are unchanged and a PC window stops there (body text 34/40 rem = 18.7 px); the
       * wide layouts of theme/theme.css then set their sizes in Px. The px-to-rem ratio is unchanged
       * (it comes from baseFontSize, node_modules/@tarojs/webpack5-runner/dist/webpack/H5WebpackPlugin.js).
       */
      postcss: { autoprefixer: { enable: true, config: {} }, pxtransform: { enable: true, config: { maxRootSize: 22 } } },
      /**
       * Pages are lazy chunks. Taro's H5 default splits only initial chunks, so each page would carry its
       * own copy of zod and the components; one named shared chunk instead made every page load the code
       * of every other role's pages (0.95 MB for the desk's inbox). Unnamed chunks split by the set of
       * pages using them, so a page loads what it uses (https://webpack.js.org/plugins/split-chunks-plugin/).
       */
      webpackChain(chain) {
        // Taro sets ['web', 'es5'] for every target: webpack's own runtime and module wrappers as ES5.
        chain.set('target', ['web', `es${h5EcmaVersion}`]);
        chain.optimization.splitChunks({ chunks: 'all' });
        chain.resolve.alias.set('platform$', path.join(__dirname, 'platform-on-first-use.js'));
        chain.resolve.alias.set('@tarojs/components$', path.join(__dirname, '..', 'src', 'components', 'html', 'index.h5.ts'));
        chain.module
          .rule('taro-components-layer')
          .test(/[\\/]@tarojs[\\/]components-react[\\/]dist[\\/]index\.css$/)
          .use('layer')
          .loader(path.join(__dirname, 'layer-loader.js'));
        // Issue 16: shared-types' schemas built on their first use (./lazy-schemas.ts): the desk inbox's load built about
        // 1 970 for the contracts of every action its chunks carry, of which it calls a few. H5 only: the weapp main
        // package has no room for the wrappers. `pre`, so it reads the TypeScript before babel compiles it.
        chain.module
          .rule('lazy-schemas')
          .test(/[\\/]shared-types[\\/]src[\\/].*\.ts$/)
          .enforce('pre')
          .use('lazy-schemas')
          .loader(path.join(__dirname, 'lazy-schema-loader.js'))
          .options({ transform: lazySchemas });
        chain.plugin('open-ahead').use(OpenAhead, [OPENED_AHEAD, './']);
        chain.plugin('compile-hints').use(CompileHints, [OPENED_AHEAD]);
        if (process.env.H5_STATS) chain.plugin('stats-file').use(StatsFile, [process.env.H5_STATS]);
      },
    },
  };
  return config;
});
