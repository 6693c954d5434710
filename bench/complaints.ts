import { complaints, type Action } from '@shared/contracts';
import type { Runtime } from '../local/runtime';
import type { Engine } from '../local/db';

type Call = (rt: Runtime, openid: string, action: Action, input: unknown) => Promise<Record<string, unknown>>;

const DESK = 'o-desk-chen';
const MANAGER = 'o-mgr-zhou';
/** Five households of building 2, so the bench's complaints raise one group. */
const households = [
  ['o-res-chen', 'demo:2-1-802'],
  ['o-res-liu', 'demo:2-1-1001'],
  ['o-res-yang', 'demo:2-2-1202'],
  ['o-res-huang', 'demo:2-2-402'],
  ['o-res-zhao', 'demo:2-1-201'],
] as const;

/** C1 C3 C5: round trips of filing, of the fifth household raising a group, and of the group's handling to its reply. */
export const complaintTrips = async (rt: Runtime, engine: Engine, call: Call, cmd: () => string) => {
  const input = (roomId: string) => ({
    propertyId: 'demo',
    commandId: cmd(),
    roomId,
    category: 'noise',
    place: { scope: 'building', building: '2' },
    occurredAt: new Date().toISOString(),
    target: '楼上装修',
    description: '晚上十点后还在装修，噪音很大',
    request: '请物业制止',
    residentDeadline: null,
    photos: [],
  });
  const measure = async (label: string, run: () => Promise<unknown>) => {
    engine.stats.reset();
    const out = await run();
    return { row: [label, engine.stats.total, Object.entries(engine.stats.byAction).map(([a, n]) => `${a.replace('database.', '')}×${n}`).join(' ')], out };
  };
  const rows: (string | number)[][] = [];
  for (const [i, [openid, roomId]] of households.entries()) {
    const label = i === 0 ? 'complaints.create' : i === 4 ? 'complaints.create (raises a group of 5)' : null;
    const { row } = await measure(label ?? '', () => call(rt, openid, complaints.create, input(roomId)));
    if (label) rows.push(row);
  }
  const inbox = await measure('complaints.inbox', () => call(rt, DESK, complaints.inbox, { propertyId: 'demo' }));
  rows.push(inbox.row);
  const group = (inbox.out as { items: { id: string; version: number }[] }).items[0]!;
  const ref = { kind: 'group', id: group.id };
  const step = async (label: string, who: string, action: Action, version: number, extra: Record<string, unknown>) => {
    const { row, out } = await measure(label, () => call(rt, who, action, { propertyId: 'demo', commandId: cmd(), ref, version, ...extra }));
    rows.push(row);
    return (out as { version: number }).version;
  };
  let version = await step('complaints.classify', DESK, complaints.classify, group.version, {
    class: 'responsible', severity: 'major', jurisdiction: null, governmentOrMedia: false, injuryOrLoss: false, apologised: true, note: '',
  });
  version = await step('complaints.acknowledge', MANAGER, complaints.acknowledge, version, {});
  await step('complaints.reply (group of 5, settled)', DESK, complaints.reply, version, { form: 'visit', content: '已约谈装修户，晚间停工' });
  return rows;
};
