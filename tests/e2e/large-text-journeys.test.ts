import type { Page } from 'playwright-core';
import { startSystem, signIn, counted, picture } from './browser';
import { allReadable, readable } from './readable';

jest.setTimeout(300_000);

/** The confirmation from its top, as she sees it when it opens. */
const shootTop = async (page: Page, name: string, top: string) => {
  await page.locator(top).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await picture(page, { path: `docs/screenshots/large-text/${name}.png` });
};

/**
 * Issue 18 ("done when"): 王阿姨's filing journeys run at 200 % text in Chromium at 390 px, her taps counted,
 * and each confirmation holds at that size (nothing stacked, 44 px targets, axe clean).
 */
describe('e2e: 王阿姨 files at 200 % text', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  let wang: Page;
  beforeAll(async () => {
    system = await startSystem();
    wang = await signIn(system.browser, system.url, '王秀英');
    await wang.locator('#text-size-larger').click();
    await wang.locator('.resident-home.text-scale-200').waitFor();
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('R3: a repair in three taps and a sentence; she is told at once it is urgent and what happens next, the desk one tap away', async () => {
    const her = counted(wang);
    await her.tap('#btn-new-repair');
    await her.tap('.category-water');
    await wang.locator('.input-description textarea').fill('厨房水管爆了，水一直往外喷');
    await her.tap('.btn-submit-repair');
    await wang.locator('.repair-result').waitFor();
    expect(her.taps()).toBe(3);
    await expect(wang.locator('.repair-new').getAttribute('class')).resolves.toContain('text-scale-200');
    await expect(wang.locator('.repair-result .btn-call-desk').count()).resolves.toBe(1);
    await expect(wang.locator('.repair-result.result-urgent').count()).resolves.toBe(1);
    await shootTop(wang, 'resident-repair-sent-200', '.repair-result .result-card');
    await expect(readable(wang)).resolves.toEqual(allReadable);
  });

  it('C4: a complaint, then who reads it and by when, in plain words', async () => {
    await wang.goto(`${system.url}/#/pages/resident/home/index`);
    const her = counted(wang);
    await her.tap('#btn-new-complaint');
    await her.tap('#category-cleaning');
    await her.tap('#place-building');
    await wang.locator('.input-target input').fill('保洁部');
    await wang.locator('.input-complaint-description textarea').fill('楼道里的垃圾三天没人清理');
    await wang.locator('.input-complaint-request textarea').fill('请今天清理干净');
    await her.tap('.btn-submit-complaint');
    await wang.locator('.complaint-result').waitFor();
    expect(her.taps()).toBe(4);
    await expect(wang.locator('.complaint-result-read').innerText()).resolves.toBe('客服中心今天就会看到，确认是什么问题、由谁来处理。');
    await expect(wang.locator('.complaint-result-resolve').innerText()).resolves.toMatch(/^一般问题会在后天 \d\d:\d\d前处理好；情况严重的，当天报告总经理。$/);
    await expect(readable(wang)).resolves.toEqual(allReadable);
    await shootTop(wang, 'resident-complaint-sent-200', '.complaint-result .result-card');
    await her.tap('.btn-view-complaint');
    await wang.locator('.my-complaint-page .timeline-item').first().waitFor();
  });
});
