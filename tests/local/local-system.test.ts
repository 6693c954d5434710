import { mkdtempSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deployedFunctionOf } from '@shared/areas';
import { repairs } from '@shared/contracts';
import { TIMER_FUNCTIONS } from '@shared/model/environment.model';
import { createRuntime } from '../../local/runtime';
import { startServer } from '../../local/server';
import { timerTriggers } from '../../local/functions';
import { scheduleTimers } from '../../local/timers';
import { functions, repairInput, WANG, DESK_ON_SHIFT } from '../functions/harness';

const token = (openid: string) => Buffer.from(openid).toString('base64url');

describe('the local system', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'local-system-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps everything after the process stops and starts again on the same data folder', async () => {
    const first = await createRuntime({ dataDir, functions });
    const created = (await first.invoke('repairs', { action: 'create', input: repairInput() }, { openid: WANG })) as { ok: true; data: { id: string } };
    const seededMembers = first.engine.collection('members').count();
    first.close();
    const second = await createRuntime({ dataDir, functions });
    const mine = (await second.invoke(deployedFunctionOf(repairs.listMine), { action: 'listMine', input: { propertyId: 'demo' } }, { openid: WANG })) as { ok: true; data: { items: { id: string }[] } };
    expect(mine.data.items.map((r) => r.id)).toEqual([created.data.id]);
    // 19 memberships and the demo property's status copy (issue 16: read by the router with the membership).
    expect(seededMembers).toBe(20);
    expect(second.engine.collection('members').count()).toBe(seededMembers);
    second.close();
  });

  describe('over HTTP', () => {
    let server: Awaited<ReturnType<typeof startServer>>;
    let runtime: Awaited<ReturnType<typeof createRuntime>>;
    beforeEach(async () => {
      runtime = await createRuntime({ dataDir, functions });
      const h5Dir = join(dataDir, 'h5');
      mkdirSync(h5Dir);
      writeFileSync(join(h5Dir, 'index.html'), '<!doctype html><title>h5</title>');
      server = await startServer({ runtime, h5Dir, dataDir, port: 0 });
    });
    afterEach(async () => {
      await server.close();
      runtime.close();
    });

    const post = (path: string, body: unknown, openid?: string) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(openid ? { authorization: `Dev ${token(openid)}` } : {}) },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<{ ok: boolean; code?: string; data?: { items?: unknown[]; role?: string; signals?: string[] } }>);

    it('serves the H5 app and answers a function call as the signed-in demo user', async () => {
      expect(await (await fetch(`${server.url}/`)).text()).toContain('<title>h5</title>');
      const ctx = await post('/api/fn/session', { action: 'context', input: { propertyId: 'demo' } }, DESK_ON_SHIFT);
      expect(ctx).toMatchObject({ ok: true, data: { role: 'desk' } });
      expect(await post('/api/fn/session', { action: 'context', input: { propertyId: 'demo' } })).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    });

    it('issue 13: a call over HTTP without a signed-in user never reaches the system health call', async () => {
      expect(await post('/api/fn/session', { action: 'health', input: { robot: {} } })).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
      expect(runtime.webhookPosts).toEqual([]);
    });

    it('the local panel shows every notice and WeCom post that would have gone out', async () => {
      await post('/api/fn/repairs', { action: repairs.create.name, input: repairInput({ description: '电梯困人了' }) }, WANG);
      expect(await (await fetch(`${server.url}/panel`)).text()).toContain('群机器人消息');
      const panel = (await (await fetch(`${server.url}/api/panel`)).json()) as { webhookPosts: { body: unknown }[]; outbox: { kind: string; channel: string }[] };
      expect(JSON.stringify(panel.webhookPosts[0]?.body)).toContain('急修');
      // The desk's notice (pushed by name to the clerk on shift), the supervisors' and the staff group's post.
      expect(panel.outbox.map((n) => n.channel).sort()).toEqual(['inbox', 'inbox', 'wecom']);
    });

    it.each(TIMER_FUNCTIONS)('refuses to run the timer function %s on request', async (fn) => {
      expect(await post(`/api/fn/${fn}`, { Type: 'Timer', TriggerName: 'every-minute', Time: 'x' })).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    });

    it('lists the demo people, the company’s administrator, and two newcomers who belong nowhere yet, for the local sign-in page', async () => {
      const users = (await (await fetch(`${server.url}/api/dev/users`)).json()) as { name: string; role: string }[];
      expect(users).toHaveLength(21);
      expect(users).toContainEqual(expect.objectContaining({ name: '王秀英', role: 'resident' }));
      expect(users).toContainEqual(expect.objectContaining({ name: '高明', role: 'admin' }));
      expect(users.filter((u) => u.role === 'newcomer').map((u) => u.name)).toEqual(['钱敏', '孙丽']);
    });

    it('streams a signal change to a watcher, like the cloud database watch', async () => {
      const ctx = await post('/api/fn/session', { action: 'context', input: { propertyId: 'demo' } }, DESK_ON_SHIFT);
      const controller = new AbortController();
      const res = await fetch(`${server.url}/api/watch?ids=${(ctx.data?.signals ?? []).join(',')}&token=${token(DESK_ON_SHIFT)}`, { signal: controller.signal });
      const reader = res.body!.getReader();
      const seen = new Promise<string>((resolve) => {
        let text = '';
        const pump = async (): Promise<void> => {
          const { value, done } = await reader.read();
          if (done) return;
          text += Buffer.from(value).toString('utf8');
          if (text.includes('"seq":1')) resolve(text);
          else await pump();
        };
        void pump().catch(() => undefined);
      });
      await post('/api/fn/repairs', { action: repairs.create.name, input: repairInput() }, WANG);
      expect(await seen).toContain('role:desk');
      controller.abort();
    });

    it('stores an upload in the uploader\'s own folder, named by membership, and hands it out by no file id', async () => {
      const { data } = (await post('/api/fn/session', { action: 'context', input: { propertyId: 'demo' } }, WANG)) as { data?: { uploadPrefix?: string } };
      expect(data?.uploadPrefix).toBe('uploads/mb_oreswang/');
      const res = await fetch(`${server.url}/api/storage/upload?path=${encodeURIComponent(`${data?.uploadPrefix}tap-0000000000001.jpg`)}`, {
        method: 'POST',
        headers: { authorization: `Dev ${token(WANG)}` },
        body: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]),
      });
      const { fileID } = (await res.json()) as { fileID: string };
      expect(fileID).toBe('cloud://local.local/uploads/mb_oreswang/tap-0000000000001.jpg');
      expect((await fetch(`${server.url}/api/storage/file?fileID=${encodeURIComponent(fileID)}&token=${token(WANG)}`)).status).toBe(403);
      expect(await runtime.deps.files.download(fileID)).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    });
  });

  it('schedules each timer trigger from its config.json, read in Shanghai time like WeChat: every timer function (issue 16) every minute', () => {
    const triggers = timerTriggers();
    expect(triggers).toEqual(TIMER_FUNCTIONS.map((functionName) => ({ functionName, name: 'every-minute', cron: '0 */1 * * * * *' })));
    const timers = scheduleTimers(triggers, async () => undefined);
    const next = timers.next().map((t) => t.next);
    timers.stop();
    expect(next).toHaveLength(TIMER_FUNCTIONS.length);
    for (const at of next) {
      expect(at).toBeInstanceOf(Date);
      expect(at!.getUTCSeconds()).toBe(0);
      expect(at!.getTime() - Date.now()).toBeLessThanOrEqual(60_000);
    }
  });

  it('reads a daily WeChat cron in UTC+8: 09:00 fires at 01:00 UTC', () => {
    const timers = scheduleTimers([{ functionName: 'x', name: 'daily', cron: '0 0 9 * * * *' }], async () => undefined);
    const next = timers.next()[0]?.next;
    timers.stop();
    expect(next?.getUTCHours()).toBe(1);
    expect(next?.getUTCMinutes()).toBe(0);
  });
});
