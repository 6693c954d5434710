import { repairs, settings } from '@shared/contracts';
import { callAs, DESK_ON_SHIFT, expectOk, expectRefusedUnchanged, newCommandId, PROPERTY, repairInput, startRuntime, WANG } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
const MANAGER = 'o-mgr-zhou';

/** Issue 18 (2): after filing, the resident is told when someone acts, as the property promises it. */
describe('issue 18 (2): the repair promise', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('R4: a normal repair comes back with the property\'s default promise (15 minutes), and with the manager\'s new one once settings are fresh', async () => {
    expect(expectOk(await callAs(rt, WANG, repairs.create, repairInput())).promise).toEqual({ kind: 'dispatch', withinMinutes: 15 });
    const saved = expectOk(await callAs(rt, MANAGER, settings.updateSettings, { propertyId: PROPERTY, commandId: newCommandId(), repairPromise: { dispatchMinutes: 30 } }));
    expect(saved.repairPromise).toEqual({ dispatchMinutes: 30 });
    expect(saved.history[0]?.fields).toEqual(['repairPromise']);
    rt.clock.advanceMinutes(1);
    const filed = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ description: '卧室门把手松了', category: 'door_window' })));
    expect(filed.promise).toEqual({ kind: 'dispatch', withinMinutes: 30 });
  });

  it('R4: the same filing sent again (the phone lost the first answer) answers the same repair with the same promise', async () => {
    const input = repairInput();
    const first = expectOk(await callAs(rt, WANG, repairs.create, input));
    const again = await callAs(rt, WANG, repairs.create, input);
    expect(again).toEqual({ ok: true, data: first });
  });

  it('R3: an urgent repair is promised the people on duty, not minutes', async () => {
    const filed = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ description: '厨房水管爆了，一直喷水' })));
    expect(filed.priority).toBe('urgent');
    expect(filed.promise).toEqual({ kind: 'urgent' });
  });

  it('a promise of 0 minutes, or of more than a day, is refused naming the field, and nothing changes', async () => {
    for (const dispatchMinutes of [0, 24 * 60 + 1, 1.5]) {
      await expectRefusedUnchanged(rt, MANAGER, settings.updateSettings, { propertyId: PROPERTY, commandId: newCommandId(), repairPromise: { dispatchMinutes } }, 'COMMON.BAD_INPUT');
    }
    const refused = await callAs(rt, MANAGER, settings.updateSettings, { propertyId: PROPERTY, commandId: newCommandId(), repairPromise: { dispatchMinutes: 0 } });
    expect(refused).toMatchObject({ ok: false, fields: [{ field: 'repairPromise.dispatchMinutes', label: '承诺派单时间（分钟）' }] });
  });

  it('the desk and the resident cannot change the promise', async () => {
    for (const who of [WANG, DESK_ON_SHIFT]) {
      await expectRefusedUnchanged(rt, who, settings.updateSettings, { propertyId: PROPERTY, commandId: newCommandId(), repairPromise: { dispatchMinutes: 5 } }, 'COMMON.FORBIDDEN');
    }
  });
});
