import { repairs } from '@shared/contracts';
import { callAs, expectOk, PROPERTY, raw, snapshot, startRuntime, SUPERVISOR, TECH_LI, WANG } from './harness';
import { file, onSite, photos, type Rt } from './work-order';

const stars = (quality: number, attitude: number) => ({ quality, attitude, comment: '' });

/** Issue 12 (3.2): a rating is the resident's. */
describe('R7: a rating is the resident\'s', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  /** Quoted free, accepted, completed and signed by the resident on the technician's phone, with stars or without. */
  const signed = async (rating?: { quality: number; attitude: number; comment: string }) => {
    const o = await onSite(rt);
    expectOk(await o.step(TECH_LI, repairs.quote, { items: [] }));
    expectOk(await o.step(WANG, repairs.accept));
    expectOk(await o.step(TECH_LI, repairs.complete, { ...photos(), materials: [] }));
    expectOk(await o.step(TECH_LI, repairs.signOff, { signature: file(TECH_LI, 'sig.png'), ...(rating ? { rating } : {}) }));
    return o;
  };

  it('R7: the technician rating the order himself after the sign-off is refused with its own code and changes nothing; the resident can still rate', async () => {
    const o = await signed();
    expect(o.current.actions).not.toContain('rate');
    const before = await snapshot(rt);
    expect(await o.step(TECH_LI, repairs.rate, { rating: stars(5, 5) })).toMatchObject({ ok: false, code: 'REPAIR.RATING_IS_RESIDENTS' });
    expect(await snapshot(rt)).toEqual(before);
    const own = expectOk(await callAs(rt, WANG, repairs.rate, { propertyId: PROPERTY, commandId: 'own-rating-001', repairId: o.current.id, version: o.current.version, rating: stars(4, 5) }));
    expect(own.rating).toMatchObject({ quality: 4, attitude: 5, via: 'own_phone' });
  });

  it('R7: the stars given with the signed sign-off count; the resident may replace them from their own phone, and change her own, within 7 days', async () => {
    const o = await signed(stars(5, 5));
    expect(o.current.rating).toMatchObject({ quality: 5, via: 'on_site' });
    const seenByWang = expectOk(await callAs(rt, WANG, repairs.get, { propertyId: PROPERTY, repairId: o.current.id }));
    expect(seenByWang.actions).toEqual(['rate']);
    rt.clock.advanceMinutes(6 * 24 * 60);
    const replaced = expectOk(await o.step(WANG, repairs.rate, { rating: stars(2, 3) }));
    expect(replaced.rating).toMatchObject({ quality: 2, attitude: 3, via: 'own_phone' });
    expect(replaced.actions).toEqual(['rate']);
    expect(expectOk(await o.step(WANG, repairs.rate, { rating: stars(4, 4) })).rating).toMatchObject({ quality: 4, attitude: 4, via: 'own_phone' });
    rt.clock.advanceMinutes(24 * 60 + 1);
    expect(await o.step(WANG, repairs.rate, { rating: stars(1, 1) })).toMatchObject({ ok: false, code: 'STATE.TOO_LATE' });
  });

  it('R7: after 7 days the on-site stars stand', async () => {
    const o = await signed(stars(5, 5));
    rt.clock.advanceMinutes(7 * 24 * 60 + 1);
    expect(await o.step(WANG, repairs.rate, { rating: stars(1, 1) })).toMatchObject({ ok: false, code: 'STATE.TOO_LATE' });
    expect(raw<{ rating: { quality: number } }>(rt, 'repairs')[0]?.rating.quality).toBe(5);
  });

  it('R7: the scorecard counts the resident\'s own rating where both exist, and says how many came from residents\' own phones', async () => {
    const replaced = await signed(stars(5, 5));
    expectOk(await replaced.step(WANG, repairs.rate, { rating: stars(1, 2) }));
    await signed(stars(4, 4));
    const card = expectOk(await callAs(rt, SUPERVISOR, repairs.scorecards, { propertyId: PROPERTY })).items.find((c) => c.name === '李建国');
    expect(card).toMatchObject({ ratings: 2, ownPhoneRatings: 1, quality: 2.5, attitude: 3 });
  });
});
