/**
 * Issue 16 (H5): what the desk's inbox builds before its first card, counted, not timed (counts the machine's
 * load does not move): the zod schemas its load constructs (calls of zod's `$ZodType` initializer, which every
 * schema runs once, found in the built chunks; V8's precise coverage), the React fibers of the tree that shows
 * the card, the fibers React rendered in the commits until then (through the hook React DevTools use, which
 * React DOM's production build calls on every commit) and the page's elements. `startCounting` before the
 * page is opened, `countsAtFirstCard` once the card is there; tests/e2e/inbox-load.test.ts holds them. `npx tsx bench/h5-counts.ts [h5 dir]` prints them
 * for two loads at 375 and two at 1280 px (the wide window goes on to load the chosen repair's pane).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';

interface Coverage {
  result: { url: string; functions: { ranges: { startOffset: number; count: number }[] }[] }[];
}

export interface InboxCounts {
  /** zod schemas constructed (`$ZodType` initialised). */
  schemas: number;
  /** Fibers of React's current tree that holds the first card. */
  fibers: number;
  /** Fibers rendered in every commit until the one that put the first card in the document. */
  rendered: number;
  /** Commits until then. */
  commits: number;
  /** Elements of the page (`.taro_page`). */
  elements: number;
}

/**
 * Installed before React DOM loads, as React DevTools' hook is: each commit until the first card counts the fibers
 * it rendered (new, or performed work, or given new props), walking only the subtrees that changed.
 */
const RENDER_HOOK = `(() => {
  const counts = { commits: 0, rendered: 0, done: false };
  window.__inboxRenders = counts;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true, isDisabled: false, renderers: new Map(),
    inject() { return 1; }, checkDCE() {}, onScheduleFiberRoot() {}, onCommitFiberUnmount() {}, onPostCommitFiberRoot() {}, setStrictMode() {},
    onCommitFiberRoot(id, root) {
      if (counts.done) return;
      counts.commits++;
      const stack = [root.current];
      while (stack.length) {
        const fiber = stack.pop();
        const before = fiber.alternate;
        if (!before || (fiber.flags & 1) || fiber.memoizedProps !== before.memoizedProps) counts.rendered++;
        if (before && fiber.child === before.child) continue;
        for (let child = fiber.child; child; child = child.sibling) stack.push(child);
      }
      counts.done = document.querySelector('.repair-card') !== null;
    },
  };
})();`;

/** Starts V8's call counts and React's render counts for `page`: before it is opened, so its load is counted. */
export const startCounting = async (page: Page, cdp: CDPSession) => {
  // A string, not a function: tsx's transform would wrap its inner functions in a helper the page lacks.
  await page.addInitScript(RENDER_HOOK);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
};

/** zod's schema constructor as built: `("$ZodType",(e,t)=>{…})`, the initializer every schema runs. */
const SCHEMA_INIT = '("$ZodType",';

/** The counts of a page opened after `startCounting`, read once its first `.repair-card` is in the document; `h5Dir` is the build it loads. */
export const countsAtFirstCard = async (page: Page, cdp: CDPSession, h5Dir: string): Promise<InboxCounts> => {
  const coverage = (await cdp.send('Profiler.takePreciseCoverage')) as Coverage;
  await cdp.send('Profiler.stopPreciseCoverage');
  // A function V8 reports no count for has not run since the counting started.
  let schemas = 0;
  for (const script of coverage.result) {
    const file = script.url.replace(/[?#].*$/, '').replace(/^.*\//, '');
    if (!file.endsWith('.js')) continue;
    const at = readFileSync(join(h5Dir, 'js', file), 'utf8').indexOf(SCHEMA_INIT);
    if (at >= 0) schemas += script.functions.find((f) => f.ranges[0]?.startOffset === at + SCHEMA_INIT.length)?.ranges[0]?.count ?? 0;
  }
  const { fibers, elements, rendered, commits } = await page.evaluate(() => {
    interface Fiber {
      child: Fiber | null;
      sibling: Fiber | null;
      return: Fiber | null;
    }
    const card = document.querySelector('.repair-card') as unknown as Record<string, Fiber> | null;
    const key = card && Object.keys(card).find((k) => k.startsWith('__reactFiber$'));
    if (!card || !key) throw new Error('no rendered .repair-card');
    let root = card[key]!;
    while (root.return) root = root.return;
    let count = 0;
    const stack: Fiber[] = [root];
    while (stack.length) {
      const fiber = stack.pop()!;
      count++;
      for (let c = fiber.child; c; c = c.sibling) stack.push(c);
    }
    const { rendered, commits } = (window as unknown as { __inboxRenders: { rendered: number; commits: number } }).__inboxRenders;
    return { fibers: count, rendered, commits, elements: document.querySelectorAll('.taro_page *').length };
  });
  return { schemas, fibers, rendered, commits, elements };
};

const main = async () => {
  // Imported here: the e2e test needs none of the bench's system.
  const { signedInDesk } = await import('./h5-inbox');
  const h5Dir = process.argv[2] ?? join(resolve(__dirname, '..'), 'client', 'dist', 'h5');
  const desk = await signedInDesk(h5Dir);
  try {
    for (const width of [375, 375, 1280, 1280]) {
      const page = await desk.context.newPage();
      await page.setViewportSize({ width, height: 800 });
      const cdp = await desk.context.newCDPSession(page);
      await startCounting(page, cdp);
      await page.goto(desk.inboxUrl);
      await page.locator('.repair-card').first().waitFor();
      console.log(`${width} px`, JSON.stringify(await countsAtFirstCard(page, cdp, h5Dir)));
      await page.close();
    }
  } finally {
    await desk.close();
  }
};
if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
