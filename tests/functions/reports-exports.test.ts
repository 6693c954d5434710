import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reports } from '@shared/contracts';
import { callAs, DESK_ON_SHIFT, expectOk, MANAGER, PROPERTY, startRuntime, SUPERVISOR, testClock } from './harness';
import { openProperty, staff } from './company-harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
const exportV1 = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'stored', 'export.v1.json'), 'utf8')) as Record<string, unknown>;

const NOW = '2026-12-02T02:00:00.000Z';

describe('issue 17 (2): exports can be left and picked up later', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime(testClock(NOW));
  });
  afterEach(() => rt.close());

  const recent = (openid: string, input: Record<string, unknown> = {}) => callAs(rt, openid, reports.recentExports, { propertyId: PROPERTY, ...input });
  const fetchLink = (url: string) => rt.files.serve(new URL(url, 'http://127.0.0.1').searchParams);
  const supervisorId = () => rt.engine.collection('members').all().find((m) => m.openid === SUPERVISOR)?._id as string;

  it('an export is recorded for its member and found again with its name, its period and a fresh short-lived link', async () => {
    const made = expectOk(await callAs(rt, SUPERVISOR, reports.exportXlsx, { propertyId: PROPERTY, period: '2026-11' }));
    rt.clock.advanceMinutes(60);
    const page = expectOk(await recent(SUPERVISOR));
    expect(page.total).toBe(1);
    const [item] = page.items;
    expect(item).toMatchObject({ fileName: made.fileName, period: '2026-11', status: 'ready', startedAt: NOW });
    expect(JSON.stringify(page)).not.toContain('cloud://');
    expect(fetchLink(item?.url ?? '')).toHaveProperty('bytes');
    rt.clock.advanceMinutes(11);
    expect(fetchLink(item?.url ?? '')).toEqual({ error: 'forbidden' });
    expect(fetchLink(expectOk(await recent(SUPERVISOR)).items[0]?.url ?? '')).toHaveProperty('bytes');
  });

  it('a build still marked building shows as building within the function\'s 20 s, then as failed, with no link', async () => {
    rt.engine.insertRaw('exports', [{ ...exportV1, propertyId: PROPERTY, memberId: supervisorId(), status: 'building', fileName: null, fileId: null, finishedAt: null, version: 1, startedAt: NOW }]);
    expect(expectOk(await recent(SUPERVISOR)).items).toEqual([expect.objectContaining({ status: 'building', url: null })]);
    rt.clock.set('2026-12-02T02:00:21.000Z');
    expect(expectOk(await recent(SUPERVISOR)).items).toEqual([expect.objectContaining({ status: 'failed', url: null })]);
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
    expectOk(await callAs(rt, SUPERVISOR, reports.exportXlsx, { propertyId: PROPERTY, period: '2026-11' }));
    expect(expectOk(await recent(SUPERVISOR)).total).toBe(1);
    expect(expectOk(await recent('o-sup-2'))).toEqual({ items: [], total: 0, next: null });
    expect(expectOk(await recent(MANAGER))).toEqual({ items: [], total: 0, next: null });
    expect(await recent(DESK_ON_SHIFT)).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    expect(await recent('o-east-mgr')).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    expect(expectOk(await recent('o-east-mgr', { propertyId: 'east' })).total).toBe(0);
    expect(await recent('o-stranger')).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
  });
});
