import { catalogue, repairs, type Action } from '@shared/contracts';
import { messages } from '@shared/messages';
import { callAs, DESK_ON_SHIFT, expectOk, PROPERTY, repairInput, snapshot, startRuntime, SUPERVISOR, TECH_LI, WANG, ZHANG, memberIdOf } from './harness';

/**
 * Every action of every function, sent inputs that are wrong in generated ways, by callers of every
 * role: each answer is a failure with a known code and a Chinese message, and nothing is written.
 * Later issues extend `validInputs` with their actions; an action without one fails this suite.
 */
const validInputs = (repairId: string): Record<string, Record<string, unknown>> => {
  const onOrder = (name: string) => ({ propertyId: PROPERTY, commandId: `bad-input-${name}`, repairId, version: 1 });
  return {
  'session.me': {},
  'session.context': { propertyId: PROPERTY },
  'session.signals': { propertyId: PROPERTY },
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
  'repairs.overridePriority': { ...onOrder('override'), priority: 'urgent', reason: '住户说水很大' },
  'repairs.acknowledge': onOrder('ack'),
  'repairs.arrive': onOrder('arrive'),
  'repairs.noAnswer': { ...onOrder('noanswer'), note: '敲门无人，已留言' },
  'repairs.reschedule': { ...onOrder('reschedule'), preferredTime: { date: '2026-11-25', slot: 'morning' } },
  'repairs.quote': { ...onOrder('quote'), items: [{ code: 'tap-replace', qty: 1 }] },
  'repairs.accept': onOrder('accept'),
  'repairs.complete': { ...onOrder('complete'), beforePhotos: ['cloud://x.y/uploads/o-tech-li/a.jpg'], afterPhotos: ['cloud://x.y/uploads/o-tech-li/b.jpg'], materials: [], amountFen: 3000 },
  'repairs.signOff': { ...onOrder('signoff'), signature: 'cloud://x.y/uploads/o-tech-li/s.png' },
  'repairs.rate': { ...onOrder('rate'), rating: { quality: 5, attitude: 5, comment: '' } },
  'repairs.reportBlocker': { ...onOrder('blocker'), kind: 'parts', reason: '等配件到货' },
  'repairs.clearBlocker': onOrder('clear'),
  'repairs.sendBack': { ...onOrder('sendback'), reason: '需要更换整个水箱' },
  'repairs.reviewSendBack': { ...onOrder('review'), approve: true, opinion: '同意，下月安排', signature: 'cloud://x.y/uploads/o-sup-liu/s.png' },
  'repairs.fees': { propertyId: PROPERTY },
  'repairs.scorecards': { propertyId: PROPERTY },
  'repairs.summary': { propertyId: PROPERTY, month: '2026-11' },
  'callbacks.queue': { propertyId: PROPERTY },
  'callbacks.record': { propertyId: PROPERTY, commandId: 'bad-input-callback', callbackId: 'cb_x', version: 1, reached: true, satisfied: true, notes: '', method: 'phone' },
  ...complaintInputs(),
  ...memberInputs(),
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
    'members.settings': { propertyId: PROPERTY },
    'members.myData': { propertyId: PROPERTY },
    'members.requestErasure': { propertyId: PROPERTY, commandId: 'bad-input-erasure', reason: '' },
    'members.erasureRequests': { propertyId: PROPERTY },
    'members.erase': { propertyId: PROPERTY, commandId: 'bad-input-erase', erasureId: 'er_x' },
    'imports.template': { propertyId: PROPERTY },
    'imports.start': { propertyId: PROPERTY, commandId: 'bad-input-import', fileName: 'rooms.csv', contentBase64: Buffer.from('楼栋,单元,房号\r\n9,1,101').toString('base64') },
    'imports.carryOn': { propertyId: PROPERTY, importId: 'ri_x' },
    'imports.addRoom': { propertyId: PROPERTY, commandId: 'bad-input-addroom', building: '9', unit: '1', room: '101' },
    'members.updateSettings': { propertyId: PROPERTY, commandId: 'bad-input-settings', ackMinutes: { urgent: 10, normal: 90 } },
  };
};

const wrongTypes = [null, 42, true, 'x', [], {}];

const mutations = (valid: Record<string, unknown>): [string, unknown][] => {
  const out: [string, unknown][] = [
    ['not an object', 'hello'],
    ['null', null],
    ['an array', [valid]],
    ['an unknown extra field', { ...valid, status: 'dispatched' }],
  ];
  for (const key of Object.keys(valid)) {
    const { [key]: _dropped, ...missing } = valid;
    out.push([`missing ${key}`, missing]);
    for (const wrong of wrongTypes) {
      if (JSON.stringify(wrong) !== JSON.stringify(valid[key])) out.push([`${key} = ${JSON.stringify(wrong)}`, { ...valid, [key]: wrong }]);
    }
    if (typeof valid[key] === 'string') out.push([`${key} oversize`, { ...valid, [key]: 'x'.repeat(100_000) }]);
  }
  return out;
};

const knownCodes = new Set(Object.keys(messages.errors).filter((code) => code !== 'COMMON.INTERNAL' && code !== 'COMMON.BUSY'));

const callers = [WANG, ZHANG, DESK_ON_SHIFT, TECH_LI, SUPERVISOR, 'o-stranger'];

describe('bad input: every action refuses it with a code and writes nothing', () => {
  let rt: Awaited<ReturnType<typeof startRuntime>>;
  let repairId: string;
  beforeAll(async () => {
    rt = await startRuntime();
    repairId = expectOk(await callAs(rt, WANG, repairs.create, repairInput())).id;
  });
  afterAll(() => rt.close());

  const all = Object.values(catalogue).flatMap((actions) => Object.values(actions)) as Action[];

  it('every action in the catalogue has a valid input here', () => {
    const valid = validInputs('x');
    expect(all.map((a) => `${a.fn}.${a.name}`).filter((name) => !valid[name])).toEqual([]);
  });

  it.each(all.map((a) => [`${a.fn}.${a.name}`, a] as const))('%s', async (_name, action) => {
    const before = await snapshot(rt);
    const valid = validInputs(repairId)[`${action.fn}.${action.name}`] ?? {};
    const bad = mutations(valid).filter(([, input]) => !action.input.safeParse(input).success);
    expect(bad.length).toBeGreaterThan(3);
    for (const [label, input] of bad) {
      for (const openid of callers) {
        const result = (await rt.invoke(action.fn, { action: action.name, input }, { openid })) as { ok: boolean; code?: string; message?: string };
        expect({ label, ok: result.ok, known: knownCodes.has(result.code ?? '') }).toEqual({ label, ok: false, known: true });
        expect(result.message).toMatch(/[\u4e00-\u9fa5]/);
      }
    }
    expect(await snapshot(rt)).toEqual(before);
  });

  it('an envelope without an action, or with an unknown one, is refused', async () => {
    for (const event of [null, 'x', { input: {} }, { action: 'repairs.nuke', input: {} }, { action: 'create'.repeat(20), input: {} }]) {
      const result = (await rt.invoke('repairs', event, { openid: WANG })) as { ok: boolean; code: string };
      expect(result.ok).toBe(false);
      expect(['COMMON.BAD_INPUT', 'COMMON.UNKNOWN_ACTION']).toContain(result.code);
    }
  });

  it('ids of other users\' and other properties\' records are refused and change nothing', async () => {
    const before = await snapshot(rt);
    const tries: [string, unknown][] = [
      [ZHANG, { propertyId: PROPERTY, repairId }],
      [TECH_LI, { propertyId: PROPERTY, repairId }],
      [WANG, { propertyId: 'other', repairId }],
    ];
    for (const [openid, input] of tries) {
      const result = await callAs(rt, openid, repairs.get, input);
      expect(result.ok).toBe(false);
    }
    expect(await callAs(rt, ZHANG, repairs.create, repairInput({ roomId: 'demo:1-1-101' }))).toMatchObject({ ok: false, code: 'REPAIR.ROOM_NOT_YOURS' });
    expect(await snapshot(rt)).toEqual(before);
  });
});
