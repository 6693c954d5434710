import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import * as repairs from '@shared/contracts/repairs.contract';
import { callAs, expectOk, repairInput, WANG } from '../functions/harness';
import { drawSignature, signIn, startSystem, picture } from './browser';
import { takeToSignOff } from './signed-repair';

jest.setTimeout(240_000);

const shots = resolve(__dirname, '..', '..', 'docs', 'screenshots');
const PC = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };
const PHONE = { width: 390, height: 844 };
type System = Awaited<ReturnType<typeof startSystem>>;

/** What is on the screen: the H5 router keeps the pages behind the current one in the document, hidden. */
const on = (page: Page, selector: string) => page.locator(`${selector} >> visible=true`);

interface StoredLeftKey {
  status: string;
  leftBy: string;
  returnedTo: string | null;
}
const stored = (system: System) => system.runtime.engine.collection('leftKeys').all() as unknown as StoredLeftKey[];

/**
 * Issue 19, 2 (K2) in the H5 build: 王秀英 leaves her key at the desk for 李建国's visit on her
 * repair; the desk (at a PC) records it, he signs for it on his phone, brings it back, and the desk
 * may hand it to her only once the order is signed off.
 */
describe('e2e: a resident’s key left at the desk for her repair’s technician', () => {
  let system: System;
  let filed: repairs.RepairView;
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    system = await startSystem();
    filed = expectOk(await callAs(system.runtime, WANG, repairs.create, repairInput({ description: '入户门锁芯卡住，白天家里没人' })));
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('K2: recorded for 李建国, signed for on his phone, back at the desk, refused to the resident until sign-off, then returned', async () => {
    const desk = await signIn(system.browser, system.url, '陈晓', PC);
    const card = on(desk, '.left-key-row');
    await takeToSignOff(system, filed, {
      afterDispatch: async () => {
        await on(desk, '.link-keys').click();
        await on(desk, '#keys-tab-left').click();
        await on(desk, '.btn-record-left').click();
        const form = on(desk, '.leave-key-form');
        await form.locator('.left-repair-chip').first().waitFor();
        await expect(form.locator('.left-repair-chip').count()).resolves.toBe(1);
        await form.locator('.left-repair-chip').first().click();
        await expect(form.locator('.left-technician-chip.chip-on').innerText()).resolves.toBe('李建国');
        await expect(form.locator('.input-left-by input').inputValue()).resolves.toBe('王秀英');
        await form.locator('.input-left-keys input').fill('入户门钥匙 1 把');
        await form.locator('.btn-leave-key').click();
        await card.locator('.left-status', { hasText: '在前台' }).waitFor();
        await expect(card.locator('.left-who').innerText()).resolves.toBe('王秀英 留给 李建国 · 陈晓 经手');
        // The shot waits out the 已登记 toast (1.5 s), so the list is seen as it stands.
        await desk.waitForTimeout(2000);
        await picture(desk, { path: join(shots, 'desk-left-keys-pc.png') });
        await desk.setViewportSize(PHONE);
        await picture(desk, { path: join(shots, 'desk-left-keys-phone.png') });
        await desk.setViewportSize(PC.viewport);

        const technician = await signIn(system.browser, system.url, '李建国');
        await on(technician, '.link-my-keys').click();
        const mine = on(technician, '.my-left-key');
        await mine.locator('.btn-key-sign').waitFor();
        await expect(on(technician, '.left-for-me-title').innerText()).resolves.toBe('住户留给我的钥匙');
        // The H5 router slides a new page in: the shot waits for it to settle.
        await technician.waitForTimeout(800);
        await picture(technician, { path: join(shots, 'technician-left-keys-phone.png') });
        await technician.setViewportSize(PC.viewport);
        await picture(technician, { path: join(shots, 'technician-left-keys-pc.png') });
        await technician.setViewportSize(PHONE);
        await drawSignature(technician, '.my-left-key .key-sign-pad canvas');
        await mine.locator('.btn-key-sign').click();
        await mine.locator('.section-title', { hasText: '师傅已取走' }).waitFor();
        expect(stored(system)).toEqual([expect.objectContaining({ status: 'out' })]);

        await on(desk, '#keys-tab-loans').click();
        await on(desk, '#keys-tab-left').click();
        await card.locator('.btn-bring-back').click();
        await card.locator('.left-status', { hasText: '已交回前台' }).waitFor();

        await card.locator('.btn-give-resident').click();
        await card.locator('.btn-give-resident-confirm').click();
        await expect(card.locator('.error-give-resident').innerText()).resolves.toBe('维修单还没有签字确认，钥匙先留在前台');
        expect(stored(system)).toEqual([expect.objectContaining({ status: 'back', returnedTo: null })]);
      },
    });

    await card.locator('.btn-give-resident-confirm').click();
    await on(desk, '.desk-keys .list-empty').filter({ hasText: '前台没有住户留存的钥匙' }).waitFor();
    expect(stored(system)).toEqual([expect.objectContaining({ status: 'returned', returnedTo: '王秀英' })]);
  });
});
