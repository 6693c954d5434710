import { members } from '@shared/contracts';
import { startSystem, signIn } from './browser';

jest.setTimeout(240_000);

/**
 * Issue 14 in the H5 build: the company's administrator creates a second property from the first
 * and appoints its manager, who joins with the code; a technician who then serves both chooses a
 * property on first open, switches from his home, and comes back to the last one he used.
 */
describe('e2e: a company with two properties', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('the administrator opens a property and appoints its manager; a technician of both switches between them', async () => {
    const { browser, url, runtime } = system;

    const admin = await signIn(browser, url, '高明');
    await admin.locator('.company-page .property-demo').waitFor();
    await admin.locator('.input-property-id input').fill('maple-court');
    await admin.locator('.input-property-name input').fill('枫林苑');
    await admin.locator('.input-property-address input').fill('上海市闵行区枫林路 1 号');
    await admin.locator('.input-property-phone input').fill('021-66660000');
    await admin.locator('#property-template-demo').click();
    await admin.locator('.btn-create-property').click();
    const maple = admin.locator('.property-maple-court');
    await maple.waitFor();
    await expect(maple.locator('.property-managers').innerText()).resolves.toBe('尚未任命管理处主任');
    await maple.locator('.btn-appoint').click();
    const code = (await maple.locator('.invite-code').innerText()).trim();
    expect(code).toMatch(/^[A-Z0-9]{8}$/);

    const manager = await signIn(browser, url, '钱敏');
    await manager.locator('.btn-staff-join').click();
    await manager.locator('.input-join-code input').fill(code);
    await manager.locator('.input-join-name input').fill('钱敏');
    await manager.locator('.input-join-phone input').fill('13700000009');
    await manager.locator('.btn-join').click();
    await manager.locator('.staff-home').waitFor();

    // The new manager staffs her property: 李建国, a technician of 阳光花园, joins it too.
    const invited = (await runtime.invoke('members', { action: members.invite.name, input: { propertyId: 'maple-court', commandId: 'e2e-invite-li-01', role: 'technician' } }, { openid: 'o-new-desk' })) as {
      ok: boolean;
      data: { code: string };
    };
    const joined = await runtime.invoke('members', { action: members.join.name, input: { commandId: 'e2e-join-li-0001', code: invited.data.code, name: '李建国', phone: '13900000001' } }, { openid: 'o-tech-li' });
    expect(joined).toMatchObject({ ok: true });

    const tech = await signIn(browser, url, '李建国');
    await tech.locator('.btn-property', { hasText: '枫林苑 · 维修师傅' }).click();
    await tech.locator('.technician-orders .property-switch-current', { hasText: '当前：枫林苑' }).waitFor();
    await tech.locator('.btn-switch-property').click();
    await tech.locator('.btn-property', { hasText: '阳光花园 · 维修师傅' }).click();
    await tech.locator('.technician-orders .property-switch-current', { hasText: '当前：阳光花园' }).waitFor();
    await tech.reload();
    await tech.locator('.technician-orders .property-switch-current', { hasText: '当前：阳光花园' }).waitFor();

    await admin.reload();
    await expect(admin.locator('.property-maple-court .property-managers').innerText()).resolves.toBe('管理处主任：钱敏');
  });
});
