/**
 * Issue 13 §1.5 and §2: the local runtime refuses what the platform refuses, over the same HTTP API
 * the H5 app uses. The caller gets the platform's failure (no function result), and nothing is written.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime, type Runtime } from '../../local/runtime';
import { startServer } from '../../local/server';
import { MAX_CALL_DATA_BYTES } from '../../local/platform-limits';
import { functions, repairInput, WANG } from '../functions/harness';

const token = (openid: string) => Buffer.from(openid).toString('base64url');

let dir: string;
let runtime: Runtime;
let server: Awaited<ReturnType<typeof startServer>>;
/** `session` answers after this many milliseconds (its deployed timeout is 5 s in cloudfunctions/manifest.json). */
let sessionTakesMs = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'platform-limits-'));
  const slowSession = async () => {
    await new Promise((resolve) => setTimeout(resolve, sessionTakesMs));
    return { ok: true, data: { answered: true } };
  };
  runtime = await createRuntime({ dataDir: null, functions: { ...functions, session: slowSession } });
  mkdirSync(join(dir, 'h5'));
  writeFileSync(join(dir, 'h5', 'index.html'), '<!doctype html>');
  server = await startServer({ runtime, h5Dir: join(dir, 'h5'), dataDir: dir, port: 0 });
});
afterAll(async () => {
  await server.close();
  runtime.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = async (fn: string, body: unknown) => {
  const res = await fetch(`${server.url}/api/fn/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Dev ${token(WANG)}` }, body: JSON.stringify(body) });
  return { status: res.status, text: await res.text() };
};

describe('call data over 100 KB is refused by the platform (docs.cloudbase.net/error-code/EXCEED_MAX_PAYLOAD_SIZE: text bodies 100KB; Cloud.callFunction.html: above 100KB use wx.cloud.CDN)', () => {
  it('a call of 100 KB and more never reaches the function: 502 with EXCEED_MAX_PAYLOAD_SIZE, nothing written', async () => {
    const input = repairInput({ description: '滴'.repeat(Math.ceil(MAX_CALL_DATA_BYTES / 3)) });
    const reply = await post('repairs', { action: 'create', input });
    expect(reply.status).toBe(502);
    expect(reply.text).toMatch(/^cloud\.callFunction:fail EXCEED_MAX_PAYLOAD_SIZE: request body size exceeds limit: \d+ bytes of call data, a cloud function takes at most 102400 \(100KB\)/);
    expect(runtime.engine.collection('repairs').count()).toBe(0);
  });

  it('a call just under the limit reaches the function, whose contract then answers for itself', async () => {
    const input = repairInput({ description: '滴'.repeat(Math.floor((MAX_CALL_DATA_BYTES - 1000) / 3)) });
    const reply = await post('repairs', { action: 'create', input });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT' });
  });
});

describe("a call running longer than the function's deployed timeout fails as in the cloud (docs.cloudbase.net/error-code/basic/FUNCTIONS_TIME_LIMIT_EXCEEDED; timeouts from cloudfunctions/manifest.json)", () => {
  it('session (5 s) answering after 5.5 s: the caller gets 504 and the platform message, not the late result', async () => {
    sessionTakesMs = 5_500;
    const reply = await post('session', { action: 'context', input: { propertyId: 'demo' } });
    expect(reply.status).toBe(504);
    expect(reply.text).toBe('cloud.callFunction:fail FUNCTIONS_TIME_LIMIT_EXCEEDED: Invoking task timed out after 5 seconds (function session)');
  }, 15_000);

  it('the same function answering within its timeout is answered', async () => {
    sessionTakesMs = 50;
    const reply = await post('session', { action: 'context', input: { propertyId: 'demo' } });
    expect({ status: reply.status, body: JSON.parse(reply.text) }).toEqual({ status: 200, body: { ok: true, data: { answered: true } } });
  });
});
