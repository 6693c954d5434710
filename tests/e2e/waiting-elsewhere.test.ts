import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { company, members, repairs } from '@shared/contracts';
import { shanghaiDate, withinDays } from '@shared/time/shanghai';
import { ADMIN, callAs, expectOk, memberIdOf, newCommandId, repairInput, SUPERVISOR, TECH_LI, WANG } from '../functions/harness';
import { startSystem, signIn, picture } from './browser';

jest.setTimeout(240_000);

const MAPLE = 'maple-court';
const MAPLE_MANAGER = 'o-new-desk';
const shots = resolve(__dirname, '..', '..', 'docs', 'screenshots');

/** docs/screenshots/<name>-phone.png at 390 px and <name>-pc.png at 1280 px, the page as it stands. */
const shootBoth = async (page: Page, name: string) => {
  await picture(page, { path: join(shots, `${name}-phone.png`) });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForTimeout(300);
  await picture(page, { path: join(shots, `${name}-pc.png`) });
  await page.setViewportSize({ width: 390, height: 844 });
};

/**
 * Issue 14 (2) in the H5 build: 李师傅 serves 阳光花园 and, since this morning, 枫林苑 (made through
 * the API). Working in 枫林苑, he sees on his property switch that two orders (one urgent) wait for
 * him in 阳光花园, with a badge on the switch; a third appears when the page shows again; a tap on
 * the line takes him there, where nothing waits in 枫林苑, so no badge shows.
 */
describe('e2e: work waiting in the other property, on the property switch', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    system = await startSystem();
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('a technician of two properties sees the badge for the other and switches to it', async () => {
    const { browser, url, runtime } = system;
    expectOk(await callAs(runtime, ADMIN, company.createProperty, { commandId: newCommandId(), propertyId: MAPLE, name: '枫林苑', address: '上海市闵行区枫林路 1 号', deskPhone: '021-66660000', template: 'demo' }));
    const appointed = expectOk(await callAs(runtime, ADMIN, company.appointManager, { propertyId: MAPLE, commandId: newCommandId() }));
    expectOk(await callAs(runtime, MAPLE_MANAGER, members.join, { commandId: newCommandId(), code: appointed.code!, name: '钱敏', phone: '13700000009' }));
    const invited = expectOk(await callAs(runtime, MAPLE_MANAGER, members.invite, { propertyId: MAPLE, commandId: newCommandId(), role: 'technician' }));
    expectOk(await callAs(runtime, TECH_LI, members.join, { commandId: newCommandId(), code: invited.code!, name: '李建国', phone: '13900000001' }));

    const tomorrow = { date: shanghaiDate(withinDays(new Date(), 1)), slot: 'evening' };
    const dispatchToLi = async (description: string) => {
      const filed = expectOk(await callAs(runtime, WANG, repairs.create, repairInput({ description, preferredTime: tomorrow })));
      expectOk(await callAs(runtime, SUPERVISOR, repairs.dispatch, { propertyId: 'demo', commandId: newCommandId(), repairId: filed.id, version: filed.version, technicianId: memberIdOf(TECH_LI) }));
    };
    await dispatchToLi('厨房水龙头一直滴水');
    await dispatchToLi('厨房燃气泄漏，有很大的味道');

    const tech = await signIn(browser, url, '李建国');
    await tech.locator('.btn-property', { hasText: '枫林苑 · 维修师傅' }).click();
    const home = tech.locator('.technician-orders');
    await home.locator('.property-switch-current', { hasText: '当前：枫林苑' }).waitFor();
    const sunny = home.locator('.property-waiting-demo');
    await expect(sunny.innerText()).resolves.toMatch(/阳光花园 · 维修师傅\s*2 单待完成\s*其中 1 件紧急\s*去处理/);
    await expect(home.locator('.btn-switch-property .waiting-badge-urgent').innerText()).resolves.toBe('2');
    await shootBoth(tech, 'technician-waiting-elsewhere');

    await dispatchToLi('卫生间灯不亮了');
    await tech.reload();
    await expect(home.locator('.property-waiting-demo .property-waiting-count').innerText()).resolves.toBe('3 单待完成');
    await expect(home.locator('.btn-switch-property .waiting-badge').innerText()).resolves.toBe('3');

    const askedThere = tech.waitForResponse((r) => r.url().endsWith('/api/fn/session') && /"action":"waiting".*"propertyId":"demo"/.test(r.request().postData() ?? ''));
    await home.locator('.property-waiting-demo').click();
    await tech.locator('.technician-orders .property-switch-current', { hasText: '当前：阳光花园' }).waitFor();
    await tech.locator('.technician-orders .order-entry').nth(2).waitFor();
    await expect((await askedThere).json()).resolves.toEqual({ ok: true, data: { others: [{ propertyId: MAPLE, count: 0, urgent: 0 }] } });
    await expect(tech.locator('.technician-orders .order-entry').count()).resolves.toBe(3);
    await expect(tech.locator('.technician-orders .property-waiting').count()).resolves.toBe(0);
    await expect(tech.locator('.technician-orders .waiting-badge').count()).resolves.toBe(0);
  });
});
