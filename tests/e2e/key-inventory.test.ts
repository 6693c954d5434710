import { movableClock, signIn, startSystem } from './browser';

jest.setTimeout(240_000);

interface StoredInventory {
  month: string;
  status: string;
  counts: { kind: string; expected: number; counted: number; explanation: string; countedBy: string }[];
  signedBy: string | null;
  signedAt: string | null;
}

const pc = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };
const HOUR = 60 * 60 * 1000;

/** Hours from now to 10:00 Shanghai (02:00 UTC) on the 25th of the current Shanghai month: the browser's month stays the server's. */
const hoursToThe25th = (now: Date): number => {
  const shanghai = new Date(now.getTime() + 8 * HOUR);
  const target = Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), 25, 2, 0, 0);
  return (target - now.getTime()) / HOUR;
};

/**
 * Issue 19, K3, in the H5 build on the desk's PC: on the 25th the desk counts each kind of key; one
 * equipment-room key is missing, the count is refused until the difference is explained; on the 28th
 * the supervisor signs the report.
 */
describe('e2e: the month\'s key inventory', () => {
  const clock = movableClock();
  let system: Awaited<ReturnType<typeof startSystem>>;
  beforeAll(async () => {
    clock.advanceHours(hoursToThe25th(new Date()));
    system = await startSystem(clock);
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('K3: an inventory with a difference explained, counted on the 25th and signed by the supervisor on the 28th', async () => {
    const desk = await signIn(system.browser, system.url, '陈晓', pc);
    await desk.locator('.link-keys').click();
    await desk.locator('#add-kind-equipment').click();
    await desk.locator('.input-key-opens input').fill('3号楼配电房');
    await desk.locator('.input-key-label input').fill('PD-03');
    await desk.locator('.input-key-deposit input').fill('0');
    await desk.locator('.btn-add-key').click();
    await desk.locator('.key-row', { hasText: 'PD-03' }).waitFor();

    await desk.locator('#keys-tab-inventory').click();
    await desk.locator('.inventory-phase', { hasText: '清点中' }).waitFor();
    const rows = desk.locator('.count-row');
    await rows.first().waitFor();
    const expectedOf = async (kind: string) => Number((await desk.locator(`#count-${kind} .count-expected`).innerText()).replace(/\D/g, ''));

    // The equipment rooms' register holds PD-03; the desk finds one key fewer and saves without a word.
    const equipment = desk.locator('#count-equipment');
    const registered = await expectedOf('equipment');
    expect(registered).toBeGreaterThanOrEqual(1);
    await equipment.locator('.input-count-equipment input').fill(String(registered - 1));
    await equipment.locator('.btn-count-equipment').click();
    await desk.getByText('清点数与登记数不符，请说明原因').first().waitFor();
    expect(system.runtime.engine.collection('keyInventories').all()).toEqual([]);

    await equipment.locator('.input-explain-equipment input').fill('PD-03 维修班借出未登记，已追回补登');
    await equipment.locator('.btn-count-equipment').click();
    await desk.locator('#count-equipment.count-differs .count-by', { hasText: '陈晓' }).waitFor();

    // Every other kind matches its register.
    const ids = await rows.evaluateAll((els) => els.map((el) => el.id.replace(/^count-/, '')));
    for (const kind of ids.filter((k) => k !== 'equipment')) {
      const row = desk.locator(`#count-${kind}`);
      await row.locator(`.input-count-${kind} input`).fill(String(await expectedOf(kind)));
      await row.locator(`.btn-count-${kind}`).click();
      await desk.locator(`#count-${kind} .count-by`, { hasText: '陈晓' }).waitFor();
    }

    const [counted] = system.runtime.engine.collection('keyInventories').all() as unknown as StoredInventory[];
    expect(counted).toMatchObject({ status: 'counting', signedBy: null });
    expect(counted?.counts).toHaveLength(ids.length);
    expect(counted?.counts.find((c) => c.kind === 'equipment')).toMatchObject({ expected: registered, counted: registered - 1, explanation: 'PD-03 维修班借出未登记，已追回补登', countedBy: '陈晓' });
    expect(counted?.counts.filter((c) => c.counted !== c.expected)).toHaveLength(1);

    // The 28th: the report is ready; the supervisor reads the difference and signs.
    clock.advanceHours(72);
    const supervisor = await signIn(system.browser, system.url, '刘主管', pc);
    // From his home, as he would (opening the page by its address races the app's own move to his home after signing in).
    await supervisor.locator('.link-keys').click();
    await supervisor.locator('#keys-tab-inventory').click();
    await supervisor.locator('.inventory-phase', { hasText: '报告已生成' }).waitFor();
    await expect(supervisor.locator('#count-equipment .count-result').innerText()).resolves.toBe(`清点数量 ${registered - 1} · PD-03 维修班借出未登记，已追回补登`);
    await supervisor.locator('.btn-sign-inventory').click();
    await supervisor.locator('.inventory-signed', { hasText: '刘主管 已于' }).waitFor();
    expect(await supervisor.locator('.btn-sign-inventory').count()).toBe(0);

    const [signed] = system.runtime.engine.collection('keyInventories').all() as unknown as StoredInventory[];
    expect(signed).toMatchObject({ status: 'signed', signedBy: '刘主管' });
    expect(clock.now().getTime() - new Date(signed?.signedAt ?? 0).getTime()).toBeLessThan(60_000);
    expect(new Date(signed?.signedAt ?? 0).getUTCDate()).toBe(28);
  });
});
