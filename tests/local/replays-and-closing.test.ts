/**
 * Issue 16 and issue 14 (1), from outside (local/main.ts over HTTP, across a restart): a write command
 * sent again answers its first result though no record is read before its work, an id sent again with
 * another action is refused, and a property closed is refused every write from the very next call,
 * including the join of a membership made with an invitation issued before it closed.
 */
import { call, repairInput, restartable, type RunningSystem } from './system-process';

const WANG = 'o-res-wang';
const DESK = 'o-desk-chen';
const MANAGER = 'o-mgr-zhou';
const ADMIN = 'o-admin-gao';
const PROPERTY = 'demo';
const ROOM = 'demo:1-1-101';
const TECHNICIAN = 'mb_otechli';

let seq = 0;
const commandId = () => `replays-and-closing-${Date.now().toString(36)}-${(seq++).toString(36)}`;
const system = restartable('replays-and-closing');

const file = (s: RunningSystem, id: string) => call(s.url, 'repairs', 'create', repairInput(id, ROOM), WANG);
const dispatch = (s: RunningSystem, id: string, repairId: string, version: number) =>
  call(s.url, 'repairs', 'dispatch', { propertyId: PROPERTY, commandId: id, repairId, version, technicianId: TECHNICIAN }, DESK);
const register = (s: RunningSystem, id: string) =>
  call(s.url, 'repairs', 'register', {
    propertyId: PROPERTY, commandId: id, residentId: 'mb_oreswang', roomId: ROOM, channel: 'phone', callerName: '王秀英', phone: '13800000101', category: 'water', description: '厨房水管漏水', preferredTime: null,
  }, DESK);

it('R5, issue 14 (1): a dispatch sent again answers its first result over a restart, an id reused is refused, and a closed property refuses the next write and the next join', async () => {
  const first = await system.run(async (s) => {
    const filed = await file(s, commandId());
    expect(filed).toMatchObject({ ok: true });
    const repairId = String(filed.data?.id);
    const sent = commandId();
    const dispatched = await dispatch(s, sent, repairId, Number(filed.data?.version));
    expect(dispatched).toMatchObject({ ok: true });
    const invited = await call(s.url, 'members', 'invite', { propertyId: PROPERTY, commandId: commandId(), role: 'technician' }, MANAGER);
    expect(invited).toMatchObject({ ok: true });
    return { sent, repairId, dispatched, code: String(invited.data?.code) };
  });

  await system.run(async (s) => {
    // Sent again after a restart, the repair's version stale by now: the first answer, not a refusal.
    expect(await dispatch(s, first.sent, first.repairId, 1)).toEqual(first.dispatched);
    expect(await register(s, first.sent)).toMatchObject({ ok: false, code: 'COMMON.COMMAND_REUSED' });

    expect(await call(s.url, 'members', 'deactivateProperty', { propertyId: PROPERTY, commandId: commandId(), reason: '合同到期' }, ADMIN)).toMatchObject({ ok: true });
    // The very next calls: every write refused, whoever sends it; the invitation issued before lets nobody in.
    expect(await file(s, commandId())).toMatchObject({ ok: false, code: 'COMMON.PROPERTY_INACTIVE' });
    expect(await dispatch(s, commandId(), first.repairId, 2)).toMatchObject({ ok: false, code: 'COMMON.PROPERTY_INACTIVE' });
    expect(await call(s.url, 'members', 'join', { commandId: commandId(), code: first.code, name: '晚到师傅', phone: '13700000099' }, 'o-late-tech')).toMatchObject({
      ok: false,
      code: 'COMMON.PROPERTY_INACTIVE',
    });
    expect(await call(s.url, 'members', 'appointManager', { propertyId: PROPERTY, commandId: commandId() }, ADMIN)).toMatchObject({ ok: false, code: 'COMMON.PROPERTY_INACTIVE' });
    // Reads are answered.
    expect(await call(s.url, 'repairs', 'listMine', { propertyId: PROPERTY }, WANG)).toMatchObject({ ok: true });
  });
}, 240_000);
