import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { company, members, session } from '@shared/contracts';
import { COMPANY_SCOPE } from '@shared/model/member.model';
import { callAs, expectOk, MANAGER, MORNING, newCommandId, raw, startRuntime, TEST_BOOTSTRAP_SECRET, testClock, tickTimers, WANG } from './harness';

const fixture = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'stored', 'property.v1.json'), 'utf8')) as { _id: string };

const person = (openid: string, role: string, name: string) => ({
  _id: `mb_${openid.replace(/[^a-z0-9]/gi, '')}`,
  propertyId: fixture._id,
  schemaVersion: 2,
  openid,
  role,
  status: 'active',
  name,
  phone: '13500000001',
  roomIds: [],
  skills: [],
  vip: false,
  createdAt: '2026-10-01T00:00:00.000Z',
});

/**
 * Issue 14 (5): an environment as today's release left it (one property stored at v1, its manager
 * and residents, no company) becomes a company with that property at the timer's next run, and its
 * people do nothing: their memberships and writes carry on before and after.
 */
describe('an environment from before companies becomes a company (issue 14, point 5)', () => {
  let rt: Awaited<ReturnType<typeof startRuntime>>;
  const tick = () => tickTimers(rt);
  beforeAll(async () => {
    rt = await startRuntime(testClock(MORNING), { seed: false });
    rt.engine.insertRaw('properties', [fixture]);
    rt.engine.insertRaw('members', [person(MANAGER, 'manager', '周经理'), person(WANG, 'resident', '王秀英')]);
  });
  afterAll(() => rt.close());

  it('before the upgrade its people work as they did: the manager acts in the property', async () => {
    expect(expectOk(await callAs(rt, MANAGER, session.me, {})).memberships).toEqual([expect.objectContaining({ propertyId: 'demo', propertyName: '阳光花园', role: 'manager', active: true })]);
    expectOk(await callAs(rt, MANAGER, members.invite, { propertyId: 'demo', commandId: newCommandId(), role: 'desk' }));
  });

  it('the timer\'s upgrade step makes the company, named after the property, with its manager as administrator; once', async () => {
    await tick();
    expect(raw(rt, 'environment')).toContainEqual(expect.objectContaining({ _id: 'company', name: '阳光花园' }));
    expect(raw(rt, 'properties')).toEqual([expect.objectContaining({ _id: 'demo', schemaVersion: 2, status: 'active', address: '' })]);
    const mine = expectOk(await callAs(rt, MANAGER, session.me, {})).memberships;
    expect(mine.map((m) => [m.propertyId, m.role]).sort()).toEqual([[COMPANY_SCOPE, 'admin'], ['demo', 'manager']]);
    expect(expectOk(await callAs(rt, MANAGER, company.properties, {})).items.map((p) => [p.propertyId, p.status])).toEqual([['demo', 'active']]);
    expect(expectOk(await callAs(rt, WANG, session.me, {})).memberships.map((m) => m.role)).toEqual(['resident']);
    const count = raw(rt, 'members').length;
    await tick();
    expect(raw(rt, 'members')).toHaveLength(count);
  });

  it('after it the environment is bootstrapped: nobody can bootstrap it again', async () => {
    const input = { commandId: newCommandId(), secret: TEST_BOOTSTRAP_SECRET, propertyId: 'late-court', propertyName: '晚来苑', deskPhone: '021-66660000', name: '某人', phone: '13500000009' };
    expect(await callAs(rt, 'o-late', members.bootstrap, input)).toMatchObject({ ok: false, code: 'BOOTSTRAP.ALREADY_DONE' });
  });
});
