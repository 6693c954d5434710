import { complaints } from '@shared/contracts';
import { BUILDING_1, callAs, complaintInput, DESK_ON_SHIFT, expectOk, expectRefusedRolledBack, expectRefusedUnchanged, newCommandId, PROPERTY, raw, seedOtherProperty, snapshot, SUPERVISOR, WANG, WANG_ROOM, tracedRuntimeEachTest } from './harness';


/**
 * Issue 16: a step on a complaint or a group (complaints/on-case.ts) reads the case once, in its command's
 * transaction, which starts in the call's first wave; what its view shows besides it (its group, a group's
 * households) is read beside the transaction's operations. A caller who may not see the case gets
 * COMPLAINT.NOT_FOUND whatever the id names, and the transaction is rolled back: nothing is written.
 */
describe('issue 16: a complaint step reads its case once, in its transaction; refusals roll it back', () => {
  const traced = tracedRuntimeEachTest();

  const filed = async () => expectOk(await callAs(traced.rt, WANG, complaints.create, complaintInput(WANG_ROOM)));
  const classify = (id: string, version: number) => ({ propertyId: PROPERTY, commandId: newCommandId(), ref: { kind: 'complaint' as const, id }, version, class: 'responsible', severity: 'general', jurisdiction: null, governmentOrMedia: false, injuryOrLoss: false, apologised: true, note: '' });
  const slip = (id: string, version: number) => ({ propertyId: PROPERTY, commandId: newCommandId(), ref: { kind: 'complaint' as const, id }, version, department: '工程部', assignee: '李师傅', instructions: '今天内上门查看' });

  it('C2: a classification reads the complaint only in its transaction, in the wave after the first', async () => {
    const c = await filed();
    expectOk(await callAs(traced.rt, DESK_ON_SHIFT, complaints.classify, classify(c.id, c.version)));
    const reads = traced.last().filter((r) => r.detail === 'complaints' && r.kind === 'database.getDocument');
    expect(reads).toEqual([{ wait: 2, kind: 'database.getDocument', detail: 'complaints', inTransaction: true }]);
  });

  it('C3: a desk of another property gets COMPLAINT.NOT_FOUND on this property\'s complaint, the transaction rolled back, nothing written', async () => {
    const c = await filed();
    await seedOtherProperty(traced.rt);
    await expectRefusedRolledBack(traced, 'o-other-desk', complaints.issueSlip, { ...slip(c.id, c.version), propertyId: 'other' }, 'COMPLAINT.NOT_FOUND');
  });

  it('C1: a complaint id that names nothing is COMPLAINT.NOT_FOUND, nothing written', async () => {
    await filed();
    await expectRefusedRolledBack(traced, DESK_ON_SHIFT, complaints.issueSlip, slip('cp_nothing_here', 1), 'COMPLAINT.NOT_FOUND');
  });

  it('C1: the step\'s own check refuses before the version (no apology: COMPLAINT.APOLOGY_REQUIRED, even with a stale version), nothing written', async () => {
    const c = await filed();
    const input = { ...classify(c.id, c.version + 5), apologised: false };
    await expectRefusedRolledBack(traced, DESK_ON_SHIFT, complaints.classify, input, 'COMPLAINT.APOLOGY_REQUIRED');
    await expectRefusedUnchanged(traced.rt, DESK_ON_SHIFT, complaints.classify, { ...input, commandId: newCommandId(), apologised: true }, 'COMMON.VERSION_CONFLICT');
  });

  it('C3: a household\'s complaint taken into a group is COMPLAINT.IN_A_GROUP, nothing written', async () => {
    const first = expectOk(await callAs(traced.rt, BUILDING_1[0]!.openid, complaints.create, complaintInput(BUILDING_1[0]!.roomId)));
    for (const who of BUILDING_1.slice(1)) expectOk(await callAs(traced.rt, who.openid, complaints.create, complaintInput(who.roomId)));
    const grouped = raw<{ _id: string; status: string; version: number }>(traced.rt, 'complaints').find((c) => c._id === first.id)!;
    expect(grouped.status).toBe('grouped');
    await expectRefusedRolledBack(traced, DESK_ON_SHIFT, complaints.issueSlip, slip(first.id, grouped.version), 'COMPLAINT.IN_A_GROUP');
  });

  it('C2: a classification sent again answers its first result, with its view, and writes nothing more', async () => {
    const c = await filed();
    const input = classify(c.id, c.version);
    const first = expectOk(await callAs(traced.rt, DESK_ON_SHIFT, complaints.classify, input));
    expect(first).toMatchObject({ id: c.id, classification: { class: 'responsible' } });
    const before = await snapshot(traced.rt);
    expect(expectOk(await callAs(traced.rt, DESK_ON_SHIFT, complaints.classify, input))).toEqual(first);
    expect(await snapshot(traced.rt)).toEqual(before);
  });

  it('C6: signing the day\'s register reads its complaints and its register with the membership; it commits by the fifth wait; a future day is refused, rolled back', async () => {
    const c = await filed();
    const signed = expectOk(await callAs(traced.rt, SUPERVISOR, complaints.signRegister, { propertyId: PROPERTY, commandId: newCommandId(), date: '2026-11-23', remarks: '' }));
    expect(signed.rows.map((r) => r.id)).toEqual([c.id]);
    const before = traced.last().filter((r) => !r.inTransaction && r.kind === 'database.getDocument').map((r) => `${r.wait} ${r.detail}`).sort();
    // The membership and the property's status are one query (issue 16).
    expect(before).toEqual(['1 complaintRegisters', '1 complaints', '1 members']);
    expect(traced.last().find((r) => r.kind === 'database.commitTransaction')?.wait).toBeLessThanOrEqual(5);
    await expectRefusedRolledBack(traced, SUPERVISOR, complaints.signRegister, { propertyId: PROPERTY, commandId: newCommandId(), date: '2026-11-30', remarks: '' }, 'COMPLAINT.REGISTER_FUTURE');
  });
});
