import type { Page } from 'playwright-core';
import { movableClock, signIn, startSystem } from './browser';
import { registerByKeyboard } from './desk-register-keys';
import { answeredComplaint, fileRepair, happeningEvent } from './journey-cases';
import { journey, on, PC, shootBoth } from './journey';

jest.setTimeout(300_000);

/** Hours to move the clock to 40 minutes before the shift on duty ends (shifts start at 00:00, 08:00 and 16:00 Shanghai): the handover is due. */
const toHandoverTime = (now: Date) => {
  const minuteOfDay = (now.getUTCHours() * 60 + now.getUTCMinutes() + 8 * 60) % (24 * 60);
  const untilEnd = 480 - (minuteOfDay % 480);
  return (((untilEnd - 40 + 480) % 480) + 0.2) / 60;
};

/** Counts the sounds the page starts: the chime of an urgent repair (utils/chime.ts) plays through an audio element in H5. */
const listenForChimes = (page: Page) =>
  page.evaluate(() => {
    const counted = window as unknown as { chimes: number };
    counted.chimes = 0;
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      counted.chimes += 1;
      return play.call(this).catch(() => undefined);
    };
  });
const chimed = (page: Page) => page.waitForFunction(() => (window as unknown as { chimes: number }).chimes > 0, undefined, { timeout: 10_000 });

/** The stored status of a repair, once it is `want` (or what it is after 10 s). */
const statusBecomes = async (system: Awaited<ReturnType<typeof startSystem>>, id: string, want: string) => {
  const read = () => (system.runtime.engine.collection('repairs').all() as { _id: string; status: string }[]).find((r) => r._id === id)?.status;
  for (let i = 0; i < 50 && read() !== want; i++) await new Promise((resolve) => setTimeout(resolve, 200));
  expect(read()).toBe(want);
};

/**
 * USERS.md, 小陈: the night desk at the counter, on a PC running WeChat for Windows (1280×800), driven
 * the way she works: clicks and keys, every page reached from her home (only the sign-in opens by its
 * address). Each task counts its taps and keys and holds them to what the task needs, stated at each
 * bound. Getting back to her home ends a task and is counted in it (WeChat's back button).
 */
const SAID = '水管爆裂，厨房在喷水';

describe('e2e: 小陈 on the night desk at a PC, taps counted (USERS.md, issue 17)', () => {
  const clock = movableClock();
  const counts: string[] = [];
  let system: Awaited<ReturnType<typeof startSystem>>;
  let desk: Page;
  let she: ReturnType<typeof journey>;
  /** WeChat's back button in the window's title bar: the browser's history in H5. A tap. */
  const back = async () => {
    await desk.goBack();
    she.tapped();
    await on(desk, '.desk-inbox').waitFor();
  };
  beforeAll(async () => {
    clock.advanceHours(toHandoverTime(new Date()));
    system = await startSystem(clock);
    desk = await signIn(system.browser, system.url, '陈晓', PC);
    she = journey(desk);
    await on(desk, '.desk-inbox').waitFor();
  });
  afterAll(async () => {
    console.log(`小陈 (PC 1280×800):\n${counts.join('\n')}`);
    await system?.stop();
  });

  it('R2 R3 R4: the phone rings; she registers the call with the keyboard, sees it triaged and whom to send, and dispatches: 3 taps and 1 back home', async () => {
    await she.tap('#btn-register');
    const keys = await registerByKeyboard(desk, SAID, { room: '1-1-302', name: '李娜', phone: '13800000302' });
    // R3: triaged at once, with the rule in words.
    await expect(on(desk, '.register-result .triage-rule').innerText()).resolves.toBe('水泵故障、水表内爆管停水，或水龙头严重漏水');
    await shootBoth(desk, 'journey-desk-registered', PC);
    await she.tap('#btn-go-dispatch');
    // R4: the best-suited technician is already chosen among the suggestions.
    await on(desk, '.dispatch-panel .tech-option.tech-on').waitFor();
    await expect(desk.locator('.dispatch-panel .tech-option >> visible=true').count()).resolves.toBeGreaterThan(1);
    await she.tap('#btn-dispatch');
    await on(desk, '.desk-repair .tag', '已派单').waitFor();
    await back();
    const { taps } = she.task();
    // 登记报修, 去派单, 派单, back home: the keys do the rest (what is typed, and at most 21 moves and presses).
    expect(taps).toBeLessThanOrEqual(4);
    expect(keys).toBeLessThanOrEqual([...'1-1-302'].length + [...SAID].length + 21);
    counts.push(`登记并派单 ${taps} 次点击 + ${keys} 个按键`);
  });

  it('R3 R4: an urgent repair arrives with a chime, stays on top until dispatched, and goes in 2 clicks', async () => {
    await listenForChimes(desk);
    // Someone else's card is chosen on the right, as it would be mid-shift.
    await she.tap('.desk-inbox-list .repair-card', '喷水');
    she.task();
    const urgent = await fileRepair(system, { category: 'elevator', description: '电梯困人，有人被关在里面' });
    await on(desk, '.desk-inbox-list .repair-card', '电梯困人').waitFor({ timeout: 15_000 });
    const top = on(desk, '.desk-inbox-list .repair-card');
    await expect(top.innerText()).resolves.toContain('电梯困人');
    await expect(top.getAttribute('class')).resolves.toContain('repair-urgent');
    await chimed(desk);
    await shootBoth(desk, 'journey-desk-urgent', PC);

    await she.tap('.desk-inbox-list .repair-card', '电梯困人');
    await she.tap('.desk-inbox-detail #btn-dispatch');
    await statusBecomes(system, urgent.id, 'dispatched');
    await on(desk, '.inbox-urgent-count').waitFor({ state: 'hidden' });
    const { taps } = she.task();
    // The card, then 派单: the best-suited technician is already chosen (R4).
    expect(taps).toBeLessThanOrEqual(2);
    counts.push(`急修派单 ${taps} 次点击`);
  });

  it('B1 R10: her callback list shows whom to call, the number to copy on the PC, and the result goes in with 5 taps and 1 back home', async () => {
    await answeredComplaint(system, '前台电话一直没人接，态度也不好');
    await she.tap('.link-callbacks');
    const row = on(desk, '.callback-row', '张伟');
    await row.waitFor();
    await expect(row.locator('.callback-phone').innerText()).resolves.toContain('13800001502');
    await expect(row.locator('.btn-call').count()).resolves.toBe(0);
    await shootBoth(desk, 'journey-desk-callbacks', PC);
    await she.tap('.callback-row .btn-open-record');
    await she.tap('.callback-form .reached-yes');
    await she.tap('.callback-form .satisfied-yes');
    await on(desk, '.callback-form textarea').focus();
    await she.type('已致歉，住户表示满意');
    await she.tap('.callback-form .btn-submit-callback');
    await on(desk, '.callback-row', '张伟').waitFor({ state: 'hidden' });
    await back();
    const { taps, keys } = she.task();
    // 回访, 填写结果, 已接通, 满意, 提交, back home; the text box is reached with the mouse but typing is not a tap.
    expect(taps).toBeLessThanOrEqual(6);
    counts.push(`回访记录 ${taps} 次点击 + ${keys} 个字`);
  });

  it('D3: at the end of the night her handover shows what is still open and is refused while a major event is happening: 6 taps and 1 back home', async () => {
    await happeningEvent(system, '3栋地下室水管爆裂，正在抢修');
    await she.tap('.link-duty');
    await on(desk, '.duty-entry-happening', '地下室水管爆裂').waitFor();
    await on(desk, '.duty-handover-form').waitFor();
    for (let i = 0; i < 4; i++) await she.tap(`.handover-check-${i}`);
    await she.tap('.btn-hand-over');
    await on(desk, '.handover-refusal', '有重大或紧急事件尚未处理完毕').waitFor();
    await shootBoth(desk, 'journey-desk-handover', PC);
    await back();
    const { taps } = she.task();
    // 值班, the four preparation checks D3 asks for, 交班, back home.
    expect(taps).toBeLessThanOrEqual(7);
    counts.push(`交班（被拒） ${taps} 次点击`);
  });
});
