import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue, functionNames, repairs, type Action } from '@shared/contracts';
import { callAs, DESK_ON_SHIFT, expectOk, PROPERTY, repairInput, memberIdOf, startRuntime, SUPERVISOR, TECH_LI, WANG } from './harness';

/** Every action of every function: what the harnesses below walk. */
export const allActions = Object.values(catalogue).flatMap((actions) => Object.values(actions)) as Action[];

type Inputs = Record<string, Record<string, unknown>>;

/**
 * Issue 15 (1): an area's valid inputs live beside its tests, in `<area>-inputs.ts` exporting
 * `areaInputs()`, and are found by the registry's names.
 */
const areaInputs = (): Inputs =>
  Object.assign(
    {},
    ...functionNames.filter((fn) => existsSync(join(__dirname, `${fn}-inputs.ts`))).map((fn) => (require(`./${fn}-inputs`) as { areaInputs: () => Inputs }).areaInputs()),
  ) as Inputs;

/**
 * For a describe block that calls every action: a runtime with one repair 王 filed, whose id the
 * valid inputs name (read `rt` and `repairId` inside the tests).
 */
export const harnessRuntime = () => {
  const state = {} as { rt: Awaited<ReturnType<typeof startRuntime>>; repairId: string };
  beforeAll(async () => {
    state.rt = await startRuntime();
    state.repairId = expectOk(await callAs(state.rt, WANG, repairs.create, repairInput())).id;
  });
  afterAll(() => state.rt.close());
  return state;
};

/**
 * A valid input for every action of every function, which the bad-input and authorisation
 * harnesses start from. Later issues extend it with their actions; an action without one fails both.
 */
export const validInputs = (repairId: string): Record<string, Record<string, unknown>> => {
  const onOrder = (name: string) => ({ propertyId: PROPERTY, commandId: `bad-input-${name}`, repairId, version: 1 });
  return {
  'session.me': {},
  'session.context': { propertyId: PROPERTY },
  'session.signals': { propertyId: PROPERTY },
  'session.inbox': { propertyId: PROPERTY },
  'visits.slots': { propertyId: PROPERTY, date: '2026-11-24' },
  'visits.book': { propertyId: PROPERTY, commandId: 'bad-input-book', start: '2026-11-24T10:00:00+08:00', roomId: 'demo:1-1-101', topic: '咨询物业费' },
  'visits.reschedule': { propertyId: PROPERTY, commandId: 'bad-input-resched', bookingId: 'bk_x', version: 1, start: '2026-11-24T10:30:00+08:00', reason: '临时有事' },
  'visits.cancel': { propertyId: PROPERTY, commandId: 'bad-input-cancel', bookingId: 'bk_x', version: 1, reason: '不需要了' },
  'visits.mine': { propertyId: PROPERTY },
  'visits.windows': { propertyId: PROPERTY, date: '2026-11-24', repairId },
  'visits.bookWindow': { propertyId: PROPERTY, commandId: 'bad-input-window', start: '2026-11-24T18:30:00+08:00', repairId },
  'visits.bookHome': { propertyId: PROPERTY, commandId: 'bad-input-home', start: '2026-11-24T09:00:00+08:00', roomId: 'demo:1-1-101', topic: '上门回访' },
  'visits.day': { propertyId: PROPERTY, date: '2026-11-24' },
  'visits.log': {
    propertyId: PROPERTY, commandId: 'bad-input-log', kind: 'walk_in', name: '赵先生', address: '2-1-201', phone: '13800000601', subject: '询问车位',
    department: '停车场', responsible: '王队长', settled: true, replyBy: null,
  },
  'visits.writeResult': { propertyId: PROPERTY, commandId: 'bad-input-result', receptionId: 'rc_x', version: 1, text: '已处理' },
  'visits.receptionLog': { propertyId: PROPERTY, date: '2026-11-23' },
  'visits.planGroupVisit': {
    propertyId: PROPERTY, commandId: 'bad-input-group', names: ['张主任'], headcount: 3, arrivalAt: '2026-11-24T15:00:00+08:00', departureAt: '2026-11-24T16:00:00+08:00', itinerary: '参观',
  },
  'visits.groupVisits': { propertyId: PROPERTY, date: '2026-11-24' },
  'session.health': { propertyId: PROPERTY },
  'session.retryNotice': { propertyId: PROPERTY, commandId: 'bad-input-retry', noticeId: 'ob_x' },
  'callbacks.raiseComplaint': {
    propertyId: PROPERTY, commandId: 'bad-input-raise', callbackId: 'cb_x', category: 'service', place: { scope: 'building', building: '1' },
    target: '保安', description: '回访时住户反映保安态度差', request: '加强培训',
  },
  'callbacks.figures': { propertyId: PROPERTY, month: '2026-11' },
  'session.consent': { propertyId: PROPERTY, commandId: 'bad-input-consent', accepted: ['local-tmpl-repair-progress'], rejected: [] },
  'session.markRead': { propertyId: PROPERTY, commandId: 'bad-input-mark-read', threads: [{ subject: { kind: 'repair', id: repairId }, at: '2026-11-23T02:00:00.000Z' }] },
  'repairs.create': repairInput(),
  'repairs.listMine': { propertyId: PROPERTY },
  'repairs.get': { propertyId: PROPERTY, repairId },
  'repairs.inbox': { propertyId: PROPERTY },
  'repairs.assigned': { propertyId: PROPERTY },
  'repairs.technicians': { propertyId: PROPERTY, repairId },
  'repairs.dispatch': { propertyId: PROPERTY, commandId: 'bad-input-dispatch', repairId, version: 1, technicianId: memberIdOf(TECH_LI) },
  'repairs.register': {
    propertyId: PROPERTY, commandId: 'bad-input-register', residentId: memberIdOf(WANG), roomId: 'demo:1-1-101', channel: 'phone',
    callerName: '王秀英', phone: '13800000101', category: 'water', description: '厨房水管漏水', preferredTime: null,
  },
  'repairs.findResidents': { propertyId: PROPERTY, query: '1-1-101' },
  'repairs.decideContent': { propertyId: PROPERTY, commandId: 'bad-input-decide', repairId, item: { kind: 'photo', index: 0 }, decision: 'release' },
  'repairs.overridePriority': { ...onOrder('override'), priority: 'urgent', reason: '住户说水很大' },
  'repairs.acknowledge': onOrder('ack'),
  'repairs.arrive': onOrder('arrive'),
  'repairs.noAnswer': { ...onOrder('noanswer'), note: '敲门无人，已留言' },
  'repairs.reschedule': { ...onOrder('reschedule'), preferredTime: { date: '2026-11-25', slot: 'morning' } },
  'repairs.quote': { ...onOrder('quote'), items: [{ code: 'tap-replace', qty: 1 }] },
  'repairs.accept': onOrder('accept'),
  'repairs.complete': { ...onOrder('complete'), beforePhotos: [`cloud://x.y/uploads/${memberIdOf(TECH_LI)}/a.jpg`], afterPhotos: [`cloud://x.y/uploads/${memberIdOf(TECH_LI)}/b.jpg`], materials: [], amountFen: 3000 },
  'repairs.signOff': { ...onOrder('signoff'), signature: `cloud://x.y/uploads/${memberIdOf(TECH_LI)}/s.png` },
  'repairs.rate': { ...onOrder('rate'), rating: { quality: 5, attitude: 5, comment: '' } },
  'repairs.reportBlocker': { ...onOrder('blocker'), kind: 'parts', reason: '等配件到货' },
  'repairs.clearBlocker': onOrder('clear'),
  'repairs.sendBack': { ...onOrder('sendback'), reason: '需要更换整个水箱' },
  'repairs.reviewSendBack': { ...onOrder('review'), approve: true, opinion: '同意，下月安排', signature: `cloud://x.y/uploads/${memberIdOf(SUPERVISOR)}/s.png` },
  'repairs.fees': { propertyId: PROPERTY },
  'repairs.scorecards': { propertyId: PROPERTY },
  'repairs.summary': { propertyId: PROPERTY, month: '2026-11' },
  'callbacks.queue': { propertyId: PROPERTY },
  'callbacks.get': { propertyId: PROPERTY, callbackId: 'cb_x' },
  'callbacks.record': { propertyId: PROPERTY, commandId: 'bad-input-callback', callbackId: 'cb_x', version: 1, reached: true, satisfied: true, notes: '', method: 'phone' },
  ...complaintInputs(),
  ...memberInputs(),
  ...areaInputs(),
  };
};

const complaintInputs = (): Record<string, Record<string, unknown>> => {
  const intake = {
    roomId: 'demo:1-1-101', category: 'elevator', place: { scope: 'building', building: '1' }, occurredAt: '2026-11-23T01:30:00.000Z',
    target: '电梯维保单位', description: '电梯噪音很大', request: '尽快检修', residentDeadline: null,
  };
  const ref = { kind: 'complaint', id: 'cp_x' };
  const onCase = (name: string) => ({ propertyId: PROPERTY, commandId: `bad-input-${name}`, ref, version: 1 });
  return {
    'complaints.create': { propertyId: PROPERTY, commandId: 'bad-input-complaint', ...intake, photos: [] },
    'complaints.register': {
      propertyId: PROPERTY, commandId: 'bad-input-complaint-reg', ...intake, residentId: memberIdOf(WANG), channel: 'phone',
      callerName: '王秀英', phone: '13800000101', apologised: true,
    },
    'complaints.listMine': { propertyId: PROPERTY },
    'complaints.get': { propertyId: PROPERTY, ref },
    'complaints.inbox': { propertyId: PROPERTY },
    'complaints.classify': {
      ...onCase('classify'), class: 'responsible', severity: 'general', jurisdiction: null, governmentOrMedia: false, injuryOrLoss: false, apologised: true, note: '',
    },
    'complaints.issueSlip': { ...onCase('slip'), department: '工程部', assignee: '马超', instructions: '' },
    'complaints.acknowledge': onCase('ack'),
    'complaints.reply': { ...onCase('reply'), form: 'phone', content: '已处理完毕' },
    'complaints.rate': { propertyId: PROPERTY, commandId: 'bad-input-crate', complaintId: 'cp_x', version: 1, score: 5, comment: '' },
    'complaints.registerOf': { propertyId: PROPERTY, date: '2026-11-23' },
    'complaints.signRegister': { propertyId: PROPERTY, commandId: 'bad-input-sign', date: '2026-11-23', remarks: '' },
    'complaints.figures': { propertyId: PROPERTY, period: '2026-11' },
    'complaints.decideContent': { propertyId: PROPERTY, commandId: 'bad-input-cdecide', complaintId: 'cp_x', item: { kind: 'text' }, decision: 'redact' },
  };
};

const memberInputs = (): Record<string, Record<string, unknown>> => {
  const onMember = (name: string, openid: string) => ({ propertyId: PROPERTY, commandId: `bad-input-${name}`, memberId: memberIdOf(openid) });
  return {
    'members.bootstrap': {
      commandId: 'bad-input-bootstrap', secret: 'x'.repeat(24), propertyId: 'new-garden', propertyName: '新花园', deskPhone: '021-55551234', name: '周经理', phone: '13500000009',
    },
    'members.invite': { propertyId: PROPERTY, commandId: 'bad-input-invite', role: 'desk', hours: 72, note: '夜班客服' },
    'members.join': { commandId: 'bad-input-join', code: 'ABCD2345', name: '新同事', phone: '13700000009' },
    'members.invitations': { propertyId: PROPERTY },
    'members.list': { propertyId: PROPERTY, roles: ['desk'], includeInactive: false },
    'members.setRole': { ...onMember('setrole', DESK_ON_SHIFT), role: 'supervisor' },
    'members.setSkills': { ...onMember('skills', TECH_LI), skills: ['plumbing'] },
    'members.deactivate': { ...onMember('deactivate', TECH_LI), reason: '离职' },
    'members.requestBinding': { propertyId: PROPERTY, commandId: 'bad-input-binding', roomId: 'demo:1-1-102', name: '新住户', relation: 'tenant', phone: '13800009999' },
    'members.bindingRequests': { propertyId: PROPERTY },
    'members.revealBindingPhone': { propertyId: PROPERTY, bindingId: 'bd_x' },
    'members.reviewBinding': { propertyId: PROPERTY, commandId: 'bad-input-review', bindingId: 'bd_x', version: 1, decision: 'reject', reason: '信息不符' },
    'members.myBindings': {},
    'members.publicInfo': { propertyId: PROPERTY },
    'members.inviteToRoom': { propertyId: PROPERTY, commandId: 'bad-input-invite-room', roomId: 'demo:1-1-101', relation: 'family' },
    'members.joinRoom': { propertyId: PROPERTY, commandId: 'bad-input-join-room', code: 'ABCD2345', name: '新住户', phone: '13800009998' },
    'members.myRoomInvitations': { propertyId: PROPERTY },
    'members.cancelRoomInvitation': { propertyId: PROPERTY, commandId: 'bad-input-cancel-room-invitation', invitationId: 'ri_x' },
    'members.company': {},
    'members.properties': {},
    'members.createProperty': { commandId: 'bad-input-new-property', propertyId: 'maple-court', name: '枫林苑', address: '上海市闵行区枫林路 1 号', deskPhone: '021-66660000', template: PROPERTY },
    'members.appointManager': { propertyId: PROPERTY, commandId: 'bad-input-appoint', note: '新任主任' },
    'members.deactivateProperty': { propertyId: 'closed-garden', commandId: 'bad-input-close', reason: '合同到期' },
    'members.settings': { propertyId: PROPERTY },
    'members.myData': { propertyId: PROPERTY },
    'members.requestErasure': { propertyId: PROPERTY, commandId: 'bad-input-erasure', reason: '' },
    'members.erasureRequests': { propertyId: PROPERTY },
    'members.erase': { propertyId: PROPERTY, commandId: 'bad-input-erase', erasureId: 'er_x' },
    'imports.template': { propertyId: PROPERTY },
    'imports.start': { propertyId: PROPERTY, commandId: 'bad-input-import', fileName: 'rooms.csv', fileId: `cloud://local.local/uploads/${memberIdOf('o-mgr-zhou')}/rooms.csv` },
    'imports.carryOn': { propertyId: PROPERTY, importId: 'ri_x' },
    'imports.addRoom': { propertyId: PROPERTY, commandId: 'bad-input-addroom', building: '9', unit: '1', room: '101' },
    'imports.renameBuilding': { propertyId: PROPERTY, commandId: 'bad-input-rename', from: '1', to: 'A' },
    'members.updateSettings': { propertyId: PROPERTY, commandId: 'bad-input-settings', ackMinutes: { urgent: 10, normal: 90 } },
  };
};

