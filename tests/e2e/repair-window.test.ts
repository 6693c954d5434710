import type { Page } from 'playwright-core';
import { startSystem, signIn } from './browser';

jest.setTimeout(180_000);

/** Tomorrow in Shanghai ("YYYY-MM-DD"): every day, weekends too, has the 09:00 and 14:00 windows. */
const tomorrow = () => new Date(Date.now() + 8 * 3_600_000 + 24 * 3_600_000).toISOString().slice(0, 10);

const openRepair = async (resident: Page, url: string, text: string) => {
  await resident.goto(`${url}/#/pages/resident/repairs/index`);
  await resident.locator('.repair-card', { hasText: text }).click();
  await resident.locator('.repair-summary').waitFor();
};

const planOf = async (technician: Page, url: string, text: string) => {
  await technician.goto(url);
  const card = technician.locator('.repair-card', { hasText: text });
  await card.waitFor();
  return card.locator('.repair-card-when').innerText();
};

/**
 * Issue 6, point 4, in the H5 build: a resident books a repair window; the technician sees it in his
 * day plan; the resident moves it with a reason; both see the new time.
 */
describe('e2e: a resident books the window a technician comes in, and moves it', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('V4: booked, seen by the technician, moved, and both see the new time', async () => {
    const day = tomorrow();
    const resident = await signIn(system.browser, system.url, '王秀英');
    await resident.locator('#btn-new-repair').click();
    await resident.locator('.category-water').click();
    await resident.locator('.input-description textarea').fill('卫生间水龙头滴水，想约个时间来修');
    await resident.locator('.btn-submit-repair').click();
    await resident.locator('.repair-result').waitFor();

    const desk = await signIn(system.browser, system.url, '陈晓');
    await desk.locator('.repair-card', { hasText: '想约个时间' }).click();
    await desk.locator('.tech-option', { hasText: '李建国' }).click();
    await desk.locator('.btn-dispatch').click();
    await desk.locator('.repair-status', { hasText: '已派单' }).first().waitFor();

    await openRepair(resident, system.url, '想约个时间');
    await resident.locator('.btn-book-window').click();
    await resident.locator(`#window-date-${day}`).click();
    await resident.locator('#window-slot-0900 .slot-free', { hasText: '可约' }).waitFor();
    await resident.locator('#window-slot-0900').click();
    await resident.locator('.btn-submit-window').click();
    await resident.locator('.summary-window', { hasText: '09:00-11:00' }).waitFor();

    const technician = await signIn(system.browser, system.url, '李建国');
    await expect(planOf(technician, system.url, '想约个时间')).resolves.toMatch(/已约 .*09:00-11:00/);

    await resident.locator('.btn-change-window').click();
    await resident.locator(`#move-date-${day}`).click();
    await resident.locator('#move-slot-1400').click();
    await resident.locator('.input-booking-reason textarea').fill('上午要去医院复查');
    await resident.locator('.btn-submit-reschedule').click();
    await resident.locator('.summary-window', { hasText: '14:00-16:00' }).waitFor();

    // The technician's plan and his order both say the new time; he was told in his inbox.
    await expect(planOf(technician, system.url, '想约个时间')).resolves.toMatch(/已约 .*14:00-16:00/);
    await technician.locator('.repair-card', { hasText: '想约个时间' }).click();
    await expect(technician.locator('.order-when').first().innerText()).resolves.toContain('14:00-16:00');
    const notices = system.runtime.engine.collection('outbox').all() as { kind: string; recipient: string; body: string }[];
    expect(notices.filter((n) => n.kind === 'booking.window' && n.recipient === 'o-tech-li').map((n) => n.body)).toEqual(
      expect.arrayContaining([expect.stringContaining('09:00-11:00'), expect.stringContaining('14:00-16:00')]),
    );

    // The resident's bookings list the window with the reason she gave; the desk's day view has it too.
    await resident.goto(`${system.url}/#/pages/resident/bookings/index`);
    const row = resident.locator('.booking-row', { hasText: '上门维修' });
    await expect(row.innerText()).resolves.toContain('上午要去医院复查');
    await expect(row.innerText()).resolves.toContain('李建国');
  });
});
