import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { picture } from './browser';

/** The screens USERS.md's people use: the desk's PC window in WeChat for Windows, and a phone. */
export const PC = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 };

const shots = resolve(__dirname, '..', '..', 'docs', 'screenshots');

/** What is on the screen: the H5 router keeps the pages behind the current one in the document, hidden. */
export const on = (page: Page, selector: string, hasText?: string | RegExp) =>
  page.locator(`${selector} >> visible=true`, hasText === undefined ? undefined : { hasText }).first();

/** A screenshot under docs/screenshots/, at the size the page has now. */
export const shoot = async (page: Page, name: string) => {
  mkdirSync(shots, { recursive: true });
  await page.waitForTimeout(300);
  await picture(page, { path: join(shots, `${name}.png`) });
};

/** The same screen at 390 and at 1280 px, back at `size` afterwards. */
export const shootBoth = async (page: Page, name: string, size: typeof PC | typeof PHONE) => {
  for (const [suffix, screen] of [['phone', PHONE], ['pc', PC]] as const) {
    await page.setViewportSize(screen.viewport);
    await shoot(page, `${name}-${suffix}`);
  }
  await page.setViewportSize(size.viewport);
};

/**
 * A person's journey through the pages, every tap and every key counted (issue 17: the journeys of
 * USERS.md with taps counted). Taps are clicks on what is on the screen; keys are presses, and each
 * typed character counts as one. `task()` starts a new count and returns the last one.
 */
export const journey = (page: Page) => {
  let taps = 0;
  let keys = 0;
  return {
    tap: async (selector: string, hasText?: string | RegExp) => {
      taps += 1;
      await on(page, selector, hasText).click();
    },
    press: async (key: string) => {
      keys += 1;
      await page.keyboard.press(key);
    },
    /** A tap made by other means (the browser's back for WeChat's). */
    tapped: () => {
      taps += 1;
    },
    type: async (text: string) => {
      keys += [...text].length;
      await page.keyboard.type(text);
    },
    /** What the task took since the last call; the count starts again. */
    task: () => {
      const done = { taps, keys };
      taps = 0;
      keys = 0;
      return done;
    },
  };
};
