import { complaints, repairs } from '@shared/contracts';
import { callAs, complaintInput, expectOk, memberIdOf, newCommandId, PROPERTY, raw, repairInput, snapshot, startRuntime, WANG, WANG_ROOM } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;

const complaintWith = (commandId: string) => complaintInput(WANG_ROOM, { commandId });

const commandOf = (rt: Rt, commandId: string) => raw<{ _id: string; commandId: string }>(rt, 'commands').find((c) => c.commandId === commandId)!;

/** Issue 12 (3.5): a command id belongs to the one action it was first sent with. */
describe('a command id belongs to one action', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('a complaint sent with a repair\'s command id is refused with its own code, stores nothing and hands out no repair', async () => {
    const commandId = newCommandId();
    expectOk(await callAs(rt, WANG, repairs.create, repairInput({ commandId })));
    const before = await snapshot(rt);
    expect(await callAs(rt, WANG, complaints.create, complaintWith(commandId))).toEqual({ ok: false, code: 'COMMON.COMMAND_REUSED', message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    expect(await snapshot(rt)).toEqual(before);
  });

  it('the same id on another action of the same function is refused too, and the first action still replays', async () => {
    const commandId = newCommandId();
    const first = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ commandId })));
    const rate = { propertyId: PROPERTY, commandId, repairId: first.id, version: 1, rating: { quality: 5, attitude: 5, comment: '' } };
    expect(await callAs(rt, WANG, repairs.rate, rate)).toMatchObject({ ok: false, code: 'COMMON.COMMAND_REUSED' });
    expect(expectOk(await callAs(rt, WANG, repairs.create, repairInput({ commandId })))).toEqual(first);
  });

  it('the record names the function and action it belongs to', async () => {
    const commandId = newCommandId();
    expectOk(await callAs(rt, WANG, repairs.create, repairInput({ commandId })));
    expect(commandOf(rt, commandId)).toMatchObject({ _id: `${memberIdOf(WANG)}~${commandId}`, schemaVersion: 2, call: 'repairs.create', action: 'repairs.create' });
  });

  it('a record written before commands named their action (v1) still replays for its action and is refused for another', async () => {
    const commandId = newCommandId();
    const first = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ commandId })));
    const key = commandOf(rt, commandId)._id;
    await rt.db.collection('commands').doc(key).update({ data: { schemaVersion: 1, call: rt.db.command.remove() } });
    expect(commandOf(rt, commandId)).not.toHaveProperty('call');
    expect(expectOk(await callAs(rt, WANG, repairs.create, repairInput({ commandId })))).toEqual(first);
    expect(await callAs(rt, WANG, complaints.create, complaintWith(commandId))).toMatchObject({ ok: false, code: 'COMMON.COMMAND_REUSED' });
  });

  it('a stored result that does not fit the action\'s output contract is never handed out as its answer', async () => {
    const commandId = newCommandId();
    expectOk(await callAs(rt, WANG, repairs.create, repairInput({ commandId })));
    await rt.db.collection('commands').doc(commandOf(rt, commandId)._id).update({ data: { result: rt.db.command.set({ id: 'rp_other', phone: '13800000101' }) } });
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await callAs(rt, WANG, repairs.create, repairInput({ commandId }))).toEqual({ ok: false, code: 'COMMON.COMMAND_DONE', message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('does not fit repairs.create'));
    logged.mockRestore();
    expect(raw(rt, 'repairs')).toHaveLength(1);
  });
});
