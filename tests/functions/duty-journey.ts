import * as duty from '@shared/contracts/duty.contract';
import * as forms from '@shared/contracts/forms.contract';
import { DESK_ON_SHIFT, DESK_OTHER, PROPERTY, SUPERVISOR, uploadAs, type startRuntime } from './harness';
import type { Data, Ok } from './call-journeys';

type Rt = Awaited<ReturnType<typeof startRuntime>>;

type DutyPage = Data & { pageId: string; entries: Data[]; proposals: { kind: string; source: Data }[]; checklist: string[]; handover: Data | null };

/** D1–D3: Monday's 早班 page: a theft and its emergency record, a complaint call confirmed, the 16:00 handover signed by both, the day signed next morning. */
export const areaJourney = async (rt: Rt, ok: Ok, write: Ok): Promise<void> => {
  const scope = { propertyId: PROPERTY };
  let page = (await write(DESK_ON_SHIFT, duty.logEntry, { kind: 'theft', what: '3栋车棚电动车被盗', handling: '已报警', followUp: '', result: '', status: 'following' })) as DutyPage;
  const theft = page.entries[0]!;
  page = (await ok(DESK_ON_SHIFT, duty.page, scope)) as DutyPage;
  const call = page.proposals.find((p) => p.kind === 'complaint_call');
  if (!call) throw new Error('no complaint call proposed on the duty page');
  const onEntry = () => ({ pageId: page.pageId, entryId: theft.id, version: page.version });
  page = (await write(DESK_ON_SHIFT, duty.confirmProposal, { source: call.source, handling: '已道歉并登记', followUp: '', result: '已转投诉处理', status: 'closed' })) as DutyPage;
  page = (await write(DESK_ON_SHIFT, duty.updateEntry, { ...onEntry(), handling: '已报警，派出所已立案', followUp: '调取监控', result: '', status: 'following' })) as DutyPage;
  page = (await write(DESK_ON_SHIFT, duty.recordEmergency, { ...onEntry(), account: '09:40 发现车棚电动车被盗，已报警并调取监控', photos: [uploadAs(rt, DESK_ON_SHIFT, 'theft.jpg')] })) as DutyPage;

  rt.clock.set('2026-11-23T07:10:00.000Z');
  await write(DESK_OTHER, duty.signIn, {});
  const matter = { entryId: theft.id, cause: '车棚监控盲区', process: '已报警，派出所已立案', result: '等待派出所回复' };
  const handed = ((await write(DESK_ON_SHIFT, duty.handOver, { pageId: page.pageId, matters: [matter], instructions: '经理交代：明早 9 点消防检查', preparation: page.checklist.map(() => true), substituteId: null })) as DutyPage).handover!;
  await write(DESK_OTHER, duty.receive, { handoverId: handed.id, version: handed.version });
  await ok(DESK_ON_SHIFT, forms.handover, { ...scope, deliver: 'inline', handoverId: handed.id });
  await ok(SUPERVISOR, forms.dutyDay, { ...scope, deliver: 'inline', date: '2026-11-23' });
  await ok(SUPERVISOR, duty.day, { ...scope, date: '2026-11-23' });

  rt.clock.set('2026-11-24T01:00:00.000Z');
  await write(SUPERVISOR, duty.signDay, { date: '2026-11-23', remarks: '已阅' });
};
