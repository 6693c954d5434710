import { company, members, repairs, session, settings } from '@shared/contracts';
import { COMPANY_SCOPE } from '@shared/model/member.model';
import { PROPERTY_SHADOW_OPENID } from '@shared/model/property-shadow.model';
import { appoint, joinWith, openProperty } from './company-harness';
import {
  ADMIN,
  callAs,
  DESK_ON_SHIFT,
  expectOk,
  expectRefusedUnchanged,
  MANAGER,
  MORNING,
  newCommandId,
  PROPERTY,
  raw,
  repairInput,
  snapshot,
  startRuntime,
  bootstrapInput,
  testClock,
  WANG,
} from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
const FOUNDER = 'o-new-xu';
const MGR_B = 'o-mgr-b';
const MGR_B2 = 'o-mgr-b2';
const MGR_C = 'o-mgr-c';
const DESK_B = 'o-desk-b';
const DESK_C = 'o-desk-c';

const founding = () => bootstrapInput({ name: '许总', companyName: '翠湖物业' });

describe('the company and its administrator (issue 14, point 1)', () => {
  let rt: Rt;
  beforeAll(async () => {
    rt = await startRuntime(testClock(MORNING), { seed: false });
  });
  afterAll(() => rt.close());

  it('bootstrap makes the company, its administrator and its first property; once per environment', async () => {
    expectOk(await callAs(rt, FOUNDER, members.bootstrap, founding()));
    expect(expectOk(await callAs(rt, FOUNDER, company.company, {}))).toMatchObject({ name: '翠湖物业', timer: { lastRunAt: null, stale: false } });
    const mine = expectOk(await callAs(rt, FOUNDER, session.me, {})).memberships;
    expect(mine.map((m) => [m.propertyId, m.role]).sort()).toEqual([[COMPANY_SCOPE, 'admin'], ['green-court', 'manager']]);
    expect(await callAs(rt, 'o-late', members.bootstrap, { ...founding(), propertyId: 'late-court' })).toMatchObject({ ok: false, code: 'BOOTSTRAP.ALREADY_DONE' });
  });

  it('the administrator creates two more properties through the API, settings from a template or the defaults, and appoints their managers', async () => {
    const manager = 'o-new-xu';
    expectOk(await callAs(rt, manager, settings.updateSettings, { propertyId: 'green-court', commandId: newCommandId(), groupComplaintWindowHours: 48 }));
    const b = await openProperty(rt, 'maple-court', '枫林苑', { manager: MGR_B, desk: DESK_B, template: 'green-court' }, FOUNDER);
    const c = await openProperty(rt, 'pine-court', '松涛苑', { manager: MGR_C, desk: DESK_C }, FOUNDER);
    expect([b.status, c.status]).toEqual(['active', 'active']);
    const settingsOf = (id: string) => raw<{ _id: string; groupComplaintWindowHours: number }>(rt, 'settings').find((s) => s._id === id)?.groupComplaintWindowHours;
    expect([settingsOf('maple-court'), settingsOf('pine-court')]).toEqual([48, 24]);
    const listed = expectOk(await callAs(rt, FOUNDER, company.properties, {}));
    // By name: 松涛苑, 枫林苑, 翠湖苑.
    expect(listed.items.map((p) => [p.propertyId, p.managers.map((m) => m.name), p.deadLetters, p.unsignedRegisters])).toEqual([
      ['pine-court', ['松涛苑主任'], 0, 0],
      ['maple-court', ['枫林苑主任'], 0, 0],
      ['green-court', ['许总'], 0, 0],
    ]);
    expect(await callAs(rt, FOUNDER, company.createProperty, { commandId: newCommandId(), propertyId: 'pine-court', name: '重名', address: '', deskPhone: '021-66660001' })).toMatchObject({
      ok: false,
      code: 'PROPERTY.EXISTS',
    });
    expect(await callAs(rt, FOUNDER, company.createProperty, { commandId: newCommandId(), propertyId: 'oak-court', name: '橡树苑', address: '', deskPhone: '021-66660001', template: 'nowhere' })).toMatchObject({
      ok: false,
      code: 'PROPERTY.NOT_FOUND',
    });
  });

  it('creates of one property id at the same time make one property: one is answered, the others refused PROPERTY.EXISTS at once, nothing overwritten', async () => {
    const names = ['榆林苑', '榆树苑', '榆园', '榆景苑', '榆庭'];
    const warned = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const answers = await Promise.all(
      names.map((name) => callAs(rt, FOUNDER, company.createProperty, { commandId: newCommandId(), propertyId: 'elm-court', name, address: '', deskPhone: '021-66660001' })),
    );
    const won = answers.flatMap((a, i) => (a.ok ? [names[i]] : []));
    expect(won).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => (a.ok ? '' : a.code))).toEqual(Array(names.length - 1).fill('PROPERTY.EXISTS'));
    expect(raw<{ _id: string; name: string }>(rt, 'properties').filter((p) => p._id === 'elm-court').map((p) => p.name)).toEqual(won);
    // A taken id is final: no caller goes through applyOnce's retries and gives up busy.
    expect(warned.mock.calls.filter(([text]) => String(text).includes('gave up'))).toEqual([]);
    warned.mockRestore();
  });

  it('a manager\'s replacement is appointed by invitation; the old manager is stood down when the new one joins', async () => {
    const old = expectOk(await callAs(rt, MGR_B, session.context, { propertyId: 'maple-court' }));
    await appoint(rt, 'maple-court', MGR_B2, '新主任', { replaces: old.memberId }, FOUNDER);
    expect(await callAs(rt, MGR_B, session.context, { propertyId: 'maple-court' })).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    const listed = expectOk(await callAs(rt, FOUNDER, company.properties, {}));
    expect(listed.items.find((p) => p.propertyId === 'maple-court')?.managers.map((m) => m.name)).toEqual(['新主任']);
    expect(await callAs(rt, FOUNDER, company.appointManager, { propertyId: 'pine-court', commandId: newCommandId(), replaces: old.memberId })).toMatchObject({
      ok: false,
      code: 'MEMBER.NOT_FOUND',
    });
  });

  it('a deactivated property is read-only from the next call: every write refused, reads answered, nothing deleted', async () => {
    // The memberships, not the property's copy of its status that the deactivation writes beside them (issue 16).
    const memberships = () => raw<{ openid: string }>(rt, 'members').filter((m) => m.openid !== PROPERTY_SHADOW_OPENID);
    const before = memberships().length;
    expectOk(await callAs(rt, FOUNDER, company.deactivateProperty, { propertyId: 'pine-court', commandId: newCommandId(), reason: '合同到期' }));
    await expectRefusedUnchanged(rt, MGR_C, members.invite, { propertyId: 'pine-court', commandId: newCommandId(), role: 'technician' }, 'COMMON.PROPERTY_INACTIVE');
    await expectRefusedUnchanged(rt, MGR_C, settings.updateSettings, { propertyId: 'pine-court', commandId: newCommandId(), groupComplaintWindowHours: 12 }, 'COMMON.PROPERTY_INACTIVE');
    await expectRefusedUnchanged(rt, FOUNDER, company.appointManager, { propertyId: 'pine-court', commandId: newCommandId() }, 'COMMON.PROPERTY_INACTIVE');
    expect(expectOk(await callAs(rt, DESK_C, session.context, { propertyId: 'pine-court' }))).toMatchObject({ role: 'desk', property: { active: false } });
    expectOk(await callAs(rt, MGR_C, members.list, { propertyId: 'pine-court' }));
    expect(memberships()).toHaveLength(before);
    const listed = expectOk(await callAs(rt, FOUNDER, company.properties, {}));
    expect(listed.items.map((p) => [p.propertyId, p.status])).toContainEqual(['pine-court', 'inactive']);
    // The other properties write on.
    expectOk(await callAs(rt, MGR_B2, members.invite, { propertyId: 'maple-court', commandId: newCommandId(), role: 'technician' }));
  });

});

describe('the company level is the administrator\'s alone (issue 14, point 1)', () => {
  let rt: Rt;
  beforeAll(async () => {
    rt = await startRuntime();
  });
  afterAll(() => rt.close());

  it('a property\'s manager can neither create, staff nor close properties; the administrator acts in no property', async () => {
    const create = { commandId: newCommandId(), propertyId: 'maple-court', name: '枫林苑', address: '', deskPhone: '021-66660000' };
    await expectRefusedUnchanged(rt, MANAGER, company.createProperty, create, 'COMMON.NOT_A_MEMBER');
    await expectRefusedUnchanged(rt, MANAGER, company.deactivateProperty, { propertyId: PROPERTY, commandId: newCommandId(), reason: '试试看' }, 'COMMON.NOT_A_MEMBER');
    await expectRefusedUnchanged(rt, ADMIN, repairs.create, repairInput(), 'COMMON.NOT_A_MEMBER');
    await expectRefusedUnchanged(rt, ADMIN, members.invite, { propertyId: PROPERTY, commandId: newCommandId(), role: 'desk' }, 'COMMON.NOT_A_MEMBER');
  });

  it('an invitation issued before the property closed no longer lets anyone in', async () => {
    await openProperty(rt, 'maple-court', '枫林苑', { manager: MGR_B, desk: DESK_B, template: PROPERTY });
    const issued = expectOk(await callAs(rt, MGR_B, members.invite, { propertyId: 'maple-court', commandId: newCommandId(), role: 'technician' }));
    expectOk(await callAs(rt, ADMIN, company.deactivateProperty, { propertyId: 'maple-court', commandId: newCommandId(), reason: '合同到期' }));
    const before = await snapshot(rt);
    expect(await joinWith(rt, 'o-late-tech', issued.code ?? '', '晚到师傅')).toMatchObject({ ok: false, code: 'COMMON.PROPERTY_INACTIVE' });
    expect(await snapshot(rt)).toEqual(before);
  });

  it('membership is read on every call: a property closed between two calls refuses the second', async () => {
    expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    expectOk(await callAs(rt, ADMIN, company.deactivateProperty, { propertyId: PROPERTY, commandId: newCommandId(), reason: '合同到期' }));
    await expectRefusedUnchanged(rt, WANG, repairs.create, repairInput(), 'COMMON.PROPERTY_INACTIVE');
    await expectRefusedUnchanged(rt, MANAGER, members.invite, { propertyId: PROPERTY, commandId: newCommandId(), role: 'desk' }, 'COMMON.PROPERTY_INACTIVE');
    await expectRefusedUnchanged(rt, DESK_ON_SHIFT, repairs.create, repairInput(), 'COMMON.FORBIDDEN');
    expect(expectOk(await callAs(rt, WANG, repairs.listMine, { propertyId: PROPERTY })).items).toHaveLength(1);
  });
});
