import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import * as settings from '@shared/contracts/settings.contract';
import * as visits from '@shared/contracts/visits.contract';
import { shanghaiDate, withinDays } from '@shared/time/shanghai';
import { callAs, expectOk, newCommandId, WANG, WANG_ROOM } from '../functions/harness';
import { startSystem, signIn, picture } from './browser';
import { journey } from './journey';

jest.setTimeout(300_000);

const MANAGER = 'o-mgr-zhou';
const shots = resolve(__dirname, '..', '..', 'docs', 'screenshots', 'expectations');

/** docs/screenshots/expectations/<name>-390.png and -1280.png: the page at phone width, then on a PC. */
const shootBoth = async (page: Page, name: string, top: string) => {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.waitForTimeout(300);
    await page.locator(top).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await picture(page, { path: join(shots, `${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 390, height: 844 });
};

const home = (page: Page, url: string) => page.goto(`${url}/#/pages/resident/home/index`);

/**
 * Issue 18 (2) in Chromium at 390 px: after filing a repair she reads when someone acts, in the
 * property's own minutes (urgent: the people on duty know, the desk one tap away); the booking form
 * opens on the first day with a place, a begun slot says 已过 and a full one 已约满; a complaint
 * goes in without naming whom it is about.
 */
describe('e2e: what happens next, after every step (issue 18, 2)', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  let wang: Page;
  beforeAll(async () => {
    system = await startSystem();
    // The manager promises 20 minutes and lets one person book many visits (issue 12, 4), before anything reads the settings.
    expectOk(
      await callAs(system.runtime, MANAGER, settings.updateSettings, {
        propertyId: 'demo',
        commandId: newCommandId(),
        repairPromise: { dispatchMinutes: 20 },
        dailyLimits: { repairs: 10, complaints: 5, bookings: 30, bindingRequests: 3 },
      }),
    );
    wang = await signIn(system.browser, system.url, '王秀英');
    await wang.locator('.resident-home').waitFor();
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('R4: a normal repair says the desk dispatches within the property\'s 20 minutes and the technician phones first', async () => {
    const she = journey(wang);
    await she.tap('#btn-new-repair');
    await she.tap('.category-door_window');
    await wang.locator('.input-description textarea').fill('卧室门把手松了，关不严');
    await she.tap('.btn-submit-repair');
    await wang.locator('.repair-result.result-normal').waitFor();
    await expect(wang.locator('.result-promise').innerText()).resolves.toBe('客服将在 20 分钟内派单，师傅上门前会先打电话');
    // 报修, the category, 提交: the promise is on the screen the filing ends on, no tap more.
    expect(she.task().taps).toBeLessThanOrEqual(3);
    await expect(wang.locator('.repair-result').innerText()).resolves.not.toContain('尽快');
    await shootBoth(wang, 'resident-repair-filed', '.repair-result');
  });

  it('R3: an urgent repair says the people on duty know, with the desk\'s number one tap away', async () => {
    await home(wang, system.url);
    const she = journey(wang);
    await she.tap('#btn-new-repair');
    await she.tap('.category-water');
    await wang.locator('.input-description textarea').fill('厨房水管爆了，水一直往外喷');
    await she.tap('.btn-submit-repair');
    await wang.locator('.repair-result.result-urgent').waitFor();
    await expect(wang.locator('.result-promise').innerText()).resolves.toBe('已通知值班人员，马上处理');
    await expect(wang.locator('.repair-result .btn-call-desk.btn-primary').count()).resolves.toBe(1);
    // 报修, the category, 提交; the desk's number is then the one tap left (the primary button).
    expect(she.task().taps).toBeLessThanOrEqual(3);
    await shootBoth(wang, 'resident-repair-urgent', '.repair-result');
  });

  it('V4: with today\'s home visits all taken or begun, the form opens on tomorrow; today\'s read 已过 or 已约满 and none can be picked', async () => {
    const today = shanghaiDate(new Date());
    const tomorrow = shanghaiDate(withinDays(new Date(), 1));
    const left = expectOk(await callAs(system.runtime, WANG, visits.slots, { propertyId: 'demo', date: today, kind: 'home' })).slots.filter((s) => s.free > 0);
    for (const slot of left) {
      expectOk(await callAs(system.runtime, WANG, visits.bookHome, { propertyId: 'demo', commandId: newCommandId(), start: slot.start, roomId: WANG_ROOM, topic: '' }));
    }
    await wang.goto(`${system.url}/#/pages/resident/bookings/index`);
    const she = journey(wang);
    await she.tap('.btn-new-home');
    await wang.locator('.book-picker .slot-chip').first().waitFor();
    await expect(wang.locator(`#book-date-${tomorrow}`).getAttribute('class')).resolves.toContain('chip-on');
    // One tap to the form, and it is already on the first day she can book: no tap spent on a full day.
    expect(she.task().taps).toBe(1);
    await expect(wang.locator('.book-picker .slot-chip.chip-disabled').count()).resolves.toBe(0);
    await shootBoth(wang, 'resident-booking-first-open-day', '.book-form');

    await wang.locator(`#book-date-${today}`).click();
    await wang.locator('.book-picker .slot-chip.chip-disabled').first().waitFor();
    const chips = await wang.locator('.book-picker .slot-chip').evaluateAll((els) => els.map((el) => ({ cls: el.className, label: el.querySelector('.slot-free')?.textContent ?? '' })));
    const todays = expectOk(await callAs(system.runtime, WANG, visits.slots, { propertyId: 'demo', date: today, kind: 'home' })).slots;
    const now = Date.now();
    expect(chips.map((c) => c.label)).toEqual(todays.map((s) => (Date.parse(s.start) <= now ? '已过' : '已约满')));
    expect(chips.every((c) => c.cls.includes('chip-disabled'))).toBe(true);
    await wang.locator('.book-picker .slot-chip').first().click();
    await expect(wang.locator('.book-picker .slot-chip.chip-on').count()).resolves.toBe(0);
    await shootBoth(wang, 'resident-booking-today-past-full', '.book-form');
  });

  it('C1: a complaint without 投诉对象 is filed, and her complaint shows no empty 投诉对象', async () => {
    await home(wang, system.url);
    const she = journey(wang);
    await she.tap('#btn-new-complaint');
    await she.tap('#category-cleaning');
    await she.tap('#place-building');
    await expect(wang.locator('.input-target input').inputValue()).resolves.toBe('');
    await shootBoth(wang, 'resident-complaint-form-target-optional', '.complaint-form');
    await wang.locator('.input-complaint-description textarea').fill('楼道里的垃圾三天没人清理');
    await wang.locator('.input-complaint-request textarea').fill('请今天清理干净');
    await she.tap('.btn-submit-complaint');
    await wang.locator('.complaint-result').waitFor();
    // 投诉, the kind, where, 提交: no tap on 投诉对象; the confirmation says who reads it and by when (C4).
    expect(she.task().taps).toBeLessThanOrEqual(4);
    await expect(wang.locator('.complaint-result-read').innerText()).resolves.toContain('客服中心');
    await she.tap('.btn-view-complaint');
    await wang.locator('.my-complaint-facts').waitFor();
    await expect(wang.locator('.my-complaint-facts .fact-target').count()).resolves.toBe(0);
    await expect(wang.locator('.my-complaint-facts .fact-description').innerText()).resolves.toContain('楼道里的垃圾三天没人清理');
  });

  it('issue 18 (2): the manager sees the promise as residents will read it, and a new number changes the preview', async () => {
    const zhou = await signIn(system.browser, system.url, '周经理');
    await zhou.goto(`${system.url}/#/pages/supervisor/settings/index`);
    await zhou.locator('.settings-promise .input-dispatch-minutes input').waitFor();
    await expect(zhou.locator('.preview-promise-normal').innerText()).resolves.toBe('客服将在 20 分钟内派单，师傅上门前会先打电话');
    await zhou.locator('.settings-promise .input-dispatch-minutes input').fill('30');
    await expect(zhou.locator('.preview-promise-normal').innerText()).resolves.toBe('客服将在 30 分钟内派单，师傅上门前会先打电话');
    await expect(zhou.locator('.preview-promise-urgent').innerText()).resolves.toBe('已通知值班人员，马上处理');
    await shootBoth(zhou, 'manager-settings-promise', '.settings-promise');
    await zhou.locator('.btn-save-promise').click();
    await zhou.locator('.btn-save-promise').waitFor({ state: 'detached' });
    const saved = expectOk(await callAs(system.runtime, MANAGER, settings.settings, { propertyId: 'demo' }));
    expect(saved.repairPromise).toEqual({ dispatchMinutes: 30 });
  });
});
