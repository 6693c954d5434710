import { company } from '@shared/contracts';
import { ADMIN, callAs, expectOk, expectRefusedRolledBack, newCommandId, PROPERTY, snapshot, tracedRuntimeEachTest } from './harness';

/**
 * Issue 16: the administrator's property writes (members/properties.ts). A new property's reads (is the id
 * taken, the template and its settings) need only the input: they go out with the caller's membership; so does
 * a property closed, whose transaction writes it and its status copy (the router's, issue 16) and reads nothing.
 * The refusals are as they were, each rolled back.
 */
describe('issue 14 (1), issue 16: a property created or closed reads before its transaction only in the first wave', () => {
  const traced = tracedRuntimeEachTest();

  const create = (propertyId: string, template?: string) => ({ commandId: newCommandId(), propertyId, name: '橡树苑', address: '', deskPhone: '021-66660001', ...(template ? { template } : {}) });
  const readsOutside = () => traced.last().filter((c) => c.kind === 'database.getDocument' && !c.inTransaction).map((c) => `${c.wait} ${c.detail}`);

  it('a property made from a template reads the id and the template (one read) and its settings with the membership, then only writes', async () => {
    expectOk(await callAs(traced.rt, ADMIN, company.createProperty, create('oak-court', PROPERTY)));
    // The id and the template are one read (issue 16: the new property's status copy is one insert more, beside its journal's).
    expect(readsOutside().sort()).toEqual(['1 members', '1 properties', '1 settings']);
    expect(traced.last().filter((c) => c.inTransaction && c.kind === 'database.getDocument')).toEqual([]);
  });

  it('an id in use is PROPERTY.EXISTS, a template that is none PROPERTY.NOT_FOUND: rolled back, nothing written', async () => {
    await expectRefusedRolledBack(traced, ADMIN, company.createProperty, create(PROPERTY), 'PROPERTY.EXISTS');
    await expectRefusedRolledBack(traced, ADMIN, company.createProperty, create('oak-court', 'nowhere'), 'PROPERTY.NOT_FOUND');
  });

  it('a property closed is read with the membership; its transaction writes the property and its status copy together; one that is none is PROPERTY.NOT_FOUND, rolled back, nothing written', async () => {
    expectOk(await callAs(traced.rt, ADMIN, company.deactivateProperty, { propertyId: PROPERTY, commandId: newCommandId(), reason: '合同到期' }));
    // Issue 16: the copy's write is one more operation of the transaction, so the property is read in the first wave.
    expect(readsOutside().sort()).toEqual(['1 members', '1 properties']);
    expect(traced.last().filter((c) => c.inTransaction && c.kind === 'database.getDocument')).toEqual([]);
    expect(traced.last().filter((c) => c.inTransaction && c.kind === 'database.modifyDocument').map((c) => c.detail)).toEqual(['properties', 'members']);
    expect(traced.last().filter((c) => c.kind === 'database.commitTransaction')).toHaveLength(1);
    await expectRefusedRolledBack(traced, ADMIN, company.deactivateProperty, { propertyId: 'nowhere', commandId: newCommandId(), reason: '合同到期' }, 'PROPERTY.NOT_FOUND');
  });

  it('a property closed again answers it as it is; the same command sent again answers its first result and writes nothing', async () => {
    const input = { propertyId: PROPERTY, commandId: newCommandId(), reason: '合同到期' };
    const first = expectOk(await callAs(traced.rt, ADMIN, company.deactivateProperty, input));
    expect(first).toMatchObject({ status: 'inactive' });
    const before = await snapshot(traced.rt);
    expect(expectOk(await callAs(traced.rt, ADMIN, company.deactivateProperty, input))).toEqual(first);
    expect(await snapshot(traced.rt)).toEqual(before);
    expect(expectOk(await callAs(traced.rt, ADMIN, company.deactivateProperty, { ...input, commandId: newCommandId() }))).toEqual(first);
  });
});
