import { company, imports, members, session, visits } from '@shared/contracts';
import { roomImportModel } from '@shared/model/room-import.model';
import { networkDown, ADMIN, callAs, DESK_ON_SHIFT, expectOk, MANAGER, memberIdOf, newCommandId, PROPERTY, raw, snapshot, startRuntime, TECH_LI, WANG, WANG_ROOM, seedOtherProperty, OTHER_DESK, storedEvents } from './harness';
import { recordCalls } from './call-journeys';

type Rt = Awaited<ReturnType<typeof startRuntime>>;


/** A second property with a desk of its own: a member, but not of ours. */

/** The sequential waits of each successful call of `key` since `calls` started recording. */
const waitsOf = (calls: ReturnType<typeof recordCalls>, key: string) => (calls.get(key) ?? []).map((c) => c.calls.sequential);

/**
 * Issue 16: the reads that were over two waits. What they need of their input and of the caller's own
 * OPENID goes out with the router's membership read (`withPrefetch`); what they found reaches them only
 * once the caller is authorised, and memberships are read on every call, never remembered.
 */
describe('issue 16: session.context within two waits', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
    await seedOtherProperty(rt);
  });
  afterEach(() => rt.close());

  it('the settings and the caller\'s memberships go with the membership read; rooms, places and subscribe stock in the second wait', async () => {
    const calls = recordCalls(rt);
    const resident = expectOk(await callAs(rt, WANG, session.context, { propertyId: PROPERTY }));
    expect(resident).toMatchObject({ role: 'resident', property: { propertyId: PROPERTY, name: '阳光花园', deskPhone: '021-55550000', active: true }, rooms: [{ roomId: WANG_ROOM }] });
    expect(resident.memberships).toEqual([expect.objectContaining({ propertyId: PROPERTY, propertyName: '阳光花园', memberId: memberIdOf(WANG), active: true })]);
    expect(JSON.stringify(resident)).not.toContain(WANG);
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, session.context, { propertyId: PROPERTY })).onShift).toBe(true);
    expect(waitsOf(calls, 'session.context')).toEqual([2, 2]);
  });

  it('the company\'s administrator enters the company in two waits too, named by the company', async () => {
    const calls = recordCalls(rt);
    const admin = expectOk(await callAs(rt, ADMIN, session.context, { propertyId: '_company' }));
    expect(admin).toMatchObject({ role: 'admin', property: { propertyId: '_company', deskPhone: '' } });
    expect(admin.property.name).toBe(admin.memberships?.find((m) => m.propertyId === '_company')?.propertyName);
    expect(admin.property.name).not.toBe('');
    expect(waitsOf(calls, 'session.context')).toEqual([2]);
  });

  it('a deactivation takes effect at the very next call of a warm instance: the memberships read early are never remembered', async () => {
    expectOk(await callAs(rt, WANG, session.context, { propertyId: PROPERTY }));
    expectOk(await callAs(rt, MANAGER, members.deactivate, { propertyId: PROPERTY, commandId: newCommandId(), memberId: memberIdOf(WANG), reason: '搬离' }));
    expect(await callAs(rt, WANG, session.context, { propertyId: PROPERTY })).toEqual({ ok: false, code: 'COMMON.NOT_A_MEMBER', message: expect.any(String) });
    expect(expectOk(await callAs(rt, WANG, session.me, {})).memberships).toEqual([]);
  });

  it('a stranger and another property\'s desk get NOT_A_MEMBER, whatever their own memberships read early found', async () => {
    for (const openid of ['o-stranger', OTHER_DESK]) {
      expect(await callAs(rt, openid, session.context, { propertyId: PROPERTY })).toEqual({ ok: false, code: 'COMMON.NOT_A_MEMBER', message: expect.any(String) });
    }
    expect(expectOk(await callAs(rt, OTHER_DESK, session.context, { propertyId: 'other' })).memberships?.map((m) => m.propertyId)).toEqual(['other']);
  });

  it('when an early read fails, a refused caller still gets the refusal; only an authorised one hears of the failure', async () => {
    for (const openid of ['o-stranger', OTHER_DESK]) {
      rt.engine.failNext('database.getDocument', networkDown, { collection: 'settings' });
      expect(await callAs(rt, openid, session.context, { propertyId: PROPERTY })).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    }
    rt.engine.failNext('database.getDocument', networkDown, { collection: 'settings' });
    expect(await callAs(rt, WANG, session.context, { propertyId: PROPERTY })).toMatchObject({ ok: false, code: 'COMMON.INTERNAL' });
    expect(expectOk(await callAs(rt, WANG, session.context, { propertyId: PROPERTY })).rooms).toEqual([{ roomId: WANG_ROOM, label: expect.any(String) }]);
  });
});

describe('issue 16: members.properties within two waits', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
    await seedOtherProperty(rt);
  });
  afterEach(() => rt.close());

  it('the page of properties goes with the administrator\'s membership; every property\'s health side by side in the second wait', async () => {
    const calls = recordCalls(rt);
    const listed = expectOk(await callAs(rt, ADMIN, company.properties, {}));
    expect(listed.items.map((p) => p.propertyId).sort()).toEqual([PROPERTY, 'other']);
    expect(listed.total).toBe(2);
    expect(listed.items.find((p) => p.propertyId === PROPERTY)?.managers).toEqual([{ memberId: memberIdOf(MANAGER), name: expect.any(String) }]);
    expect(waitsOf(calls, 'members.properties')).toEqual([2]);
  });

  it('a property\'s manager and a resident get NOT_A_MEMBER for the company\'s list, whatever the page read early found or however it failed', async () => {
    for (const openid of [MANAGER, WANG, OTHER_DESK]) {
      expect(await callAs(rt, openid, company.properties, {})).toEqual({ ok: false, code: 'COMMON.NOT_A_MEMBER', message: expect.any(String) });
      expect(await callAs(rt, openid, company.properties, { cursor: 'not-a-cursor' })).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
      rt.engine.failNext('database.getDocument', networkDown, { collection: 'properties' });
      expect(await callAs(rt, openid, company.properties, {})).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    }
    expect(await callAs(rt, ADMIN, company.properties, { cursor: 'not-a-cursor' })).toMatchObject({ ok: false, code: 'COMMON.BAD_CURSOR' });
    rt.engine.failNext('database.getDocument', networkDown, { collection: 'properties' });
    expect(await callAs(rt, ADMIN, company.properties, {})).toMatchObject({ ok: false, code: 'COMMON.INTERNAL' });
    expect(expectOk(await callAs(rt, ADMIN, company.properties, {})).total).toBe(2);
  });
});

describe('issue 16: members.revealBindingPhone within two waits (P1)', () => {
  const APPLICANT = 'o-new-xu';
  const PHONE = '13800001020';
  let rt: Rt;
  let bindingId: string;
  const readings = async () => (await storedEvents<{ subject: { id: string }; action: string; actor: string }>(rt)).filter((e) => e.subject.id === bindingId && e.action === 'revealPhone');
  const reveal = (openid: string, propertyId = PROPERTY) => callAs(rt, openid, members.revealBindingPhone, { propertyId, bindingId });
  beforeEach(async () => {
    rt = await startRuntime();
    await seedOtherProperty(rt);
    bindingId = expectOk(
      await callAs(rt, APPLICANT, members.requestBinding, { propertyId: PROPERTY, commandId: newCommandId(), roomId: 'demo:1-1-102', name: '孙丽', relation: 'tenant', phone: PHONE }),
    ).id;
  });
  afterEach(() => rt.close());

  it('the request is read with the membership, the reading recorded in the second wait, then the number answered', async () => {
    const calls = recordCalls(rt);
    expect(expectOk(await reveal(DESK_ON_SHIFT))).toEqual({ phone: PHONE });
    expect((await readings())).toEqual([expect.objectContaining({ actor: DESK_ON_SHIFT })]);
    expect(waitsOf(calls, 'members.revealBindingPhone')).toEqual([2]);
  });

  it('no reading recorded, no number answered: a call whose record fails answers COMMON.INTERNAL', async () => {
    rt.engine.failNext('database.modifyDocument', networkDown, { collection: 'events' });
    expect(await reveal(DESK_ON_SHIFT)).toEqual({ ok: false, code: 'COMMON.INTERNAL', message: expect.any(String) });
    expect((await readings())).toEqual([]);
  });

  it('a technician, a stranger and another property\'s desk get their refusal, never the number, and no reading is recorded', async () => {
    const before = await snapshot(rt);
    expect(await reveal(TECH_LI)).toEqual({ ok: false, code: 'COMMON.FORBIDDEN', message: expect.any(String) });
    expect(await reveal('o-stranger')).toEqual({ ok: false, code: 'COMMON.NOT_A_MEMBER', message: expect.any(String) });
    expect(await reveal(OTHER_DESK)).toEqual({ ok: false, code: 'COMMON.NOT_A_MEMBER', message: expect.any(String) });
    // In their own property, the request read early is another property's: not found.
    expect(await reveal(OTHER_DESK, 'other')).toEqual({ ok: false, code: 'BINDING.NOT_FOUND', message: expect.any(String) });
    rt.engine.failNext('database.getDocument', networkDown, { collection: 'bindings' });
    expect(await reveal(TECH_LI)).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    expect(await snapshot(rt)).toEqual(before);
  });
});

describe('issue 16: imports.carryOn within two waits', () => {
  const IMPORT = 'ri_reads_two_waits';
  let rt: Rt;
  /** An import of `rows` rooms in building 30 (which the demo property lacks), `written` of its chunks of 100 already in. */
  const storeImport = async (propertyId: string, rows: number, written: number, id = IMPORT) => {
    const { _id, ...data } = roomImportModel.toStored({
      _id: id,
      propertyId,
      status: written * 100 >= rows ? 'done' : 'writing',
      fileName: 'rooms.csv',
      rows: Array.from({ length: rows }, (_, n) => `30|1|${n + 1}`),
      chunkSize: 100,
      nextChunk: written,
      added: 0,
      existing: 0,
      by: { name: '周主任', openid: MANAGER },
      createdAt: '2026-11-23T01:00:00.000Z',
      updatedAt: '2026-11-23T01:00:00.000Z',
      doneAt: written * 100 >= rows ? '2026-11-23T01:00:00.000Z' : null,
    });
    await rt.db.collection('roomImports').doc(_id).set({ data });
  };
  const carryOn = (openid: string, importId = IMPORT) => callAs(rt, openid, imports.carryOn, { propertyId: PROPERTY, importId });
  const importLooks = (calls: ReturnType<typeof recordCalls>) =>
    (calls.get('imports.carryOn') ?? []).map((c) => c.calls.trace.filter((t) => t.kind === 'database.getDocument' && t.detail === 'roomImports').length);
  beforeEach(async () => {
    rt = await startRuntime();
    await seedOtherProperty(rt);
  });
  afterEach(() => rt.close());

  it('a finished import answers in one wait: the import is read with the membership', async () => {
    await storeImport(PROPERTY, 150, 2);
    const calls = recordCalls(rt);
    expect(expectOk(await carryOn(MANAGER))).toMatchObject({ id: IMPORT, status: 'done', total: 150, written: 150 });
    expect(waitsOf(calls, 'imports.carryOn')).toEqual([1]);
    expect(importLooks(calls)).toEqual([1]);
  });

  it('an unfinished one is carried on from the import read early: its first chunk needs no second look', async () => {
    await storeImport(PROPERTY, 150, 0);
    const calls = recordCalls(rt);
    expect(expectOk(await carryOn(MANAGER))).toMatchObject({ status: 'done', total: 150, written: 150, added: 150, existing: 0 });
    expect(raw<{ importId: string | null }>(rt, 'rooms').filter((r) => r.importId === IMPORT)).toHaveLength(150);
    // The early read, then one look after each chunk (the second finds it done).
    expect(importLooks(calls)).toEqual([3]);
  });

  it('a desk, a stranger and another property\'s desk get their refusal and write nothing, whatever the import read early; another property\'s import is not found', async () => {
    await storeImport(PROPERTY, 150, 0);
    await storeImport('other', 150, 0, 'ri_other');
    const before = await snapshot(rt);
    expect(await carryOn(DESK_ON_SHIFT)).toEqual({ ok: false, code: 'COMMON.FORBIDDEN', message: expect.any(String) });
    for (const openid of ['o-stranger', OTHER_DESK]) expect(await carryOn(openid)).toEqual({ ok: false, code: 'COMMON.NOT_A_MEMBER', message: expect.any(String) });
    expect(await carryOn(MANAGER, 'ri_other')).toEqual({ ok: false, code: 'IMPORT.NOT_FOUND', message: expect.any(String) });
    rt.engine.failNext('database.getDocument', networkDown, { collection: 'roomImports' });
    expect(await carryOn(DESK_ON_SHIFT)).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    expect(await snapshot(rt)).toEqual(before);
    rt.engine.failNext('database.getDocument', networkDown, { collection: 'roomImports' });
    expect(await carryOn(MANAGER)).toMatchObject({ ok: false, code: 'COMMON.INTERNAL' });
    expect(await snapshot(rt)).toEqual(before);
  });
});

describe('issue 16: visits.slots within two waits on a fresh instance', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('V4: the settings, not yet remembered by this instance, go with the slots taken: membership, then both', async () => {
    const calls = recordCalls(rt);
    const tomorrow = new Date(rt.clock.now().getTime() + 86_400_000).toISOString().slice(0, 10);
    const day = expectOk(await callAs(rt, WANG, visits.slots, { propertyId: PROPERTY, kind: 'desk', date: tomorrow }));
    expect(day.slots.length).toBeGreaterThan(0);
    expect(waitsOf(calls, 'visits.slots')).toEqual([2]);
  });
});
