import { startSystem, signIn, picture } from './browser';

jest.setTimeout(120_000);

const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/**
 * Issue 2, point 14, in the H5 build: a resident files a repair, the desk on shift sees it arrive
 * without reloading, triaged by R3, dispatches it, and the technician finds it in their list.
 */
describe('e2e: a repair travels from a resident\'s phone to the desk and a technician', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('R1 R3 R4: file, see it live at the desk with the matched rule, dispatch, technician sees it', async () => {
    const desk = await signIn(system.browser, system.url, '陈晓');
    await desk.locator('.desk-inbox').waitFor();

    const resident = await signIn(system.browser, system.url, '王秀英');
    await resident.locator('#btn-new-repair').click();
    await resident.locator('.category-elevator').click();
    await resident.locator('.input-description textarea').fill('电梯困人了，我妈在里面');
    const [chooser] = await Promise.all([resident.waitForEvent('filechooser'), resident.locator('.btn-add-photo').click()]);
    await chooser.setFiles({ name: 'lift.png', mimeType: 'image/png', buffer: Buffer.from(ONE_PIXEL_PNG, 'base64') });
    await resident.locator('.photo-thumb').waitFor();
    await resident.locator('.btn-submit-repair').click();
    await resident.locator('.result-urgent').waitFor();
    await expect(resident.locator('.result-rule').innerText()).resolves.toContain('电梯失控或有人被困');

    const card = desk.locator('.repair-card.repair-urgent', { hasText: '1-1-101' });
    await card.waitFor({ timeout: 15_000 });
    await expect(card.locator('.triage-rule').innerText()).resolves.toContain('电梯失控或有人被困');
    await card.click();
    const photo = desk.locator('.photo-grid img').first();
    await photo.waitFor();
    expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    const stored = system.runtime.engine.collection('repairs').all()[0] as { photos: string[] };
    expect(stored.photos).toEqual([expect.stringMatching(/^cloud:\/\/local\.local\/uploads\/mb_oreswang\/[A-Za-z0-9_-]{24}\.png$/)]);
    expect(await photo.getAttribute('src')).toMatch(/^\/api\/storage\/file\?path=uploads%2Fmb_oreswang%2F.+&expires=\d+&sign=[0-9a-f]{64}$/);

    const best = desk.locator('.tech-option').first();
    await best.waitFor();
    await expect(best.locator('.tech-name').innerText()).resolves.toBe('马超');
    await best.click();
    await desk.locator('.btn-dispatch').click();
    await desk.locator('.repair-status', { hasText: '已派单' }).first().waitFor();

    const technician = await signIn(system.browser, system.url, '马超');
    const order = technician.locator('.repair-card', { hasText: '1-1-101' });
    await order.waitFor();
    await expect(order.innerText()).resolves.toContain('电梯困人了');

    await resident.goto(`${system.url}/#/pages/resident/repairs/index`);
    const mine = resident.locator('.repair-card', { hasText: '电梯困人了' });
    await mine.locator('.repair-status', { hasText: '已派单' }).waitFor();
    await mine.click();
    await resident.locator('.timeline-item').nth(1).waitFor();
    await expect(resident.locator('.timeline-item').count()).resolves.toBe(2);
    await picture(resident, { path: 'tests/e2e/.artifacts/resident-repair.png' }).catch(() => undefined);
  });
});
