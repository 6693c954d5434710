import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import * as complaints from '@shared/contracts/complaints.contract';
import * as repairs from '@shared/contracts/repairs.contract';
import { shanghaiDate, withinDays } from '@shared/time/shanghai';
import { callAs, complaintInput, DESK_ON_SHIFT, expectOk, memberIdOf, repairInput, TECH_LI, WANG, WANG_ROOM } from '../functions/harness';
import { startSystem, signIn, picture } from './browser';
import { takeToSignOff } from './signed-repair';
import { allReadable, readable } from './readable';

jest.setTimeout(600_000);

const SIZES = [
  { choice: 'standard', percent: 100 },
  { choice: 'large', percent: 150 },
  { choice: 'larger', percent: 200 },
] as const;

/** The technician has no 大字 switch of his own (WeChat's font size sets his); in H5 the same stored choice stands in for it. */
const chooseStored = (page: Page, choice: string) => page.evaluate((data) => localStorage.setItem('textChoice', JSON.stringify({ data })), choice);

const shots = resolve(__dirname, '..', '..', 'docs', 'screenshots', 'large-text');

const visit = async (page: Page, url: string, path: string, ready: string) => {
  await page.goto(`${url}/#${path}`);
  // The page's shown instance: a page opened again leaves its earlier instance hidden in the stack.
  await page.locator(`${ready} >> visible=true`).first().waitFor();
  await page.waitForTimeout(300);
};

/** docs/screenshots/large-text/<role>-<page>-<percent>.png at 100 % and 200 %, as a person sees the first screen. */
const shoot = async (page: Page, path: string, percent: number) => {
  if (percent === 150) return;
  const name = path.replace(/^\/pages\//, '').replace(/\/index.*$/, '').replace(/\//g, '-');
  await picture(page, { path: join(shots, `${name}-${percent}.png`) });
};

/**
 * Issue 18, 1, in Chromium at 390 px: every resident and technician page at 100 %, 150 % and 200 % text,
 * the size chosen with the in-app 大字 switch on the resident's home.
 */
describe('e2e: large text (关怀模式) on every resident and technician page', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  let repairId = '';
  let complaintId = '';
  let doneId = '';
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    system = await startSystem();
    const tomorrow = shanghaiDate(withinDays(new Date(), 1));
    const filed = expectOk(await callAs(system.runtime, WANG, repairs.create, repairInput({ preferredTime: { date: tomorrow, slot: 'evening' } })));
    repairId = filed.id;
    expectOk(await callAs(system.runtime, DESK_ON_SHIFT, repairs.dispatch, { propertyId: 'demo', commandId: 'e2e-large-dispatch-01', repairId, version: filed.version, technicianId: memberIdOf(TECH_LI) }));
    const complained = expectOk(await callAs(system.runtime, WANG, complaints.create, complaintInput(WANG_ROOM, { occurredAt: new Date(Date.now() - 3_600_000).toISOString() })));
    complaintId = complained.id;
    doneId = (await takeToSignOff(system, expectOk(await callAs(system.runtime, WANG, repairs.create, repairInput({ preferredTime: null }))))).id;
  });
  afterAll(async () => {
    await system?.stop();
  });

  const residentPages = () => [
    ['/pages/resident/home/index', '.resident-home .home-tile'],
    ['/pages/resident/repair-new/index', '.category-tile'],
    ['/pages/resident/repairs/index', '.repair-card'],
    [`/pages/resident/repair/index?id=${repairId}`, '.timeline-item'],
    ['/pages/resident/complaint-new/index', '.complaint-new'],
    ['/pages/resident/complaints/index', '.my-complaint'],
    [`/pages/resident/complaint/index?id=${complaintId}`, '.my-complaint-page .timeline-item'],
    ['/pages/resident/bookings/index', '.my-bookings'],
    ['/pages/resident/my-data/index', '.my-data .card'],
    ['/pages/inbox/index', '.inbox-page'],
  ] as const;
  const technicianPages = () => [
    ['/pages/technician/orders/index', '.repair-card'],
    [`/pages/technician/order/index?id=${repairId}`, '.onsite-order .btn'],
    ['/pages/technician/keys/index', '.my-keys'],
  ] as const;

  it('王秀英 at 200 %: her completed repair with two photos (before and after) is no wider than the window, at 390 and 1280 px', async () => {
    const resident = await signIn(system.browser, system.url, '王秀英');
    await resident.locator('#text-size-larger').click();
    const found: { width: number; photos: number; documentWider: boolean }[] = [];
    for (const { width, height } of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
      await resident.setViewportSize({ width, height });
      await visit(resident, system.url, `/pages/resident/repair/index?id=${doneId}`, '.completion-after .photo-thumb');
      await resident.locator('.taro_page_show .completion-card').scrollIntoViewIfNeeded();
      await picture(resident, { path: join(shots, `resident-repair-done-200-${width}.png`) });
      const { photos, scrollWidth, clientWidth } = await resident.evaluate(() => {
        const root = document.scrollingElement ?? document.documentElement;
        const shown = Array.from(document.querySelectorAll('.taro_page_show')).pop();
        return { photos: shown?.querySelectorAll('.completion-card .photo-thumb').length ?? 0, scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
      });
      found.push({ width, photos, documentWider: scrollWidth > clientWidth + 1 });
    }
    await resident.context().close();
    expect(found).toEqual([
      { width: 390, photos: 2, documentWider: false },
      { width: 1280, photos: 2, documentWider: false },
    ]);
  });

  for (const { choice, percent } of SIZES) {
    it(`王秀英 at ${percent} %: her pages reflow, nothing stacks, every target is 44 px, axe finds nothing serious`, async () => {
      const resident = await signIn(system.browser, system.url, '王秀英');
      await resident.locator(`#text-size-${choice}`).click();
      // The size applies on React's next render, not within the tap: wait for the page to carry it (5 s at most).
      await resident.locator(percent === 100 ? '.page.resident-home' : `.page.text-scale-${percent}`).first().waitFor({ timeout: 5_000 });
      for (const [path, ready] of residentPages()) {
        await visit(resident, system.url, path, ready);
        await shoot(resident, path, percent);
        await expect(readable(resident).then((f) => ({ path, ...f }))).resolves.toEqual({ path, ...allReadable });
      }
      await resident.context().close();
    });

    it(`李建国 at ${percent} %: his list, his order and his keys hold at that size`, async () => {
      const technician = await signIn(system.browser, system.url, '李建国');
      await chooseStored(technician, choice);
      await technician.reload();
      for (const [path, ready] of technicianPages()) {
        await visit(technician, system.url, path, ready);
        await shoot(technician, path, percent);
        await expect(readable(technician).then((f) => ({ path, ...f }))).resolves.toEqual({ path, ...allReadable });
      }
      await technician.context().close();
    });
  }
});
