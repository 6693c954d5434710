import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as reports from '@shared/contracts/reports.contract';
import { callAs, DESK_ON_SHIFT, expectOk, MANAGER, newCommandId, PROPERTY, raw, startRuntime, SUPERVISOR, testClock, storedEvents } from './harness';
import { openProperty, staff } from './company-harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
const exportV1 = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'stored', 'export.v1.json'), 'utf8')) as Record<string, unknown>;

const NOW = '2026-12-02T02:00:00.000Z';

interface StoredExport {
  _id: string;
  status: string;
  fileId: string | null;
  commandId: string | null;
  version: number;
}
interface StoredEvent {
  subject: { kind: string; id: string };
  action: string;
  from: string | null;
  to: string;
  commandId: string;
}

const exportsOf = (rt: Rt) => raw<StoredExport>(rt, 'exports');
const eventsOf = async (rt: Rt, id: string) => (await storedEvents<StoredEvent>(rt)).filter((e) => e.subject.kind === 'export' && e.subject.id === id);
const storedFiles = (rt: Rt) => rt.files.calls;

describe('issue 17 (2): exports can be left and picked up later', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime(testClock(NOW));
  });
  afterEach(() => rt.close());

  const recent = (openid: string, input: Record<string, unknown> = {}) => callAs(rt, openid, reports.recentExports, { propertyId: PROPERTY, ...input });
  const exportAs = (openid: string, commandId: string, input: Record<string, unknown> = {}) =>
    callAs(rt, openid, reports.exportXlsx, { propertyId: PROPERTY, period: '2026-11', commandId, ...input });
  const fetchLink = (url: string) => rt.files.serve(new URL(url, 'http://127.0.0.1').searchParams);
  const supervisorId = () => rt.engine.collection('members').all().find((m) => m.openid === SUPERVISOR)?._id as string;

  it('an export is recorded for its member and found again with its name, its period and its command, which opens its file again with a fresh short-lived link', async () => {
    const commandId = newCommandId();
    const made = expectOk(await exportAs(SUPERVISOR, commandId));
    rt.clock.advanceMinutes(60);
    const page = expectOk(await recent(SUPERVISOR));
    expect(page.total).toBe(1);
    const [item] = page.items;
    expect(item).toEqual({ exportId: expect.any(String), fileName: made.fileName, period: '2026-11', status: 'ready', startedAt: NOW, url: null, commandId });
    expect(JSON.stringify(page)).not.toContain('cloud://');
    const opened = expectOk(await exportAs(SUPERVISOR, item?.commandId ?? ''));
    expect(opened.fileName).toBe(made.fileName);
    expect(fetchLink(opened.url)).toHaveProperty('bytes');
    rt.clock.advanceMinutes(11);
    expect(fetchLink(opened.url)).toEqual({ error: 'forbidden' });
    expect(fetchLink(expectOk(await exportAs(SUPERVISOR, commandId)).url)).toHaveProperty('bytes');
    expect(exportsOf(rt)).toHaveLength(1);
  });

  it('a build still marked building shows as building within the function\'s 20 s, then as failed', async () => {
    rt.engine.insertRaw('exports', [{ ...exportV1, propertyId: PROPERTY, memberId: supervisorId(), status: 'building', fileName: null, fileId: null, finishedAt: null, version: 1, startedAt: NOW }]);
    expect(expectOk(await recent(SUPERVISOR)).items).toEqual([expect.objectContaining({ status: 'building', commandId: null })]);
    rt.clock.set('2026-12-02T02:00:21.000Z');
    expect(expectOk(await recent(SUPERVISOR)).items).toEqual([expect.objectContaining({ status: 'failed' })]);
  });

  it('the last 7 days only, the newest first, a page at a time', async () => {
    const id = supervisorId();
    const at = (n: number, startedAt: string) => ({ ...exportV1, _id: `ex_${n}`, propertyId: PROPERTY, memberId: id, startedAt });
    rt.engine.insertRaw('exports', [at(1, '2026-11-24T01:00:00.000Z'), at(2, '2026-11-26T01:00:00.000Z'), at(3, '2026-11-30T01:00:00.000Z'), at(4, '2026-12-01T01:00:00.000Z')]);
    const first = expectOk(await recent(SUPERVISOR, { limit: 2 }));
    expect(first.items.map((e) => e.exportId)).toEqual(['ex_4', 'ex_3']);
    expect(first.total).toBe(3);
    const rest = expectOk(await recent(SUPERVISOR, { limit: 2, cursor: first.next }));
    expect(rest.items.map((e) => e.exportId)).toEqual(['ex_2']);
    expect(rest.next).toBeNull();
  });

  it('nobody sees another member\'s exports: a second supervisor, a desk member, another property\'s manager, a stranger', async () => {
    await staff(rt, PROPERTY, MANAGER, 'o-sup-2', 'supervisor', '第二主管');
    await openProperty(rt, 'east', '东苑', { manager: 'o-east-mgr', desk: 'o-east-desk' });
    expectOk(await exportAs(SUPERVISOR, newCommandId()));
    expect(expectOk(await recent(SUPERVISOR)).total).toBe(1);
    expect(expectOk(await recent('o-sup-2'))).toEqual({ items: [], total: 0, next: null });
    expect(expectOk(await recent(MANAGER))).toEqual({ items: [], total: 0, next: null });
    expect(await recent(DESK_ON_SHIFT)).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    expect(await recent('o-east-mgr')).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    expect(expectOk(await recent('o-east-mgr', { propertyId: 'east' })).total).toBe(0);
    expect(await recent('o-stranger')).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
  });
});

describe('issue 17 (2): exportXlsx is a write, applied once per command id', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime(testClock(NOW));
  });
  afterEach(() => rt.close());

  const exportAs = (openid: string, commandId: string, input: Record<string, unknown> = {}) =>
    callAs(rt, openid, reports.exportXlsx, { propertyId: PROPERTY, period: '2026-11', commandId, ...input });
  const recent = (openid: string, input: Record<string, unknown> = {}) => callAs(rt, openid, reports.recentExports, { propertyId: PROPERTY, ...input });
  const fetchLink = (url: string) => rt.files.serve(new URL(url, 'http://127.0.0.1').searchParams);

  it('sent again with its command id it answers the first file and records no second export, no second file', async () => {
    const commandId = newCommandId();
    const first = expectOk(await exportAs(SUPERVISOR, commandId));
    const uploads = storedFiles(rt).upload;
    rt.clock.advanceMinutes(3);
    const again = expectOk(await exportAs(SUPERVISOR, commandId, { period: '2026-10' }));
    expect(again.fileName).toBe(first.fileName);
    expect((fetchLink(again.url) as { bytes: Buffer }).bytes).toEqual((fetchLink(first.url) as { bytes: Buffer }).bytes);
    expect(storedFiles(rt).upload).toBe(uploads);
    const [stored] = exportsOf(rt);
    expect(exportsOf(rt)).toHaveLength(1);
    expect(stored).toMatchObject({ status: 'ready', commandId, version: 2 });
    expect(raw(rt, 'commands').filter((c) => c.call === 'reports.exportXlsx')).toHaveLength(1);
  });

  it('every status change of an export commits its event with the command that made it (issue 15, 2)', async () => {
    const commandId = newCommandId();
    expectOk(await exportAs(MANAGER, commandId));
    const [stored] = exportsOf(rt);
    expect((await eventsOf(rt, stored?._id ?? '')).map((e) => [e.action, e.from, e.to, e.commandId])).toEqual([
      ['start', null, 'building', commandId],
      ['finish', 'building', 'ready', commandId],
    ]);
  });

  it('an export\'s status written around its machine, with no event, is refused by the runtime and changes nothing (issue 15, 2)', async () => {
    expectOk(await exportAs(SUPERVISOR, newCommandId()));
    const [stored] = exportsOf(rt);
    const before = exportsOf(rt);
    try {
      await expect(rt.db.collection('exports').doc(stored?._id ?? '').update({ data: { status: 'failed', version: 3 } })).rejects.toThrow(
        `status of exports/${stored?._id ?? ''} changed from "ready" to "failed" without an event about it in the same write`,
      );
      expect(exportsOf(rt)).toEqual(before);
      expect(rt.engine.statusViolations).toHaveLength(1);
    } finally {
      // The harness fails a file that leaves a refusal behind; this one was wanted.
      (rt.engine.statusViolations as string[]).length = 0;
    }
  });

  it('two calls of one command at once record one export and answer the same file', async () => {
    const commandId = newCommandId();
    const [a, b] = await Promise.all([exportAs(SUPERVISOR, commandId), exportAs(SUPERVISOR, commandId)]);
    const [x, y] = [expectOk(a), expectOk(b)];
    expect(y.fileName).toBe(x.fileName);
    expect(exportsOf(rt)).toHaveLength(1);
    expect(exportsOf(rt)[0]?.status).toBe('ready');
    expect((fetchLink(x.url) as { bytes: Buffer }).bytes).toEqual((fetchLink(y.url) as { bytes: Buffer }).bytes);
  });

  it('a file that cannot be stored leaves the export failed, shown failed with nothing to open, and refused REPORT.EXPORT_FAILED on every retry of its command', async () => {
    const upload = rt.files.seam.upload;
    rt.files.seam.upload = () => Promise.reject(new Error('storage: request timed out'));
    const commandId = newCommandId();
    expect(await exportAs(SUPERVISOR, commandId)).toMatchObject({ ok: false, code: 'REPORT.EXPORT_FAILED' });
    rt.files.seam.upload = upload;
    expect(await exportAs(SUPERVISOR, commandId)).toMatchObject({ ok: false, code: 'REPORT.EXPORT_FAILED' });
    const [stored] = exportsOf(rt);
    expect(exportsOf(rt)).toHaveLength(1);
    expect(stored).toMatchObject({ status: 'failed', fileId: null });
    expect((await eventsOf(rt, stored?._id ?? '')).map((e) => e.to)).toEqual(['building', 'failed']);
    expect(expectOk(await recent(SUPERVISOR)).items).toEqual([expect.objectContaining({ status: 'failed', fileName: null })]);
    expect(raw(rt, 'commands').filter((c) => c.call === 'reports.exportXlsx')).toEqual([]);
    // A new tap is a new command, and makes its file.
    expectOk(await exportAs(SUPERVISOR, newCommandId()));
    expect(exportsOf(rt).map((e) => e.status).sort()).toEqual(['failed', 'ready']);
  });

  it('a finish that never commits links no file: the stored file is deleted, the export stays building, shows failed after the function\'s 20 s, and its command\'s retry then marks it failed', async () => {
    const upload = rt.files.seam.upload;
    // Once the file is stored, every commit of the finish's transaction meets a conflict until applyOnce gives up (4 tries of 4 commits).
    rt.files.seam.upload = async (path, bytes) => {
      const fileId = await upload(path, bytes);
      for (let i = 0; i < 16; i++) rt.engine.failNext('database.commitTransaction', { code: 'DATABASE_TRANSACTION_CONFLICT', message: 'write conflict' });
      return fileId;
    };
    const commandId = newCommandId();
    expect(await exportAs(SUPERVISOR, commandId)).toMatchObject({ ok: false, code: 'COMMON.BUSY' });
    rt.files.seam.upload = upload;
    expect(storedFiles(rt)).toMatchObject({ upload: 1, remove: 1 });
    expect(exportsOf(rt)).toEqual([expect.objectContaining({ status: 'building', fileId: null })]);
    expect(raw(rt, 'commands').filter((c) => c.call === 'reports.exportXlsx')).toEqual([]);
    expect(expectOk(await recent(SUPERVISOR)).items).toEqual([expect.objectContaining({ status: 'building' })]);
    rt.clock.set('2026-12-02T02:00:21.000Z');
    expect(expectOk(await recent(SUPERVISOR)).items).toEqual([expect.objectContaining({ status: 'failed' })]);
    expect(await exportAs(SUPERVISOR, commandId)).toMatchObject({ ok: false, code: 'REPORT.EXPORT_FAILED' });
    const [stored] = exportsOf(rt);
    expect(stored).toMatchObject({ status: 'failed', fileId: null });
    expect((await eventsOf(rt, stored?._id ?? '')).map((e) => e.action)).toEqual(['start', 'fail']);
  });

  it('a retry while the first call is still building builds too, and both answer the first file to be linked', async () => {
    const upload = rt.files.seam.upload;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    rt.files.seam.upload = async (path, bytes) => {
      if (calls++ === 0) await held;
      return upload(path, bytes);
    };
    const commandId = newCommandId();
    const first = exportAs(SUPERVISOR, commandId);
    await new Promise((resolve) => setTimeout(resolve, 200));
    rt.clock.set('2026-12-02T02:00:05.000Z');
    const again = expectOk(await exportAs(SUPERVISOR, commandId));
    release();
    const firstAnswer = expectOk(await first);
    expect(firstAnswer.fileName).toBe(again.fileName);
    expect(exportsOf(rt)).toEqual([expect.objectContaining({ status: 'ready', version: 2 })]);
    // The late first call's file is linked by nothing: deleted.
    expect(storedFiles(rt)).toMatchObject({ upload: 2, remove: 1 });
    expect((fetchLink(firstAnswer.url) as { bytes: Buffer }).bytes).toEqual((fetchLink(again.url) as { bytes: Buffer }).bytes);
  });

  it('a build killed mid-way (the function died after recording it building) shows failed after 20 s, and its command\'s retry marks it failed with its event and links nothing', async () => {
    const commandId = newCommandId();
    // Kill the first call after its birth: the storage call never returns within the test.
    const upload = rt.files.seam.upload;
    let release: () => void = () => undefined;
    rt.files.seam.upload = () => new Promise((_resolve, reject) => (release = () => reject(new Error('killed'))));
    const killed = exportAs(SUPERVISOR, commandId);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(exportsOf(rt)).toEqual([expect.objectContaining({ status: 'building', commandId })]);
    rt.files.seam.upload = upload;
    rt.clock.advanceMinutes(1);
    expect(expectOk(await recent(SUPERVISOR)).items).toEqual([expect.objectContaining({ status: 'failed' })]);
    expect(await exportAs(SUPERVISOR, commandId)).toMatchObject({ ok: false, code: 'REPORT.EXPORT_FAILED' });
    const [stored] = exportsOf(rt);
    expect(stored).toMatchObject({ status: 'failed', fileId: null });
    expect((await eventsOf(rt, stored?._id ?? '')).map((e) => e.action)).toEqual(['start', 'fail']);
    release();
    expect(await killed).toMatchObject({ ok: false, code: 'REPORT.EXPORT_FAILED' });
    expect(exportsOf(rt)).toEqual([expect.objectContaining({ status: 'failed', fileId: null })]);
  });

  it('another property\'s manager can neither replay nor open your export: their command id is theirs, their property is theirs', async () => {
    await openProperty(rt, 'east', '东苑', { manager: 'o-east-mgr', desk: 'o-east-desk' });
    const commandId = newCommandId();
    expectOk(await exportAs(SUPERVISOR, commandId));
    expect(await exportAs('o-east-mgr', commandId)).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    const theirs = expectOk(await exportAs('o-east-mgr', commandId, { propertyId: 'east' }));
    expect(theirs.fileName).toContain('东苑');
    expect(expectOk(await recent('o-east-mgr', { propertyId: 'east' })).items).toEqual([expect.objectContaining({ commandId, status: 'ready' })]);
    expect(expectOk(await recent(SUPERVISOR)).items).toHaveLength(1);
    expect(exportsOf(rt)).toHaveLength(2);
  });

  it('a client from before exports were writes (v15–v18) sends no command id: each call is its own export, answered and recorded once', async () => {
    const old = () => callAs(rt, SUPERVISOR, reports.exportXlsx, { propertyId: PROPERTY, period: '2026-11' });
    const [a, b] = [expectOk(await old()), expectOk(await old())];
    expect(b.fileName).toBe(a.fileName);
    expect(exportsOf(rt).map((e) => e.status)).toEqual(['ready', 'ready']);
    expect(new Set(exportsOf(rt).map((e) => e.commandId)).size).toBe(2);
    // Each is opened from 最近导出 by the command the function gave it.
    const [item] = expectOk(await recent(SUPERVISOR)).items;
    expect(fetchLink(expectOk(await exportAs(SUPERVISOR, item?.commandId ?? '')).url)).toHaveProperty('bytes');
    expect(exportsOf(rt)).toHaveLength(2);
  });
});
