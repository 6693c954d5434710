import { repairs } from '@shared/contracts';
import { callAs, expectOk, raw, repairInput, startRuntime, WANG } from './harness';

describe('R3(2): structural danger filed by a resident', () => {
  let rt: Awaited<ReturnType<typeof startRuntime>>;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('R3.2: "客厅墙面裂缝越来越大，有掉渣" under 结构 is an urgent repair, and the staff group hears of it at once', async () => {
    const filed = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ category: 'structure', description: '客厅墙面裂缝越来越大，有掉渣' })));
    expect(filed).toMatchObject({ priority: 'urgent', triage: { urgent: true, rule: 'R3.2', matched: '墙面裂缝越来越大' } });
    // The desk's and the supervisors' in-app notices, and the staff group's post.
    expect(raw<{ channel: string }>(rt, 'outbox').map((n) => n.channel).sort()).toEqual(['inbox', 'inbox', 'wecom']);
  });

  it('R3.2: a hairline crack that has not moved stays a normal repair', async () => {
    const filed = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ category: 'structure', description: '墙面有一条细小的裂纹，好几年了没变化' })));
    expect(filed).toMatchObject({ priority: 'normal', triage: { urgent: false, rule: null } });
    expect(raw<{ channel: string }>(rt, 'outbox').map((n) => n.channel)).not.toContain('wecom');
  });
});
