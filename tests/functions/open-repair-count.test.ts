import { repairs } from '@shared/contracts';
import { callAs, expectOk, PROPERTY, repairInput, startRuntime, TECH_LI, WANG, ZHANG } from './harness';
import { file, filed, onSite, photos, type Rt } from './work-order';

/** Issue 18 (2): the home's "N 件正在处理" is the count of her repairs still being seen to, exactly. */
describe('issue 18 (2): a resident\'s open repairs, counted by the function', () => {
  let rt: Rt;
  beforeAll(async () => {
    rt = await startRuntime();
  });
  afterAll(() => rt.close());

  const signedOff = async () => {
    const o = await onSite(rt);
    expectOk(await o.step(TECH_LI, repairs.quote, { items: [] }));
    expectOk(await o.step(WANG, repairs.accept));
    expectOk(await o.step(TECH_LI, repairs.complete, { ...photos(), materials: [] }));
    expectOk(await o.step(TECH_LI, repairs.signOff, { signature: file(TECH_LI, 'sig.png') }));
    return o.current;
  };

  it('R8: of her three repairs two are signed: one is open, whatever the page size; her neighbour\'s are not hers', async () => {
    const done = [await signedOff(), await signedOff()];
    const open = await filed(rt, '卫生间灯不亮了');
    expectOk(await callAs(rt, ZHANG, repairs.create, repairInput({ roomId: 'demo:1-2-1502', description: '阳台门关不上' })));

    const openPage = expectOk(await callAs(rt, WANG, repairs.listMine, { propertyId: PROPERTY, open: true, limit: 1 }));
    expect(openPage).toMatchObject({ total: 1, next: null });
    expect(openPage.items.map((r) => r.id)).toEqual([open.id]);
    const all = expectOk(await callAs(rt, WANG, repairs.listMine, { propertyId: PROPERTY, limit: 1 }));
    expect(all.total).toBe(3);
    expect(done.map((r) => r.status)).toEqual(['signed', 'signed']);
  });
});
