import { repairs } from '@shared/contracts';
import type { CallCount } from '../../local/call-meter';
import {
  callAs,
  DESK_ON_SHIFT,
  expectOk,
  expectRefusedRolledBack,
  expectRefusedUnchanged,
  memberIdOf,
  newCommandId,
  PROPERTY,
  raw,
  repairInput,
  seedOtherProperty,
  snapshot,
  SUPERVISOR,
  TECH_LI,
  TECH_MA,
  uploadAs,
  WANG,
  ZHANG,
  expectRolledBack,
  tracedRuntimeEachTest,
} from './harness';

/** 吴芳 shares 王秀英's room 1-1-101 in the demo seed: she follows its repairs and may not take the filer's steps. */
const WU = 'o-res-wu';

/**
 * Issue 16: a step on a work order (repairs/on-order.ts) reads the order once, in its command's transaction,
 * which starts in the call's first wave: the caller's sight of it, the step's checks, the version and the
 * machine all rest on that one read. A refused caller gets the refusal she got when the order was read
 * beside her membership, and the transaction is rolled back: nothing is written, nothing is committed.
 */
describe('issue 16: a repair step reads its order once, in its transaction; refusals roll it back', () => {
  const traced = tracedRuntimeEachTest();

  const kinds = (trace: CallCount['trace']) => trace.map((c) => c.kind);
  const dispatched = async () => {
    const created = expectOk(await callAs(traced.rt, WANG, repairs.create, repairInput()));
    return expectOk(await callAs(traced.rt, DESK_ON_SHIFT, repairs.dispatch, { propertyId: PROPERTY, commandId: newCommandId(), repairId: created.id, version: created.version, technicianId: memberIdOf(TECH_LI) }));
  };

  it('R4: an acknowledgement reads the order only in its transaction, in the wave after the first', async () => {
    const order = await dispatched();
    expectOk(await callAs(traced.rt, TECH_LI, repairs.acknowledge, { propertyId: PROPERTY, commandId: newCommandId(), repairId: order.id, version: order.version }));
    const reads = traced.last().filter((c) => c.detail === 'repairs');
    expect(reads.filter((c) => !c.inTransaction)).toEqual([]);
    expect(reads.filter((c) => c.kind === 'database.getDocument')).toEqual([{ wait: 2, kind: 'database.getDocument', detail: 'repairs', inTransaction: true }]);
  });

  it('R4: a technician the order is not assigned to gets REPAIR.NOT_FOUND, the transaction rolled back, nothing written', async () => {
    const order = await dispatched();
    await expectRefusedRolledBack(traced, TECH_MA, repairs.acknowledge, { propertyId: PROPERTY, commandId: newCommandId(), repairId: order.id, version: order.version }, 'REPAIR.NOT_FOUND');
  });

  it('R4: an order id that names no order is REPAIR.NOT_FOUND, nothing written', async () => {
    await dispatched();
    await expectRefusedRolledBack(traced, TECH_LI, repairs.acknowledge, { propertyId: PROPERTY, commandId: newCommandId(), repairId: 'rp_nothing_here', version: 1 }, 'REPAIR.NOT_FOUND');
  });

  it('R4: a stale version gets COMMON.VERSION_CONFLICT only once the caller may see the order: a stranger still gets REPAIR.NOT_FOUND', async () => {
    const order = await dispatched();
    const stale = { propertyId: PROPERTY, repairId: order.id, version: order.version - 1 };
    await expectRefusedUnchanged(traced.rt, TECH_MA, repairs.acknowledge, { ...stale, commandId: newCommandId() }, 'REPAIR.NOT_FOUND');
    await expectRefusedUnchanged(traced.rt, TECH_LI, repairs.acknowledge, { ...stale, commandId: newCommandId() }, 'COMMON.VERSION_CONFLICT');
  });

  it('C3 R7: another room\'s resident rating is REPAIR.NOT_FOUND; her household\'s is REPAIR.FILER_ONLY; both roll back and write nothing', async () => {
    const order = await dispatched();
    const rating = { propertyId: PROPERTY, repairId: order.id, version: order.version, rating: { quality: 5, attitude: 5, comment: '' } };
    await expectRefusedRolledBack(traced, ZHANG, repairs.rate, { ...rating, commandId: newCommandId() }, 'REPAIR.NOT_FOUND');
    await expectRefusedRolledBack(traced, WU, repairs.rate, { ...rating, commandId: newCommandId() }, 'REPAIR.FILER_ONLY');
  });

  it('C3: a member of another property naming her own property is REPAIR.NOT_FOUND on this property\'s order', async () => {
    const order = await dispatched();
    await seedOtherProperty(traced.rt, [{ id: 'mb_othertech', openid: 'o-other-tech', role: 'technician', name: '外盘师傅' }]);
    await expectRefusedRolledBack(traced, 'o-other-tech', repairs.acknowledge, { propertyId: 'other', commandId: newCommandId(), repairId: order.id, version: order.version }, 'REPAIR.NOT_FOUND');
  });

  it('R11: the step\'s own check (a signature not the caller\'s) refuses before the version and the machine, and writes nothing', async () => {
    const order = await dispatched();
    const theirs = uploadAs(traced.rt, TECH_LI, 'sig.png');
    await expectRefusedUnchanged(
      traced.rt,
      SUPERVISOR,
      repairs.reviewSendBack,
      { propertyId: PROPERTY, commandId: newCommandId(), repairId: order.id, version: order.version - 1, approve: true, opinion: '同意顺延到下月', signature: theirs },
      'REPAIR.FILE_NOT_YOURS',
    );
    expectRolledBack(traced.last());
  });

  it('R4: an order whose stored document is broken ends the step at once with COMMON.INTERNAL: one transaction, not rerun as a conflict', async () => {
    const order = await dispatched();
    const stored = raw<Record<string, unknown>>(traced.rt, 'repairs').find((r) => r._id === order.id);
    await traced.rt.db.collection('repairs').doc(order.id).remove();
    traced.rt.engine.insertRaw('repairs', [{ ...stored, priority: 'whenever' }]);
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await callAs(traced.rt, TECH_LI, repairs.acknowledge, { propertyId: PROPERTY, commandId: newCommandId(), repairId: order.id, version: order.version })).toMatchObject({ ok: false, code: 'COMMON.INTERNAL' });
    } finally {
      logged.mockRestore();
    }
    expect(kinds(traced.last()).filter((k) => k === 'database.startTransaction')).toHaveLength(1);
    expectRolledBack(traced.last());
  });

  it('R4: an acknowledgement sent again answers its first result and writes nothing more', async () => {
    const order = await dispatched();
    const input = { propertyId: PROPERTY, commandId: newCommandId(), repairId: order.id, version: order.version };
    const first = expectOk(await callAs(traced.rt, TECH_LI, repairs.acknowledge, input));
    const before = await snapshot(traced.rt);
    expect(expectOk(await callAs(traced.rt, TECH_LI, repairs.acknowledge, input))).toEqual(first);
    expect(await snapshot(traced.rt)).toEqual(before);
  });
});
