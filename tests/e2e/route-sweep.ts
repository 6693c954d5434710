import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { complaints, repairs } from '@shared/contracts';
import { axeSerious } from './readable';
import { KNOWN_FINDINGS } from './route-known-findings';
import { signIn, startSystem, picture } from './browser';
import { buildingComplaint, SEED_PROPERTY, seedWriter } from './seed-records';

/**
 * Issue 17, "Done when": every page the app registers, opened in Chromium at a phone's size and at a PC
 * window's, by the person who uses it, with a real record where the page shows one. Each test file
 * sweeps some of the subpackages; a page added to app.config (or to an area of the registry) is swept
 * by the file that owns its subpackage without a line changed here.
 */
export const SCREENS = {
  phone: { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 },
  pc: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
} as const;
export type Screen = keyof typeof SCREENS;

/** Every page of the H5 build, as the app's config registers it: `pages/desk/inbox/index`. */
export const appPages = (): string[] => {
  const previous = process.env.TARO_ENV;
  process.env.TARO_ENV = 'h5';
  (globalThis as { defineAppConfig?: (c: unknown) => unknown }).defineAppConfig = (c) => c;
  const config = (require('../../client/src/app.config') as { default: { pages: string[]; subPackages: { root: string; pages: string[] }[] } }).default;
  process.env.TARO_ENV = previous;
  return [...config.pages, ...config.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];
};

/** Which test file sweeps which subpackages (tests/e2e/routes-<name>.test.ts), so that none runs past a few minutes. */
export const SWEEPS = {
  desk: ['pages/desk'],
  supervisor: ['pages/supervisor'],
  resident: ['pages/resident', 'pages/join', 'pages/index', 'pages/dev-login'],
  others: ['pages/technician', 'pages/reports', 'pages/admin', 'pages/inbox'],
} as const;

/** The pages under these roots (`pages/desk`, `pages/index`, …). */
export const pagesUnder = (roots: readonly string[]) => appPages().filter((page) => roots.some((r) => page.startsWith(`${r}/`)));

/** Who opens a subpackage's pages, by the demo person's name in local/seed; '' opens it signed out. */
const BY_ROOT: Record<string, string[]> = {
  'pages/index': ['钱敏'],
  'pages/dev-login': [''],
  'pages/resident': ['王秀英'],
  'pages/technician': ['李建国'],
  'pages/desk': ['陈晓'],
  'pages/supervisor': ['刘主管'],
  'pages/reports': ['刘主管'],
  'pages/admin': ['高明'],
  'pages/inbox': ['陈晓'],
  'pages/join': ['孙丽'],
};
/** Pages another person uses than the subpackage's usual one: the manager's own pages, the company's comparison, both staff homes. */
const BY_PAGE: Record<string, string[]> = {
  'pages/supervisor/home/index': ['刘主管', '周经理'],
  'pages/supervisor/import/index': ['周经理'],
  'pages/supervisor/erasures/index': ['周经理'],
  'pages/supervisor/settings/index': ['周经理'],
  'pages/reports/compare/index': ['高明'],
};
const ROLE_OF: Record<string, string> = { 王秀英: 'resident', 李建国: 'technician', 陈晓: 'desk', 刘主管: 'supervisor', 周经理: 'manager', 高明: 'admin', 钱敏: 'newcomer', 孙丽: 'newcomer', '': 'signed-out' };

export const peopleOf = (page: string): string[] => {
  const people = BY_PAGE[page] ?? BY_ROOT[page.split('/').slice(0, 2).join('/')];
  if (!people) throw new Error(`${page}: no one is named to open it; add its subpackage to BY_ROOT in tests/e2e/route-sweep.ts`);
  return people;
};

type System = Awaited<ReturnType<typeof startSystem>>;

/**
 * The records the pages that show one are opened with, made through the API as people make them:
 * 王秀英 files a repair and a complaint, 陈晓 dispatches the repair to 李建国. Returns each such
 * page's query.
 */
export const seedRecords = async (system: System): Promise<Record<string, string>> => {
  const write = seedWriter(system, 'routes-sweep');
  const now = system.runtime.deps.now();
  const repair = await write('o-res-wang', repairs.create, { roomId: 'demo:1-1-101', category: 'water', description: '厨房水龙头一直滴水，关不紧', preferredTime: null, photos: [] });
  const dispatched = await write('o-desk-chen', repairs.dispatch, { repairId: repair.id, version: repair.version, technicianId: 'mb_otechli' });
  const complaint = await write(
    'o-res-wang',
    complaints.create,
    buildingComplaint(now, { roomId: 'demo:1-1-101', category: 'elevator', target: '电梯维保单位', description: '1栋电梯运行时噪音很大', request: '尽快检修' }),
  );
  const id = encodeURIComponent;
  return {
    'pages/resident/repair/index': `?id=${id(dispatched.id)}`,
    'pages/resident/complaint/index': `?id=${id(complaint.id)}`,
    'pages/desk/repair/index': `?id=${id(dispatched.id)}`,
    'pages/desk/complaint/index': `?kind=complaint&id=${id(complaint.id)}`,
    'pages/technician/order/index': `?id=${id(dispatched.id)}`,
    'pages/join/bind/index': `?p=${SEED_PROPERTY}`,
  };
};

/** The page on the screen, the last one shown: the H5 router keeps the ones behind it in the document (a home opened again is there twice). */
const SHOWN = '.taro_page_show';

/**
 * What the swept page holds against issue 17's checks, read from the rendered page:
 * - `sideways`: the document is wider than the window;
 * - `sizes`: on a PC window, text set under 12 px or over 20 px;
 * - `unlabelled`: a control that answers a tap with no text of its own and no aria-label or title;
 * - `failed`: the page shows its load error instead of its content.
 */
const inPage = ({ shown, pc }: { shown: string; pc: boolean }) => {
  const root = document.scrollingElement ?? document.documentElement;
  const sideways = root.scrollWidth > root.clientWidth + 1 ? `${root.scrollWidth} > ${root.clientWidth}` : null;
  const page = Array.from(document.querySelectorAll(shown)).pop();
  const visible = (el: Element) => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return style.visibility !== 'hidden' && style.display !== 'none' && style.opacity !== '0' && box.width > 0 && box.height > 0;
  };
  const all = page ? Array.from(page.querySelectorAll('*')).filter(visible) : [];
  const label = (el: Element) => `${(el.textContent ?? '').trim().slice(0, 16)} .${String(el.className).split(' ').filter(Boolean).slice(0, 2).join('.')}`;
  const sizes: string[] = [];
  if (pc) {
    for (const el of all) {
      const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (own && (px < 12 || px > 20)) sizes.push(`${label(el)} ${px}px`);
    }
  }
  /** Taro's components keep their listeners in `__events` (react-component-lib/utils/attachProps); React elements in their props. */
  const tappable = (el: Element) => {
    const own = el as unknown as Record<string, { onClick?: unknown; click?: unknown } | undefined>;
    return (
      el.matches('button, a[href], [role="button"]') ||
      typeof own.__events?.click === 'function' ||
      Object.keys(el).some((key) => key.startsWith('__reactProps') && typeof own[key]?.onClick === 'function')
    );
  };
  const named = (el: Element) =>
    (el as HTMLElement).innerText?.trim() !== '' ||
    !!el.getAttribute('aria-label')?.trim() ||
    !!el.getAttribute('aria-labelledby') ||
    !!el.getAttribute('title')?.trim() ||
    Array.from(el.querySelectorAll('img[alt], [aria-label]')).some((c) => (c.getAttribute('alt') ?? c.getAttribute('aria-label') ?? '').trim() !== '');
  /** An icon inside a tile that answers the tap is part of the tile's control, named by the tile. */
  const insideControl = (el: Element) => {
    for (let up = el.parentElement; up; up = up.parentElement) if (tappable(up)) return true;
    return false;
  };
  const unlabelled = all.filter((el) => tappable(el) && !insideControl(el) && !named(el)).map((el) => label(el));
  const failed = all.filter((el) => el.matches('.load-error')).map((el) => (el.textContent ?? '').trim().slice(0, 60));
  return { sideways, sizes, unlabelled, failed };
};

export interface RouteFindings {
  sideways: string | null;
  sizes: string[];
  unlabelled: string[];
  failed: string[];
  axe: string[];
}
export const clean: RouteFindings = { sideways: null, sizes: [], unlabelled: [], failed: [], axe: [] };

const shots = resolve(__dirname, '..', '..', 'docs', 'screenshots', 'routes');

/** Opens `page` in the app, waits for its lists to load, and reads what issue 17 checks. */
export const sweepPage = async (tab: Page, url: string, page: string, query: string, screen: Screen): Promise<RouteFindings> => {
  const shown = tab.locator(`${SHOWN}[id^="/${page}"]`).last();
  await tab.goto(`${url}#/${page}${query}`);
  // A subpackage's first page waits for its scripts (the reports' carry uCharts): slow on a busy machine.
  // Just after signing in, the app's own move to the person's home can land after this page and
  // replace it: the page is then opened once more (a page that never shows still fails).
  if (!(await shown.waitFor({ timeout: 30_000 }).then(() => true, () => false))) {
    await tab.goto(`${url}#/${page}${query}`);
    await shown.waitFor({ timeout: 60_000 });
  }
  await tab
    .waitForFunction((shown) => !Array.from(document.querySelectorAll(`${shown} .load-loading`)).some((el) => (el as HTMLElement).offsetParent !== null), SHOWN, { timeout: 10_000 })
    .catch(() => undefined);
  await tab.waitForTimeout(400);
  const found = await tab.evaluate(inPage, { shown: SHOWN, pc: screen === 'pc' });
  return { ...found, axe: await axeSerious(tab) };
};

export const screenshot = async (tab: Page, person: string, page: string, screen: Screen) => {
  const dir = join(shots, ROLE_OF[person] ?? person);
  mkdirSync(dir, { recursive: true });
  const name = page.replace(/^pages\//, '').replace(/\/index$/, '').replace(/\//g, '-') || 'landing';
  await picture(tab, { path: join(dir, `${name}-${screen}.png`) });
};

/**
 * The sweep of the pages under `roots`: one test per page, person and screen, named by the page, so a
 * finding says where it is. One browser context per person and screen, signed in once.
 */
const casesOf = (pages: string[]) => pages.flatMap((page) => peopleOf(page).flatMap((person) => (['phone', 'pc'] as const).map((screen) => [page, person || '未登录', screen] as const)));

export const describeRoutes = (title: string, sweep: keyof typeof SWEEPS) => {
  const pages = pagesUnder(SWEEPS[sweep]);
  const cases = casesOf(pages);
  describe(title, () => {
    let system: System;
    let queries: Record<string, string> = {};
    const tabs = new Map<string, Page>();
    const tabOf = async (person: string, screen: Screen) => {
      const key = `${person}@${screen}`;
      let tab = tabs.get(key);
      if (!tab) {
        tab = person === '未登录' ? await (await system.browser.newContext({ ...SCREENS[screen], locale: 'zh-CN' })).newPage() : await signIn(system.browser, system.url, person, SCREENS[screen]);
        tabs.set(key, tab);
      }
      return tab;
    };
    beforeAll(async () => {
      system = await startSystem();
      queries = await seedRecords(system);
    });
    afterAll(async () => {
      await system?.stop();
    });

    it('every page app.config registers is swept by one of the routes-*.test.ts files', () => {
      const swept = new Set(pagesUnder(Object.values(SWEEPS).flat()));
      expect(appPages().filter((page) => !swept.has(page))).toEqual([]);
      expect(pages.length).toBeGreaterThan(0);
      const named = new Set(casesOf(appPages()).map((c) => c.join(' ')));
      expect(Object.keys(KNOWN_FINDINGS).filter((key) => !named.has(key))).toEqual([]);
    });

    it.each(cases)('%s as %s on a %s: nothing sideways, body text 12–20 px on a PC, controls named, axe has nothing serious', async (page, person, screen) => {
      const tab = await tabOf(person, screen);
      const found = await sweepPage(tab, system.url, page, queries[page] ?? '', screen);
      await screenshot(tab, person === '未登录' ? '' : person, page, screen);
      expect({ page, screen, ...found }).toEqual({ page, screen, ...clean, ...KNOWN_FINDINGS[`${page} ${person} ${screen}`] });
    });
  });
};
