import type { Page } from 'playwright-core';
import * as repairs from '@shared/contracts/repairs.contract';
import { callAs, expectOk, WANG } from '../functions/harness';
import { startSystem, signIn } from './browser';
import { takeToSignOff } from './signed-repair';

jest.setTimeout(300_000);

/** Every tap she makes, counted. */
const counted = (page: Page) => {
  let taps = 0;
  return {
    tap: async (selector: string) => {
      taps += 1;
      await page.locator(selector).first().click();
    },
    taps: () => taps,
  };
};

/**
 * Issue 18 (5) in Chromium at 390 px: 王秀英 files a repair of 1-1-101 on her phone; 吴芳, bound to
 * the same room, finds it under 我的报修 in 2 taps from her home, named as 王秀英's (no number),
 * follows it to the sign-off, and is never asked to rate it: 王秀英 is.
 */
describe('e2e: a household follows its room\'s repairs (issue 18, 5)', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  let wang: Page;
  let wu: Page;
  let repairId = '';
  beforeAll(async () => {
    system = await startSystem();
    wang = await signIn(system.browser, system.url, '王秀英');
    wu = await signIn(system.browser, system.url, '吴芳');
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('C3: 王秀英 files; 吴芳 sees it in 2 taps from her home, named as 王秀英\'s, with no phone number', async () => {
    await wang.goto(`${system.url}/#/pages/resident/home/index`);
    await wang.locator('#btn-new-repair').click();
    await wang.locator('.category-water').click();
    await wang.locator('.input-description textarea').fill('卫生间水龙头关不紧，一直滴水');
    await wang.locator('.btn-submit-repair').click();
    await wang.locator('.repair-result').waitFor();
    repairId = expectOk(await callAs(system.runtime, WANG, repairs.listMine, { propertyId: 'demo' })).items[0]!.id;

    await wu.goto(`${system.url}/#/pages/resident/home/index`);
    // Her home counts the household's open repair as hers to follow.
    await wu.locator('.btn-my-repairs .home-tile-hint', { hasText: '1 件正在处理' }).waitFor();
    const her = counted(wu);
    await her.tap('#btn-my-repairs');
    const card = wu.locator(`#repair-${repairId}`);
    await card.waitFor();
    await expect(card.locator('.repair-card-filer').innerText()).resolves.toBe('王秀英 报修');
    await expect(card.innerText()).resolves.not.toMatch(/1\d{2}\*{4}\d{4}|1\d{10}/);
    await her.tap(`#repair-${repairId}`);
    await expect(wu.locator('.my-repair-filer-name').innerText()).resolves.toBe('王秀英 报修');
    await expect(wu.locator('.summary-next').innerText()).resolves.toBe('客服中心正在为您安排维修师傅。');
    expect(her.taps()).toBe(2);
  });

  it('R7: she follows it to the sign-off and is told 王秀英 rates it, with no rating to give; 王秀英 is asked to rate', async () => {
    await takeToSignOff(system, expectOk(await callAs(system.runtime, WANG, repairs.get, { propertyId: 'demo', repairId })));
    await wu.reload();
    await expect(wu.locator('.summary-next').innerText()).resolves.toBe('维修已完成，由王秀英评价这次服务。');
    await expect(wu.locator('.rate-repair').count()).resolves.toBe(0);
    await expect(wu.locator('#btn-rate-satisfied').count()).resolves.toBe(0);

    await wang.goto(`${system.url}/#/pages/resident/repair/index?id=${repairId}`);
    await wang.locator('.rate-repair').waitFor();
    await expect(wang.locator('.my-repair-filer').count()).resolves.toBe(0);
  });
});
