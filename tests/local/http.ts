import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime, type Runtime } from '../../local/runtime';
import { startServer } from '../../local/server';
import { functions, MACHINE_COLLECTIONS } from '../functions/harness';
import { deployedFunctionOf } from '@shared/areas';
import type { FunctionName } from '@shared/contracts/action';

export const devToken = (openid: string) => Buffer.from(openid).toString('base64url');

export interface HttpSystem {
  runtime: Runtime;
  /** POSTs to the local server as a client would, signed in as `openid` when given. */
  post(path: string, body: unknown, openid?: string): Promise<{ status: number; body: Record<string, unknown> }>;
  /** `/api/fn/<fn>` with `{ action, input }`: the answer's JSON. */
  call(fn: string, action: string, input: unknown, openid: string): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

/** The local system as `npm start` runs it, on a fresh data folder and a free port. */
export const startHttpSystem = async (): Promise<HttpSystem> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'http-system-'));
  const runtime = await createRuntime({ dataDir, functions, checkStatusEvents: MACHINE_COLLECTIONS });
  const h5Dir = join(dataDir, 'h5');
  mkdirSync(h5Dir);
  writeFileSync(join(h5Dir, 'index.html'), '<!doctype html><title>h5</title>');
  const server = await startServer({ runtime, h5Dir, dataDir, port: 0 });
  const post: HttpSystem['post'] = async (path, body, openid) => {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid ? { authorization: `Dev ${devToken(openid)}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  return {
    runtime,
    post,
    // Named as the client names an action (its area), sent where the registry deploys it.
    call: async (fn, action, input, openid) => (await post(`/api/fn/${deployedFunctionOf({ fn: fn as FunctionName, name: action })}`, { action, input }, openid)).body,
    stop: async () => {
      await server.close();
      runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
