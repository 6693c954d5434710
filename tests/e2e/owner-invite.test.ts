import * as repairs from '@shared/contracts/repairs.contract';
import { callAs, expectOk, repairInput, WANG } from '../functions/harness';
import { counted, startSystem, signIn } from './browser';

jest.setTimeout(300_000);

/**
 * Issue 18 (5) in Chromium at 390 px: the manager lets owners' invitations bind at once; 王秀英, the
 * owner of 1-1-101, makes a code for her family on 我的个人信息; 孙丽, new to the app, opens the link
 * she was sent, types her name and phone and is bound to 1-1-101 with no desk review; she sees the
 * room's repair filed after, not the one filed before.
 */
describe('e2e: an owner invites her family to bind her room (issue 18, 5)', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  let path = '';
  let before = '';
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('the manager switches the desk\'s review of owners\' invitations off in its own settings section', async () => {
    const zhou = await signIn(system.browser, system.url, '周经理');
    await zhou.goto(`${system.url}/#/pages/supervisor/settings/index`);
    await zhou.locator('.settings-invites').waitFor();
    await zhou.locator('#desk-approves-no').click();
    await zhou.locator('.btn-save-invites').click();
    await zhou.locator('.btn-save-invites').waitFor({ state: 'detached' });
    await zhou.close();
  });

  it('王秀英 makes a code for her family in 3 taps from 我的个人信息, shown with the message to send', async () => {
    before = expectOk(await callAs(system.runtime, WANG, repairs.create, repairInput({ preferredTime: null }))).id;
    const wang = await signIn(system.browser, system.url, '王秀英');
    await wang.goto(`${system.url}/#/pages/resident/home/index`);
    const her = counted(wang);
    await her.tap('.btn-my-data');
    await wang.locator('.invite-card').waitFor();
    await her.tap('#invite-relation-family');
    await her.tap('.btn-invite-room');
    const code = (await wang.locator('.invite-code').innerText()).trim();
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    await expect(wang.locator('.invite-message').innerText()).resolves.toContain(`以家属身份绑定 1-1-101`);
    expect(her.taps()).toBe(3);
    path = `pages/join/bind/index?p=demo&code=${code}`;
    await wang.close();
  });

  it('孙丽 opens the link, types her name and phone, and is bound at once: 2 taps to her home, where only the later repair shows', async () => {
    const sun = await signIn(system.browser, system.url, '孙丽');
    await sun.goto(`${system.url}/#/${path}`);
    await sun.locator('.invited-form .bind-property-name', { hasText: '阳光花园' }).waitFor();
    const her = counted(sun);
    await sun.locator('.input-invited-name input').fill('孙丽');
    await sun.locator('.input-invited-phone input').fill('13800009102');
    await her.tap('#btn-submit-invited');
    await sun.locator('.bind-sent').waitFor();
    await expect(sun.locator('.bind-sent .title').innerText()).resolves.toBe('绑定成功');
    await her.tap('.btn-back-home');
    await sun.locator('.resident-home').waitFor();
    expect(her.taps()).toBe(2);

    const after = expectOk(await callAs(system.runtime, WANG, repairs.create, repairInput({ category: 'electrical', description: '客厅灯不亮', preferredTime: null }))).id;
    await sun.goto(`${system.url}/#/pages/resident/repairs/index`);
    await sun.locator(`#repair-${after}`).waitFor();
    await expect(sun.locator(`#repair-${before}`).count()).resolves.toBe(0);
  });
});
