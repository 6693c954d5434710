import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { deployedFunctions } from '@shared/areas';
import { callbacks, company, complaints, functionNames, imports, members, privacy, reception, repairs, session, settings, visits, type Action } from '@shared/contracts';
import * as forms from '@shared/contracts/forms.contract';
import * as keys from '@shared/contracts/keys.contract';
import * as reports from '@shared/contracts/reports.contract';
import { LOCAL_CHECKER } from '../../local/wechat';
import type { CallsOf } from '../../local/runtime';
import { ADMIN, callAs, complaintInput, DESK_ON_SHIFT, memberIdOf, newCommandId, PROPERTY, publicRepairInput, repairInput, SUPERVISOR, TECH_LI, TEST_BOOTSTRAP_SECRET, tickTimers, type startRuntime, uploadAs, WANG, WANG_ROOM, ZHANG, ZHANG_ROOM } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
export type Data = Record<string, unknown> & { id: string; version: number; case?: Data; items?: Data[] };

const MANAGER = 'o-mgr-zhou';
const NEWCOMER = 'o-new-res';
const NEW_STAFF = 'o-new-desk';
const SIXTH = 'o-res-sixth';
const FAMILY = 'o-new-family';
/** Tuesday, the day after the harness's Monday morning. */
const TOMORROW = '2026-11-24';
const at = (hhmm: string) => `${TOMORROW}T${hhmm}:00+08:00`;

/** The outbound calls of every successful call of each action (`fn.action`), in the order they were made. */
export type Recorded = Map<string, CallsOf[]>;

/** Five households of building 1 (王 and 吴 share a room) and five of building 2: each five raise a group (C5). */
export const BUILDING_1 = [[WANG, WANG_ROOM], [ZHANG, ZHANG_ROOM], ['o-res-li', 'demo:1-1-302'], ['o-res-zhao', 'demo:1-2-601'], ['o-res-zhou', 'demo:1-1-702']] as const;
export const BUILDING_2 = [['o-res-chen', 'demo:2-1-802'], ['o-res-liu', 'demo:2-1-1001'], ['o-res-yang', 'demo:2-2-1202'], ['o-res-huang', 'demo:2-2-402'], ['o-res-zhao', 'demo:2-1-201']] as const;

/** Every call the journeys make that succeeded, by action; the timer's runs are no action and are left out. */
export const recordCalls = (rt: Rt): Recorded => {
  const recorded: Recorded = new Map();
  rt.watchCalls((call) => {
    const action = (call.event as { action?: unknown }).action;
    if (typeof action !== 'string' || !(call.result as { ok?: boolean }).ok) return;
    // Named by the area whose action it is, whichever of its deployed functions answered it (issue 16).
    const key = `${deployedFunctions.find((f) => f.name === call.fn)?.area ?? call.fn}.${action}`;
    recorded.set(key, [...(recorded.get(key) ?? []), call]);
  });
  return recorded;
};

const tick = (rt: Rt) => tickTimers(rt);

/**
 * The people's journeys through every action of every function, each call as a client sends it and
 * each expected to succeed. Returns the group complaints raised on the way, for the reply's growth.
 */
export const walkEveryAction = async (rt: Rt) => {
  const ok = async (openid: string, action: Action, input: Record<string, unknown>) => {
    const result = await callAs(rt, openid, action, input);
    if (!result.ok) throw new Error(`${action.fn}.${action.name} as ${openid}: ${result.code}`);
    return result.data as Data;
  };
  const write = (openid: string, action: Action, input: Record<string, unknown>) => ok(openid, action, { propertyId: PROPERTY, commandId: newCommandId(), ...input });
  const scope = { propertyId: PROPERTY };

  // Settings first: the journeys file more than a resident's daily default.
  await ok(MANAGER, settings.settings, scope);
  await write(MANAGER, settings.updateSettings, { dailyLimits: { repairs: 100, complaints: 100, bookings: 100, bindingRequests: 100 } });
  await ok(WANG, session.me, {});
  await ok(WANG, session.context, scope);
  await ok(WANG, session.signals, scope);
  await write(WANG, session.consent, { accepted: ['local-tmpl-repair-progress'], rejected: [] });

  // A repair's life, from filing to the resident's own rating.
  const repair = await write(WANG, repairs.create, repairInput());
  await write(WANG, repairs.create, repairInput({ description: '燃气泄漏，闻到很大的煤气味' }));
  await write(WANG, repairs.create, publicRepairInput());
  await write(WANG, repairs.create, publicRepairInput({ scope: 'public_area', area: 'parking' }, { description: '地下车库入口道闸抬不起来' }));
  await ok(WANG, repairs.listMine, scope);
  await ok(DESK_ON_SHIFT, repairs.inbox, scope);
  await ok(DESK_ON_SHIFT, session.inbox, scope);
  await ok(DESK_ON_SHIFT, repairs.get, { ...scope, repairId: repair.id });
  await ok(DESK_ON_SHIFT, repairs.technicians, { ...scope, repairId: repair.id });
  const steps = order(rt, repair);
  await steps.step(DESK_ON_SHIFT, repairs.overridePriority, { priority: 'urgent', reason: '住户说水很大' });
  await steps.step(DESK_ON_SHIFT, repairs.dispatch, { technicianId: memberIdOf(TECH_LI) });
  // Issue 18 (3): she reads the dispatch on one phone; her inbox on any phone says so.
  const [told] = (await ok(WANG, session.inbox, scope)).items as unknown as { subject: { kind: string; id: string }; at: string }[];
  await write(WANG, session.markRead, { threads: [{ subject: told!.subject, at: told!.at }] });
  await write(WANG, session.markRead, { threads: [{ subject: told!.subject, at: told!.at }] });
  await ok(WANG, session.inbox, scope);
  // K2: 王 leaves his door key at the desk for the technician's visit.
  const left = await write(DESK_ON_SHIFT, keys.leaveKey, { repairId: repair.id, technicianId: memberIdOf(TECH_LI), keys: '入户门钥匙 1 把', leftBy: '王秀英' });
  await ok(TECH_LI, keys.leftKeys, scope);
  const borrowed = await write(TECH_LI, keys.borrowLeft, { leftKeyId: left.id, version: left.version, signature: uploadAs(rt, TECH_LI, 'left-key.png') });
  await ok(DESK_ON_SHIFT, forms.workOrder, { ...scope, deliver: 'inline', repairId: repair.id });
  await ok(TECH_LI, forms.workOrder, { ...scope, deliver: 'inline', repairId: repair.id });
  await ok(TECH_LI, repairs.assigned, scope);
  await steps.step(TECH_LI, repairs.acknowledge);
  await steps.step(TECH_LI, repairs.arrive);
  await steps.step(TECH_LI, repairs.reportBlocker, { kind: 'parts', reason: '等配件到货' });
  await steps.step(DESK_ON_SHIFT, repairs.clearBlocker);
  await steps.step(TECH_LI, repairs.quote, { items: [{ code: 'tap-replace', qty: 1 }] });
  await steps.step(WANG, repairs.accept);
  const techFile = (name: string) => uploadAs(rt, TECH_LI, name);
  await steps.step(TECH_LI, repairs.complete, { beforePhotos: [techFile('b.jpg')], afterPhotos: [techFile('a.jpg')], materials: [] });
  await steps.step(TECH_LI, repairs.signOff, { signature: techFile('s.png') });
  const broughtBack = await write(DESK_ON_SHIFT, keys.bringBackLeft, { leftKeyId: borrowed.id, version: borrowed.version });
  await write(DESK_ON_SHIFT, keys.giveToResident, { leftKeyId: broughtBack.id, version: broughtBack.version, residentName: '王秀英' });
  await steps.step(WANG, repairs.rate, { rating: { quality: 5, attitude: 5, comment: '' } });
  await ok(TECH_LI, repairs.fees, scope);
  await ok(SUPERVISOR, repairs.scorecards, scope);
  await ok(SUPERVISOR, repairs.summary, { ...scope, month: '2026-11' });

  // Nobody home, then a send-back the supervisor reviews.
  const second = order(rt, await write(ZHANG, repairs.create, repairInput({ roomId: ZHANG_ROOM })));
  await second.step(DESK_ON_SHIFT, repairs.dispatch, { technicianId: memberIdOf(TECH_LI) });
  await second.step(TECH_LI, repairs.acknowledge);
  await second.step(TECH_LI, repairs.arrive);
  rt.clock.advanceMinutes(3);
  await second.step(TECH_LI, repairs.noAnswer, { note: '敲门无人，已留言' });
  await second.step(DESK_ON_SHIFT, repairs.reschedule, { preferredTime: { date: TOMORROW, slot: 'morning' } });
  await second.step(TECH_LI, repairs.acknowledge);
  await second.step(TECH_LI, repairs.arrive);
  await second.step(TECH_LI, repairs.sendBack, { reason: '需要更换整个水箱' });
  await second.step(SUPERVISOR, repairs.reviewSendBack, { approve: true, opinion: '同意，下月安排', signature: uploadAs(rt, SUPERVISOR, 'review.png') });

  // The desk registers a call, and releases a text the checker held for review.
  await ok(DESK_ON_SHIFT, repairs.findResidents, { ...scope, query: '1-1-101' });
  await write(DESK_ON_SHIFT, repairs.register, {
    residentId: memberIdOf(WANG), roomId: WANG_ROOM, channel: 'phone', callerName: '王秀英', phone: '13800000101', category: 'water', description: '厨房水管漏水', preferredTime: null,
  });
  await write(DESK_ON_SHIFT, repairs.register, {
    residentId: memberIdOf(WANG), place: { scope: 'building', building: '1', floor: 1 }, channel: 'phone', callerName: '王秀英', phone: '13800000101', category: 'elevator', description: '一楼电梯厅按钮不亮', preferredTime: null,
  });
  // Issue 18 (5): a public place nobody reported, from a guard's round.
  await write(DESK_ON_SHIFT, repairs.register, {
    place: { scope: 'building', building: '1', floor: 3 }, channel: 'walk_in', callerName: '保安 陈刚', phone: '13900000009', category: 'electrical', description: '3楼走廊灯不亮', preferredTime: null,
  });
  const held = await write(WANG, repairs.create, repairInput({ description: `厨房水龙头一直滴水，${LOCAL_CHECKER.riskyPhrase}` }));
  await write(DESK_ON_SHIFT, repairs.decideContent, { repairId: held.id, item: { kind: 'text' }, decision: 'release' });

  // The urgent order signed above gets its callback at the next timer run (R10).
  await tick(rt);
  const [task] = (await ok(DESK_ON_SHIFT, callbacks.queue, scope)).items as Data[];
  if (!task) throw new Error('no callback task after the urgent order was signed');
  await ok(DESK_ON_SHIFT, callbacks.get, { ...scope, callbackId: task.id });
  await ok(DESK_ON_SHIFT, forms.callbackRecord, { ...scope, deliver: 'inline', callbackId: task.id });
  await write(DESK_ON_SHIFT, callbacks.raiseComplaint, {
    callbackId: task.id, category: 'repair_quality', place: { scope: 'building', building: '1' }, target: '维修师傅', description: '回访时住户说水管修完又漏了', request: '重新上门维修',
  });
  const current = (await ok(DESK_ON_SHIFT, callbacks.get, { ...scope, callbackId: task.id })) as Data;
  await write(DESK_ON_SHIFT, callbacks.record, { callbackId: task.id, version: current.version, reached: true, satisfied: true, notes: '', method: 'phone' });
  await ok(SUPERVISOR, callbacks.figures, { ...scope, month: '2026-11' });

  const groups = await complaintJourney(rt, ok, write);
  await visitJourney(ok, write);
  await memberJourney(rt, ok, write);
  await importJourney(rt, ok, write);

  // The supervisor's page, and a notice sent again after every attempt failed.
  await ok(SUPERVISOR, session.health, scope);
  const dead = rt.engine.collection('outbox').all().find((n) => n.channel === 'wecom');
  if (!dead) throw new Error('no WeCom notice to send again');
  rt.engine.insertRaw('outbox', [{ ...dead, _id: 'ob_dead_journey', status: 'dead', attempts: 8, lastError: 'robot key revoked' }]);
  await write(SUPERVISOR, session.retryNotice, { noticeId: 'ob_dead_journey' });

  await companyJourney(ok, write);
  // Issue 15 (1): each area's own journey, in the registry's order.
  for (const journey of areaJourneys()) await journey(rt, ok, write);
  return groups;
};

export type Ok = (openid: string, action: Action, input: Record<string, unknown>) => Promise<Data>;

/** An area's journey through its actions: `areaJourney` of `<area>-journey.ts`, found by the registry's names. */
export type Journey = (rt: Rt, ok: Ok, write: Ok) => Promise<void>;

const areaJourneys = (): Journey[] =>
  functionNames.filter((fn) => existsSync(join(__dirname, `${fn}-journey.ts`))).map((fn) => (require(`./${fn}-journey`) as { areaJourney: Journey }).areaJourney);

/** Moves one order through its steps with the version it last saw, as the people on it would. */
const order = (rt: Rt, start: Data) => {
  let current = start;
  return {
    step: async (openid: string, action: Action, extra: Record<string, unknown> = {}) => {
      const result = await callAs(rt, openid, action, { propertyId: PROPERTY, commandId: newCommandId(), repairId: current.id, version: current.version, ...extra });
      if (!result.ok) throw new Error(`${action.fn}.${action.name} as ${openid} at ${String(current.status)}: ${result.code}`);
      current = result.data as Data;
    },
  };
};

/** C1–C7: a complaint's life, two groups raised by five households each (the second grows to six), the day's register. */
const complaintJourney = async (rt: Rt, ok: Ok, write: Ok) => {
  const scope = { propertyId: PROPERTY };
  const single = await write(WANG, complaints.create, complaintInput(WANG_ROOM, { category: 'cleaning', target: '保洁', description: '楼道很久没打扫', request: '安排打扫' }));
  const { photos: _none, ...byPhone } = complaintInput(ZHANG_ROOM, { category: 'parking', target: '停车场', description: '车位被占', request: '处理' });
  await write(DESK_ON_SHIFT, complaints.register, {
    ...byPhone, residentId: memberIdOf(ZHANG), channel: 'phone', callerName: '张伟', phone: '13800001502', apologised: true,
  });
  await ok(WANG, complaints.listMine, scope);
  await ok(DESK_ON_SHIFT, complaints.inbox, scope);
  let ref = { kind: 'complaint', id: single.id };
  let version = (await ok(DESK_ON_SHIFT, complaints.get, { ...scope, ref })).case!.version;
  const onCase = async (openid: string, action: Action, extra: Record<string, unknown>) => {
    const out = (await write(openid, action, { ref, version, ...extra })) as { version?: number; case?: Data };
    version = out.case?.version ?? out.version ?? version;
  };
  await onCase(DESK_ON_SHIFT, complaints.classify, { class: 'responsible', severity: 'general', jurisdiction: null, governmentOrMedia: false, injuryOrLoss: false, apologised: true, note: '' });
  await onCase(DESK_ON_SHIFT, complaints.issueSlip, { department: '工程部', assignee: '马超', instructions: '' });
  await ok(DESK_ON_SHIFT, forms.complaintSlip, { ...scope, deliver: 'inline', ref });
  await onCase(DESK_ON_SHIFT, complaints.reply, { form: 'phone', content: '已处理完毕' });
  const mine = ((await ok(WANG, complaints.listMine, scope)).items as Data[]).find((c) => c.id === single.id)!;
  await write(WANG, complaints.rate, { complaintId: single.id, version: mine.version, score: 5, comment: '' });

  const file = (openid: string, roomId: string, building: string, over: Record<string, unknown> = {}) =>
    write(openid, complaints.create, complaintInput(roomId, { category: 'noise', place: { scope: 'building', building }, target: '楼上装修', description: '晚上十点后还在装修', request: '请物业制止', ...over }));
  for (const [openid, roomId] of BUILDING_1) await file(openid, roomId, '1');
  for (const [openid, roomId] of BUILDING_2) await file(openid, roomId, '2');
  // A sixth household of building 2, newly bound, joins its group: the two replies differ by one household.
  const bound = await write(SIXTH, members.requestBinding, { roomId: 'demo:2-2-601', name: '钱多', relation: 'owner', phone: '13800002601' });
  await write(DESK_ON_SHIFT, members.reviewBinding, { bindingId: bound.id, version: bound.version, decision: 'approve', reason: '' });
  await file(SIXTH, 'demo:2-2-601', '2');
  const held = BUILDING_1[0];
  await write(held[0], complaints.create, complaintInput(held[1], { category: 'fees', target: '物业', description: `收费不清楚，${LOCAL_CHECKER.riskyPhrase}`, request: '说明' }));
  const flagged = rt.engine.collection('complaints').all().find((c) => String(c.description).includes(LOCAL_CHECKER.riskyPhrase))!;
  await write(DESK_ON_SHIFT, complaints.decideContent, { complaintId: String(flagged._id), item: { kind: 'text' }, decision: 'release' });

  const groupIds = rt.engine.collection('complaintGroups').all().map((g) => String(g._id));
  for (const id of groupIds) {
    ref = { kind: 'group', id };
    version = (await ok(DESK_ON_SHIFT, complaints.get, { ...scope, ref })).case!.version;
    await onCase(DESK_ON_SHIFT, complaints.classify, { class: 'responsible', severity: 'major', jurisdiction: null, governmentOrMedia: false, injuryOrLoss: false, apologised: true, note: '' });
    await onCase(MANAGER, complaints.acknowledge, {});
  }
  await ok(DESK_ON_SHIFT, complaints.registerOf, { ...scope, date: '2026-11-23' });
  await write(SUPERVISOR, complaints.signRegister, { date: '2026-11-23', remarks: '' });
  await ok(SUPERVISOR, complaints.figures, { ...scope, period: '2026-11' });
  await ok(SUPERVISOR, reports.period, { ...scope, period: '2026-11' });
  await ok(SUPERVISOR, reports.period, { ...scope, period: '2026-11-16' });
  await write(MANAGER, reports.exportXlsx, { period: '2026-11' });
  await ok(MANAGER, reports.recentExports, scope);
  return { groupIds, reply: (id: string) => replyToGroup(rt, ok, write, id) };
};

/** C5: the desk's reply to a group, which tells each of its households. */
const replyToGroup = async (rt: Rt, ok: Ok, write: Ok, id: string) => {
  const ref = { kind: 'group', id };
  const got = await ok(DESK_ON_SHIFT, complaints.get, { propertyId: PROPERTY, ref });
  await write(DESK_ON_SHIFT, complaints.reply, { ref, version: got.case!.version, form: 'visit', content: '已约谈装修户，晚间停工' });
  return rt.engine.collection('complaints').all().filter((c) => c.groupId === id).length;
};

/** V1–V4: the desk's day, a resident's bookings, the reception log and a group visit. */
const visitJourney = async (ok: Ok, write: Ok) => {
  const scope = { propertyId: PROPERTY };
  await ok(ZHANG, visits.slots, { ...scope, date: TOMORROW });
  const booked = await write(ZHANG, visits.book, { start: at('10:00'), roomId: ZHANG_ROOM, topic: '咨询物业费' });
  const moved = await write(ZHANG, visits.reschedule, { bookingId: booked.id, version: booked.version, start: at('10:30'), reason: '临时有事' });
  await write(ZHANG, visits.cancel, { bookingId: booked.id, version: moved.version, reason: '不需要了' });
  await write(ZHANG, visits.bookHome, { start: at('09:00'), roomId: ZHANG_ROOM, topic: '上门回访' });
  const repair = await write(ZHANG, repairs.create, repairInput({ roomId: ZHANG_ROOM, category: 'electrical', description: '客厅吸顶灯想换个新的', preferredTime: null }));
  await ok(ZHANG, visits.windows, { ...scope, date: TOMORROW, repairId: repair.id });
  await write(ZHANG, visits.bookWindow, { start: at('18:30'), repairId: repair.id });
  await ok(ZHANG, visits.mine, scope);
  await ok(DESK_ON_SHIFT, visits.day, { ...scope, date: TOMORROW });
  const logged = await write(DESK_ON_SHIFT, reception.log, {
    kind: 'walk_in', name: '赵先生', address: '2-1-201', phone: '13800000601', subject: '询问车位', department: '停车场', responsible: '王队长', settled: false, replyBy: '2026-11-23T17:00:00+08:00',
  });
  await write(SUPERVISOR, reception.writeResult, { receptionId: logged.id, version: logged.version, text: '已处理' });
  await ok(DESK_ON_SHIFT, reception.receptionLog, { ...scope, date: '2026-11-23' });
  await write(DESK_ON_SHIFT, reception.planGroupVisit, { names: ['张主任'], headcount: 3, arrivalAt: at('15:00'), departureAt: at('16:00'), itinerary: '参观' });
  await ok(DESK_ON_SHIFT, reception.groupVisits, { ...scope, date: TOMORROW });
};

/** A new environment's first manager (members.bootstrap answers only where no property exists yet: run it on an empty runtime). */
export const bootstrapFirstManager = async (empty: Rt) => {
  const result = await callAs(empty, 'o-founder', members.bootstrap, {
    commandId: newCommandId(), secret: TEST_BOOTSTRAP_SECRET, propertyId: 'green-court', propertyName: '翠湖苑', deskPhone: '021-66660000', name: '许主任', phone: '13500000008',
  });
  if (!result.ok) throw new Error(`members.bootstrap: ${result.code}`);
};

/** Staff invited and joining, a newcomer bound to a room, and a person's data erased. */
const memberJourney = async (rt: Rt, ok: Ok, write: Ok) => {
  const scope = { propertyId: PROPERTY };
  const invited = (await write(MANAGER, members.invite, { role: 'desk', hours: 72, note: '夜班客服' })) as unknown as { code: string };
  await ok(MANAGER, members.invitations, scope);
  await ok(NEW_STAFF, members.join, { commandId: newCommandId(), code: invited.code, name: '钱敏', phone: '13700000009' });
  const staff = (await ok(MANAGER, members.list, { ...scope, roles: ['desk'], includeInactive: false })).items!.find((m) => m.name === '钱敏')!;
  await write(MANAGER, members.setRole, { memberId: staff.id, role: 'supervisor' });
  await write(MANAGER, members.setSkills, { memberId: memberIdOf('o-tech-ma'), skills: ['elevator', 'plumbing'] });
  await write(MANAGER, members.deactivate, { memberId: staff.id, reason: '离职' });

  await ok(NEWCOMER, members.publicInfo, scope);
  const binding = await write(NEWCOMER, members.requestBinding, { roomId: 'demo:2-2-501', name: '孙丽', relation: 'tenant', phone: '13800001020' });
  await ok(DESK_ON_SHIFT, members.bindingRequests, scope);
  await ok(DESK_ON_SHIFT, members.revealBindingPhone, { ...scope, bindingId: binding.id });
  await write(DESK_ON_SHIFT, members.reviewBinding, { bindingId: binding.id, version: binding.version, decision: 'approve', reason: '' });
  await ok(NEWCOMER, members.myBindings, {});
  // Issue 18 (5): 王 invites her family; the desk reviews it as any request (the property's default).
  const family = (await write(WANG, members.inviteToRoom, { roomId: WANG_ROOM, relation: 'family' })) as unknown as { code: string };
  const spare = await write(WANG, members.inviteToRoom, { roomId: WANG_ROOM, relation: 'tenant' });
  await ok(WANG, members.myRoomInvitations, scope);
  await write(WANG, members.cancelRoomInvitation, { invitationId: spare.id });
  await write(FAMILY, members.joinRoom, { code: family.code, name: '王小明', phone: '13800001021' });

  await ok(NEWCOMER, privacy.myData, scope);
  await write(NEWCOMER, privacy.requestErasure, { reason: '已搬走' });
  const [erasure] = (await ok(MANAGER, privacy.erasureRequests, scope)).items!;
  await write(MANAGER, privacy.erase, { erasureId: erasure!.id });
  return rt;
};

/** Issue 7: a small spreadsheet of rooms, looked at again, a room added by hand, a building renamed. */
const importJourney = async (rt: Rt, ok: Ok, write: Ok) => {
  const scope = { propertyId: PROPERTY };
  await ok(MANAGER, imports.template, scope);
  const sheet = Buffer.from(['楼栋,单元,房号', '8,1,101', '8,1,102'].join('\r\n'), 'utf8');
  const started = await write(MANAGER, imports.start, { fileName: 'rooms.csv', fileId: uploadAs(rt, MANAGER, 'rooms.csv', sheet) });
  await ok(MANAGER, imports.carryOn, { ...scope, importId: started.id });
  await write(MANAGER, imports.addRoom, { building: '9', unit: '1', room: '101' });
  await write(MANAGER, imports.renameBuilding, { from: '9', to: 'B' });
};

/** Issue 14: the administrator opens two properties (one from this one's settings), appoints a manager, watches them all, closes one. */
const companyJourney = async (ok: Ok, write: Ok) => {
  await ok(ADMIN, company.company, {});
  const opened = { address: '枫林路 1 号', deskPhone: '021-66661234' };
  await write(ADMIN, company.createProperty, { ...opened, propertyId: 'maple-court', name: '枫林苑', template: PROPERTY });
  await write(ADMIN, company.createProperty, { ...opened, propertyId: 'pine-court', name: '松涛苑' });
  const appointed = (await write(ADMIN, company.appointManager, { propertyId: 'maple-court', note: '枫林苑主任' })) as unknown as { code: string };
  // Issue 14 (2): the supervisor here runs 枫林苑 too, and sees from each what waits in the other.
  await ok(SUPERVISOR, members.join, { commandId: newCommandId(), code: appointed.code, name: '刘主管', phone: '13700000010' });
  await ok(SUPERVISOR, session.waiting, { propertyId: PROPERTY });
  await ok(SUPERVISOR, session.waiting, { propertyId: 'maple-court' });
  await ok(ADMIN, company.properties, {});
  await ok(ADMIN, reports.compare, { period: '2026-11' });
  await ok(ADMIN, reports.compare, { period: '2026-Q4' });
  await write(ADMIN, company.deactivateProperty, { propertyId: 'pine-court', reason: '合同到期' });
};
