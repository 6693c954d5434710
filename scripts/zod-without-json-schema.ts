import { dirname, resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import { CLASSIC_SCHEMAS, JSON_SCHEMA_REQUEST, standInSource } from '../client/config/zod-without-json-schema';

const NAMESPACE = 'zod-without-json-schema';

/** The stand-in for the cloud functions' esbuild bundles. */
export const zodWithoutJsonSchema: Plugin = {
  name: NAMESPACE,
  setup(build) {
    build.onResolve({ filter: JSON_SCHEMA_REQUEST }, (args) =>
      CLASSIC_SCHEMAS.test(args.importer) ? { path: resolve(dirname(args.importer), args.path), namespace: NAMESPACE } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({ contents: standInSource(args.path), loader: 'js', resolveDir: dirname(args.path) }));
  },
};
