import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { signIn, startSystem, picture } from './browser';

const shots = resolve(__dirname, '..', '..', 'docs', 'screenshots');

/** The page as it stands, at a phone's width (390) and at a PC's (1280), into docs/screenshots/. */
const shootBoth = async (page: Page, name: string) => {
  mkdirSync(shots, { recursive: true });
  await picture(page, { path: join(shots, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await picture(page, { path: join(shots, `${name}-pc.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
};

jest.setTimeout(180_000);

/**
 * Issue 19, 3, in the H5 build: the desk asks to read a household's file with a reason, the
 * supervisor grants it for an hour, the desk reads it (phones masked) and the read appears in the
 * access log the supervisor and the manager read; the supervisor revokes the grant and the desk's
 * next read is refused; the supervisor reads the file himself. The tests follow on from each other.
 */
describe('e2e: a resident file read under the supervisor\'s grant, and logged', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('P1: the desk asks, the supervisor grants, the desk reads the file, the read is in the access log', async () => {
    const desk = await signIn(system.browser, system.url, '陈晓');
    await desk.locator('.link-files').click();
    await desk.locator('.files-ask .files-room input').fill('1-1-101');
    await desk.locator('.files-ask .files-text textarea').fill('住户来电要求核对车位登记');
    await desk.locator('.files-ask .btn-files-submit').click();
    const request = desk.locator('.files-grant', { hasText: '1-1-101' });
    await request.locator('.files-grant-status', { hasText: '待批准' }).waitFor();
    await expect(request.locator('.btn-files-open').count()).resolves.toBe(0);

    const supervisor = await signIn(system.browser, system.url, '刘主管');
    await supervisor.locator('.link-file-access').click();
    const asked = supervisor.locator('.access-request', { hasText: '1-1-101' });
    await expect(asked.locator('.access-reason').innerText()).resolves.toBe('住户来电要求核对车位登记');
    await asked.locator('.btn-access-grant').click();
    await asked.locator('.access-status', { hasText: '已批准' }).waitFor();

    await desk.reload();
    await request.locator('.files-grant-status', { hasText: '已批准' }).waitFor();
    await request.locator('.btn-files-open').click();
    const residents = request.locator('.files-residents');
    await residents.waitFor();
    await expect(residents.innerText()).resolves.toContain('王秀英 138****0101');
    await expect(request.locator('.files-file').innerText()).resolves.not.toContain('13800000101');

    await supervisor.locator('#access-tab-log').click();
    await expect(supervisor.locator('.access-read-line').first().innerText()).resolves.toBe('陈晓 查阅了 1-1-101');
    await expect(supervisor.locator('.access-read-meta').first().innerText()).resolves.toContain('住户来电要求核对车位登记');
    expect(system.runtime.engine.collection('fileReads').all()).toEqual([expect.objectContaining({ roomId: 'demo:1-1-101', reader: expect.objectContaining({ name: '陈晓' }) })]);

    // Issue 16: a save answers only what it kept; the household the file was read with stays on the card.
    await request.locator('.btn-files-edit').click();
    await request.locator('.files-plates input').fill('沪A12345');
    await request.locator('.btn-files-save').click();
    await expect(request.locator('.files-vehicles').innerText()).resolves.toContain('沪A12345');
    await expect(request.locator('.files-updated').innerText()).resolves.toContain('陈晓');
    await expect(residents.innerText()).resolves.toContain('王秀英 138****0101');
    await shootBoth(desk, 'desk-file-kept');
    expect(system.runtime.engine.collection('residentFiles').all()).toEqual([expect.objectContaining({ vehicles: [{ plate: '沪A12345', note: '' }], version: 1 })]);
  });

  it('P1: the supervisor revokes the grant before it runs out; the desk\'s next read is refused, and the revoke is in the access log', async () => {
    const desk = await signIn(system.browser, system.url, '陈晓');
    await desk.locator('.link-files').click();
    const request = desk.locator('.files-grant', { hasText: '1-1-101' });
    await request.locator('.btn-files-open').waitFor();

    const supervisor = await signIn(system.browser, system.url, '刘主管');
    await supervisor.locator('.link-file-access').click();
    const granted = supervisor.locator('.access-request', { hasText: '1-1-101' });
    await granted.locator('.access-status', { hasText: '已批准' }).waitFor();
    await shootBoth(supervisor, 'supervisor-file-access');
    await granted.locator('.btn-access-revoke').click();
    await granted.locator('.access-status', { hasText: '已撤销' }).waitFor();
    await expect(granted.locator('.btn-access-revoke').count()).resolves.toBe(0);

    await request.locator('.btn-files-open').click();
    await expect(request.locator('.files-refusal').innerText()).resolves.toBe('主管已撤销这次查阅许可，如需查阅请重新申请');
    await request.locator('.files-grant-status', { hasText: '已撤销' }).waitFor();
    await expect(request.locator('.btn-files-open').count()).resolves.toBe(0);

    await shootBoth(desk, 'desk-files-revoked');
    await supervisor.locator('#access-tab-log').click();
    await expect(supervisor.locator('.access-read-line').first().innerText()).resolves.toBe('刘主管 撤销了 陈晓 查阅 1-1-101 的许可');
    await shootBoth(supervisor, 'supervisor-file-log');
    expect(system.runtime.engine.collection('fileReads').all()).toContainEqual(expect.objectContaining({ act: 'revoke', holder: '陈晓' }));
  });

  it('P1: the supervisor reads a file himself with his reason, and his read is in the access log', async () => {
    const supervisor = await signIn(system.browser, system.url, '刘主管');
    await supervisor.locator('.link-file-access').click();
    await supervisor.locator('#access-tab-inspect').click();
    await supervisor.locator('.access-inspect .files-room input').fill('1-1-101');
    await supervisor.locator('.access-inspect .files-text textarea').fill('住户投诉处理需核对登记信息');
    await supervisor.locator('.access-inspect .btn-files-submit').click();
    await expect(supervisor.locator('.access-file .files-residents').innerText()).resolves.toContain('王秀英 138****0101');
    await expect(supervisor.locator('.access-file .btn-files-edit').count()).resolves.toBe(0);
    await shootBoth(supervisor, 'supervisor-file-inspect');
    await supervisor.locator('#access-tab-log').click();
    await expect(supervisor.locator('.access-read-line').first().innerText()).resolves.toBe('刘主管 查阅了 1-1-101');
    await expect(supervisor.locator('.access-read-meta').first().innerText()).resolves.toContain('住户投诉处理需核对登记信息');
  });
});
