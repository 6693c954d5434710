import { mkdirSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { createRuntime } from '../../local/runtime';
import { loadBuiltFunctions } from '../../local/functions';
import { startServer } from '../../local/server';
import { demoAdmins, demoPeople, localNewcomers } from '../../local/seed';
import { tickTimers } from '../../local/timers';

const root = resolve(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The whole local system as `npm start` runs it (built function bundles, embedded store on a
 * fresh data folder, the H5 build) and Debian's Chromium driven by playwright-core.
 */
/** Real time, moved forward by hand: the local system's clock in a test that must see a deadline pass. */
export const movableClock = () => {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    advanceHours: (hours: number) => {
      offsetMs += hours * 60 * 60 * 1000;
    },
  };
};

export const startSystem = async (clock?: ReturnType<typeof movableClock>) => {
  const h5Dir = join(root, 'client', 'dist', 'h5');
  if (!existsSync(join(h5Dir, 'index.html'))) throw new Error('client/dist/h5 is missing: run npm run build:h5 (npm test does)');
  const dataDir = mkdtempSync(join(tmpdir(), 'e2e-'));
  const runtime = await createRuntime({ dataDir, functions: loadBuiltFunctions(), ...(clock ? { now: clock.now } : {}) });
  const server = await startServer({ runtime, h5Dir, dataDir, port: 0 });
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const stop = async () => {
    const checked = checkNoOpenidLeft();
    await checked.catch(() => undefined);
    await browser.close();
    await server.close();
    runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
    await checked;
  };
  /** One run of every timer function, as their triggers would call them (issue 16: `reminders` and `reminders-areas`). */
  const tick = () => tickTimers(runtime, runtime.deps.now());
  return { url: server.url, browser, runtime, stop, tick };
};

/**
 * Issue 12.2: no openid ever leaves the server. Every response the journeys' pages receive is read
 * and searched for the openid of every seeded person; `stop()` fails the test file if one was found.
 * The watch's event stream (ids and counters only) never ends, so it is not read.
 */
const seededOpenids = [...demoPeople, ...demoAdmins, ...localNewcomers].map((p) => p.openid);
const leaks: string[] = [];
const reading: Promise<void>[] = [];
const scan = (response: Response) => {
  if ((response.headers()['content-type'] ?? '').startsWith('text/event-stream')) return;
  reading.push(
    response.body().then(
      (body) => {
        const text = body.toString('utf8');
        for (const openid of seededOpenids) if (text.includes(openid)) leaks.push(`${new URL(response.url()).pathname} carries ${openid}`);
      },
      () => undefined,
    ),
  );
};
const scanned = (context: BrowserContext) => {
  context.on('response', scan);
  return context;
};
const checkNoOpenidLeft = async () => {
  await Promise.all(reading.splice(0));
  const found = [...new Set(leaks.splice(0))];
  if (found.length) throw new Error(`responses carried openids:\n${found.join('\n')}`);
};

/** Opens the app in its own browser context (its own storage, a phone's screen unless told) and signs in as a demo person. */
export const signIn = async (browser: Browser, url: string, name: string, screen: { viewport: { width: number; height: number }; deviceScaleFactor: number } = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 }): Promise<Page> => {
  const context = scanned(await browser.newContext({ ...screen, locale: 'zh-CN' }));
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('.btn-dev-user', { hasText: name }).first().waitFor();
  await page.locator('.btn-dev-user', { hasText: name }).first().click();
  // Signed in, the app moves to its landing page, which finds out who this is and moves on to the person's home (or
  // stays, to ask a newcomer to join or someone of several properties to choose). A page opened by its address before
  // that second move lands would be replaced by it, so wait until the app has left the sign-in page and the landing
  // has either moved on or settled.
  await page
    .waitForFunction(
      () => {
        const route = location.hash.replace(/^#\/?/, '').split('?')[0] ?? '';
        const shown = Array.from(document.querySelectorAll('.taro_page_show')).pop();
        if (route === '' || route.startsWith('pages/dev-login') || !shown || (shown.textContent ?? '').trim() === '') return false;
        return route !== 'pages/index/index' || shown.querySelector('.landing-loading') === null;
      },
      undefined,
      { timeout: 15_000 },
    )
    .catch(() => undefined);
  // The landing may move once more (a home that opens its first list elsewhere, a reLaunch still landing): a page
  // opened by address before it settles is covered by it. Settled = the same route and page count 300 ms apart.
  const where = () => page.evaluate(() => `${location.hash.split('?')[0]} ${document.querySelectorAll('.taro_page').length}`);
  let last = await where();
  for (let waited = 0; waited < 6_000; waited += 300) {
    await page.waitForTimeout(300);
    const now = await where();
    if (now === last) break;
    last = now;
  }
  return page;
};

/**
 * The page on top of the router's stack, the one a person sees. A page opened by its address while the landing's own
 * move is still landing can leave a second instance of the same page under it, hidden; a locator scoped here never
 * reads the hidden one.
 */
export const topPage = (page: Page) => page.locator('.taro_router > .taro_page').last();

/**
 * A screenshot once the router's slide has ended: it brings a new page in from the right, and a
 * picture taken during the slide showed half a page (docs/screenshots/desk-repair-phone.png, resident-rating-390.png).
 */
export const picture = async (page: Page, options: NonNullable<Parameters<Page['screenshot']>[0]>): Promise<Buffer | null> => {
  // CI throws the pictures away and has 20 minutes for everything: `.ci/run` turns them off.
  if (process.env.E2E_SCREENSHOTS === 'off') return null;
  await page.waitForFunction(() => {
    const pages = document.querySelectorAll('.taro_router > .taro_page');
    const top = pages[pages.length - 1];
    return !top || Math.abs(top.getBoundingClientRect().left) < 1;
  });
  return page.screenshot(options);
};

/** A signature as a person draws it: two strokes across the pad. */
export const drawSignature = async (page: Page, pad: string) => {
  // The mouse draws at viewport coordinates: the pad must be on screen, wherever the form above left the page scrolled.
  await page.locator(pad).scrollIntoViewIfNeeded();
  const box = await page.locator(pad).boundingBox();
  if (!box) throw new Error('no signature pad');
  const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
  for (const stroke of [[[0.15, 0.6], [0.3, 0.3], [0.45, 0.7], [0.6, 0.35]], [[0.5, 0.5], [0.85, 0.45]]]) {
    const [first, ...rest] = stroke;
    await page.mouse.move(...at(first![0]!, first![1]!));
    await page.mouse.down();
    for (const [fx, fy] of rest) await page.mouse.move(...at(fx!, fy!), { steps: 8 });
    await page.mouse.up();
  }
};

/** Every tap a person makes, counted, so a journey's length is part of what is tested (typing is not a tap). */
export const counted = (page: Page) => {
  let taps = 0;
  return {
    tap: async (selector: string) => {
      taps += 1;
      await page.locator(selector).first().click();
    },
    taps: () => taps,
  };
};

/** Where the e2e tests write their screenshots. */
export const shots = resolve(root, 'docs', 'screenshots');

const widths = [
  { name: 'phone', width: 375, height: 812 },
  { name: 'pc', width: 1280, height: 800 },
] as const;

/** Nothing wider than the window: no sideways scrolling at either width. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** The page at 375 and 1280 px wide, checked for sideways overflow and written to docs/screenshots/<name>-<phone|pc>.png. */
export const look = async (page: Page, name: string, ready: string) => {
  mkdirSync(shots, { recursive: true });
  for (const size of widths) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.locator(ready).first().waitFor();
    await page.waitForTimeout(300);
    // A page still sliding in (Taro's page transition) is measured once it has come to rest, not mid-way.
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
    await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);
    await picture(page, { path: join(shots, `${name}-${size.name}.png`) });
  }
};
