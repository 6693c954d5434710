/**
 * Bundles each cloud function with the shared code it imports into dist/cloudfunctions/<name>/:
 * index.js (CommonJS, wx-server-sdk left external), package.json pinning wx-server-sdk, and its
 * config.json. Folders starting with "_" hold shared server code and are never deployed.
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUILD_TARGET } from './deploy-plan';

const root = resolve(__dirname, '..');
const source = join(root, 'cloudfunctions');
const out = join(root, 'dist', 'cloudfunctions');
const sdkVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies['wx-server-sdk'] as string;

export const functionNames = (): string[] =>
  readdirSync(source).filter((name) => !name.startsWith('_') && statSync(join(source, name)).isDirectory());

export const buildFunctions = async (): Promise<string[]> => {
  rmSync(out, { recursive: true, force: true });
  const names = functionNames();
  await Promise.all(
    names.map(async (name) => {
      const dir = join(out, name);
      mkdirSync(dir, { recursive: true });
      await build({
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
      });
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
