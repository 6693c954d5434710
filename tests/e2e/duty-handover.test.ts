import type { Page } from 'playwright-core';
import { movableClock, signIn, startSystem, picture } from './browser';

jest.setTimeout(240_000);

/** Hours to move the clock so that it is 30 minutes before the end of the shift on duty (shifts start at 00:00, 08:00 and 16:00 Shanghai). */
const toLastHalfHour = (now: Date) => {
  const minute = (now.getUTCHours() * 60 + now.getUTCMinutes() + 8 * 60) % (24 * 60);
  const left = 480 - (minute % 480);
  return (((left - 30 + 480) % 480) + 0.2) / 60;
};

const shoot = async (page: Page, name: string) => {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await picture(page, { path: `/tmp/duty-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 390, height: 844 });
};

/**
 * Issue 19 (1), in the H5 build: an urgent water repair is proposed on the desk's duty page and
 * confirmed; the handover is refused while nobody has signed in for the next shift, then handed
 * over and received, each member on their own phone.
 */
describe('e2e: a shift\'s duty log and its handover', () => {
  const clock = movableClock();
  let system: Awaited<ReturnType<typeof startSystem>>;
  beforeAll(async () => {
    clock.advanceHours(toLastHalfHour(new Date()));
    system = await startSystem(clock);
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('D1 D3: a proposed entry confirmed; a handover refused with its reason, then signed by both', async () => {
    const resident = await signIn(system.browser, system.url, '王秀英');
    await resident.locator('#btn-new-repair').click();
    await resident.locator('.category-water').click();
    await resident.locator('.input-description textarea').fill('水表内水管爆裂，家里停水了');
    await resident.locator('.btn-submit-repair').click();
    await resident.locator('.repair-result').waitFor();

    const outgoing = await signIn(system.browser, system.url, '陈晓');
    await outgoing.locator('.inbox-head').first().waitFor();
    await outgoing.goto(`${system.url}/#/pages/desk/duty/index`);
    const proposal = outgoing.locator('.duty-proposal', { hasText: '水管爆裂' });
    await proposal.waitFor();
    // Issue 17 (3): the shift's page is titled by its date as people say it, never "2026-12-05".
    await expect(outgoing.locator('.duty-shift').innerText()).resolves.toMatch(/^\d{1,2}月\d{1,2}日 \S+（\d{2}:\d{2}–\d{2}:\d{2}）$/);
    await proposal.locator('.proposal-handling textarea').fill('已派李师傅上门关阀抢修');
    await proposal.locator('#proposal-status-closed').click();
    await proposal.locator('.btn-confirm-proposal').click();
    await outgoing.locator('.duty-entry', { hasText: '水管爆裂' }).locator('.duty-entry-handling', { hasText: '已派李师傅' }).waitFor();
    await outgoing.locator('.duty-proposals-empty').waitFor();

    for (let i = 0; i < 4; i++) await outgoing.locator(`.handover-check-${i}`).click();
    await outgoing.locator('.handover-instructions textarea').fill('经理交代：明早九点消防检查');
    await outgoing.locator('.btn-hand-over').click();
    await outgoing.locator('.handover-refusal', { hasText: '接班人员还没有签到' }).waitFor();
    await shoot(outgoing, 'desk');

    const incoming = await signIn(system.browser, system.url, '林琳');
    await incoming.locator('.inbox-head').first().waitFor();
    await incoming.goto(`${system.url}/#/pages/desk/duty/index`);
    await incoming.locator('.btn-sign-in').click();
    await incoming.locator('.duty-signed-into').waitFor();

    await outgoing.locator('.btn-hand-over').click();
    await outgoing.locator('.duty-handover', { hasText: '等待接班人员签字' }).waitFor();

    await incoming.reload();
    await incoming.locator('.btn-receive').click();
    await incoming.locator('.duty-handover-state', { hasText: '接班签字' }).waitFor();
    await outgoing.reload();
    await outgoing.locator('.duty-handover-state', { hasText: '接班签字' }).waitFor();
    await shoot(outgoing, 'handed');

    const supervisor = await signIn(system.browser, system.url, '刘主管');
    await supervisor.locator('.staff-home').waitFor();
    await supervisor.goto(`${system.url}/#/pages/supervisor/duty-day/index`);
    await supervisor.locator('.duty-day-head').waitFor();
    await expect(supervisor.locator('.duty-day .title').innerText()).resolves.toMatch(/^\d{1,2}月\d{1,2}日的值班记录$/);
    await shoot(supervisor, 'day');
  });
});

/**
 * Issue 19 (1), D3 in the H5 build: nobody has signed in for the next shift, so the outgoing member
 * picks a substitute from the property's desk members (no typing) and the handover goes to them.
 */
describe('e2e: a handover to a substitute picked from the desk members', () => {
  const clock = movableClock();
  let system: Awaited<ReturnType<typeof startSystem>>;
  beforeAll(async () => {
    clock.advanceHours(toLastHalfHour(new Date()));
    system = await startSystem(clock);
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('D3: the incoming member has not signed in; a substitute picked from the desk members receives the handover', async () => {
    const outgoing = await signIn(system.browser, system.url, '陈晓');
    await outgoing.locator('.inbox-head').first().waitFor();
    await outgoing.goto(`${system.url}/#/pages/desk/duty/index`);
    await outgoing.locator('.duty-handover-form').waitFor();
    for (let i = 0; i < 4; i++) await outgoing.locator(`.handover-check-${i}`).click();
    const offered = await outgoing.locator('.substitute-chip').allInnerTexts();
    expect(offered[0]).toBe('不指定');
    expect(offered).toContain('林琳');
    expect(offered).not.toContain('陈晓');
    await outgoing.locator('.btn-hand-over').click();
    await outgoing.locator('.handover-refusal', { hasText: '接班人员还没有签到' }).waitFor();
    await outgoing.locator('.substitute-chip', { hasText: '林琳' }).click();
    await outgoing.locator('.btn-hand-over').click();
    await outgoing.locator('.duty-handover', { hasText: '林琳（替班）' }).waitFor();
    expect(system.runtime.engine.collection('handovers').all()).toEqual([expect.objectContaining({ incoming: expect.objectContaining({ name: '林琳', substitute: true }) })]);
  });
});
