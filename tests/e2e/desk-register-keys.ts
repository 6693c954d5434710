import type { Page } from 'playwright-core';

const on = (page: Page, selector: string, options?: { hasText: string }) => page.locator(`${selector} >> visible=true`, options);

/**
 * 小陈 registers a call from the keyboard alone (issue 17, 2): the search has the focus, Enter searches
 * (one match fills who and where), Tab walks to the category tile, Enter picks it, Tab reaches the
 * description, Ctrl+Enter sends from the text box. Returns how many keys it took. The caller's room is
 * typed into the search; their name and number fill in.
 */
export const registerByKeyboard = async (page: Page, description: string, caller = { room: '1-2-1502', name: '张伟', phone: '13800001502' }) => {
  let keys = 0;
  const press = async (key: string) => {
    keys += 1;
    await page.keyboard.press(key);
  };
  const type = async (text: string) => {
    keys += [...text].length;
    await page.keyboard.type(text);
  };
  const tabTo = async (found: () => Promise<boolean>) => {
    for (let i = 0; i < 30 && !(await found()); i += 1) await press('Tab');
    expect(await found()).toBe(true);
  };
  const focusedId = () => page.evaluate(() => document.activeElement?.closest('.keyable')?.id ?? document.activeElement?.tagName ?? '');

  await on(page, '.input-resident-search input').waitFor();
  await expect(page.evaluate(() => document.activeElement?.closest('.input-resident-search') !== null)).resolves.toBe(true);
  await type(caller.room);
  await press('Enter');
  await on(page, '.register-chosen-name', { hasText: caller.name }).waitFor();
  await expect(on(page, '.input-caller-phone input').inputValue()).resolves.toBe(caller.phone);

  await tabTo(async () => (await focusedId()) === 'category-water');
  await press('Enter');
  await expect(on(page, '#category-water').getAttribute('aria-pressed')).resolves.toBe('true');

  await tabTo(async () => (await focusedId()) === 'TEXTAREA');
  await type(description);
  await press('Control+Enter');
  await on(page, '.register-result').waitFor();
  return keys;
};
