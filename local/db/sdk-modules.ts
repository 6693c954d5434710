import * as path from 'node:path';

/**
 * Modules from wx-server-sdk's own dependency tree, loaded through the same `require` the SDK uses,
 * so patches land on the instance `require('wx-server-sdk')` talks to (also under jest's registry).
 */
const resolveFrom = (fromFile: string, request: string): string =>
  require.resolve(request, { paths: [path.dirname(fromFile)] });

const wxServerSdkEntry = (): string => require.resolve('wx-server-sdk');
const nodeSdkEntry = (): string => resolveFrom(wxServerSdkEntry(), '@cloudbase/node-sdk');
const databaseEntry = (): string => resolveFrom(nodeSdkEntry(), '@cloudbase/database');

export const nodeSdkModulePath = (subpath: string): string => resolveFrom(nodeSdkEntry(), `@cloudbase/node-sdk/${subpath}`);
export const databaseModulePath = (subpath: string): string => resolveFrom(databaseEntry(), `@cloudbase/database/${subpath}`);

export const loadModule = (absolutePath: string): unknown => {
  const loaded: unknown = require(absolutePath);
  return loaded;
};

export const loadBson = (): typeof import('bson') => {
  const loaded: unknown = require(resolveFrom(databaseEntry(), 'bson'));
  return loaded as typeof import('bson');
};
