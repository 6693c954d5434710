import type { Engine } from './engine';
import { isErrorBody } from './errors';
import { databaseModulePath, loadModule, nodeSdkModulePath } from './sdk-modules';

type Send = (action: string, params?: Record<string, unknown>, opts?: unknown) => Promise<unknown>;
type Method = (this: unknown, ...args: unknown[]) => unknown;

interface SendOwner {
  send: Send;
}

interface QueryInstance {
  _transactionId?: unknown;
  _request: SendOwner;
}

const hasKey = <K extends string>(value: unknown, key: K): value is Record<K, unknown> =>
  (typeof value === 'object' || typeof value === 'function') && value !== null && key in value;

const prototypeOf = (modulePath: string, exportName: string): Record<string, unknown> => {
  const mod = loadModule(modulePath);
  const cls = hasKey(mod, exportName) ? mod[exportName] : undefined;
  if (!hasKey(cls, 'prototype') || typeof cls.prototype !== 'object' || cls.prototype === null) {
    throw new Error(`local database seam: ${exportName} not found in ${modulePath} (wx-server-sdk version changed?)`);
  }
  return cls.prototype as Record<string, unknown>;
};

const methodOf = (proto: Record<string, unknown>, name: string): Method => {
  const method = proto[name];
  if (typeof method !== 'function') throw new Error(`local database seam: method ${name} not found`);
  return method as Method;
};

const isQueryInstance = (value: unknown): value is QueryInstance =>
  hasKey(value, '_request') && hasKey(value._request, 'send') && typeof value._request.send === 'function';

/**
 * The SDK's where().update()/remove()/count() leave the transactionId out of the request, so inside
 * a transaction they would silently run outside it (the cloud would do the same). Putting the id back
 * lets the engine refuse them, as the transaction documentation requires.
 */
const carryTransactionId = (original: Method): Method =>
  function (this: unknown, ...args: unknown[]): unknown {
    if (isQueryInstance(this) && typeof this._transactionId === 'string' && this._transactionId !== '') {
      const transactionId = this._transactionId;
      const inner = this._request;
      this._request = { send: (action, params, opts) => inner.send(action, { ...params, transactionId }, opts) };
    }
    return original.apply(this, args);
  };

/**
 * `cloud.init()` probes http://metadata.tencentyun.com (30 ms timeout) to learn whether it runs on
 * Tencent Cloud. Offline that is a DNS lookup and a socket per process; answering "not on Tencent
 * Cloud" keeps init off the network. Install the seam before calling `cloud.init()`.
 */
const notOnTencentCloud = async (): Promise<string> => '';

let active: (() => void) | null = null;

/**
 * Routes every database request of `require('wx-server-sdk')` to `engine`: replaces
 * `TcbDBApiHttpRequester.prototype.send` of the @cloudbase/node-sdk instance wx-server-sdk loads, so
 * nothing reaches the network (no DNS, no credentials check, no 3 s slow-request timer), and stubs
 * the cloud-platform probe `cloud.init()` fires. Error bodies go through the SDK's own
 * `processReturn`, so they reject as a TcbError (`err.code`) exactly as a server answer would.
 * Returns the uninstall function.
 */
export const installLocalDatabase = (engine: Pick<Engine, 'handle'>): (() => void) => {
  if (active) throw new Error('local database seam already installed; call the uninstall function first');
  const requesterProto = prototypeOf(nodeSdkModulePath('dist/utils/tcbdbapirequester'), 'TcbDBApiHttpRequester');
  const utils = loadModule(nodeSdkModulePath('dist/utils/utils'));
  const processReturn = hasKey(utils, 'processReturn') ? utils.processReturn : undefined;
  if (typeof processReturn !== 'function') throw new Error('local database seam: processReturn not found in @cloudbase/node-sdk');
  const queryProto = prototypeOf(databaseModulePath('dist/commonjs/query'), 'Query');
  const metadata = loadModule(nodeSdkModulePath('dist/utils/metadata'));
  if (!hasKey(metadata, 'lookupAppId')) throw new Error('local database seam: lookupAppId not found in @cloudbase/node-sdk');

  const originalSend = requesterProto.send;
  const originalLookupAppId = metadata.lookupAppId;
  const originals = Object.fromEntries(['update', 'remove', 'count'].map((name) => [name, methodOf(queryProto, name)]));

  const send: Send = async (action, params) => {
    const body = await engine.handle(action, params ?? {});
    return isErrorBody(body) ? (processReturn as (result: unknown) => unknown)(body) : body;
  };
  requesterProto.send = send;
  metadata.lookupAppId = notOnTencentCloud;
  for (const [name, original] of Object.entries(originals)) queryProto[name] = carryTransactionId(original);

  const uninstall = (): void => {
    if (active !== uninstall) return;
    requesterProto.send = originalSend;
    metadata.lookupAppId = originalLookupAppId;
    for (const [name, original] of Object.entries(originals)) queryProto[name] = original;
    active = null;
  };
  active = uninstall;
  return uninstall;
};
