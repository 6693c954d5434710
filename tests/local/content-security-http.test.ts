import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { deployedFunctionOf } from '@shared/areas';
import type { FunctionName } from '@shared/contracts/action';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { messages } from '@shared/messages';
import { createRuntime, type Runtime } from '../../local/runtime';
import { startServer } from '../../local/server';
import { LOCAL_CHECKER } from '../../local/wechat';
import { DESK_ON_SHIFT, functions, memberIdOf, MORNING, PROPERTY, repairInput, TECH_LI, testClock, WANG } from '../functions/harness';

/**
 * Issue 13 (1.9), through the local server's HTTP API as the apps and an attacker would use it: a
 * resident's risky text and flagged photo are held from the technician, shown to the desk marked,
 * released by the desk; the verdicts come as WeChat's pushes would, and a forged one does nothing.
 */
const token = (openid: string) => Buffer.from(openid).toString('base64url');

type Answer = { ok: true; data: Record<string, unknown> & { id: string; description: string; photos: string[]; screening: unknown } } | { ok: false; code: string };

describe('content security over the local HTTP API', () => {
  let dataDir: string;
  let runtime: Runtime;
  let server: Awaited<ReturnType<typeof startServer>>;
  const answered: string[] = [];
  let seq = 0;

  const call = async (openid: string, fn: string, body: unknown): Promise<Answer> => {
    const res = await fetch(`${server.url}/api/fn/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Dev ${token(openid)}` },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    answered.push(text);
    return JSON.parse(text) as Answer;
  };
  // Named as the client names an action (its area), sent where the registry deploys it.
  const act = (openid: string, fn: string, action: string, input: Record<string, unknown>) => call(openid, deployedFunctionOf({ fn: fn as FunctionName, name: action }), { action, input });
  const write = (openid: string, fn: string, action: string, input: Record<string, unknown>) => act(openid, fn, action, { ...input, commandId: `cmd-http-screen-${seq++}` });
  const ok = (answer: Answer) => {
    if (!answer.ok) throw new Error(`expected ok, got ${answer.code}`);
    return answer.data;
  };
  const upload = async (openid: string, name: string) => {
    const path = `uploads/${memberIdOf(openid)}/${name}`;
    const res = await fetch(`${server.url}/api/storage/upload?path=${encodeURIComponent(path)}`, { method: 'POST', headers: { authorization: `Dev ${token(openid)}` }, body: new Uint8Array(Buffer.from(`\xff\xd8 ${name}`)) });
    return ((await res.json()) as { fileID: string }).fileID;
  };
  const served = async (links: readonly string[]) =>
    Promise.all(links.map(async (link) => ({ name: new URL(link, server.url).searchParams.get('path')?.split('/').pop(), status: (await fetch(`${server.url}${link}`)).status })));

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'screening-http-'));
    runtime = await createRuntime({ dataDir, functions, now: testClock(MORNING).now });
    const h5Dir = join(dataDir, 'h5');
    mkdirSync(h5Dir);
    writeFileSync(join(h5Dir, 'index.html'), '<!doctype html>');
    server = await startServer({ runtime, h5Dir, dataDir, port: 0 });
  });
  afterAll(async () => {
    await server.close();
    runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a risky description and a flagged photo are held from the technician, shown to the desk marked, and released by the desk', async () => {
    const photos = [await upload(WANG, 'leak-0001.jpg'), await upload(WANG, `leak-${LOCAL_CHECKER.riskyPhoto}-0002.jpg`)];
    const text = `阳台栏杆松动 ${LOCAL_CHECKER.riskyPhrase}`;
    const filed = ok(await write(WANG, 'repairs', 'create', repairInput({ description: text, photos })));
    ok(await write(DESK_ON_SHIFT, 'repairs', 'dispatch', { propertyId: PROPERTY, repairId: filed.id, version: 1, technicianId: memberIdOf(TECH_LI) }));
    expect(await runtime.deliverPushes()).toBe(2);

    const tech = ok(await act(TECH_LI, 'repairs', 'get', { propertyId: PROPERTY, repairId: filed.id }));
    expect(tech.description).toBe(messages.screening.held);
    expect(await served(tech.photos)).toEqual([{ name: 'leak-0001.jpg', status: 200 }]);

    const desk = ok(await act(DESK_ON_SHIFT, 'repairs', 'get', { propertyId: PROPERTY, repairId: filed.id }));
    expect(desk.description).toBe(text);
    expect(await served(desk.photos)).toEqual([{ name: 'leak-0001.jpg', status: 200 }, { name: `leak-${LOCAL_CHECKER.riskyPhoto}-0002.jpg`, status: 200 }]);
    expect(desk.screening).toMatchObject({ text: { verdict: 'risky', held: true }, photos: [{ verdict: 'pass', held: false }, { verdict: 'risky', held: true }] });
    const queue = ok(await act(DESK_ON_SHIFT, 'repairs', 'inbox', { propertyId: PROPERTY })) as unknown as { items: { id: string; screening: { text: { awaitsDesk: boolean } } }[] };
    expect(queue.items.find((r) => r.id === filed.id)?.screening.text.awaitsDesk).toBe(true);

    expect(await write(TECH_LI, 'repairs', 'decideContent', { propertyId: PROPERTY, repairId: filed.id, item: { kind: 'text' }, decision: 'release' })).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    ok(await write(DESK_ON_SHIFT, 'repairs', 'decideContent', { propertyId: PROPERTY, repairId: filed.id, item: { kind: 'text' }, decision: 'release' }));
    ok(await write(DESK_ON_SHIFT, 'repairs', 'decideContent', { propertyId: PROPERTY, repairId: filed.id, item: { kind: 'photo', index: 1 }, decision: 'release' }));
    const released = ok(await act(TECH_LI, 'repairs', 'get', { propertyId: PROPERTY, repairId: filed.id }));
    expect(released.description).toBe(text);
    expect((await served(released.photos)).map((p) => p.status)).toEqual([200, 200]);
  });

  it('a verdict a client forges through the function endpoint changes nothing', async () => {
    const photos = [await upload(WANG, `tap-${LOCAL_CHECKER.riskyPhoto}-0003.jpg`)];
    const filed = ok(await write(WANG, 'repairs', 'create', repairInput({ photos })));
    const guesses = ['local-0000000000', filed.id, photos[0] ?? ''];
    for (const trace_id of guesses) {
      expect(await call(WANG, 'pushes', { MsgType: 'event', Event: 'wxa_media_check', trace_id, version: 2, result: { suggest: 'pass', label: 100 } })).toMatchObject({ ok: true, data: { matched: false } });
    }
    await runtime.deliverPushes();
    const desk = ok(await act(DESK_ON_SHIFT, 'repairs', 'get', { propertyId: PROPERTY, repairId: filed.id }));
    expect(desk.screening).toMatchObject({ photos: [{ verdict: 'risky', held: true }] });
  });

  it('no answer carried a trace id or a stored file id', () => {
    const traces = runtime.engine.collection('contentChecks').all().map((c) => String((c as { traceId: unknown }).traceId));
    expect(traces.length).toBeGreaterThan(0);
    expect(answered.filter((body) => traces.some((t) => body.includes(t)) || body.includes('cloud://'))).toEqual([]);
  });
});
