import * as complaints from '@shared/contracts/complaints.contract';
import * as repairs from '@shared/contracts/repairs.contract';
import * as settingsContract from '@shared/contracts/settings.contract';
import { callAs, complaintInput, expectOk, MANAGER, newCommandId, PROPERTY, repairInput, WANG, WANG_ROOM } from '../functions/harness';
import { startSystem, signIn, topPage, look } from './browser';

jest.setTimeout(180_000);

/**
 * R2 D3 in the H5 build: the desk clerk on shift opens 消息 after a resident filed a repair and a
 * complaint, and reads one line for each (the desk's notice; her push is by name, not a second line).
 * Screenshots at 375 and 1280 px: docs/screenshots/desk-notices-<phone|pc>.png.
 */
describe('e2e: the on-shift desk clerk’s 消息 (R2 D3)', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  beforeAll(async () => (system = await startSystem()));
  afterAll(() => system?.stop());

  it('R2 D3: a new repair and a new complaint are one line each in 陈晓’s 消息 while she is on shift, at 375 and 1280 px', async () => {
    // 陈晓 on every shift, whatever the hour the test runs at.
    const stored = expectOk(await callAs(system.runtime, MANAGER, settingsContract.settings, { propertyId: PROPERTY }));
    const chen = stored.shifts.flatMap((s) => s.desk).find((d) => d.name === '陈晓');
    expect(chen).toBeDefined();
    const shifts = stored.shifts.map((s) => ({ name: s.name, start: s.start, deskMemberIds: [chen!.memberId] }));
    expectOk(await callAs(system.runtime, MANAGER, settingsContract.updateSettings, { propertyId: PROPERTY, commandId: newCommandId(), shifts }));

    expectOk(await callAs(system.runtime, WANG, repairs.create, repairInput({ description: '厨房水龙头一直滴水' })));
    expectOk(await callAs(system.runtime, WANG, complaints.create, complaintInput(WANG_ROOM)));

    const desk = await signIn(system.browser, system.url, '陈晓');
    await desk.goto(`${system.url}/#/pages/inbox/index`);
    const page = topPage(desk);
    await page.locator('.inbox-item').first().waitFor();
    const lines = page.locator('.inbox-item');
    const shown = await lines.evaluateAll((items) => items.map((i) => ({ id: i.id, title: i.querySelector('.inbox-title')?.textContent ?? '', body: i.querySelector('.inbox-body')?.textContent ?? '' })));
    expect(shown).toHaveLength(2);
    // Newest first: the complaint, then the repair; each names what it is about and where.
    expect(shown[0]?.title).toContain('新投诉');
    expect(shown[0]?.body).toContain('1栋电梯运行时噪音很大');
    expect(shown[1]?.title).toContain('新报修');
    expect(shown[1]?.body).toContain('厨房水龙头一直滴水');
    expect(new Set(shown.map((s) => s.title)).size).toBe(2);

    await look(desk, 'desk-notices', '.inbox-item');
  });
});
