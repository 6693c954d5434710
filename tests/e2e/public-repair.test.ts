import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import * as repairs from '@shared/contracts/repairs.contract';
import type { Action } from '@shared/contracts';
import { callAs, expectOk, TECH_LI, uploadAs } from '../functions/harness';
import { startSystem, signIn, counted, picture } from './browser';

jest.setTimeout(300_000);

const shots = resolve(__dirname, '..', '..', 'docs', 'screenshots', 'resident');
const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
type System = Awaited<ReturnType<typeof startSystem>>;

type Stored = { _id: string; description: string; roomId: string | null; place: unknown; status: string; version: number };
const storedRepair = (system: System, description: string) =>
  (system.runtime.engine.collection('repairs').all() as Stored[]).find((r) => r.description === description);

/** 李建国 quotes nothing, has it signed, completes and signs off on his phone, through the functions (his screens have their own tests). */
const finish = async (system: System, id: string) => {
  let current = expectOk(await callAs(system.runtime, TECH_LI, repairs.get, { propertyId: 'demo', repairId: id })) as repairs.RepairView;
  const step = async (action: Action, extra: Record<string, unknown> = {}) => {
    const input = { propertyId: 'demo', commandId: `e2e-public-${action.name}-${id}`, repairId: id, version: current.version, ...extra };
    current = expectOk(await callAs(system.runtime, TECH_LI, action as typeof repairs.dispatch, input));
  };
  await step(repairs.quote, { items: [] });
  await step(repairs.accept, { signature: uploadAs(system.runtime, TECH_LI, `quote-${id}.png`) });
  await step(repairs.complete, {
    beforePhotos: [uploadAs(system.runtime, TECH_LI, `b-${id}.png`, ONE_PIXEL_PNG)],
    afterPhotos: [uploadAs(system.runtime, TECH_LI, `a-${id}.png`, ONE_PIXEL_PNG)],
    materials: [],
  });
  await step(repairs.signOff, { signature: uploadAs(system.runtime, TECH_LI, `sig-${id}.png`) });
};

/**
 * Issue 18 (5), in Chromium at 390 px: 王秀英 reports building 1's third-floor corridor light from
 * the repair form's 公共区域; 陈晓 dispatches it to 李建国, who picks it up and finishes it; she is
 * told it is fixed. Her taps are counted; the form is shot at 390 and 1280 px.
 */
describe('e2e: a repair for a public place with no room', () => {
  let system: System;
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    system = await startSystem();
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('R1 R4 R7: a corridor light filed in 5 taps, dispatched and done like any other, and she is told it is fixed', async () => {
    const description = '3楼走廊的灯不亮了';
    const wang = await signIn(system.browser, system.url, '王秀英');
    const her = counted(wang);
    await her.tap('#btn-new-repair');
    await her.tap('#room-public');
    await her.tap('#public-place-building');
    await wang.locator('.public-floor input').fill('3');
    await her.tap('.category-electrical');
    await wang.locator('.input-description textarea').fill(description);
    await wang.locator('.repair-form').evaluate((form) => form.scrollIntoView());
    await picture(wang, { path: resolve(shots, 'repair-public-place-390.png') });
    await her.tap('.btn-submit-repair');
    await wang.locator('.repair-result').waitFor();
    expect(her.taps()).toBe(5);
    expect(storedRepair(system, description)).toMatchObject({ roomId: null, place: { scope: 'building', building: '1', floor: 3 } });

    const desk = await signIn(system.browser, system.url, '陈晓');
    const card = desk.locator('.repair-card', { hasText: description });
    await expect(card.locator('.repair-card-address').innerText()).resolves.toBe('1栋 3层');
    await card.click();
    await desk.locator('.tech-option', { hasText: '李建国' }).click();
    await desk.locator('.btn-dispatch').click();
    await desk.locator('.repair-status', { hasText: '已派单' }).first().waitFor();

    const li = await signIn(system.browser, system.url, '李建国');
    await li.locator('.repair-card', { hasText: description }).click();
    await expect(li.locator('.order-address').innerText()).resolves.toBe('1栋 3层');
    await li.locator('.onsite-order .btn-acknowledge').click();
    await li.locator('.onsite-order .btn-arrive').click();
    const arrived = async () => storedRepair(system, description)?.status === 'arrived';
    for (let i = 0; i < 40 && !(await arrived()); i++) await new Promise((r) => setTimeout(r, 250));
    await finish(system, storedRepair(system, description)!._id);

    await wang.goto(`${system.url}/#/pages/inbox/index`);
    const thread = wang.locator('.inbox-thread', { hasText: '1栋 3层' });
    await expect(thread.locator('.inbox-latest').innerText()).resolves.toBe('维修已完成，请为李建国师傅评价');
  });

  it('the form with 公共区域 chosen, at 1280 px', async () => {
    const wide = await signIn(system.browser, system.url, '王秀英', { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    await wide.locator('#btn-new-repair').click();
    await wide.locator('#room-public').click();
    await wide.locator('#public-place-building').click();
    await wide.locator('.public-floor input').fill('3');
    await picture(wide, { path: resolve(shots, 'repair-public-place-1280.png'), fullPage: true });
    await expect(wide.locator('.public-place-chip').count()).resolves.toBe(7);
  });
});
