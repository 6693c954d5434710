import type { Page } from 'playwright-core';
import { signIn, startSystem } from './browser';
import { fileClassifiedComplaint } from './journey-cases';
import { journey, on, PHONE, shootBoth } from './journey';

jest.setTimeout(240_000);

/**
 * USERS.md, 周经理, on his phone (390×844): he hears of every major complaint the same day (C4), with
 * what happened and who is on it, and opens it from there; he reads the monthly report. Every page is
 * reached from his home (only the sign-in opens by its address); each task counts its taps and holds
 * them to what it needs, stated at each bound. Getting back to his home ends a task and is counted in
 * it (WeChat's back button).
 */
describe('e2e: 周经理 on his phone, taps counted (USERS.md, issue 17)', () => {
  const counts: string[] = [];
  let system: Awaited<ReturnType<typeof startSystem>>;
  let manager: Page;
  let he: ReturnType<typeof journey>;
  const back = async () => {
    await manager.goBack();
    he.tapped();
    await on(manager, '.staff-home').waitFor();
  };
  beforeAll(async () => {
    system = await startSystem();
    manager = await signIn(system.browser, system.url, '周经理', PHONE);
    he = journey(manager);
    await on(manager, '.staff-home').waitFor();
  });
  afterAll(async () => {
    console.log(`周经理 (手机):\n${counts.join('\n')}`);
    await system?.stop();
  });

  it('C4: a major complaint reaches him the same day with what happened and who is on it; he opens it and takes it up: 3 taps and 2 back home', async () => {
    await fileClassifiedComplaint(system, 'major', '小区门口的电动车充电桩起火，住户很担心');
    // Pushed on the staff's WeCom group too, where his phone rings (C4).
    const panel = (await (await fetch(`${system.url}/api/panel`)).json()) as { outbox: { kind: string; channel: string; recipient: string }[] };
    expect(panel.outbox.filter((n) => n.kind === 'complaint.major').map((n) => `${n.channel}:${n.recipient}`)).toEqual(expect.arrayContaining(['inbox:role:manager', 'wecom:group']));
    await he.tap('.link-inbox');
    const notice = on(manager, '.inbox-item', '重大投诉');
    await notice.waitFor();
    await expect(notice.locator('.inbox-body').innerText()).resolves.toBe('服务态度：小区门口的电动车充电桩起火，住户很担心（有责投诉 · 重大），陈晓正在跟进');
    await shootBoth(manager, 'journey-manager-notice', PHONE);
    await he.tap('.inbox-item', '重大投诉');
    await he.tap('.btn-acknowledge');
    await on(manager, '.case-ack').waitFor();
    await shootBoth(manager, 'journey-manager-complaint', PHONE);
    await manager.goBack();
    he.tapped();
    await back();
    const { taps } = he.task();
    // 消息, the notice, 我来跟进, back twice.
    expect(taps).toBeLessThanOrEqual(5);
    counts.push(`重大投诉：收到、打开、跟进 ${taps} 次点击`);
  });

  it('R12: the monthly report is one tap from his home: 2 taps with the way back', async () => {
    await he.tap('.link-reports');
    await on(manager, '.report-summary').waitFor();
    await on(manager, 'canvas#chart-rates').waitFor();
    await shootBoth(manager, 'journey-manager-report', PHONE);
    await back();
    const { taps } = he.task();
    // 统计报表, back home: the month against the last is what opens.
    expect(taps).toBeLessThanOrEqual(2);
    counts.push(`月报 ${taps} 次点击`);
  });
});
