import { catalogue, repairs, visits, type Action } from '@shared/contracts';
import { roles, type Role } from '@shared/model/member.model';
import { ADMIN, callAs, DESK_ON_SHIFT, expectOk, expectRefusedUnchanged, memberIdOf, repairInput, snapshot, startRuntime, SUPERVISOR, TECH_LI, TECH_MA, WANG, WANG_ROOM, ZHANG } from './harness';
import { validInputs } from './valid-inputs';

type Rt = Awaited<ReturnType<typeof startRuntime>>;

/** Issue 12 (3.7): authorise and check ownership before any write. */
describe('a refused call writes nothing', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('V4: a desk appointment for someone else\'s room is refused before a slot is made ready', async () => {
    const input = { propertyId: 'demo', commandId: 'book-not-mine-1', start: '2026-11-24T10:00:00+08:00', roomId: WANG_ROOM, topic: '咨询物业费' };
    await expectRefusedUnchanged(rt, ZHANG, visits.book, input, 'BOOKING.ROOM_NOT_YOURS');
  });

  it('V4 B2: a home visit for someone else\'s room is refused before a slot is made ready', async () => {
    const input = { propertyId: 'demo', commandId: 'home-not-mine-1', start: '2026-11-24T09:00:00+08:00', roomId: WANG_ROOM, topic: '上门回访' };
    await expectRefusedUnchanged(rt, ZHANG, visits.bookHome, input, 'BOOKING.ROOM_NOT_YOURS');
  });

  it('R4 V4: a dispatch from a stale view of an order with a booked window is refused before the new technician\'s slot is made ready', async () => {
    const repair = expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    expectOk(await callAs(rt, WANG, visits.bookWindow, { propertyId: 'demo', commandId: 'window-mine-001', start: '2026-11-24T18:30:00+08:00', repairId: repair.id }));
    const stale = { propertyId: 'demo', commandId: 'stale-dispatch-1', repairId: repair.id, version: 7, technicianId: memberIdOf(TECH_MA) };
    await expectRefusedUnchanged(rt, DESK_ON_SHIFT, repairs.dispatch, stale, 'COMMON.VERSION_CONFLICT');
  });

  it('V4: moving a booking from a stale view is refused before the new slot is made ready', async () => {
    const booked = expectOk(await callAs(rt, WANG, visits.book, { propertyId: 'demo', commandId: 'book-mine-0001', start: '2026-11-24T10:00:00+08:00', roomId: WANG_ROOM, topic: '咨询物业费' }));
    const move = { propertyId: 'demo', commandId: 'stale-move-0001', bookingId: booked.id, version: booked.version + 1, start: '2026-11-24T15:00:00+08:00', reason: '临时有事' };
    await expectRefusedUnchanged(rt, WANG, visits.reschedule, move, 'COMMON.VERSION_CONFLICT');
  });

  it('V4: a window for someone else\'s repair is refused before a slot is made ready', async () => {
    const repair = expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    await expectRefusedUnchanged(rt, ZHANG, visits.bookWindow, { propertyId: 'demo', commandId: 'window-not-mine', start: '2026-11-24T18:30:00+08:00', repairId: repair.id }, 'REPAIR.NOT_FOUND');
  });
});

const personOf: Record<Role, string[]> = { resident: [WANG, ZHANG], desk: [DESK_ON_SHIFT], supervisor: [SUPERVISOR], technician: [TECH_LI, TECH_MA], manager: ['o-mgr-zhou'], admin: [ADMIN] };

/**
 * Every write action, sent a valid input by each person whose role may call it (the input names
 * 王秀英's room and repair, and records that do not exist): whatever it refuses, it refuses before
 * writing. Calls that succeed move the world on; each refused one is checked on its own.
 */
describe('every write action refuses before it writes', () => {
  let rt: Rt;
  let repairId: string;
  beforeAll(async () => {
    rt = await startRuntime();
    repairId = expectOk(await callAs(rt, WANG, repairs.create, repairInput())).id;
  });
  afterAll(() => rt.close());

  const writes = (Object.values(catalogue).flatMap((actions) => Object.values(actions)) as Action[]).filter((a) => a.write && a.roles !== 'any-signed-in');

  it.each(writes.map((a) => [`${a.fn}.${a.name}`, a] as const))('%s', async (name, action) => {
    const callers = roles.filter((role) => (action.roles as readonly Role[]).includes(role)).flatMap((role) => personOf[role]);
    for (const [n, openid] of callers.entries()) {
      const input = { ...validInputs(repairId)[name], commandId: `refused-${action.name}-${n}`.padEnd(8, '0') };
      const before = await snapshot(rt);
      const result = await callAs(rt, openid, action, input);
      if (!result.ok) expect({ openid, code: result.code, after: await snapshot(rt) }).toEqual({ openid, code: result.code, after: before });
    }
  });
});
