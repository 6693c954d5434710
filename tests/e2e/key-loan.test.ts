import { drawSignature, signIn, startSystem } from './browser';

jest.setTimeout(180_000);

interface StoredLoan {
  status: string;
  borrower: { name: string; idMasked: string };
  deposit: { amountFen: number; receiptNo: string; custodian: string } | null;
  depositOutcome: { outcome: string; amountFen: number } | null;
  signature: string | null;
}

/**
 * Issue 19, 2, in the H5 build: the desk registers a pump-room key with a 200-yuan deposit, lends
 * it to a contractor who shows ID and signs on the desk's screen, and takes it back with the
 * deposit refunded; the day's reconciliation shows the money in and out.
 */
describe('e2e: a key lent to a contractor with a deposit, and returned', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('K1 K2: registered, lent with ID (masked), deposit and signature, returned with the deposit refunded', async () => {
    const desk = await signIn(system.browser, system.url, '陈晓');
    await desk.locator('.link-keys').click();
    await desk.locator('#add-kind-equipment').click();
    await desk.locator('.input-key-opens input').fill('2号楼水泵房');
    await desk.locator('.input-key-label input').fill('SB-02');
    await desk.locator('.input-key-deposit input').fill('200');
    await desk.locator('.btn-add-key').click();
    const row = desk.locator('.key-row', { hasText: 'SB-02' });
    await row.waitFor();

    await row.locator('.btn-lend').click();
    const form = desk.locator('.key-lend-form');
    await form.locator('.input-lend-name input').fill('赵师傅');
    await form.locator('.input-lend-phone input').fill('13800000601');
    await form.locator('.input-lend-id input').fill('110101199003071234');
    await expect(form.locator('.lend-id-masked').innerText()).resolves.toContain('1*************1234');
    await form.locator('.input-lend-purpose input').fill('水泵检修');
    await form.locator('.lend-day-chip').nth(1).click();
    await form.locator('.input-lend-time input').fill('17:30');
    await expect(form.locator('.lend-deposit-amount').innerText()).resolves.toContain('200.00');
    await form.locator('#lend-method-cash').click();
    await form.locator('.input-lend-receipt input').fill('YJ-0001');
    await form.locator('.btn-lend-submit').click();
    await form.locator('.error-signature').waitFor();
    await drawSignature(desk, '.lend-signature canvas');
    await form.locator('.btn-lend-submit').click();
    await row.locator('.key-state', { hasText: '已借出' }).waitFor();

    const [lent] = system.runtime.engine.collection('keyLoans').all() as unknown as StoredLoan[];
    expect(lent).toMatchObject({ status: 'lent', borrower: { name: '赵师傅', idMasked: '1*************1234' }, deposit: { amountFen: 20_000, receiptNo: 'YJ-0001', custodian: '陈晓' } });
    expect(lent?.signature).toMatch(/^cloud:\/\//);
    expect(JSON.stringify(system.runtime.engine.collection('keyLoans').all())).not.toContain('110101199003071234');

    await desk.locator('#keys-tab-loans').click();
    const card = desk.locator('.loan-row', { hasText: 'SB-02' });
    await expect(card.locator('.loan-deposit').innerText()).resolves.toContain('YJ-0001');
    await card.locator('.btn-give-back').click();
    await card.locator('.btn-give-back-confirm').click();
    await card.locator('.error-give-back').waitFor();
    await card.locator('#deposit-outcome-refunded').click();
    await card.locator('.btn-give-back-confirm').click();
    await desk.locator('.desk-keys .list-empty', { hasText: '目前没有借出的钥匙' }).waitFor();
    expect(system.runtime.engine.collection('keyLoans').all()).toEqual([expect.objectContaining({ status: 'returned', depositOutcome: expect.objectContaining({ outcome: 'refunded', amountFen: 20_000 }) })]);

    await desk.locator('#keys-tab-deposits').click();
    await expect(desk.locator('.deposit-received .deposit-amount').innerText()).resolves.toBe('200.00 元');
    await expect(desk.locator('.deposit-refunded .deposit-amount').innerText()).resolves.toBe('200.00 元');
    await expect(desk.locator('.deposit-held .deposit-amount').innerText()).resolves.toBe('0.00 元');
  });

  it('K2: a key lent to a colleague waits for his signature, which he gives on his own phone', async () => {
    const desk = await signIn(system.browser, system.url, '陈晓');
    await desk.locator('.link-keys').click();
    await desk.locator('#key-kind-public').click();
    await desk.locator('#add-kind-public').click();
    await desk.locator('.input-key-opens input').fill('5楼');
    await desk.locator('.input-key-label input').fill('G5-01');
    await desk.locator('.input-key-deposit input').fill('0');
    await desk.locator('.btn-add-key').click();
    const row = desk.locator('.key-row', { hasText: 'G5-01' });
    await row.locator('.btn-lend').click();
    const form = desk.locator('.key-lend-form');
    await form.locator('#lend-who-staff').click();
    await form.locator('.lend-staff-chip', { hasText: '李建国' }).click();
    await form.locator('.input-lend-purpose input').fill('检查5楼消防窗');
    await form.locator('.lend-day-chip').nth(1).click();
    await form.locator('.input-lend-time input').fill('12:00');
    expect(await form.locator('.lend-signature').count()).toBe(0);
    await form.locator('.btn-lend-submit').click();
    await row.locator('.key-state', { hasText: '已借出' }).waitFor();

    const technician = await signIn(system.browser, system.url, '李建国');
    await technician.locator('.link-my-keys').click();
    const mine = technician.locator('.my-loan', { hasText: 'G5-01' });
    await expect(mine.locator('.section-title').innerText()).resolves.toContain('待签字');
    await mine.locator('.btn-key-sign').click();
    await mine.locator('.error-key-sign').waitFor();
    await drawSignature(technician, '.key-sign-pad canvas');
    await mine.locator('.btn-key-sign').click();
    await mine.locator('.section-title', { hasText: '借用中' }).waitFor();
    const loans = system.runtime.engine.collection('keyLoans').all() as unknown as StoredLoan[];
    expect(loans.find((l) => l.borrower.name === '李建国')).toMatchObject({ status: 'lent', deposit: null, signature: expect.stringMatching(/^cloud:\/\//) });
  });
});
