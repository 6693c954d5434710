import { company, members, repairs, session } from '@shared/contracts';
import { staffRoles } from '@shared/model/member.model';
import { PROPERTY_SHADOW_OPENID, propertyShadowId } from '@shared/model/property-shadow.model';
import {
  activeManagerExists,
  activeMembers,
  activeOfRolesByName,
  activeOpenidsOfRole,
  activeResidentsByName,
  activeResidentsWhere,
  insertPropertyShadow,
  membershipIn,
  membershipsOf,
  membersOfRoleByName,
  residentsOfRooms,
} from '../../cloudfunctions/_shared/membership';
import {
  ADMIN,
  bootstrapInput,
  callAs,
  expectOk,
  expectRefusedUnchanged,
  MANAGER,
  newCommandId,
  OTHER_PROPERTY,
  PROPERTY,
  raw,
  repairInput,
  seedOtherProperty,
  startRuntime,
  tickTimers,
  tracedRuntimeEachTest,
  WANG,
  WANG_ROOM,
} from './harness';

/**
 * Issue 14 (1) read in one query with the membership (issue 16): a property's status has a copy in the
 * `members` collection (shared-types/src/model/property-shadow.model.ts), which the router reads with the
 * caller's membership. These hold the guarantee from outside: the very next call after a deactivation is
 * refused, a property with no copy is read from its own document (never guessed), the timer's upgrade step
 * writes the missing copies once, and no other query on `members` ever returns a copy.
 */

const OTHER_MANAGER = 'o-other-mgr';
const invite = (propertyId: string) => ({ propertyId, commandId: newCommandId(), role: 'technician' });
/** The first wave's reads outside any transaction, as `wave collection`. */
const firstWaveReads = (trace: { kind: string; detail?: string; wait: number; inTransaction?: boolean }[]) =>
  trace.filter((c) => c.wait === 1 && c.kind === 'database.getDocument' && !c.inTransaction).map((c) => c.detail);
const copies = (rt: Parameters<typeof raw>[0]) =>
  raw<{ _id: string; openid: string; propertyStatus: string }>(rt, 'members').filter((m) => m.openid === PROPERTY_SHADOW_OPENID);

/** 翠湖苑 as it was stored before the copies: its document alone, with its manager. */
const seedWithoutCopy = (rt: Parameters<typeof seedOtherProperty>[0]) =>
  seedOtherProperty(rt, [{ id: 'mb_othermgr', openid: OTHER_MANAGER, role: 'manager', name: '外盘主任' }]);

describe('issue 14 (1), issue 16: the property status read with the membership', () => {
  const traced = tracedRuntimeEachTest();

  it('issue 14 (1): a write by a member reads the membership and the status in one query of the first wave, no property document', async () => {
    expectOk(await callAs(traced.rt, MANAGER, members.invite, invite(PROPERTY)));
    expect(firstWaveReads(traced.last())).toEqual(['members']);
    expect(traced.last().filter((c) => c.detail === 'properties')).toEqual([]);
  });

  it('issue 14 (1): deactivated, the property refuses its members\' writes at the very next call, and they change nothing', async () => {
    expectOk(await callAs(traced.rt, ADMIN, company.deactivateProperty, { propertyId: PROPERTY, commandId: newCommandId(), reason: '合同到期' }));
    expect(copies(traced.rt)).toEqual([{ _id: propertyShadowId(PROPERTY), propertyId: PROPERTY, openid: PROPERTY_SHADOW_OPENID, propertyStatus: 'inactive' }]);
    await expectRefusedUnchanged(traced.rt, MANAGER, members.invite, invite(PROPERTY), 'COMMON.PROPERTY_INACTIVE');
    await expectRefusedUnchanged(traced.rt, WANG, repairs.create, repairInput(), 'COMMON.PROPERTY_INACTIVE');
    // Reads are answered as before.
    expectOk(await callAs(traced.rt, WANG, repairs.listMine, { propertyId: PROPERTY }));
  });

  it('issue 14 (1): a property with no copy (stored before it) is read from its own document: allowed while active, refused once inactive', async () => {
    await seedWithoutCopy(traced.rt);
    expectOk(await callAs(traced.rt, OTHER_MANAGER, members.invite, invite(OTHER_PROPERTY)));
    // One read more, after the membership's: never a guess.
    const propertyReads = traced.last().filter((c) => c.kind === 'database.getDocument' && c.detail === 'properties');
    expect(propertyReads.map((c) => ({ wait: c.wait, inTransaction: Boolean(c.inTransaction) }))).toEqual([{ wait: 2, inTransaction: false }]);
    // Deactivated as the code before the copies did: the property's document alone.
    await traced.rt.db.collection('properties').doc(OTHER_PROPERTY).set({ data: { propertyId: OTHER_PROPERTY, schemaVersion: 2, name: '翠湖苑', address: '', deskPhone: '021-66660000', status: 'inactive' } });
    expect(copies(traced.rt).map((c) => c._id)).toEqual([propertyShadowId(PROPERTY)]);
    await expectRefusedUnchanged(traced.rt, OTHER_MANAGER, members.invite, invite(OTHER_PROPERTY), 'COMMON.PROPERTY_INACTIVE');
  });

  it('the upgrade step writes each missing copy with its property\'s status, and run again writes nothing; then no property document is read', async () => {
    await seedWithoutCopy(traced.rt);
    await traced.rt.db.collection('properties').doc('closed-court').set({ data: { propertyId: 'closed-court', schemaVersion: 2, name: '旧苑', address: '', deskPhone: '021-1', status: 'inactive' } });
    await tickTimers(traced.rt);
    const byId = Object.fromEntries(copies(traced.rt).map((c) => [c._id, c.propertyStatus]));
    expect(byId).toEqual({ [propertyShadowId(PROPERTY)]: 'active', [propertyShadowId(OTHER_PROPERTY)]: 'active', [propertyShadowId('closed-court')]: 'inactive' });
    const members1 = raw(traced.rt, 'members');
    await tickTimers(traced.rt);
    expect(raw(traced.rt, 'members')).toEqual(members1);
    expectOk(await callAs(traced.rt, OTHER_MANAGER, members.invite, invite(OTHER_PROPERTY)));
    expect(traced.last().filter((c) => c.detail === 'properties')).toEqual([]);
  });

  it('an active copy is only inserted: never over the copy a deactivation wrote since the property was read', async () => {
    expectOk(await callAs(traced.rt, ADMIN, company.deactivateProperty, { propertyId: PROPERTY, commandId: newCommandId(), reason: '合同到期' }));
    expect(await insertPropertyShadow(traced.rt.db, PROPERTY, 'active')).toBe(false);
    expect(copies(traced.rt).map((c) => c.propertyStatus)).toEqual(['inactive']);
    await expectRefusedUnchanged(traced.rt, MANAGER, members.invite, invite(PROPERTY), 'COMMON.PROPERTY_INACTIVE');
  });

  it('no query on members returns a copy: members by role, residents, staff, memberships by openid, counts', async () => {
    const { db } = traced.rt;
    expect(copies(traced.rt)).toHaveLength(1);
    const found = [
      ...(await membersOfRoleByName(db, PROPERTY, 'resident')),
      ...(await activeMembers(db, PROPERTY, 'technician')),
      ...(await activeOfRolesByName(db, PROPERTY, staffRoles)),
      ...(await membershipsOf(db, WANG)),
      ...(await residentsOfRooms(db, PROPERTY, [WANG_ROOM])),
      ...(await activeResidentsWhere(db, PROPERTY, {}, 100)),
      ...(await activeResidentsByName(db, PROPERTY)),
    ];
    expect(found.length).toBeGreaterThan(10);
    expect(found.filter((m) => m.openid === PROPERTY_SHADOW_OPENID || m._id === propertyShadowId(PROPERTY))).toEqual([]);
    expect(await membershipIn(db, PROPERTY, WANG)).toMatchObject({ openid: WANG });
    expect(await activeOpenidsOfRole(db, PROPERTY, 'desk')).not.toContain(PROPERTY_SHADOW_OPENID);
    expect(await activeManagerExists(db)).toBe(true);
    // A members upgrade would read by schema version (`upgradeStored`): the copy has none.
    expect(copies(traced.rt)[0]).not.toHaveProperty('schemaVersion');
    // Through the functions: the property's members listed, the resident's places.
    const listed = expectOk(await callAs(traced.rt, MANAGER, members.list, { propertyId: PROPERTY }));
    expect(listed.items.map((m) => m.id)).not.toContain(propertyShadowId(PROPERTY));
    expect(expectOk(await callAs(traced.rt, WANG, session.context, { propertyId: PROPERTY }))).toMatchObject({ role: 'resident' });
  });
});

describe('issue 16: a new property\'s copy', () => {
  const traced = tracedRuntimeEachTest();

  it('a property the administrator creates has its active copy, inserted in the first wait after the commit, the call\'s last', async () => {
    expectOk(await callAs(traced.rt, ADMIN, company.createProperty, { commandId: newCommandId(), propertyId: 'oak-court', name: '橡树苑', address: '', deskPhone: '021-66660001' }));
    expect(copies(traced.rt).find((c) => c._id === propertyShadowId('oak-court'))).toEqual({ _id: propertyShadowId('oak-court'), propertyId: 'oak-court', openid: PROPERTY_SHADOW_OPENID, propertyStatus: 'active' });
    const trace = traced.last();
    const commit = trace.find((c) => c.kind === 'database.commitTransaction')!;
    const copyInsert = trace.find((c) => c.kind === 'database.insertDocument' && c.detail === 'members')!;
    // Beside whatever of its journal the call inserts (its event is the timer's journal step's to store: issue 16).
    expect(copyInsert.wait).toBe(commit.wait + 1);
    expect(Math.max(...trace.map((c) => c.wait))).toBe(copyInsert.wait);
    expect(copyInsert.inTransaction).toBeFalsy();
  });
});

describe('issue 16: a new environment\'s first property', () => {
  it('bootstrap writes no copy (its transaction stays as it was); the founder\'s writes read the property until the timer writes it', async () => {
    const rt = await startRuntime(undefined, { seed: false });
    try {
      const founder = 'o-founder';
      expectOk(await callAs(rt, founder, members.bootstrap, bootstrapInput()));
      const made = { propertyId: 'green-court' };
      expect(copies(rt)).toEqual([]);
      expectOk(await callAs(rt, founder, members.invite, invite(made.propertyId)));
      await tickTimers(rt);
      expect(copies(rt)).toEqual([{ _id: propertyShadowId(made.propertyId), propertyId: made.propertyId, openid: PROPERTY_SHADOW_OPENID, propertyStatus: 'active' }]);
    } finally {
      rt.close();
    }
  });
});
