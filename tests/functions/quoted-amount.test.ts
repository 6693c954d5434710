import { repairs } from '@shared/contracts';
import { callAs, expectOk, PROPERTY, raw, snapshot, startRuntime, SUPERVISOR, TECH_LI, WANG } from './harness';
import { file, onSite, photos, type Rt } from './work-order';

/** Issue 12 (3.1): what the resident is charged is the quote they accepted, never a figure from the technician's phone. */
describe('R6: the amount is the accepted quote', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  const quotedAndAccepted = async () => {
    const o = await onSite(rt);
    expect(expectOk(await o.step(TECH_LI, repairs.quote, { items: [{ code: 'tap-replace', qty: 1 }] })).quote?.totalFen).toBe(3000);
    expectOk(await o.step(WANG, repairs.accept));
    return o;
  };

  it('R6 R7: quoted and accepted at 3000 fen, a completion sent with 1 fen is refused and changes nothing', async () => {
    const o = await quotedAndAccepted();
    const before = await snapshot(rt);
    expect(await o.step(TECH_LI, repairs.complete, { ...photos(), materials: [], amountFen: 1 })).toMatchObject({ ok: false, code: 'REPAIR.AMOUNT_NOT_QUOTED' });
    expect(await snapshot(rt)).toEqual(before);
  });

  it('R6 R7 R12: the completion records the accepted total, materials carry no price of their own, and the month counts 3000', async () => {
    const o = await quotedAndAccepted();
    const done = expectOk(await o.step(TECH_LI, repairs.complete, { ...photos(), materials: [{ name: '水龙头', qty: 1, amountFen: 999_900 }] }));
    expect(done.completion).toMatchObject({ amountFen: 3000, materials: [{ name: '水龙头', qty: 1 }] });
    expect(done.completion?.materials[0]).not.toHaveProperty('amountFen');
    expectOk(await o.step(TECH_LI, repairs.signOff, { signature: file(TECH_LI, 'sig.png') }));
    const stored = raw<{ completion: { amountFen: number } }>(rt, 'repairs')[0];
    expect(stored?.completion.amountFen).toBe(3000);
    const month = expectOk(await callAs(rt, SUPERVISOR, repairs.summary, { propertyId: PROPERTY, month: '2026-11' }));
    expect(month).toMatchObject({ amountFen: 3000, rows: [{ amountFen: 3000 }] });
  });

  it('R6: extra work is a revised quote the resident accepts again on their phone; the completion charges the revised total', async () => {
    const o = await quotedAndAccepted();
    const revised = expectOk(await o.step(TECH_LI, repairs.quote, { items: [{ code: 'tap-replace', qty: 1 }, { code: 'pipe-fix', qty: 1 }] }));
    expect(revised).toMatchObject({ status: 'quoted', quote: { totalFen: 8000 }, acceptance: null });
    expect(await o.step(TECH_LI, repairs.complete, { ...photos(), materials: [] })).toMatchObject({ ok: false, code: 'STATE.TRANSITION_NOT_ALLOWED' });
    expectOk(await o.step(WANG, repairs.accept));
    expect(expectOk(await o.step(TECH_LI, repairs.complete, { ...photos(), materials: [] })).completion?.amountFen).toBe(8000);
  });

  it('R6: a revised quote can be accepted on the technician\'s phone only with the resident\'s signature', async () => {
    const o = await quotedAndAccepted();
    expectOk(await o.step(TECH_LI, repairs.quote, { items: [{ code: 'tap-replace', qty: 2 }] }));
    expect(await o.step(TECH_LI, repairs.accept)).toMatchObject({ ok: false, code: 'REPAIR.SIGNATURE_REQUIRED' });
    expect(expectOk(await o.step(TECH_LI, repairs.accept, { signature: file(TECH_LI, 'again.png') })).acceptance).toMatchObject({ via: 'signature_on_site' });
    expect(expectOk(await o.step(TECH_LI, repairs.complete, { ...photos(), materials: [], amountFen: 6000 })).completion?.amountFen).toBe(6000);
  });
});
