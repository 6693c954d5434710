import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { complaints } from '@shared/contracts';
import * as reports from '@shared/contracts/reports.contract';
import { networkDown, ADMIN, callAs, DESK_ON_SHIFT, expectOk, MANAGER, PROPERTY, snapshot, startRuntime, SUPERVISOR } from './harness';
import { recordCalls } from './call-journeys';
import { openProperty } from './company-harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'stored', name), 'utf8')) as Record<string, unknown>;

/** The waits of each successful call of `key` made since `calls` began recording. */
const waitsOf = (calls: ReturnType<typeof recordCalls>, key: string) => (calls.get(key) ?? []).map((c) => c.calls.sequential);

/**
 * Issue 16: each read within two sequential waits, authorised before anything read is answered.
 * These drive the reads past the sizes the journeys reach: more ids than one `in` query takes.
 */
describe('issue 16: C8 figures within two waits', () => {
  let rt: Rt;
  const HANDLED = 150;
  beforeEach(async () => {
    rt = await startRuntime();
    // 150 handled complaints of November, each called back (C7), and one not yet handled: the callbacks take two `in` queries of 100.
    const base = fixture('complaint.v1.json');
    const ids = Array.from({ length: HANDLED + 1 }, (_x, i) => `cp_wait${String(i).padStart(3, '0')}`);
    rt.engine.insertRaw('complaints', ids.map((id, i) => ({
      ...base,
      _id: id,
      registerDate: '2026-11-20',
      createdAt: '2026-11-20T02:00:00.000Z',
      dueAt: null,
      ...(i < HANDLED ? { status: 'resolved', resolvedAt: '2026-11-21T02:00:00.000Z' } : {}),
    })));
    const callback = fixture('callback.v2.json');
    rt.engine.insertRaw('callbacks', ids.slice(0, HANDLED).map((id) => ({
      ...callback,
      _id: `cb_${id}`,
      kind: 'complaint',
      reason: 'complaint',
      subject: { kind: 'complaint', id },
      status: 'done',
      outcome: { reached: true, satisfied: true, notes: '', method: 'phone', at: '2026-11-22T02:00:00.000Z', by: '陈晓' },
    })));
  });
  afterEach(() => rt.close());

  it('C8 C7: the month\'s complaints come with the membership, then their groups and every chunk of callbacks together: two waits for 151 complaints', async () => {
    const calls = recordCalls(rt);
    const month = expectOk(await callAs(rt, SUPERVISOR, complaints.figures, { propertyId: PROPERTY, period: '2026-11' }));
    expect(month.total).toMatchObject({ total: HANDLED + 1, handled: HANDLED, onTime: HANDLED, calledBack: HANDLED, callbackRate: 1 });
    expect(waitsOf(calls, 'complaints.figures')).toEqual([2]);
  });

  it('C8: the desk and another property\'s member get their refusal, never the figures read with the membership, and nothing is written', async () => {
    await openProperty(rt, 'east', '东苑', { manager: 'o-east-mgr', desk: 'o-east-desk' });
    const before = await snapshot(rt);
    const input = { propertyId: PROPERTY, period: '2026-11' };
    expect(await callAs(rt, DESK_ON_SHIFT, complaints.figures, input)).toEqual({ ok: false, code: 'COMMON.FORBIDDEN', message: expect.any(String) });
    expect(await callAs(rt, 'o-east-mgr', complaints.figures, input)).toEqual({ ok: false, code: 'COMMON.NOT_A_MEMBER', message: expect.any(String) });
    rt.engine.failNext('database.getDocument', networkDown, { collection: 'complaints' });
    expect(await callAs(rt, DESK_ON_SHIFT, complaints.figures, input)).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    rt.engine.failNext('database.getDocument', networkDown, { collection: 'complaints' });
    expect(await callAs(rt, SUPERVISOR, complaints.figures, input)).toMatchObject({ ok: false, code: 'COMMON.INTERNAL' });
    expect(await snapshot(rt)).toEqual(before);
  });
});

describe('issue 16: the administrator\'s comparison within two waits', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
    await openProperty(rt, 'east', '东苑', { manager: 'o-east-mgr', desk: 'o-east-desk' });
    await openProperty(rt, 'west', '西苑', { manager: 'o-west-mgr', desk: 'o-west-desk' });
  });
  afterEach(() => rt.close());

  it('issue 14 (3): the page of properties comes with the company membership, then every property\'s figures side by side', async () => {
    const calls = recordCalls(rt);
    const page = expectOk(await callAs(rt, ADMIN, reports.compare, { period: '2026-11' }));
    expect(page.items.map((p) => p.propertyId).sort()).toEqual(['demo', 'east', 'west']);
    expect(page.total).toBe(3);
    expect(waitsOf(calls, 'reports.compare')).toEqual([2]);
    // The next page, by the cursor, costs the same.
    const first = expectOk(await callAs(rt, ADMIN, reports.compare, { period: '2026-11', limit: 2 }));
    expect(first.items).toHaveLength(2);
    const rest = expectOk(await callAs(rt, ADMIN, reports.compare, { period: '2026-11', limit: 2, cursor: first.next }));
    expect(rest.items.map((p) => p.propertyId)).toEqual(page.items.slice(2).map((p) => p.propertyId));
    expect(waitsOf(calls, 'reports.compare')).toEqual([2, 2, 2]);
  });

  it('issue 14 (3): a property\'s manager gets no member\'s refusal, whatever the page read with the membership found or however it failed', async () => {
    const before = await snapshot(rt);
    expect(await callAs(rt, MANAGER, reports.compare, { period: '2026-11' })).toEqual({ ok: false, code: 'COMMON.NOT_A_MEMBER', message: expect.any(String) });
    rt.engine.failNext('database.getDocument', networkDown, { collection: 'properties' });
    expect(await callAs(rt, MANAGER, reports.compare, { period: '2026-11' })).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    rt.engine.failNext('database.getDocument', networkDown, { collection: 'properties' });
    expect(await callAs(rt, ADMIN, reports.compare, { period: '2026-11' })).toMatchObject({ ok: false, code: 'COMMON.INTERNAL' });
    expect(await callAs(rt, ADMIN, reports.compare, { period: '2026-11', cursor: 'not-a-cursor' })).toMatchObject({ ok: false, code: 'COMMON.BAD_CURSOR' });
    expect(await snapshot(rt)).toEqual(before);
  });
});
