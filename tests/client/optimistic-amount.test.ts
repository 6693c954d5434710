import type { RepairView } from '@shared/contracts/repairs.contract';
import { applyPending } from '../../client/src/offline/optimistic';
import type { OnSiteAction, QueuedCommand } from '../../client/src/offline/commands';
import { PROPERTY, repair } from './support/fixtures';

const fees = [
  { code: 'tap-replace', name: '更换水龙头（人工）', priceFen: 3000 },
  { code: 'pipe-fix', name: '水管维修（人工）', priceFen: 5000 },
];

let n = 0;
const queued = (action: OnSiteAction, version: number, input: Record<string, unknown> = {}): QueuedCommand => ({
  commandId: `cmd-optimistic-${n++}`,
  deviceTime: '2026-11-23T04:00:00.000Z',
  action,
  repairId: 'r-1',
  propertyId: PROPERTY,
  uploadPrefix: 'uploads/mb_otech/',
  version,
  input,
  uploaded: {},
  failures: 0,
});

/** What the technician's phone shows before the server has the queued steps: the server's rule, applied locally. */
describe('R6: the order as the queue will leave it', () => {
  const working: RepairView = repair({
    id: 'r-1',
    status: 'in_progress',
    version: 6,
    quote: { lines: [{ code: 'tap-replace', name: '更换水龙头（人工）', priceFen: 3000, qty: 1 }], totalFen: 3000, at: '2026-11-23T03:00:00.000Z' },
    acceptance: { via: 'resident_phone', signature: null, at: '2026-11-23T03:05:00.000Z' },
  });
  const photos = { beforePhotos: ['offline:b'], afterPhotos: ['offline:a'], materials: [{ name: '水龙头', qty: 1 }] };

  it('R6 R7: a queued completion charges the accepted quote', () => {
    expect(applyPending(working, [queued('complete', 6, photos)], fees).completion).toMatchObject({ amountFen: 3000, materials: [{ name: '水龙头', qty: 1 }] });
  });

  it('R6: a revised quote waits for the resident again, and the completion after it charges the revised total', () => {
    const revised = applyPending(working, [queued('quote', 6, { items: [{ code: 'tap-replace', qty: 1 }, { code: 'pipe-fix', qty: 1 }] })], fees);
    expect(revised).toMatchObject({ status: 'quoted', acceptance: null, quote: { totalFen: 8000 } });
    expect(revised.actions).not.toContain('complete');
    const done = applyPending(working, [queued('quote', 6, { items: [{ code: 'tap-replace', qty: 1 }, { code: 'pipe-fix', qty: 1 }] }), queued('accept', 7, { signature: 'offline:s' }), queued('complete', 8, photos)], fees);
    expect(done.completion?.amountFen).toBe(8000);
  });
});
