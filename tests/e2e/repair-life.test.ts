import type { Page } from 'playwright-core';
import { drawSignature as sign, startSystem, signIn } from './browser';

jest.setTimeout(180_000);

const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const photo = (name: string) => ({ name, mimeType: 'image/png', buffer: Buffer.from(ONE_PIXEL_PNG, 'base64') });

const addPhoto = async (page: Page, button: string, name: string) => {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator(button).click()]);
  await chooser.setFiles(photo(name));
};

/**
 * Issue 3, point 10, in the H5 build: file → dispatch → arrive and quote → the resident accepts →
 * the technician goes offline, completes with a photo, the resident signs and rates on his phone →
 * the app is closed, reopened with the network back, and it syncs once → the resident sees it completed and rated → the
 * supervisor's scorecard changes.
 */
describe('e2e: a repair\'s whole life, with the sign-off done offline', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('R4 R5 R6 R7 R8: dispatch, quote, accept, offline completion and signature, one sync, rating and scorecard', async () => {
    const supervisor = await signIn(system.browser, system.url, '刘主管');
    await supervisor.locator('.link-scorecards').click();
    const liRow = supervisor.locator('.scorecard-row', { hasText: '李建国' });
    await expect(liRow.innerText()).resolves.toContain('暂无评价');

    const resident = await signIn(system.browser, system.url, '王秀英');
    await resident.locator('#btn-new-repair').click();
    await resident.locator('.category-water').click();
    await resident.locator('.input-description textarea').fill('厨房水龙头一直滴水，关不紧');
    await resident.locator('.btn-submit-repair').click();
    await resident.locator('.repair-result').waitFor();

    const desk = await signIn(system.browser, system.url, '陈晓');
    await desk.locator('.repair-card', { hasText: '关不紧' }).click();
    await desk.locator('.tech-option', { hasText: '李建国' }).click();
    await desk.locator('.btn-dispatch').click();
    await desk.locator('.repair-status', { hasText: '已派单' }).first().waitFor();

    const technician = await signIn(system.browser, system.url, '李建国');
    await technician.locator('.repair-card', { hasText: '关不紧' }).click();
    const order = technician.locator('.onsite-order');
    await order.locator('.btn-acknowledge').click();
    await order.locator('.btn-arrive').click();
    await order.locator('.btn-quote').click();
    await order.locator('.fee-item-tap-replace .btn-qty-plus').click();
    await expect(order.locator('.quote-total').first().innerText()).resolves.toContain('30.00');
    await order.locator('.btn-send-quote').click();

    await resident.goto(`${system.url}/#/pages/resident/repairs/index`);
    await resident.locator('.repair-card', { hasText: '关不紧' }).click();
    await resident.locator('.btn-accept-quote-own').click();

    await order.locator('.btn-finish').waitFor({ timeout: 20_000 });
    await technician.context().setOffline(true);
    await order.locator('.btn-finish').click();
    await addPhoto(technician, '.btn-add-before', 'before.png');
    await addPhoto(technician, '.btn-add-after', 'after.png');
    await expect(order.locator('.complete-amount').innerText()).resolves.toContain('30.00');
    await order.locator('.btn-complete').click();
    await order.locator('.sign-off-screen').waitFor();
    await sign(technician, '.sign-off-screen .signature-pad canvas');
    await order.locator('.star-quality .star-4').click();
    await order.locator('.star-attitude .star-5').click();
    await order.locator('.btn-sign-off').click();
    await order.locator('.sync-pending').waitFor();
    const repairsBefore = system.runtime.engine.collection('repairs').all() as { status: string }[];
    expect(repairsBefore[0]?.status).toBe('in_progress');

    // The app is closed with the queue unsent; it is opened again once the signal is back.
    const phone = technician.context();
    await technician.close();
    await phone.setOffline(false);
    const reopened = await phone.newPage();
    await reopened.goto(system.url);
    await reopened.locator('.repair-card', { hasText: '关不紧' }).waitFor();
    const synced = async () => (system.runtime.engine.collection('repairs').all() as { status: string }[])[0]?.status === 'signed';
    for (let i = 0; i < 60 && !(await synced()); i++) await new Promise((r) => setTimeout(r, 500));

    const [stored] = system.runtime.engine.collection('repairs').all() as {
      _id: string;
      status: string;
      rating: { quality: number; attitude: number };
      signOff: { signature: string };
      completion: { beforePhotos: string[]; amountFen: number };
    }[];
    expect(stored).toMatchObject({ status: 'signed', rating: { quality: 4, attitude: 5 }, completion: { amountFen: 3000 } });
    // Its history as the supervisor reads it: every step once, in order (issue 16: the events still in their commands'
    // records until the timer's journal step has stored them, and those it has).
    const history = await supervisor.evaluate(async ([repairId, token]) => {
      const res = await fetch('/api/fn/repairs-reads', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Dev ${token}` },
        body: JSON.stringify({ action: 'get', input: { propertyId: 'demo', repairId } }),
      });
      return ((await res.json()) as { data: { history: { action: string }[] } }).data.history.map((h) => h.action);
    }, [stored!._id, Buffer.from('o-sup-liu').toString('base64url')] as const);
    expect(history).toEqual(['submit', 'dispatch', 'acknowledge', 'arrive', 'quote', 'accept', 'complete', 'signOff']);

    // The supervisor's own view of the order carries a link to the signature, which his page can load.
    const token = Buffer.from('o-sup-liu').toString('base64url');
    const inked = await supervisor.evaluate(async ([repairId, token]) => {
      const res = await fetch('/api/fn/repairs-reads', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Dev ${token}` },
        body: JSON.stringify({ action: 'get', input: { propertyId: 'demo', repairId } }),
      });
      const { data: order } = (await res.json()) as { data: { signOff: { signature: string } } };
      const img = new Image();
      img.src = order.signOff.signature;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 128 && data[i]! < 128) ink++;
      return ink;
    }, [stored!._id, token] as const);
    expect(inked).toBeGreaterThan(100);

    await resident.reload();
    await resident.locator('.rating-view').waitFor();
    await expect(resident.locator('.repair-status', { hasText: '已完成' }).first().isVisible()).resolves.toBe(true);

    await supervisor.reload();
    await expect(supervisor.locator('.scorecard-row', { hasText: '李建国' }).locator('.scorecard-quality').innerText()).resolves.toContain('4.0');
  });
});
