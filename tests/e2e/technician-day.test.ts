import { deployedFunctionOf } from '@shared/areas';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page, Request } from 'playwright-core';
import type { Action } from '@shared/contracts/action';
import * as repairs from '@shared/contracts/repairs.contract';
import { shanghaiDate } from '@shared/time/shanghai';
import { startSystem, signIn, picture } from './browser';

jest.setTimeout(300_000);

const PROPERTY = 'demo';
const LI = 'mb_otechli';
const shots = resolve(__dirname, '..', '..', 'docs', 'screenshots', 'technician');
const OFFLINE_BAR = '无网络 · 显示离线数据，操作会在有信号时自动提交';
/** The generic error a page without signal used to show (COMMON.BUSY). */
const BUSY = '系统繁忙，请稍后再试';

/** The action a page's request to a function asks for (`get`, `assigned`, …), or null for anything else. */
const actionOf = (request: Request): string | null => {
  if (!request.url().includes('/api/fn/repairs')) return null;
  try {
    return (JSON.parse(request.postData() ?? '{}') as { action?: string }).action ?? null;
  } catch {
    return null;
  }
};

/** Gloves: the buttons on screen under `root` lower than 48 px (none, to pass). */
const smallTargets = (page: Page, root: string) =>
  page.locator(`${root} .btn`).evaluateAll((els) =>
    els
      .map((el) => ({ text: el.textContent ?? '', box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height < 48)
      .map(({ text, box }) => `${text} ${Math.round(box.height)}px`),
  );

/** Waits up to 20 s for something the page does by itself. */
const until = async (done: () => boolean) => {
  for (let i = 0; i < 80 && !done(); i++) await new Promise((r) => setTimeout(r, 250));
  expect(done()).toBe(true);
};

/**
 * Issue 18 (4), 李师傅's day in Chromium at phone size: the plan grouped 今天 / 明天 / 以后 (urgent
 * first); in the basement (the browser cut off) each step is taken at once, the offline bar says so
 * and the list shows what waits per order; with the signal back, the queue delivers and the open
 * order and the list read the server again without him leaving the page. Every tap is counted.
 */
describe("e2e: the technician's day, through a basement", () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  let seq = 0;
  const write = async (openid: string, action: Action, input: Record<string, unknown>) => {
    const result = (await system.runtime.invoke(deployedFunctionOf(action), { action: action.name, input: { propertyId: PROPERTY, commandId: `technician-day-${seq++}`, ...input } }, { openid })) as {
      ok: boolean;
      data: { id: string; version: number };
      code?: string;
    };
    if (!result.ok) throw new Error(`${action.fn}.${action.name}: ${result.code}`);
    return result.data;
  };
  /** A repair the resident files and the desk sends to 李建国. */
  const assigned = async (openid: string, roomId: string, description: string, preferredTime: { date: string; slot: string } | null) => {
    const filed = await write(openid, repairs.create, { roomId: `demo:${roomId}`, category: 'water', description, preferredTime, photos: [] });
    await write('o-desk-chen', repairs.dispatch, { repairId: filed.id, version: filed.version, technicianId: LI });
    return filed.id;
  };
  const statusOf = (id: string) => (system.runtime.engine.collection('repairs').all() as { _id: string; status: string }[]).find((r) => r._id === id)?.status;

  beforeAll(async () => {
    system = await startSystem();
    mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('R3 R4 R6: grouped plan; offline steps with the bar and the queued count; back online, the order and the list refresh in place', async () => {
    const now = system.runtime.deps.now();
    const tap = await assigned('o-res-wang', '1-1-101', '厨房水龙头一直滴水，关不紧', null);
    await assigned('o-res-zhang', '1-2-1502', '卫生间水管爆裂，水一直往外喷', { date: shanghaiDate(new Date(now.getTime() + 3 * 86_400_000)), slot: 'any' });
    await assigned('o-res-li', '1-1-302', '阳台地漏堵了，下水很慢', { date: shanghaiDate(new Date(now.getTime() + 86_400_000)), slot: 'morning' });
    await assigned('o-res-zhou', '1-1-702', '厨房下水管有点渗水', { date: shanghaiDate(new Date(now.getTime() + 4 * 86_400_000)), slot: 'afternoon' });

    const page = await signIn(system.browser, system.url, '李建国');
    const phone = page.context();
    let taps = 0;
    const press = async (target: ReturnType<Page['locator']>) => {
      await target.click();
      taps += 1;
    };
    const reads: string[] = [];
    page.on('request', (r) => {
      const action = actionOf(r);
      if (action) reads.push(action);
    });

    // The plan: 今天 (the urgent burst pipe first, wished for in three days, then the 尽快 tap), 明天, 以后.
    const list = page.locator('.technician-orders');
    await list.locator('.day-group-today .repair-card').nth(1).waitFor();
    // The date once, in the 今天 group's title; the page's header says the day of the week.
    await expect(list.locator('.day-header').innerText()).resolves.toMatch(/^星期[日一二三四五六]$/);
    await expect(list.locator('.day-group-today .section-title').innerText()).resolves.toMatch(/^今天 · \d+月\d+日$/);
    const groups = await list.locator('.day-group').evaluateAll((els) =>
      els.map((g) => [g.querySelector('.section-title')?.textContent?.split(' · ')[0], g.querySelectorAll('.repair-card').length]),
    );
    expect(groups).toEqual([['今天', 2], ['明天', 1], ['以后', 1]]);
    await expect(list.locator('.day-group-today .repair-card').first().innerText()).resolves.toContain('爆裂');

    // In the basement: he opens the order and takes two steps; each is kept on the phone at once.
    await press(list.locator(`#repair-${tap}`));
    const order = page.locator('.onsite-order');
    await order.locator('.btn-acknowledge').waitFor();
    await phone.setOffline(true);
    await press(order.locator('.btn-acknowledge'));
    await press(order.locator('.btn-arrive'));
    await order.locator('.btn-quote').waitFor();
    await expect(order.locator('.offline-bar').innerText()).resolves.toBe(OFFLINE_BAR);
    await expect(order.locator('.sync-pending').innerText()).resolves.toBe('2 步待提交');
    expect(await page.locator('.load-error').count()).toBe(0);
    expect(statusOf(tap)).toBe('dispatched');
    await page.waitForTimeout(1_000);
    expect(await page.getByText(BUSY).count()).toBe(0);
    await picture(page, { path: join(shots, 'offline-order-390.png') });

    // The main action sits in the bar fixed at the bottom, big enough for a gloved thumb.
    const bar = await order.locator('.action-bar').boundingBox();
    const main = await order.locator('.action-bar .btn-quote').boundingBox();
    expect(bar && bar.y + bar.height).toBeCloseTo(844, 0);
    expect(main?.height).toBeGreaterThanOrEqual(48);
    await expect(smallTargets(page, '.onsite-order')).resolves.toEqual([]);

    // Back on his list, still without signal: the bar, and what waits on that order.
    await page.goBack();
    taps += 1;
    await list.locator('.offline-bar').waitFor();
    await expect(list.locator('.offline-bar').innerText()).resolves.toBe(OFFLINE_BAR);
    // What waits stands inside that order's card, in its head beside the status.
    await expect(list.locator(`#repair-${tap} .repair-card-head .order-pending`).innerText()).resolves.toBe('2 步待提交');
    await expect(list.locator(`#repair-${tap} .repair-status`).innerText()).resolves.toBe('师傅已到场');
    expect(await page.locator('.load-error').count()).toBe(0);
    await expect(smallTargets(page, '.technician-orders')).resolves.toEqual([]);
    expect(await page.getByText(BUSY).count()).toBe(0);
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.waitForTimeout(300);
      await list.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await picture(page, { path: join(shots, `offline-list-${width}.png`) });
    }
    await page.setViewportSize({ width: 390, height: 844 });

    // The signal is back: the queue delivers, and the list reads the server again while he looks at it.
    const listReads = reads.filter((a) => a === 'assigned').length;
    await phone.setOffline(false);
    await list.locator('.offline-bar').waitFor({ state: 'detached', timeout: 40_000 });
    await list.locator(`#repair-${tap} .order-pending`).waitFor({ state: 'detached', timeout: 40_000 });
    expect(statusOf(tap)).toBe('arrived');
    await until(() => reads.filter((a) => a === 'assigned').length > listReads);
    await expect(list.locator(`#repair-${tap} .repair-status`).innerText()).resolves.toBe('师傅已到场');

    // Once more on the order: a free quote sent in the basement; the order reads itself again when the signal returns.
    await press(list.locator(`#repair-${tap}`));
    await order.locator('.btn-quote').waitFor();
    await phone.setOffline(true);
    await press(order.locator('.btn-quote'));
    await press(order.locator('.btn-send-quote'));
    await order.locator('.accept-screen').waitFor();
    await expect(order.locator('.sync-pending').innerText()).resolves.toBe('1 步待提交');
    await order.locator('.offline-bar').waitFor();
    const orderReads = reads.filter((a) => a === 'get').length;
    await phone.setOffline(false);
    await order.locator('.offline-bar').waitFor({ state: 'detached', timeout: 40_000 });
    await order.locator('.sync-pending').waitFor({ state: 'detached', timeout: 40_000 });
    expect(statusOf(tap)).toBe('quoted');
    await until(() => reads.filter((a) => a === 'get').length > orderReads);
    await order.locator('.accept-screen').waitFor();

    // The journey: open, 接单, 到场, back, open, 开始报价, 报价 — seven taps, none of them a retry.
    expect(taps).toBe(7);
  });
});
