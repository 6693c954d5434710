/**
 * Issue 16 (H5): what the desk's inbox builds before its first card, counted, not timed (counts the machine's
 * load does not move): the zod schemas its load constructs (calls of zod's `$ZodType` initializer, which every
 * schema runs once, found in the built chunks; V8's precise coverage), the React fibers of the tree that shows
 * the card and the document's elements. `startCounting` before the page is opened, `countsAtFirstCard` once
 * the card is there. bench/h5-profile.ts prints them; tests/e2e/inbox-load.test.ts holds them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';

interface Coverage {
  result: { url: string; functions: { ranges: { startOffset: number; count: number }[] }[] }[];
}

export interface InboxCounts {
  /** zod schemas constructed (`$ZodType` initialised). */
  schemas: number;
  /** Fibers of React's current tree that holds the first card. */
  fibers: number;
  /** Elements in the document. */
  elements: number;
}

/** Starts V8's call counts for the page of `cdp`: before the page is opened, so its load is counted. */
export const startCounting = async (cdp: CDPSession) => {
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
  const { fibers, elements } = await page.evaluate(() => {
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
    return { fibers: count, elements: document.getElementsByTagName('*').length };
  });
  return { schemas, fibers, elements };
};
