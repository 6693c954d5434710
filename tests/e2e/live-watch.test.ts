import type { Page, Request } from 'playwright-core';
import { startSystem } from './browser';

jest.setTimeout(120_000);

/** Waits until `ready()` holds, checking every 100 ms. */
const until = async (ready: () => boolean, what: string, timeout = 15_000) => {
  const start = Date.now();
  while (!ready()) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
};

/** The page's visibility as the browser reports it when the tab goes to the background or comes back. */
const setVisibility = (page: Page, state: 'hidden' | 'visible') =>
  page.evaluate((s) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => s });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  }, state);

/**
 * Issue 13.1.8 in the H5 build against the local runtime: the desk's live watch (Server-Sent Events at
 * /api/watch) is one connection, closed while the app is in the background and reopened when it comes
 * back, and what happened meanwhile shows without a reload.
 */
describe('e2e: the live watch follows the app to the background and back', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('one watch while shown, none while hidden, and a repair filed meanwhile appears once shown again', async () => {
    const context = await system.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const desk = await context.newPage();
    const watches = new Set<Request>();
    desk.on('request', (r) => r.url().includes('/api/watch') && watches.add(r));
    desk.on('requestfailed', (r) => watches.delete(r));
    desk.on('requestfinished', (r) => watches.delete(r));
    await desk.goto(system.url);
    await desk.locator('.btn-dev-user', { hasText: '陈晓' }).first().click();
    await desk.locator('.desk-inbox').waitFor();
    await until(() => watches.size === 1, 'the desk watch');

    await setVisibility(desk, 'hidden');
    await until(() => watches.size === 0, 'the watch to close');

    const resident = await system.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' }).then((c) => c.newPage());
    await resident.goto(system.url);
    await resident.locator('.btn-dev-user', { hasText: '王秀英' }).first().click();
    await resident.locator('#btn-new-repair').click();
    await resident.locator('.category-water').click();
    await resident.locator('.input-description textarea').fill('阳台地漏往上返水');
    await resident.locator('.btn-submit-repair').click();
    await resident.locator('.repair-result').waitFor();
    expect(watches.size).toBe(0);

    await setVisibility(desk, 'visible');
    await until(() => watches.size === 1, 'the watch to reopen');
    await desk.locator('.repair-card', { hasText: '阳台地漏' }).waitFor({ timeout: 15_000 });
  });
});
