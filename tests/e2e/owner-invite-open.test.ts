import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import * as session from '@shared/contracts/session.contract';
import { callAs, expectOk, PROPERTY, WANG } from '../functions/harness';
import { counted, signIn, startSystem } from './browser';

jest.setTimeout(300_000);

const shots = resolve(__dirname, '..', '..', 'docs', 'screenshots');
const PC = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };
const PHONE = { width: 390, height: 844 };

/** What is on the screen: the H5 router keeps the pages behind the current one in the document, hidden. */
const on = (page: Page, selector: string) => page.locator(`${selector} >> visible=true`);

/** The same screen at a phone's width and at a PC's, each shot after the layout has settled. */
const bothWidths = async (page: Page, name: string, selector: string) => {
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(300);
  await on(page, selector).screenshot({ path: join(shots, `${name}-phone.png`) });
  await page.setViewportSize(PC.viewport);
  await page.waitForTimeout(300);
  await on(page, selector).screenshot({ path: join(shots, `${name}-pc.png`) });
  await page.setViewportSize(PHONE);
};

/**
 * Issue 18 (5) in Chromium: the manager sets how many codes an owner may issue a day in 业主邀请 and
 * lets invitations bind at once; 王秀英 issues two codes on 我的个人信息, sees them listed (never the
 * code again) and withdraws one; 孙丽 is refused the withdrawn code with its own words and binds with
 * the other; 王秀英's inbox says she joined. Screenshots at 390 and 1280 px.
 */
describe('e2e: an owner\'s open codes, withdrawn and used (issue 18, 5)', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  const codes: string[] = [];
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('the manager sets 3 codes a day and binding at once in the 业主邀请 section, saved by its own save', async () => {
    const zhou = await signIn(system.browser, system.url, '周经理', PC);
    await zhou.goto(`${system.url}/#/pages/supervisor/settings/index`);
    const section = on(zhou, '.settings-invites');
    await section.waitFor();
    await section.locator('.input-invites-per-day input').fill('3');
    await section.locator('#desk-approves-no').click();
    await bothWidths(zhou, 'settings-owner-invites', '.settings-invites');
    await section.locator('.btn-save-invites').click();
    await section.locator('.btn-save-invites').waitFor({ state: 'detached' });
    await zhou.close();
  });

  it('王秀英 issues two codes and sees both listed with whom they are for and until when; she withdraws one in 2 taps', async () => {
    const wang = await signIn(system.browser, system.url, '王秀英');
    await wang.goto(`${system.url}/#/pages/resident/my-data/index`);
    const card = on(wang, '.invite-card');
    await card.waitFor();
    for (const relation of ['family', 'tenant']) {
      await card.locator(`#invite-relation-${relation}`).click();
      await card.locator('.btn-invite-room').click();
      await card.locator('.invite-code').waitFor();
      codes.push((await card.locator('.invite-code').innerText()).trim());
    }
    await card.locator('.open-invite').nth(1).waitFor();
    await expect(card.locator('.open-invite-who').allInnerTexts()).resolves.toEqual(['邀请家属 · 1-1-101', '邀请租户 · 1-1-101']);
    await expect(card.locator('.open-invites').innerText()).resolves.not.toContain(codes[0]);
    await wang.waitForTimeout(1600);
    await bothWidths(wang, 'resident-invite-open-codes', '.invite-card');

    const her = counted(wang);
    await her.tap('.open-invite >> nth=1 >> .btn-cancel-invite');
    await her.tap('.taro-model__confirm');
    await card.locator('.open-invite').nth(1).waitFor({ state: 'detached' });
    await expect(card.locator('.open-invite-who').allInnerTexts()).resolves.toEqual(['邀请家属 · 1-1-101']);
    expect(her.taps()).toBe(2);
    await wang.close();
  });

  it('孙丽 types the withdrawn code and is told the owner withdrew it; with the other she is bound, and 王秀英 is told', async () => {
    const sun = await signIn(system.browser, system.url, '孙丽');
    await sun.goto(`${system.url}/#/pages/join/bind/index?p=demo&code=${codes[1]}`);
    await sun.locator('.invited-form .bind-property-name', { hasText: '阳光花园' }).waitFor();
    await sun.locator('.input-invited-name input').fill('孙丽');
    await sun.locator('.input-invited-phone input').fill('13800009102');
    await bothWidths(sun, 'join-invite-code', '.join-bind');
    await sun.locator('#btn-submit-invited').click();
    await expect(sun.locator('.submit-problem').innerText()).resolves.toBe('业主已撤销这个邀请码，请向业主索取新的邀请码');

    await sun.locator('.input-invited-code input').fill(codes[0]!);
    await sun.locator('#btn-submit-invited').click();
    await sun.locator('.bind-sent').waitFor();
    await expect(sun.locator('.bind-sent .title').innerText()).resolves.toBe('绑定成功');
    const told = expectOk(await callAs(system.runtime, WANG, session.inbox, { propertyId: PROPERTY })).items.filter((n) => n.kind === 'binding.joined');
    expect(told.map((n) => n.body)).toEqual(['孙丽（家属，138****9102）已加入 1-1-101']);
    await sun.close();
  });
});
