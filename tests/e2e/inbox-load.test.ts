import { join, resolve } from 'node:path';
import { countsAtFirstCard, startCounting, type InboxCounts } from '../../bench/h5-counts';
import { repairs } from '@shared/contracts';
import { repairInput, WANG } from '../../bench/repair-life';
import { signIn, startSystem } from './browser';

jest.setTimeout(180_000);

const h5Dir = join(resolve(__dirname, '..', '..'), 'client', 'dist', 'h5');

/**
 * Issue 16 (H5): what the desk's inbox builds before its first card, counted on the H5 build (bench/h5-counts.ts:
 * V8's call counts of zod's schema initializer, React's tree, the document), one repair in the queue, at a phone's
 * width (the wide window goes on to load the chosen repair's pane). Counts, not times: the time is
 * bench/h5-inbox.ts's, and the machine's load moves it.
 */
describe('e2e: the desk inbox load (issue 16, H5)', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  let counts: InboxCounts;
  beforeAll(async () => {
    system = await startSystem();
    const filed = await system.runtime.invoke('repairs', { action: repairs.create.name, input: repairInput('e2e-inbox-load') }, { openid: WANG });
    expect(filed).toMatchObject({ ok: true });
    const desk = await signIn(system.browser, system.url, '陈晓', { viewport: { width: 375, height: 812 }, deviceScaleFactor: 1 });
    const page = await desk.context().newPage();
    const cdp = await desk.context().newCDPSession(page);
    await startCounting(page, cdp);
    await page.goto(`${system.url}#/pages/desk/inbox/index`);
    await page.locator('.repair-card').first().waitFor();
    counts = await countsAtFirstCard(page, cdp, h5Dir);
  });
  afterAll(async () => {
    await system?.stop();
  });

  it("builds the zod schemas it uses, not every contract of its chunks' actions (shared-types' schemas on first use in the H5 build)", () => {
    // 1 947 before the H5 build wrapped them (config/lazy-schemas.ts); 255 after.
    expect(counts.schemas).toBeGreaterThan(50);
    expect(counts.schemas).toBeLessThanOrEqual(400);
  });

  it("draws each View as its element, each Text as one forwardRef to it (components/html) and each icon's <i> itself (components/Icon/index.h5.tsx)", () => {
    // 286 fibers with Taro's View and Text (three each: a forwardRef, the component, the element), 176 without them,
    // 156 with the icons drawn without the kit's two components (ten icons).
    expect(counts.fibers).toBeLessThanOrEqual(165);
    // The page's elements are what it shows, the same either way: 77 (no hidden dialog, sheet or pane at load).
    expect(counts.elements).toBeLessThanOrEqual(80);
  });
});
