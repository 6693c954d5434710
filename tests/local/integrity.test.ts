import { deployedFunctions } from '@shared/areas';
import { complaintInput, newCommandId, repairInput, snapshot, WANG, WANG_ROOM, ZHANG } from '../functions/harness';
import { inheritedNames } from '../functions/inherited-names';
import { startHttpSystem, type HttpSystem } from './http';

/** Issue 12 (3): the integrity breaks, driven through the local server's HTTP API as a client would. */
describe('integrity over HTTP', () => {
  let sys: HttpSystem;
  beforeAll(async () => {
    sys = await startHttpSystem();
  });
  afterAll(() => sys.stop());

  it('only real actions: an inherited property name answers COMMON.UNKNOWN_ACTION on every function', async () => {
    for (const { name: fn } of deployedFunctions) {
      for (const action of inheritedNames) {
        expect({ fn, action, answer: await sys.call(fn, action, { propertyId: 'demo' }, WANG) }).toMatchObject({ fn, action, answer: { ok: false, code: 'COMMON.UNKNOWN_ACTION' } });
      }
    }
  });

  it('only real functions: /api/fn/constructor is no function', async () => {
    const answer = await sys.post('/api/fn/constructor', { action: 'context', input: {} }, WANG);
    expect(answer).toEqual({ status: 404, body: expect.objectContaining({ ok: false, code: 'COMMON.UNKNOWN_ACTION' }) });
  });

  it('a command id belongs to one action: a complaint reusing a repair\'s id is refused, stores nothing, and the repair still replays', async () => {
    const commandId = newCommandId();
    const repair = await sys.call('repairs', 'create', repairInput({ commandId }), WANG);
    expect(repair).toMatchObject({ ok: true });
    const before = await snapshot(sys.runtime);
    expect(await sys.call('complaints', 'create', complaintInput(WANG_ROOM, { commandId }), WANG)).toMatchObject({ ok: false, code: 'COMMON.COMMAND_REUSED' });
    expect(await snapshot(sys.runtime)).toEqual(before);
    expect(await sys.call('repairs', 'create', repairInput({ commandId }), WANG)).toEqual(repair);
  });

  it('V4: a refused call writes nothing: a desk appointment for someone else\'s room leaves every collection as it was', async () => {
    const before = await snapshot(sys.runtime);
    const input = { propertyId: 'demo', commandId: newCommandId(), start: '2026-11-24T10:00:00+08:00', roomId: WANG_ROOM, topic: '咨询物业费' };
    expect(await sys.call('visits', 'book', input, ZHANG)).toMatchObject({ ok: false, code: 'BOOKING.ROOM_NOT_YOURS' });
    expect(await snapshot(sys.runtime)).toEqual(before);
  });
});
