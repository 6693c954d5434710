import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import * as repairs from '@shared/contracts/repairs.contract';
import type { Action } from '@shared/contracts';
import { callAs, expectOk, TECH_LI, uploadAs } from '../functions/harness';
import { drawSignature, signIn, startSystem, picture } from './browser';

jest.setTimeout(240_000);

const shots = resolve(__dirname, '..', '..', 'docs', 'screenshots');
const PC = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const DESCRIPTION = '1栋3楼走廊灯不亮（巡查发现）';
type System = Awaited<ReturnType<typeof startSystem>>;

/** What is on the screen: the H5 router keeps the pages behind the current one in the document, hidden. */
const on = (page: Page, selector: string, options?: { hasText: string }) => page.locator(`${selector} >> visible=true`, options);

/** The page at a PC window's width and at a phone's, both kept; the page is left at the phone's. */
const shootBoth = async (page: Page, name: string) => {
  await page.setViewportSize(PC);
  await page.waitForTimeout(300);
  await picture(page, { path: join(shots, `${name}-pc.png`) });
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(300);
  await picture(page, { path: join(shots, `${name}-phone.png`) });
};

interface StoredRepair {
  _id: string;
  status: string;
  version: number;
  description: string;
  residentOpenid: string | null;
  acceptance: { signature: string | null } | null;
  signOff: { signature: string } | null;
  rating: unknown;
}

/**
 * Issue 18 (5), repair v9 `noReporter`, in the H5 build: 陈晓 registers a light the patrol found out on
 * 1栋 3层 with nobody to report it, dispatches it to 李建国; he confirms the quote with no signature to
 * ask for, and at the end the staff member who checks the work signs, with no stars to give.
 */
describe('e2e: a public place’s repair nobody reported, from the desk’s register to the sign-off', () => {
  let system: System;
  const stored = () => (system.runtime.engine.collection('repairs').all() as unknown as StoredRepair[]).find((r) => r.description === DESCRIPTION);
  const reached = async (status: string) => {
    for (let i = 0; i < 150 && stored()?.status !== status; i += 1) await new Promise((done) => setTimeout(done, 100));
    expect(stored()?.status).toBe(status);
    return stored()!;
  };
  const step = async (action: Action, extra: Record<string, unknown> = {}) => {
    const repair = stored()!;
    const input = { propertyId: 'demo', commandId: `e2e-noreporter-${action.name}`, repairId: repair._id, version: repair.version, ...extra };
    expectOk(await callAs(system.runtime, TECH_LI, action as typeof repairs.acknowledge, input));
  };
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    system = await startSystem();
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('R2 R6 R7: registered with 无报修人, dispatched, the quote confirmed with no signature, signed off by 请验收人员签字 with no stars', async () => {
    const desk = await signIn(system.browser, system.url, '陈晓', { viewport: PC, deviceScaleFactor: 1 });
    await desk.goto(`${system.url}#/pages/desk/register/index`);
    await on(desk, '#register-room-public').click();
    await on(desk, '#register-no-reporter').click();
    await on(desk, '.input-register-building input').fill('1');
    await on(desk, '#public-place-building', { hasText: '1栋' }).click();
    await on(desk, '.public-floor input').fill('3');
    await on(desk, '#category-electrical').click();
    await on(desk, '.input-register-description textarea').fill(DESCRIPTION);
    await on(desk, '#channel-walk_in').click();
    await on(desk, '.input-caller-name input').fill('保安 陈刚');
    await on(desk, '.input-caller-phone input').fill('13900000009');
    await expect(on(desk, '#register-no-reporter').getAttribute('class')).resolves.toContain('chip-on');
    await expect(on(desk, '.register-chosen').count()).resolves.toBe(0);
    await shootBoth(desk, 'desk-register-no-reporter');
    await desk.setViewportSize(PC);

    await on(desk, '.btn-submit-register').click();
    await on(desk, '.register-result').waitFor();
    await expect(on(desk, '.register-result-address').innerText()).resolves.toBe('1栋 3层');
    const filed = await reached('submitted');
    expect(filed.residentOpenid).toBeNull();

    await desk.goto(`${system.url}#/pages/desk/repair/index?id=${encodeURIComponent(filed._id)}`);
    await on(desk, '.tech-option', { hasText: '李建国' }).click();
    await on(desk, '.btn-dispatch').click();
    await reached('dispatched');

    await step(repairs.acknowledge);
    await step(repairs.arrive);
    await step(repairs.quote, { items: [] });
    const technician = await signIn(system.browser, system.url, '李建国');
    await technician.goto(`${system.url}#/pages/technician/order/index?id=${encodeURIComponent(filed._id)}`);
    await on(technician, '.accept-screen .title', { hasText: '确认报价' }).waitFor();
    await expect(on(technician, '.accept-screen .signature-pad').count()).resolves.toBe(0);
    await on(technician, '.btn-accept-quote').click();
    expect((await reached('in_progress')).acceptance).toMatchObject({ signature: null });

    await step(repairs.complete, {
      beforePhotos: [uploadAs(system.runtime, TECH_LI, 'b-lamp.png', ONE_PIXEL_PNG)],
      afterPhotos: [uploadAs(system.runtime, TECH_LI, 'a-lamp.png', ONE_PIXEL_PNG)],
      materials: [],
    });
    await technician.reload();
    await on(technician, '.sign-off-screen .title', { hasText: '请验收人员签字' }).waitFor();
    await expect(on(technician, '.sign-off-screen .star-quality').count()).resolves.toBe(0);
    await shootBoth(technician, 'technician-sign-off-no-reporter');
    await drawSignature(technician, '.sign-off-screen .signature-pad canvas');
    await on(technician, '.btn-sign-off').click();
    const signed = await reached('signed');
    expect(signed.signOff).toMatchObject({ signature: expect.stringMatching(/^cloud:\/\//) });
    expect(signed.rating).toBeNull();
  });
});
