import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { callbacks } from '@shared/contracts';
import { callAs, DESK_ON_SHIFT, expectOk, expectRefusedUnchanged, expectRolledBack, newCommandId, OTHER_DESK, OTHER_PROPERTY, PROPERTY, raw, seedOtherProperty, startRuntime, SUPERVISOR as SUPERVISOR_ID, TECH_LI, testClock, tickTimers, uploadAs, WANG, watchTraces, storedEvents } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
const template = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'stored', 'repair.v3.json'), 'utf8')) as Record<string, unknown>;

/**
 * A returned (signed) work order, written straight into the store, rated by the resident with the
 * sign-off; stamped (updatedAt) when it is written, as the sign-off stamps it, unless told otherwise.
 */
const returned = (rt: Rt, id: string, completedAt: string, over: Record<string, unknown> = {}) =>
  rt.engine.insertRaw('repairs', [
    {
      ...template,
      _id: id,
      status: 'signed',
      priority: 'normal',
      residentOpenid: WANG,
      residentName: '王秀英',
      phone: '13800000101',
      completedAt,
      updatedAt: rt.clock.now().toISOString(),
      dispatchedAt: completedAt,
      signOff: { signature: 'cloud://local.local/uploads/o-tech-li/s.png', at: completedAt },
      rating: { quality: 5, attitude: 5, comment: '', at: completedAt, via: 'on_site' },
      countsFor: '2026-11',
      ...over,
    },
  ]);

const tick = (rt: Rt) =>
  tickTimers(rt) as Promise<{
    data: { callbacks: { created: number } };
  }>;

describe('R10 R13: callback tasks from returned work orders', () => {
  let rt: Rt;
  beforeEach(async () => {
    // Wednesday 2026-11-25 10:00 Shanghai; last week is Mon 11-16 to Sun 11-22.
    rt = await startRuntime(testClock('2026-11-25T02:00:00.000Z'));
  });
  afterEach(() => rt.close());

  it('R10 R13: an urgent or low-rated order returned this week gets a task at once, due in 2 days; a satisfied one waits for the weekly quota', async () => {
    returned(rt, 'rp_urgent', '2026-11-24T03:00:00.000Z', { priority: 'urgent' });
    returned(rt, 'rp_low', '2026-11-24T04:00:00.000Z', { rating: { quality: 3, attitude: 5, comment: '', at: '2026-11-24T04:00:00.000Z', via: 'on_site' } });
    returned(rt, 'rp_fine', '2026-11-24T05:00:00.000Z');
    expect((await tick(rt)).data.callbacks.created).toBe(2);
    const queue = expectOk(await callAs(rt, DESK_ON_SHIFT, callbacks.queue, { propertyId: PROPERTY })).items;
    expect(queue.map((c) => [c.subjectId, c.reason, c.dueAt])).toEqual([
      ['rp_urgent', 'urgent', '2026-11-27T02:00:00.000Z'],
      ['rp_low', 'low_rating', '2026-11-27T02:00:00.000Z'],
    ]);
    expect(queue[0]).toMatchObject({ phone: '13800000101', overdue: false });
  });

  it('R13: half of last week\'s orders (rounded up), oldest first, due by Sunday 24:00; a second run creates nothing', async () => {
    for (const [i, day] of [16, 17, 19, 22, 22].entries()) returned(rt, `rp_w${i}`, `2026-11-${day}T02:00:00.000Z`);
    returned(rt, 'rp_old', '2026-11-15T15:59:59.000Z');
    expect((await tick(rt)).data.callbacks.created).toBe(3);
    expect((await tick(rt)).data.callbacks.created).toBe(0);
    const tasks = raw<{ subject: { id: string }; reason: string; dueAt: string }>(rt, 'callbacks');
    expect(tasks.map((t) => t.subject.id).sort()).toEqual(['rp_w0', 'rp_w1', 'rp_w2']);
    expect(new Set(tasks.map((t) => t.dueAt))).toEqual(new Set(['2026-11-29T16:00:00.000Z']));
  });

  it('R7 R10: an order of last week rated 3 after its week was planned gets its task at the next run', async () => {
    for (const [i, day] of [16, 17, 19, 22, 22].entries()) returned(rt, `rp_w${i}`, `2026-11-${day}T02:00:00.000Z`);
    expect((await tick(rt)).data.callbacks.created).toBe(3);
    rt.clock.advanceMinutes(1);
    await rt.db.collection('repairs').doc('rp_w4').update({ data: { rating: { quality: 3, attitude: 4, comment: '', at: rt.clock.now().toISOString(), via: 'own_phone' }, updatedAt: rt.clock.now().toISOString() } });
    rt.clock.advanceMinutes(1);
    expect((await tick(rt)).data.callbacks.created).toBe(1);
    expect(raw<{ subject: { id: string }; reason: string }>(rt, 'callbacks').find((t) => t.subject.id === 'rp_w4')).toMatchObject({ reason: 'low_rating' });
  });

  it('R13: a sign-off of last Sunday that reaches the server this week (queued offline) counts toward last week\'s half within the hour', async () => {
    for (const [i, day] of [16, 17, 19, 22].entries()) returned(rt, `rp_w${i}`, `2026-11-${day}T02:00:00.000Z`);
    expect((await tick(rt)).data.callbacks.created).toBe(2);
    returned(rt, 'rp_late', '2026-11-22T15:00:00.000Z');
    rt.clock.advanceMinutes(30);
    expect((await tick(rt)).data.callbacks.created).toBe(0);
    rt.clock.advanceMinutes(30);
    expect((await tick(rt)).data.callbacks.created).toBe(1);
    expect(raw(rt, 'callbacks')).toHaveLength(3);
  });

  it('R10 B2: the desk records the outcome once; the task leaves the queue and the history keeps it', async () => {
    returned(rt, 'rp_urgent', '2026-11-24T03:00:00.000Z', { priority: 'urgent' });
    await tick(rt);
    const [task] = expectOk(await callAs(rt, DESK_ON_SHIFT, callbacks.queue, { propertyId: PROPERTY })).items;
    const input = { propertyId: PROPERTY, commandId: 'record-callback-1', callbackId: task!.id, version: task!.version, reached: true, satisfied: true, notes: '住户表示满意', method: 'phone' };
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, callbacks.record, input))).toMatchObject({ status: 'done', outcome: { reached: true, satisfied: true } });
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, callbacks.record, input)).status).toBe('done');
    expect(await callAs(rt, DESK_ON_SHIFT, callbacks.record, { ...input, commandId: 'record-callback-2', version: 2 })).toMatchObject({ ok: false, code: 'CALLBACK.ALREADY_DONE' });
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, callbacks.queue, { propertyId: PROPERTY })).items).toEqual([]);
    expect((await storedEvents<{ subject: { id: string }; action: string }>(rt)).filter((e) => e.subject.id === task!.id).map((e) => e.action)).toEqual(['plan', 'record']);
  });

  it('B1: a task past its due time is shown overdue', async () => {
    returned(rt, 'rp_urgent', '2026-11-24T03:00:00.000Z', { priority: 'urgent' });
    await tick(rt);
    rt.clock.set('2026-11-27T02:00:01.000Z');
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, callbacks.queue, { propertyId: PROPERTY })).items[0]?.overdue).toBe(true);
  });

  it('P1: residents and technicians have no callback queue', async () => {
    expect(await callAs(rt, WANG, callbacks.queue, { propertyId: PROPERTY })).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    expect(await callAs(rt, TECH_LI, callbacks.queue, { propertyId: PROPERTY })).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
  });
});

describe('B2 B3 B4: home visits signed, problems become complaints, the monthly report', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime(testClock('2026-11-25T02:00:00.000Z'));
  });
  afterEach(() => rt.close());

  const urgentTask = async () => {
    returned(rt, 'rp_urgent', '2026-11-24T03:00:00.000Z', { priority: 'urgent', roomId: 'demo:1-1-101' });
    await tick(rt);
    return expectOk(await callAs(rt, DESK_ON_SHIFT, callbacks.queue, { propertyId: PROPERTY })).items[0]!;
  };
  const record = (task: { id: string }, over: Record<string, unknown>) =>
    callAs(rt, DESK_ON_SHIFT, callbacks.record, { propertyId: PROPERTY, commandId: `rec-${Math.random().toString(36).slice(2, 10)}`, callbackId: task.id, version: 1, reached: true, satisfied: true, notes: '', ...over });

  it('B1, issue 16: a record reads its task once, in its transaction; a task of another property or none is CALLBACK.NOT_FOUND, rolled back, nothing written', async () => {
    const { last } = watchTraces(rt);
    const task = await urgentTask();
    await seedOtherProperty(rt);
    const input = { commandId: newCommandId(), callbackId: task.id, version: 1, reached: true, satisfied: true, notes: '', method: 'phone' };
    await expectRefusedUnchanged(rt, OTHER_DESK, callbacks.record, { ...input, propertyId: OTHER_PROPERTY }, 'CALLBACK.NOT_FOUND');
    expectRolledBack(last());
    await expectRefusedUnchanged(rt, DESK_ON_SHIFT, callbacks.record, { ...input, propertyId: PROPERTY, callbackId: 'cb_nothing_here' }, 'CALLBACK.NOT_FOUND');
    expectRolledBack(last());
    expectOk(await callAs(rt, DESK_ON_SHIFT, callbacks.record, { ...input, propertyId: PROPERTY }));
    expect(last().filter((c) => c.detail === 'callbacks' && c.kind === 'database.getDocument')).toEqual([{ wait: 2, kind: 'database.getDocument', detail: 'callbacks', inTransaction: true }]);
  });

  it('B2: a home visit that met the resident is recorded only with their signature, uploaded by the desk; a phone callback or nobody home needs none', async () => {
    const task = await urgentTask();
    expect(await record(task, { method: 'home_visit' })).toMatchObject({ ok: false, code: 'CALLBACK.SIGNATURE_REQUIRED' });
    expect(await record(task, { method: 'home_visit', signature: uploadAs(rt, WANG, 'sign.png') })).toMatchObject({ ok: false, code: 'CALLBACK.FILE_NOT_YOURS' });
    const signature = uploadAs(rt, DESK_ON_SHIFT, 'sign.png');
    const recorded = expectOk(await record(task, { method: 'home_visit', signature }));
    expect(recorded).toMatchObject({ status: 'done', outcome: { method: 'home_visit', signature: expect.stringMatching(/^\/api\/storage\/file\?/) } });
    expect(raw<{ outcome: { signature?: string } }>(rt, 'callbacks')[0]!.outcome.signature).toBe(signature);

    returned(rt, 'rp_urgent_2', '2026-11-24T05:00:00.000Z', { priority: 'urgent' });
    await tick(rt);
    const [second] = expectOk(await callAs(rt, DESK_ON_SHIFT, callbacks.queue, { propertyId: PROPERTY })).items;
    expect(expectOk(await record(second!, { method: 'home_visit', reached: false, satisfied: null }))).toMatchObject({ status: 'done', outcome: { reached: false } });
  });

  it('B3: a problem raised in a callback becomes a complaint in one step, linked to the callback, once', async () => {
    const task = await urgentTask();
    const raise = () =>
      callAs(rt, DESK_ON_SHIFT, callbacks.raiseComplaint, {
        propertyId: PROPERTY, commandId: `raise-${Math.random().toString(36).slice(2, 10)}`, callbackId: task.id, category: 'repair_quality',
        place: { scope: 'building', building: '1' }, target: '维修师傅', description: '回访时住户说水管修完又漏了', request: '重新上门维修',
      });
    const raised = expectOk(await raise());
    const [complaint] = raw<{ _id: string; channel: string; roomId: string; residentOpenid: string; apology: unknown; callRecord: { recorder: string } }>(rt, 'complaints');
    expect(complaint).toMatchObject({ _id: raised.complaintId, channel: 'phone', roomId: 'demo:1-1-101', residentOpenid: WANG, callRecord: { recorder: '陈晓' } });
    expect(complaint!.apology).not.toBeNull();
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, callbacks.queue, { propertyId: PROPERTY })).items[0]).toMatchObject({ id: task.id, complaintId: raised.complaintId });
    expect(await raise()).toMatchObject({ ok: false, code: 'CALLBACK.ALREADY_RAISED' });
    expect(raw(rt, 'complaints')).toHaveLength(1);
  });

  it('B4 R13 C7: the month\'s report counts callbacks by kind and week, checks repairs at 50 % and complaints at 100 %, and lists the top-up', async () => {
    for (const [i, day] of [16, 17, 18, 19].entries()) returned(rt, `rp_m${i}`, `2026-11-${day}T02:00:00.000Z`, { residentName: `住户${i}` });
    await tick(rt);
    const tasks = expectOk(await callAs(rt, DESK_ON_SHIFT, callbacks.queue, { propertyId: PROPERTY })).items;
    expect(tasks).toHaveLength(2);
    expectOk(await record(tasks[0]!, { method: 'phone' }));
    const report = expectOk(await callAs(rt, SUPERVISOR_ID, callbacks.figures, { propertyId: PROPERTY, month: '2026-11' }));
    expect(report.byKind.find((k) => k.kind === 'repair')).toEqual({ kind: 'repair', planned: 2, done: 1, reached: 1, satisfied: 1, rate: 0.5 });
    expect(report.weeks.map((w) => w.from.slice(0, 10))).toEqual(['2026-10-31', '2026-11-01', '2026-11-08', '2026-11-15', '2026-11-22', '2026-11-29']);
    expect(report.weeks[4]!.byKind.find((k) => k.kind === 'repair')?.planned).toBe(2);
    expect(report.repairCheck).toEqual({ returned: 4, calledBack: 1, rate: 0.25, met: false, skipped: [] });
    expect(report.complaintCheck).toEqual({ handled: 0, calledBack: 0, rate: null, met: true });
    expect(report.topUp.map((t) => t.residentName)).toEqual(['住户3']);
  });
});

describe('R13 B1: the month-end top-up and overdue callbacks', () => {
  let rt: Rt;
  afterEach(() => rt.close());

  it('R13: on the month\'s last day a month below 50 % gets top-up tasks among satisfied residents, most recent first, once', async () => {
    // Sunday 2026-11-29 and Monday 11-30 (the last day), 10:00 Shanghai.
    rt = await startRuntime(testClock('2026-11-29T02:00:00.000Z'));
    for (const [i, day] of [2, 3, 4, 5].entries()) returned(rt, `rp_n${i}`, `2026-11-0${day}T02:00:00.000Z`);
    returned(rt, 'rp_unhappy', '2026-11-06T02:00:00.000Z', { rating: { quality: 2, attitude: 5, comment: '', at: '2026-11-06T02:00:00.000Z', via: 'on_site' } });
    expect((await tick(rt)).data.callbacks.created).toBe(0);
    rt.clock.set('2026-11-30T02:00:00.000Z');
    expect((await tick(rt)).data.callbacks.created).toBe(3);
    expect((await tick(rt)).data.callbacks.created).toBe(0);
    const tasks = raw<{ subject: { id: string }; dueAt: string }>(rt, 'callbacks');
    expect(tasks.map((t) => t.subject.id).sort()).toEqual(['rp_n2', 'rp_n3', 'rp_n1'].sort());
    expect(new Set(tasks.map((t) => t.dueAt))).toEqual(new Set(['2026-11-30T16:00:00.000Z']));
  });

  it('B1: an overdue callback warns the desk, then reaches the supervisor; recording it stops the clock', async () => {
    rt = await startRuntime(testClock('2026-11-25T02:00:00.000Z'));
    returned(rt, 'rp_urgent', '2026-11-24T03:00:00.000Z', { priority: 'urgent' });
    await tick(rt);
    const [task] = expectOk(await callAs(rt, DESK_ON_SHIFT, callbacks.queue, { propertyId: PROPERTY })).items;
    // Due 48 hours after it was planned; the warning comes at 80 % of that.
    rt.clock.set('2026-11-26T16:24:00.000Z');
    await tick(rt);
    rt.clock.set('2026-11-27T02:00:00.000Z');
    await tick(rt);
    rt.clock.set('2026-11-27T03:00:00.000Z');
    await tick(rt);
    const about = raw<{ kind: string; recipient: string; subject: { id: string } }>(rt, 'outbox').filter((n) => n.subject.id === task!.id);
    expect(about.map((n) => `${n.kind}:${n.recipient}`)).toEqual(['deadline.warn:role:desk', 'deadline.breach:role:desk', 'deadline.breach:role:supervisor']);
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, callbacks.queue, { propertyId: PROPERTY })).items[0]).toMatchObject({ overdue: true });
    expectOk(
      await callAs(rt, DESK_ON_SHIFT, callbacks.record, { propertyId: PROPERTY, commandId: 'rec-overdue-1', callbackId: task!.id, version: 1, reached: true, satisfied: true, notes: '', method: 'phone' }),
    );
    // Issue 16: the recording writes no clock; the timer, which looks at an escalated clock once a day, finds the task done and marks it met, telling nobody.
    const clock = () => raw<{ rule: string; status: string }>(rt, 'deadlines').find((d) => d.rule === 'B1.callback');
    expect(clock()).toMatchObject({ status: 'open' });
    rt.clock.set('2026-11-28T03:00:00.000Z');
    await tick(rt);
    expect(clock()).toMatchObject({ status: 'met' });
    expect(raw<{ subject: { id: string } }>(rt, 'outbox').filter((n) => n.subject.id === task!.id)).toHaveLength(3);
  });
});

describe('B1 B2: routine monthly callbacks, planned per building', () => {
  let rt: Rt;
  afterEach(() => rt.close());

  it('B1: on the 1st, two households of every building get a routine callback due by the month\'s end; a second run plans nothing', async () => {
    rt = await startRuntime(testClock('2026-12-01T01:00:00.000Z'));
    expect((await tick(rt)).data.callbacks.created).toBe(4);
    expect((await tick(rt)).data.callbacks.created).toBe(0);
    const tasks = expectOk(await callAs(rt, DESK_ON_SHIFT, callbacks.queue, { propertyId: PROPERTY, kind: 'routine' })).items;
    expect(tasks).toHaveLength(4);
    expect(new Set(tasks.map((t) => t.address.split('-')[0]))).toEqual(new Set(['1', '2']));
    expect(new Set(tasks.map((t) => t.dueAt))).toEqual(new Set(['2026-12-31T16:00:00.000Z']));
    expect(tasks.every((t) => t.reason === 'routine')).toBe(true);
  });

  it('B1: a routine callback whose planning meets a passing write conflict is planned by the next run, never lost', async () => {
    rt = await startRuntime(testClock('2026-12-01T01:00:00.000Z'));
    // The first task's transaction meets a conflict on its commit and on each of runTransaction's 3 retries.
    for (let i = 0; i < 4; i++) rt.engine.failNext('database.commitTransaction', { code: 'DATABASE_TRANSACTION_CONFLICT', message: 'write conflict' });
    await tick(rt);
    await tick(rt);
    const tasks = expectOk(await callAs(rt, DESK_ON_SHIFT, callbacks.queue, { propertyId: PROPERTY, kind: 'routine' })).items;
    expect(tasks).toHaveLength(4);
  });

  it('B1: after the first days of the month nothing is planned', async () => {
    rt = await startRuntime(testClock('2026-12-04T01:00:00.000Z'));
    expect((await tick(rt)).data.callbacks.created).toBe(0);
  });
});
