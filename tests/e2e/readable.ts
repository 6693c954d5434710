import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * Issue 18, 1: what a page must hold at any text size, read from the rendered page as a person meets it.
 * - nothing scrolls sideways;
 * - no text of two or more characters set one or two characters a line ("报修" stacked);
 * - every element that answers a tap (a click listener from Taro's components or a React onClick) is at
 *   least 44 × 44 CSS px;
 * - axe-core finds nothing serious or critical.
 */
export interface Findings {
  sideways: string | null;
  stacked: string[];
  smallTargets: string[];
  axe: string[];
}

const TAP_MIN = 44;

const inPage = (tapMin: number) => {
  const root = document.scrollingElement ?? document.documentElement;
  const sideways = root.scrollWidth > root.clientWidth + 1 ? `${root.scrollWidth} > ${root.clientWidth}` : null;
  const visible = (el: Element) => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return style.visibility !== 'hidden' && style.display !== 'none' && box.width > 0 && box.height > 0;
  };
  const stacked: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').trim();
    if ([...text].length < 2 || !node.parentElement || !visible(node.parentElement)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
    if (lines >= 2 && [...text].length / lines <= 2) stacked.push(text);
  }
  /** Taro's components keep their listeners in `__events` (react-component-lib/utils/attachProps); React elements in their props. */
  const tappable = (el: Element) => {
    const own = el as unknown as Record<string, { onClick?: unknown; click?: unknown } | undefined>;
    return typeof own.__events?.click === 'function' || Object.keys(el).some((key) => key.startsWith('__reactProps') && typeof own[key]?.onClick === 'function');
  };
  /** A tappable thing inside another (an icon in a tile) is part of the outer one's target. */
  const insideTarget = (el: Element) => {
    for (let up = el.parentElement; up; up = up.parentElement) if (tappable(up)) return true;
    return false;
  };
  const smallTargets: string[] = [];
  for (const el of Array.from(document.querySelectorAll('body *'))) {
    if (!tappable(el) || !visible(el) || insideTarget(el)) continue;
    const box = el.getBoundingClientRect();
    if (box.width < tapMin - 0.5 || box.height < tapMin - 0.5)
      smallTargets.push(`${(el.textContent ?? '').trim().slice(0, 20) || el.className} ${Math.round(box.width)}×${Math.round(box.height)}`);
  }
  return { sideways, stacked, smallTargets };
};

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const axeSerious = async (page: Page): Promise<string[]> => {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => String(n.target[0])).slice(0, 3).join(' | ')}`);
  });
};

export const readable = async (page: Page): Promise<Findings> => ({ ...(await page.evaluate(inPage, TAP_MIN)), axe: await axeSerious(page) });

/** What a page reads as, with nothing found: the shape `expect(...).toEqual` compares against. */
export const allReadable: Findings = { sideways: null, stacked: [], smallTargets: [], axe: [] };
