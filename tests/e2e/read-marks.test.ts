import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import * as complaints from '@shared/contracts/complaints.contract';
import { callAs, complaintInput, expectOk, WANG, WANG_ROOM } from '../functions/harness';
import { startSystem, signIn, topPage, picture } from './browser';

jest.setTimeout(300_000);

const shots = resolve(__dirname, '..', '..', 'docs', 'screenshots');
type System = Awaited<ReturnType<typeof startSystem>>;

const home = async (page: Page, url: string) => {
  await page.goto(`${url}/#/pages/resident/home/index`);
  await topPage(page).locator('.btn-inbox').waitFor();
};

const openInbox = async (page: Page, url: string) => {
  await page.goto(`${url}/#/pages/inbox/index`);
  await topPage(page).locator('.inbox-thread').first().waitFor();
};

/** Her read marks as the server keeps them (issue 18, 3): one document per membership. */
const storedMarks = (system: System) => system.runtime.engine.collection('readMarks').all() as { threads: { thread: string }[] }[];

/**
 * Issue 18 (3), in Chromium at 390 px: 王秀英 reads her complaint's notice on one phone (a browser
 * context of its own, with its own storage), then signs in on a second: the thread is read there
 * too and the home's badge agrees. The notice says who reads the complaint and by when (C4).
 */
describe('e2e: what she has read follows her to a second phone', () => {
  let system: System;
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    system = await startSystem();
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('issue 18 (3) C4: read on one phone, read on the other; the badges agree', async () => {
    const filed = expectOk(await callAs(system.runtime, WANG, complaints.create, complaintInput(WANG_ROOM, { occurredAt: new Date().toISOString() })));
    const first = await signIn(system.browser, system.url, '王秀英');
    await home(first, system.url);
    await expect(topPage(first).locator('.btn-inbox .inbox-badge').innerText()).resolves.toBe('1 件有新进展');

    await openInbox(first, system.url);
    const thread = topPage(first).locator(`#thread-${filed.id}`);
    await expect(thread.locator('.inbox-latest').innerText()).resolves.toBe('客服中心今天内确认由谁处理');
    await expect(thread.locator('.inbox-unread').innerText()).resolves.toBe('1 条新消息');
    await picture(first, { path: resolve(shots, 'resident-inbox-complaint-390.png') });
    await thread.click();
    await first.locator('.my-complaint-page').waitFor();
    await first.waitForLoadState('networkidle');
    expect(storedMarks(system).flatMap((d) => d.threads.map((t) => t.thread))).toEqual([`complaint:${filed.id}`]);

    const second = await signIn(system.browser, system.url, '王秀英');
    await home(second, system.url);
    await second.waitForLoadState('networkidle');
    await expect(topPage(second).locator('.btn-inbox .inbox-badge').count()).resolves.toBe(0);
    await openInbox(second, system.url);
    await expect(topPage(second).locator(`#thread-${filed.id} .inbox-unread`).count()).resolves.toBe(0);
    await expect(topPage(second).locator(`#thread-${filed.id}`).getAttribute('class')).resolves.not.toContain('inbox-thread-unread');
    await picture(second, { path: resolve(shots, 'resident-inbox-read-390.png') });

    await home(first, system.url);
    await first.waitForLoadState('networkidle');
    await expect(topPage(first).locator('.btn-inbox .inbox-badge').count()).resolves.toBe(0);

    const wide = await signIn(system.browser, system.url, '王秀英');
    await wide.setViewportSize({ width: 1280, height: 900 });
    await openInbox(wide, system.url);
    await expect(topPage(wide).locator(`#thread-${filed.id} .inbox-unread`).count()).resolves.toBe(0);
    await picture(wide, { path: resolve(shots, 'resident-inbox-read-1280.png') });
  });
});
