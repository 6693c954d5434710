/**
 * Issue 12 (3.8): the timer never stops. A malformed stored document is planted (around the SDK, as
 * bad data or an old bug would leave it) in each collection a sweep reads; the timer event still runs
 * every other sweep and every other property, the document is quarantined with its reason and not read
 * again, and the health page names it and the step that failed. Overlapping runs never abort each other.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repairs, session } from '@shared/contracts';
import { registersDue } from '@shared/domain/complaint-register.rules';
import { repairModel } from '@shared/model/repair.model';
import { TIMER_FUNCTIONS, TimerStep } from '@shared/model/environment.model';
import { areaTimerSteps } from '@shared/areas';
import { registerIdOf } from '../../cloudfunctions/complaints/complaints.repo';
import { RUN_BUDGET_MS } from '../../cloudfunctions/reminders/handle';
import type { TimersRun } from '../../local/timers';
import { callAs, DESK_ON_SHIFT, expectOk, memberIdOf, MORNING, PROPERTY, raw, repairInput, startRuntime, SUPERVISOR, TECH_LI, testClock, tickTimers, WANG } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
type Doc = Record<string, unknown>;

const EAST = 'east';
/** Tuesday 2026-12-01 10:00 Shanghai: the routine callbacks of the month are planned (B1). */
const MONTH_START = '2026-12-01T02:00:00.000Z';

const tick = async (rt: Rt): Promise<TimersRun> => {
  const res = await tickTimers(rt);
  if (!res.ok) throw new Error(`the timers refused: ${res.code}`);
  return res.data;
};

const health = async (rt: Rt) => expectOk(await callAs(rt, SUPERVISOR, session.health, { propertyId: PROPERTY }));
const minutesAgo = (rt: Rt, m: number) => new Date(rt.clock.now().getTime() - m * 60_000).toISOString();

/** A current repair signed an hour ago, urgent, so R10 owes its callback this week. */
const signedRepair = (id: string, propertyId: string, completedAt: string): Doc => {
  const fixture = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'stored', 'repair.v4.json'), 'utf8')) as Doc;
  return repairModel.parse({ ...fixture, _id: id, propertyId, roomId: `${propertyId}:1-1-101`, status: 'signed', completedAt, updatedAt: completedAt });
};

/**
 * Work for every sweep, in two properties: an urgent order whose acknowledgement deadline warns at
 * 12 minutes, its WeCom notice left pending by a robot that refused at first, a second property
 * (东苑) whose registers are due too, and a signed urgent order in each property owing a callback.
 */
const world = async (start = MORNING) => {
  const rt = await startRuntime(testClock(start));
  const post = rt.deps.postWebhook;
  rt.deps.postWebhook = () => Promise.reject(new Error('robot unreachable'));
  const filed = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ description: '水管爆了' })));
  rt.deps.postWebhook = post;
  expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.dispatch, { propertyId: PROPERTY, commandId: `iso-dispatch-${filed.id}`, repairId: filed.id, version: 1, technicianId: memberIdOf(TECH_LI) }));
  rt.engine.insertRaw('properties', [{ _id: EAST, propertyId: EAST, schemaVersion: 1, name: '东苑', deskPhone: '021-55551111' }]);
  const signedAt = minutesAgo(rt, 60);
  rt.engine.insertRaw('repairs', [signedRepair('rp_signed_demo', PROPERTY, signedAt), signedRepair('rp_signed_east', EAST, signedAt)]);
  rt.clock.advanceMinutes(12);
  return rt;
};

const flaggedRegisters = (rt: Rt, propertyId: string) => raw<{ propertyId: string; date: string; flaggedAt: string | null }>(rt, 'complaintRegisters').filter((r) => r.propertyId === propertyId && r.flaggedAt);
const callbacksOf = (rt: Rt, propertyId: string) => raw<{ propertyId: string; subject: { id: string } }>(rt, 'callbacks').filter((c) => c.propertyId === propertyId);

interface Plant {
  collection: string;
  step: TimerStep;
  at?: string;
  doc: (rt: Rt) => Doc;
}

const PLANTS: Plant[] = [
  { collection: 'deadlines', step: 'deadlines', doc: (rt) => ({ _id: 'dl_broken', propertyId: PROPERTY, schemaVersion: 2, status: 'open', nextCheckAt: minutesAgo(rt, 1), rule: 42 }) },
  { collection: 'outbox', step: 'outbox', doc: (rt) => ({ _id: 'ob_broken', propertyId: PROPERTY, schemaVersion: 2, status: 'pending', nextAttemptAt: minutesAgo(rt, 1), attempts: 'twice' }) },
  { collection: 'complaints', step: 'complaintUpgrade', doc: (rt) => ({ _id: 'cp_broken', propertyId: PROPERTY, schemaVersion: 3, status: 'handling', upgradeAt: minutesAgo(rt, 1) }) },
  { collection: 'repairs', step: 'upgrades', doc: () => ({ _id: 'rp_old_broken', propertyId: PROPERTY, schemaVersion: 3, status: 'pending', description: 12 }) },
  { collection: 'complaintGroups', step: 'groups', doc: () => ({ _id: 'cg_broken', propertyId: PROPERTY, status: 'resolved', settledAt: null }) },
  { collection: 'complaintRegisters', step: 'registers', doc: (rt) => ({ _id: registerIdOf(PROPERTY, registersDue(rt.clock.now(), 2)[0] ?? ''), propertyId: PROPERTY, date: 20261122 }) },
  { collection: 'contentChecks', step: 'contentChecks', doc: (rt) => ({ _id: 'cc_broken', propertyId: PROPERTY, schemaVersion: 1, status: 'queued', nextAttemptAt: minutesAgo(rt, 1), attempts: 'many' }) },
  { collection: 'keyLoans', step: 'keys', doc: (rt) => ({ _id: 'kl_broken', propertyId: PROPERTY, status: 'lent', escalatedAt: null, dueBackAt: minutesAgo(rt, 1) }) },
  { collection: 'roomImports', step: 'imports', doc: (rt) => ({ _id: 'ri_broken', propertyId: PROPERTY, status: 'writing', updatedAt: minutesAgo(rt, 5) }) },
  { collection: 'repairs', step: 'repairCallbacks', doc: (rt) => ({ _id: 'rp_broken', propertyId: PROPERTY, status: 'signed', completedAt: minutesAgo(rt, 30), updatedAt: minutesAgo(rt, 30) }) },
  { collection: 'callbacks', step: 'repairCallbacks', doc: () => ({ _id: 'cb_broken', propertyId: PROPERTY, kind: 'repair', subject: { kind: 'repair', id: 'rp_signed_demo' }, status: 'sideways' }) },
  // Issue 16: a tick runs the areas' timer first (TIMER_TICK_ORDER), whose sweeps read the settings and the properties before the platform's steps do.
  { collection: 'settings', step: 'handovers', doc: () => ({ _id: PROPERTY, propertyId: PROPERTY, schemaVersion: 4, shifts: 'all day' }) },
  { collection: 'properties', step: 'complaintUpgrade', doc: () => ({ _id: 'broken', name: 7 }) },
  { collection: 'environment', step: 'heartbeat', doc: () => ({ _id: 'heartbeat', schemaVersion: 2, lastRunAt: 'yesterday', alarmedFor: null, failedSteps: [] }) },
  { collection: 'members', step: 'routineCallbacks', at: MONTH_START, doc: () => ({ _id: 'mb_broken', propertyId: PROPERTY, role: 'resident', status: 'active', name: 5, roomIds: ['demo:1-1-101'] }) },
];

describe('issue 12 (3.8): the timer never stops', () => {
  let rt: Rt;
  afterEach(() => rt?.close());

  it.each(PLANTS)('a malformed document in $collection is quarantined by $step; every other sweep and property still runs', async (plant) => {
    rt = await world(plant.at);
    const doc = plant.doc(rt);
    await rt.db.collection(plant.collection).doc(String(doc._id)).remove();
    rt.engine.insertRaw(plant.collection, [doc]);

    const first = await tick(rt);

    expect(first.failed).toEqual([{ step: plant.step, error: expect.stringContaining(`quarantined ${plant.collection}/${String(doc._id)}`) }]);
    expect(first.quarantined).toBe(1);
    expect(raw<Doc>(rt, plant.collection)).not.toContainEqual(doc);
    expect(raw(rt, 'quarantine')).toEqual([
      expect.objectContaining({ collection: plant.collection, docId: doc._id, foundBy: plant.step, reason: expect.stringMatching(/\S/), document: expect.any(String) }),
    ]);
    expect(JSON.parse(raw<{ document: string }>(rt, 'quarantine')[0]?.document ?? '{}')).toEqual(expect.objectContaining(doc));
    // R4: the urgent order's acknowledgement warning went out, and the outbox was drained: the WeCom notice the robot refused
    // at first was tried again (and sent, unless its property's settings, robot address included, were what was quarantined).
    expect(first.deadlines.warned).toBe(1);
    expect(first.outbox).not.toEqual({ sent: 0, retried: 0, dead: 0, unsent: 0 });
    expect(raw<{ status: string; nextAttemptAt: string }>(rt, 'outbox').filter((n) => n.status === 'pending' && n.nextAttemptAt <= rt.clock.now().toISOString())).toEqual([]);
    // C6 and R10 in the other property, whatever broke in this one.
    expect(flaggedRegisters(rt, EAST).length).toBeGreaterThan(0);
    expect(callbacksOf(rt, EAST).map((c) => c.subject.id)).toEqual(['rp_signed_east']);

    const seen = await health(rt);
    expect(seen.timer).toMatchObject({ lastRunAt: rt.clock.now().toISOString(), stale: false, failedSteps: [plant.step] });
    expect(seen.quarantine).toEqual({ count: 1, items: [expect.objectContaining({ collection: plant.collection, foundBy: plant.step, reason: expect.stringMatching(/\S/) })] });

    rt.clock.advanceMinutes(1);
    const next = await tick(rt);
    expect(next).toMatchObject({ failed: [], quarantined: 0 });
    expect(raw(rt, 'quarantine')).toHaveLength(1);
    expect((await health(rt)).timer.failedSteps).toEqual([]);
  });

  it('each property is a unit of its own: a malformed register of one day leaves its other days and the other property flagged', async () => {
    rt = await world();
    const dates = registersDue(rt.clock.now(), 2);
    const [broken, ...others] = dates;
    rt.engine.insertRaw('complaintRegisters', [{ _id: registerIdOf(PROPERTY, broken ?? ''), propertyId: PROPERTY, date: 1 }]);

    expect((await tick(rt)).complaints.registersFlagged).toBe(dates.length + others.length);
    expect(flaggedRegisters(rt, PROPERTY).map((r) => r.date)).toEqual(others);
    expect(flaggedRegisters(rt, EAST)).toHaveLength(dates.length);
  });

  it('a document written by newer code (a schema version this code does not know) is left where it is, and the step says so', async () => {
    rt = await world();
    rt.engine.insertRaw('deadlines', [{ _id: 'dl_future', propertyId: PROPERTY, schemaVersion: 99, status: 'open', nextCheckAt: minutesAgo(rt, 1) }]);

    const run = await tick(rt);

    expect(run.failed).toEqual([{ step: 'deadlines', error: expect.stringContaining('deadlines/dl_future: written by newer code') }]);
    expect(run.deadlines.warned).toBe(1);
    expect(raw<Doc>(rt, 'deadlines').some((d) => d._id === 'dl_future')).toBe(true);
    expect(raw(rt, 'quarantine')).toEqual([]);
  });

  it.each(TIMER_FUNCTIONS)('the heartbeat is written last, with the run\'s outcome: a %s run that overran its budget leaves the rest for the next minute (the outbox is still drained)', async (fn) => {
    rt = await world();
    await tick(rt);
    rt.clock.advanceMinutes(10);
    const filed = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ description: '电梯困人' })));
    const post = rt.deps.postWebhook;
    // The gap alarm's robot answers slowly: the run's clock passes its budget during the first step.
    rt.deps.postWebhook = async (url, body) => {
      rt.clock.advanceMinutes((RUN_BUDGET_MS + 1_000) / 60_000);
      await post(url, body);
    };
    rt.engine.insertRaw('outbox', [{ ...raw<Doc>(rt, 'outbox').find((n) => n.channel === 'wecom' && (n.subject as { id: string }).id === filed.id), _id: 'ob_due', status: 'pending', attempts: 1, nextAttemptAt: minutesAgo(rt, 1) }]);

    // This timer alone runs first after the gap: it alarms it (issue 16: the first timer to run alarms every timer's gap).
    const run = (await rt.invoke(fn, { Type: 'Timer', TriggerName: 'every-minute', Time: rt.clock.now().toISOString() }, { openid: '' })) as { data: TimersRun };

    expect(run.data.heartbeat.gapAlarmed).toBe(true);
    // The timer's own steps (TimerStep lists the platform's, then the areas'): every one but the heartbeat and the outbox was not started.
    const own = fn === 'reminders' ? TimerStep.options.filter((step) => !(areaTimerSteps as string[]).includes(step)) : areaTimerSteps;
    const skipped = own.filter((step) => step !== 'heartbeat' && step !== 'outbox');
    expect(run.data.failed.map((f) => f.step).sort()).toEqual([...skipped].sort());
    expect(run.data.failed[0]?.error).toBe('not started: the run was out of time');
    expect((await health(rt)).timer.failedSteps).toHaveLength(skipped.length);

    rt.deps.postWebhook = post;
    rt.clock.advanceMinutes(1);
    const next = await tick(rt);
    expect(next.heartbeat.gapAlarmed).toBe(false);
    expect(next.failed).toEqual([]);
    expect(raw<Doc>(rt, 'outbox').find((n) => n._id === 'ob_due')).toMatchObject({ status: 'sent' });
  });

  it('an overrun run of the platform\'s timer still drains the outbox', async () => {
    rt = await world();
    await tick(rt);
    const filed = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ description: '电梯困人' })));
    rt.engine.insertRaw('outbox', [{ ...raw<Doc>(rt, 'outbox').find((n) => n.channel === 'wecom' && (n.subject as { id: string }).id === filed.id), _id: 'ob_due', status: 'pending', attempts: 1, nextAttemptAt: minutesAgo(rt, 1) }]);
    // The first step (the journals' fan-out) takes the whole budget.
    const now = rt.deps.now;
    let calls = 0;
    rt.deps.now = () => (calls++ === 0 ? now() : new Date(now().getTime() + RUN_BUDGET_MS + 1_000));

    const run = (await rt.invoke('reminders', { Type: 'Timer', TriggerName: 'every-minute', Time: rt.clock.now().toISOString() }, { openid: '' })) as { data: TimersRun };

    rt.deps.now = now;
    expect(run.data.failed.map((f) => f.step)).toContain('journal');
    expect(run.data.failed.map((f) => f.step)).not.toContain('outbox');
    expect(raw<Doc>(rt, 'outbox').find((n) => n._id === 'ob_due')).toMatchObject({ status: 'sent' });
  });

  it('a run\'s budget leaves a third of the function\'s timeout (the manifest\'s) for the outbox and the heartbeat', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'cloudfunctions', 'manifest.json'), 'utf8')) as { functions: Record<string, { timeout: number }> };
    for (const fn of TIMER_FUNCTIONS) expect(RUN_BUDGET_MS).toBeLessThanOrEqual(((manifest.functions[fn]?.timeout ?? 0) * 1000 * 2) / 3);
  });

  it('two overlapping runs both finish without an error, and each notice is queued once', async () => {
    rt = await world();

    const [a, b] = await Promise.all([tick(rt), tick(rt)]);

    expect([a.failed, b.failed]).toEqual([[], []]);
    expect(a.deadlines.warned + b.deadlines.warned).toBe(1);
    const registers = registersDue(rt.clock.now(), 2).length * 2;
    expect(a.complaints.registersFlagged + b.complaints.registersFlagged).toBe(registers);
    expect(raw<{ kind: string }>(rt, 'outbox').filter((n) => n.kind === 'register.unsigned')).toHaveLength(registers * 2);
    expect(callbacksOf(rt, PROPERTY)).toHaveLength(1);
  });
});
