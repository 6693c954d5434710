import { actionPath } from './system-process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime, type Runtime } from '../../local/runtime';
import { startServer } from '../../local/server';
import { keptUploadPath } from '../../client/src/offline/local-files';
import { functions, memberIdOf, MORNING, PROPERTY, testClock, WANG, WANG_ROOM } from '../functions/harness';

/**
 * Issue 18, 4: a basement's weak signal neither loses nor doubles a photo. The phone uploads a kept
 * photo under the name it was kept by (`keptUploadPath`), and storage writes over a file uploaded to
 * the same path, as wx.cloud.uploadFile does; so a try whose answer was lost, tried again, leaves one
 * file under one file id, and the step that names it is taken once. Driven through the local HTTP API.
 */
const TECH = 'o-tech-li';
const DESK = 'o-desk-chen';
const token = (openid: string) => Buffer.from(openid).toString('base64url');

describe('an interrupted photo upload, tried again (issue 18, 4)', () => {
  let dataDir: string;
  let runtime: Runtime;
  let server: Awaited<ReturnType<typeof startServer>>;
  let seq = 0;

  const call = async (openid: string, fn: string, action: string, input: Record<string, unknown>) => {
    const res = await fetch(`${server.url}${actionPath(fn, action)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Dev ${token(openid)}` },
      body: JSON.stringify({ action, input: { propertyId: PROPERTY, ...input } }),
    });
    return (await res.json()) as { ok: true; data: Record<string, unknown> } | { ok: false; code: string };
  };
  const write = async (openid: string, fn: string, action: string, input: Record<string, unknown>, commandId = `upload-retry-${(seq++).toString().padStart(4, '0')}`) => {
    const answer = await call(openid, fn, action, { commandId, ...input });
    if (!answer.ok) throw new Error(`${fn}.${action}: ${answer.code}`);
    return answer.data;
  };
  const upload = async (path: string, body: string) => {
    const res = await fetch(`${server.url}/api/storage/upload?path=${encodeURIComponent(path)}`, {
      method: 'POST',
      headers: { authorization: `Dev ${token(TECH)}` },
      body: new Uint8Array(Buffer.from(`\xff\xd8\xff ${body}`)),
    });
    const out = (await res.json()) as { fileID?: string };
    if (res.status !== 200 || !out.fileID) throw new Error(`upload ${path}: ${res.status}`);
    return out.fileID;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'upload-retry-'));
    runtime = await createRuntime({ dataDir, functions, now: testClock(MORNING).now });
    mkdirSync(join(dataDir, 'h5'));
    writeFileSync(join(dataDir, 'h5', 'index.html'), '<!doctype html>');
    server = await startServer({ runtime, h5Dir: join(dataDir, 'h5'), dataDir, port: 0 });
  });

  afterAll(async () => {
    await server.close();
    runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('R7: the same kept photo uploaded twice is one file with one id, and the completion that names it is taken once', async () => {
    const repair = await write(WANG, 'repairs', 'create', { roomId: WANG_ROOM, category: 'water', description: '厨房水龙头一直滴水', preferredTime: null, photos: [] });
    const repairId = String(repair.id);
    let version = Number(repair.version);
    const step = async (openid: string, action: string, input: Record<string, unknown> = {}, commandId?: string) => {
      const view = await write(openid, 'repairs', action, { repairId, version, ...input }, commandId);
      version = Number(view.version);
      return view;
    };
    await step(DESK, 'dispatch', { technicianId: memberIdOf(TECH) });
    await step(TECH, 'acknowledge');
    await step(TECH, 'arrive');
    await step(TECH, 'quote', { items: [] });
    await step(WANG, 'accept');

    const context = await call(TECH, 'session', 'context', {});
    const { uploadPrefix } = (context.ok ? context.data : {}) as { uploadPrefix: string };
    const before = keptUploadPath(uploadPrefix, 'onsiteBeforePhoto000001', '.jpg');
    const after = keptUploadPath(uploadPrefix, 'onsiteAfterPhoto0000001', '.jpg');
    // The first try of the before photo reached storage, but its answer was lost in the basement: the queue tries again.
    const lostAnswer = await upload(before, 'before, first try');
    const retried = await upload(before, 'before, second try');
    const afterId = await upload(after, 'after');
    expect(retried).toBe(lostAnswer);

    const folder = join(dataDir, 'files', uploadPrefix);
    expect(readdirSync(folder).sort()).toEqual(['onsiteAfterPhoto0000001.jpg', 'onsiteBeforePhoto000001.jpg']);
    expect(readFileSync(join(folder, 'onsiteBeforePhoto000001.jpg')).toString('latin1')).toContain('before, second try');

    const complete = { beforePhotos: [retried], afterPhotos: [afterId], materials: [] };
    const done = await step(TECH, 'complete', complete, 'upload-retry-complete-01');
    const again = await call(TECH, 'repairs', 'complete', { repairId, version: Number(done.version) - 1, commandId: 'upload-retry-complete-01', ...complete });
    expect(again).toMatchObject({ ok: true, data: { id: repairId, version: done.version, status: 'completed' } });
  });
});
