import { members, repairs } from '@shared/contracts';
import {
  callAs,
  DESK_ON_SHIFT,
  expectOk,
  expectRefusedRolledBack,
  MANAGER,
  memberIdOf,
  newCommandId,
  PROPERTY,
  raw,
  repairInput,
  seedOtherProperty,
  snapshot,
  TECH_LI,
  WANG,
  tracedRuntimeEachTest,
} from './harness';

/**
 * Issue 16: a manager's change to a member (members/management.ts: role, skills, leaving) reads that member once,
 * in the command's transaction started with the caller's membership; the desk's roster, which a desk member
 * leaves, is read beside the membership. Every refusal is the one it was, the transaction rolled back and
 * nothing written.
 */
describe('issue 16: a change to a member reads the member once, in its transaction', () => {
  const traced = tracedRuntimeEachTest();

  const on = (memberId: string) => ({ propertyId: PROPERTY, commandId: newCommandId(), memberId });
  const memberReads = () => traced.last().filter((c) => c.detail === 'members' && c.kind === 'database.getDocument' && c.wait > 1);

  it('R4: a technician\'s skills: the member is read only in the transaction, in the wave after the first', async () => {
    expectOk(await callAs(traced.rt, MANAGER, members.setSkills, { ...on(memberIdOf(TECH_LI)), skills: ['plumbing'] }));
    expect(memberReads()).toEqual([{ wait: 2, kind: 'database.getDocument', detail: 'members', inTransaction: true }]);
  });

  it('a role changed: the member is read only in the transaction; the roster beside the membership', async () => {
    expectOk(await callAs(traced.rt, MANAGER, members.setRole, { ...on(memberIdOf(TECH_LI)), role: 'desk' }));
    expect(memberReads()).toEqual([{ wait: 2, kind: 'database.getDocument', detail: 'members', inTransaction: true }]);
    expect(traced.last().filter((c) => c.detail === 'settings' && !c.inTransaction).map((c) => c.wait)).toEqual([1]);
  });

  it('a member of another property is MEMBER.NOT_FOUND, oneself MEMBER.NOT_YOURSELF, a resident MEMBER.NOT_STAFF: each rolled back, nothing written', async () => {
    await seedOtherProperty(traced.rt);
    await expectRefusedRolledBack(traced, MANAGER, members.setRole, { ...on('mb_otherdesk'), role: 'technician' }, 'MEMBER.NOT_FOUND');
    await expectRefusedRolledBack(traced, MANAGER, members.deactivate, { ...on('mb_nobody'), reason: '离职' }, 'MEMBER.NOT_FOUND');
    await expectRefusedRolledBack(traced, MANAGER, members.setSkills, { ...on(memberIdOf(MANAGER)), skills: [] }, 'MEMBER.NOT_YOURSELF');
    await expectRefusedRolledBack(traced, MANAGER, members.setRole, { ...on(memberIdOf(WANG)), role: 'desk' }, 'MEMBER.NOT_STAFF');
  });

  it('R4: a desk member who leaves is off the roster; sent again, the deactivation answers its first result and changes nothing more', async () => {
    const rostered = () => raw<{ shifts: { deskOpenids: string[] }[] }>(traced.rt, 'settings')[0]!.shifts.some((s) => s.deskOpenids.includes(DESK_ON_SHIFT));
    expect(rostered()).toBe(true);
    const input = { ...on(memberIdOf(DESK_ON_SHIFT)), reason: '离职' };
    const first = expectOk(await callAs(traced.rt, MANAGER, members.deactivate, input));
    expect(first).toMatchObject({ status: 'inactive' });
    expect(rostered()).toBe(false);
    const before = await snapshot(traced.rt);
    expect(expectOk(await callAs(traced.rt, MANAGER, members.deactivate, input))).toEqual(first);
    expect(await snapshot(traced.rt)).toEqual(before);
  });

  it('R4: a technician who leaves hands back his orders; the deactivation sent again hands back nothing twice', async () => {
    const filed = expectOk(await callAs(traced.rt, WANG, repairs.create, repairInput()));
    expectOk(await callAs(traced.rt, DESK_ON_SHIFT, repairs.dispatch, { propertyId: PROPERTY, commandId: newCommandId(), repairId: filed.id, version: filed.version, technicianId: memberIdOf(TECH_LI) }));
    const input = { ...on(memberIdOf(TECH_LI)), reason: '离职' };
    expectOk(await callAs(traced.rt, MANAGER, members.deactivate, input));
    const statusOf = () => raw<{ _id: string; status: string }>(traced.rt, 'repairs').find((r) => r._id === filed.id)!.status;
    expect(statusOf()).toBe('submitted');
    expectOk(await callAs(traced.rt, MANAGER, members.deactivate, input));
    expect(statusOf()).toBe('submitted');
  });
});
