import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import * as repairs from '@shared/contracts/repairs.contract';
import { callAs, expectOk, repairInput, WANG } from '../functions/harness';
import { signIn, startSystem, picture } from './browser';
import { allReadable, readable, type Findings } from './readable';
import { SCREENS } from './route-sweep';
import { takeToSignOff } from './signed-repair';

jest.setTimeout(300_000);

const SHOWN = '.taro_page_show';
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 };
const shotsOf = (folder: string) => resolve(__dirname, '..', '..', 'docs', 'screenshots', folder);

/**
 * Each visible one-line input of the shown page: how far its text line's middle stands from its box's middle
 * (a field in the browser is a `.text-line` box around a native <input>: components/TextLine/index.h5.tsx), in CSS px.
 */
const offCentre = (page: Page) =>
  page.evaluate((shown) => {
    const root = Array.from(document.querySelectorAll(shown)).pop() as HTMLElement;
    return Array.from(root.querySelectorAll('.text-line'))
      .filter((box) => box.getBoundingClientRect().height > 0)
      .map((box) => {
        const outer = box.getBoundingClientRect();
        const inner = (box.querySelector('input') as HTMLElement).getBoundingClientRect();
        return { field: box.className.split(' ').filter((c) => c.startsWith('input-') || c.endsWith('-input')).join(' '), off: Math.round(Math.abs(inner.top + inner.height / 2 - (outer.top + outer.height / 2))) };
      });
  }, SHOWN);

const open = async (page: Page, url: string, path: string, ready: string) => {
  await page.goto(`${url}/#${path}`);
  await page.locator(`${SHOWN} ${ready} >> visible=true`).first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(400);
};

/**
 * Issue 18 (1) at a PC window, and issue 17 (1): a resident's pages keep 44 px targets at 1280 px as on the phone,
 * and one-line inputs hold their text in the middle of their box at 390 and 1280 px.
 */
describe('e2e: touch targets on a PC window, and text in the middle of its field', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  let signedId = '';
  beforeAll(async () => {
    for (const folder of ['resident', 'pc']) mkdirSync(shotsOf(folder), { recursive: true });
    system = await startSystem();
    const filed = expectOk(await callAs(system.runtime, WANG, repairs.create, repairInput({ preferredTime: null })));
    signedId = (await takeToSignOff(system, filed)).id;
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('王秀英 at 1280 px: every button of her home, the repair form and a repair to rate is at least 44 px high and wide', async () => {
    const resident = await signIn(system.browser, system.url, '王秀英', SCREENS.pc);
    const pages = [
      ['home', '/pages/resident/home/index', '.home-tile'],
      ['repair-new', '/pages/resident/repair-new/index', '.category-tile'],
      ['repair', `/pages/resident/repair/index?id=${signedId}`, '.rate-repair'],
    ] as const;
    const found: ({ path: string } & Findings)[] = [];
    for (const [name, path, ready] of pages) {
      await open(resident, system.url, path, ready);
      await picture(resident, { path: join(shotsOf('resident'), `targets-${name}-1280.png`) });
      found.push({ path, ...(await readable(resident)) });
      await resident.setViewportSize(PHONE.viewport);
      await resident.waitForTimeout(300);
      await picture(resident, { path: join(shotsOf('resident'), `targets-${name}-390.png`) });
      await resident.setViewportSize(SCREENS.pc.viewport);
    }
    await resident.context().close();
    expect(found).toEqual(pages.map(([, path]) => ({ path, ...allReadable })));
  });

  it('the manager\'s settings and a resident\'s complaint form: each line\'s text in the middle of its box, at 390 and 1280 px', async () => {
    const manager = await signIn(system.browser, system.url, '周经理', SCREENS.pc);
    const resident = await signIn(system.browser, system.url, '王秀英', SCREENS.pc);
    await open(manager, system.url, '/pages/supervisor/settings/index', '.settings-fees .fee-row');
    await open(resident, system.url, '/pages/resident/complaint-new/index', '.complaint-input');
    const found: { width: number; name: string; fields: boolean; askew: { field: string; off: number }[] }[] = [];
    for (const [page, folder, name] of [[manager, 'pc', 'supervisor-settings-fields'], [resident, 'resident', 'complaint-fields']] as const) {
      for (const screen of [SCREENS.pc, PHONE]) {
        await page.setViewportSize(screen.viewport);
        await page.waitForTimeout(300);
        const width = screen.viewport.width;
        await page.locator(`${SHOWN} .text-line >> visible=true`).first().scrollIntoViewIfNeeded();
        await picture(page, { path: join(shotsOf(folder), `${name}-${width}.png`) });
        const fields = await offCentre(page);
        found.push({ width, name, fields: fields.length > 0, askew: fields.filter((f) => f.off > 1) });
      }
    }
    await manager.context().close();
    await resident.context().close();
    expect(found).toEqual(found.map(({ width, name }) => ({ width, name, fields: true, askew: [] })));
  });
});
