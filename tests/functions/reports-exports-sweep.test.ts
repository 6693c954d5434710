import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { company } from '@shared/contracts';
import * as reports from '@shared/contracts/reports.contract';
import { EXPORT_KEPT_DAYS } from '@shared/domain/export.machine';
import { ADMIN, callAs, expectOk, MANAGER, newCommandId, PROPERTY, raw, startRuntime, SUPERVISOR, testClock, tickTimers, storedEvents } from './harness';
import { openProperty } from './company-harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
const exportV1 = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'stored', 'export.v1.json'), 'utf8')) as Record<string, unknown>;

const NOW = '2026-12-02T02:00:00.000Z';
const DAY = 24 * 60;

interface StoredExport {
  _id: string;
  propertyId: string;
  status: string;
  fileId: string | null;
  version: number;
}
interface RunData {
  exportsExpired: number;
  failed: { step: string; error: string }[];
}

const tick = async (rt: Rt): Promise<RunData> => {
  const res = (await tickTimers(rt)) as { ok: boolean; data: RunData };
  expect(res.ok).toBe(true);
  return res.data;
};
const exportsOf = (rt: Rt) => raw<StoredExport>(rt, 'exports');
const byId = (rt: Rt, id: string) => exportsOf(rt).find((e) => e._id === id);
const exportEvents = async (rt: Rt) => (await storedEvents<{ subject: { kind: string; id: string }; action: string; from: string; to: string; role: string }>(rt)).filter((e) => e.subject.kind === 'export');

/**
 * Issue 17 (2): the reports' Excel files are kept EXPORT_KEPT_DAYS (7); the timer then deletes each
 * file from storage and marks its export expired through the export machine, reading only what is due.
 */
describe(`issue 17 (2): exports and their files are kept ${EXPORT_KEPT_DAYS} days`, () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime(testClock(NOW));
  });
  afterEach(() => rt.close());

  const exportAs = async (openid: string, input: Record<string, unknown> = {}) => {
    const answer = await callAs(rt, openid, reports.exportXlsx, { propertyId: PROPERTY, period: '2026-11', commandId: newCommandId(), ...input });
    const made = exportsOf(rt).at(-1) as StoredExport;
    return { answer, made };
  };
  const stored = async (fileId: string | null) => (fileId ? rt.files.seam.download(fileId) : null);

  it('deletes the files of the exports past their days and marks them expired with their events; nothing younger, nothing else; run again it does nothing', async () => {
    const old = await exportAs(SUPERVISOR);
    expectOk(old.answer);
    const upload = rt.files.seam.upload;
    rt.files.seam.upload = () => Promise.reject(new Error('storage: request timed out'));
    const failed = await exportAs(MANAGER);
    rt.files.seam.upload = upload;
    expect(failed.answer).toMatchObject({ ok: false, code: 'REPORT.EXPORT_FAILED' });
    rt.clock.advanceMinutes(2 * DAY);
    const young = await exportAs(MANAGER);
    expectOk(young.answer);
    const oldFile = byId(rt, old.made._id)?.fileId ?? null;
    const youngFile = byId(rt, young.made._id)?.fileId ?? null;
    expect(await stored(oldFile)).toBeInstanceOf(Buffer);

    // Just short of 7 days: nothing is due yet.
    rt.clock.set(new Date(Date.parse(NOW) + EXPORT_KEPT_DAYS * DAY * 60_000 - 60_000).toISOString());
    expect((await tick(rt)).exportsExpired).toBe(0);
    expect(exportsOf(rt).map((e) => e.status).sort()).toEqual(['failed', 'ready', 'ready']);

    rt.clock.advanceMinutes(2);
    const run = await tick(rt);
    expect(run).toMatchObject({ exportsExpired: 2, failed: [] });
    expect(byId(rt, old.made._id)).toMatchObject({ status: 'expired', fileId: null, version: 3 });
    expect(byId(rt, failed.made._id)).toMatchObject({ status: 'expired', fileId: null, version: 3 });
    expect(await stored(oldFile)).toBeNull();
    expect(byId(rt, young.made._id)).toMatchObject({ status: 'ready', version: 2 });
    expect(await stored(youngFile)).toBeInstanceOf(Buffer);
    expect((await exportEvents(rt)).filter((e) => e.action === 'expire').map((e) => [e.subject.id, e.from, e.to, e.role]).sort()).toEqual(
      [
        [old.made._id, 'ready', 'expired', 'system'],
        [failed.made._id, 'failed', 'expired', 'system'],
      ].sort(),
    );

    const before = { exports: exportsOf(rt), events: (await exportEvents(rt)), removes: rt.files.calls.remove };
    rt.clock.advanceMinutes(1);
    expect((await tick(rt)).exportsExpired).toBe(0);
    expect({ exports: exportsOf(rt), events: (await exportEvents(rt)), removes: rt.files.calls.remove }).toEqual(before);

    // The list shows the last 7 days only: the young one, still openable by its command.
    expect(expectOk(await callAs(rt, MANAGER, reports.recentExports, { propertyId: PROPERTY })).items.map((e) => e.exportId)).toEqual([young.made._id]);
  });

  it('reads only the exports due: settled history, expired or young, adds nothing to what a run reads', async () => {
    const memberId = rt.engine.collection('members').all().find((m) => m.openid === SUPERVISOR)?._id as string;
    const history = (from: number, count: number, over: Record<string, unknown>) =>
      Array.from({ length: count }, (_x, i) => ({ ...exportV1, _id: `ex_h${from + i}`, propertyId: PROPERTY, memberId, ...over }));
    const readsOfNextRun = async () => {
      rt.clock.advanceMinutes(1);
      rt.engine.stats.reset();
      await tick(rt);
      return rt.engine.stats.documentsRead;
    };
    await readsOfNextRun();
    const few = await readsOfNextRun();
    rt.engine.insertRaw('exports', [
      ...history(0, 300, { status: 'expired', fileId: null, version: 3, startedAt: '2026-11-01T02:00:00.000Z' }),
      ...history(300, 300, { startedAt: rt.clock.now().toISOString() }),
    ]);
    expect(await readsOfNextRun()).toBe(few);
  });

  it('a closed property\'s exports are left as they are (the timer only reads a closed property), and a file already gone is no failure', async () => {
    await openProperty(rt, 'east', '东苑', { manager: 'o-east-mgr', desk: 'o-east-desk' });
    const east = await exportAs('o-east-mgr', { propertyId: 'east' });
    expectOk(east.answer);
    const mine = await exportAs(SUPERVISOR);
    expectOk(mine.answer);
    expectOk(await callAs(rt, ADMIN, company.deactivateProperty, { propertyId: 'east', commandId: newCommandId(), reason: '合同到期' }));
    await rt.files.seam.remove([byId(rt, mine.made._id)?.fileId ?? '']);
    rt.clock.advanceMinutes(EXPORT_KEPT_DAYS * DAY + 1);
    expect(await tick(rt)).toMatchObject({ exportsExpired: 1, failed: [] });
    expect(byId(rt, mine.made._id)).toMatchObject({ status: 'expired', fileId: null });
    expect(byId(rt, east.made._id)).toMatchObject({ status: 'ready' });
    expect(await stored(byId(rt, east.made._id)?.fileId ?? null)).toBeInstanceOf(Buffer);
  });
});
