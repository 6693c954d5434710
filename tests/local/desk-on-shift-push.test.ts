import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { complaintInput, DESK_ON_SHIFT, DESK_OTHER, MANAGER, newCommandId, PROPERTY, repairInput, WANG, WANG_ROOM } from '../functions/harness';
import { call, startSystem, type RunningSystem } from './system-process';

jest.setTimeout(120_000);

const NEW_REPAIR = 'local-tmpl-new-ticket';
const NEW_COMPLAINT = 'local-tmpl-new-complaint';

interface Sent {
  touser: string;
  templateId: string;
}
interface SettingsView {
  shifts: { name: string; start: string; desk: { memberId: string; name: string }[] }[];
  templates: { kind: string; id: string; page: string; fields: { key: string; source: string }[] }[];
}
interface InboxItem {
  subject: { kind: string; id: string };
}

/** What the local system sent to WeChat's subscribeMessage.send, as its panel lists it. */
const subscribeSent = async (url: string): Promise<Sent[]> => ((await (await fetch(`${url}/api/panel`)).json()) as { subscribeMessages: Sent[] }).subscribeMessages;

const ok = <T>(reply: { ok: boolean; data?: unknown }): T => {
  expect(reply).toMatchObject({ ok: true });
  return reply.data as T;
};

/**
 * R2 D3, issue 5, from outside: `local/main.ts` in its own process, over HTTP as the mini-program calls
 * it. A new repair and a new complaint are pushed (subscribe message) once to the desk clerk on shift,
 * found once in that clerk's 消息, and never pushed to a clerk off shift, though both took the templates.
 */
describe('the on-shift push over the real local system (R2 D3)', () => {
  let dataDir = '';
  let system: RunningSystem;
  beforeAll(async () => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'on-shift-push-')), 'data');
    system = await startSystem(dataDir);
  });
  afterAll(async () => {
    expect(await system.stop()).toBe(0);
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
  });

  it('R2 D3: the clerk on shift is pushed a new repair and a new complaint once each and finds each once in 消息; the clerk off shift is pushed nothing', async () => {
    const { url } = system;
    // The manager puts 陈晓 on every shift (whatever the hour the test runs at) and gives new complaints a template too.
    const settings = ok<SettingsView>(await call(url, 'members', 'settings', { propertyId: PROPERTY }, MANAGER));
    const chen = settings.shifts.flatMap((s) => s.desk).find((d) => d.name === '陈晓');
    expect(chen).toBeDefined();
    const templates = [...settings.templates, { kind: 'complaint.new', id: NEW_COMPLAINT, page: 'pages/desk/complaints/index', fields: settings.templates[0]!.fields }];
    ok(
      await call(
        url,
        'members',
        'updateSettings',
        { propertyId: PROPERTY, commandId: newCommandId(), shifts: settings.shifts.map((s) => ({ name: s.name, start: s.start, deskMemberIds: [chen!.memberId] })), templates },
        MANAGER,
      ),
    );
    const context = ok<{ onShift: boolean }>(await call(url, 'session', 'context', { propertyId: PROPERTY }, DESK_ON_SHIFT));
    expect(context.onShift).toBe(true);
    expect(ok<{ onShift: boolean }>(await call(url, 'session', 'context', { propertyId: PROPERTY }, DESK_OTHER)).onShift).toBe(false);

    // Both clerks accept both templates: only the shift decides who is pushed.
    for (const clerk of [DESK_ON_SHIFT, DESK_OTHER]) {
      const stock = ok<{ templates: { templateId: string; remaining: number }[] }>(
        await call(url, 'session', 'consent', { propertyId: PROPERTY, commandId: newCommandId(), accepted: [NEW_REPAIR, NEW_COMPLAINT], rejected: [] }, clerk),
      );
      expect(stock.templates.filter((t) => t.remaining > 0).map((t) => t.templateId).sort()).toEqual([NEW_COMPLAINT, NEW_REPAIR]);
    }
    expect(await subscribeSent(url)).toEqual([]);

    const repair = ok<{ id: string }>(await call(url, 'repairs', 'create', repairInput(), WANG));
    const complaint = ok<{ id: string }>(await call(url, 'complaints', 'create', complaintInput(WANG_ROOM), WANG));

    const sent = (await subscribeSent(url)).map((m) => [m.touser, m.templateId]);
    expect(sent).toEqual([
      [DESK_ON_SHIFT, NEW_REPAIR],
      [DESK_ON_SHIFT, NEW_COMPLAINT],
    ]);

    for (const clerk of [DESK_ON_SHIFT, DESK_OTHER]) {
      const items = ok<{ items: InboxItem[] }>(await call(url, 'session', 'inbox', { propertyId: PROPERTY }, clerk)).items;
      expect({ clerk, repair: items.filter((n) => n.subject.id === repair.id).length, complaint: items.filter((n) => n.subject.id === complaint.id).length }).toEqual({ clerk, repair: 1, complaint: 1 });
    }

    // After the timers' next run (their outbox drain runs every minute here too) nobody was pushed again. The run is
    // seen when system health's last run moves (at most a minute, not a fixed minute's wait); then its drain's end.
    const lastRun = async () => ok<{ timer: { lastRunAt: string | null } }>(await call(url, 'session', 'health', { propertyId: PROPERTY }, MANAGER)).timer.lastRunAt;
    const before = await lastRun();
    for (const until = Date.now() + 75_000; (await lastRun()) === before && Date.now() < until; ) await new Promise((done) => setTimeout(done, 1_000));
    expect(await lastRun()).not.toBe(before);
    await new Promise((done) => setTimeout(done, 3_000));
    expect((await subscribeSent(url)).map((m) => [m.touser, m.templateId])).toEqual(sent);
  });
});
