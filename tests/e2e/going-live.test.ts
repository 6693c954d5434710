import { startSystem, signIn } from './browser';

jest.setTimeout(240_000);

const ROOMS_CSV = ['楼栋,单元,房号', '9,1,101', '9,1,102', '9,1,103', '9,1,104', ''].join('\n');

/**
 * Issue 7, point 8, in the H5 build: a property goes live. The manager imports a building's rooms
 * and invites a desk member, who joins with the code; a new resident asks to bind one of the new
 * rooms, the desk approves, and her first repair reaches the desk.
 */
describe('e2e: going live', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('rooms imported, a desk member invited and joined, a resident bound to a new room files a repair the desk sees', async () => {
    const { browser, url } = system;

    const manager = await signIn(browser, url, '周经理');
    await manager.locator('.link-import').click();
    const [chooser] = await Promise.all([manager.waitForEvent('filechooser'), manager.locator('.btn-choose-file').click()]);
    await chooser.setFiles({ name: 'building-9.csv', mimeType: 'text/csv', buffer: Buffer.from(ROOMS_CSV, 'utf8') });
    await manager.locator('.import-done').waitFor();
    await expect(manager.locator('.import-counts').innerText()).resolves.toBe('共 4 套：新增 4 套，原来已有 0 套');
    const rooms = system.runtime.engine.collection('rooms').all() as { _id: string }[];
    expect(rooms.map((r) => r._id).filter((id) => id.startsWith('demo:9-'))).toEqual(['demo:9-1-101', 'demo:9-1-102', 'demo:9-1-103', 'demo:9-1-104']);

    await manager.goto(`${url}/#/pages/supervisor/members/index`);
    await manager.locator('#invite-role-desk').click();
    await manager.locator('.btn-invite').click();
    const code = (await manager.locator('.invite-code').innerText()).trim();
    expect(code).toMatch(/^[A-Z0-9]{8}$/);

    const newDesk = await signIn(browser, url, '钱敏');
    await newDesk.locator('.btn-staff-join').click();
    await newDesk.locator('.input-join-code input').fill(code);
    await newDesk.locator('.input-join-name input').fill('钱敏');
    await newDesk.locator('.input-join-phone input').fill('13700000009');
    await newDesk.locator('.btn-join').click();
    await newDesk.locator('.desk-inbox').waitFor();

    const resident = await signIn(browser, url, '孙丽');
    await resident.locator('.btn-bind').click();
    await resident.locator('.input-property-id input').fill('demo');
    await resident.locator('.btn-find-property').click();
    await resident.locator('.bind-property-name', { hasText: '阳光花园' }).waitFor();
    await resident.locator('.input-bind-building input').fill('9');
    await resident.locator('.input-bind-unit input').fill('1');
    await resident.locator('.input-bind-room input').fill('101');
    await resident.locator('.input-bind-name input').fill('孙丽');
    await resident.locator('#relation-owner').click();
    await resident.locator('.input-bind-phone input').fill('13800009101');
    await resident.locator('#btn-submit-bind').click();
    await resident.locator('.bind-sent').waitFor();
    await resident.locator('.btn-back-home').click();
    await resident.locator('.my-binding-pending', { hasText: '9-1-101' }).waitFor();

    const desk = await signIn(browser, url, '陈晓');
    await desk.locator('.link-bindings', { hasText: '1' }).click();
    const request = desk.locator('.binding-row', { hasText: '9-1-101' });
    await expect(request.locator('.binding-who').innerText()).resolves.toBe('孙丽 · 业主');
    await request.locator('.btn-approve-binding').click();
    await request.waitFor({ state: 'detached' });

    await resident.reload();
    await resident.locator('.resident-home').waitFor();
    await resident.locator('#btn-new-repair').click();
    await resident.locator('.chip-on', { hasText: '9-1-101' }).waitFor();
    await resident.locator('.category-door_window').click();
    await resident.locator('.input-description textarea').fill('卧室门锁坏了，门关不上');
    await resident.locator('.btn-submit-repair').click();
    await resident.locator('.result-normal').waitFor();

    await desk.goto(`${url}/#/pages/desk/inbox/index`);
    const card = desk.locator('.repair-card', { hasText: '9-1-101' });
    await card.waitFor({ timeout: 15_000 });
    await expect(card.innerText()).resolves.toContain('卧室门锁坏了');
    await newDesk.locator('.repair-card', { hasText: '9-1-101' }).waitFor({ timeout: 15_000 });
  });
});
