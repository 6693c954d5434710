import { settings, repairs, session } from '@shared/contracts';
import { callAs, DESK_ON_SHIFT, expectOk, memberIdOf, newCommandId, PROPERTY, raw, repairInput, snapshot, startRuntime, SUPERVISOR, WANG } from './harness';
import { unsafeFieldNames } from '../domain/field-names';
import { SETTINGS_FRESH_MS } from '../../cloudfunctions/_shared/settings';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
const MANAGER = 'o-mgr-zhou';

const update = (rt: Rt, who: string, fields: Record<string, unknown>) =>
  callAs(rt, who, settings.updateSettings, { propertyId: PROPERTY, commandId: newCommandId(), ...fields });

describe('issue 7 (5): the manager edits the property\'s settings, and every change is logged', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('the desk reads the settings with the roster by name and the robot\'s key hidden; the manager sees it whole', async () => {
    const desk = expectOk(await callAs(rt, DESK_ON_SHIFT, settings.settings, { propertyId: PROPERTY }));
    expect(desk.shifts.map((s) => [s.name, s.start, s.desk.map((d) => d.name)])).toEqual([
      ['早班', '08:00', ['陈晓']],
      ['中班', '16:00', ['林琳']],
      ['夜班', '00:00', ['何娟']],
    ]);
    expect(desk.openingHours).toEqual({ open: '08:00', close: '20:00' });
    expect(JSON.stringify(desk)).not.toContain('o-desk-chen');
    expectOk(await update(rt, MANAGER, { wecomWebhook: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret-key-1' }));
    expect(expectOk(await callAs(rt, DESK_ON_SHIFT, settings.settings, { propertyId: PROPERTY })).wecomWebhook).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=****');
    expect(expectOk(await callAs(rt, MANAGER, settings.settings, { propertyId: PROPERTY })).wecomWebhook).toContain('secret-key-1');
  });

  it('R6: a new price is what the next quote is priced at, and the change is logged with who and which settings', async () => {
    rt.clock.advanceMinutes(5);
    const saved = expectOk(
      await update(rt, MANAGER, {
        feeSchedule: [
          { code: 'tap-replace', name: '更换水龙头（人工）', priceFen: 3500 },
          { code: 'inspect', name: '上门检查', priceFen: 0 },
        ],
        ackMinutes: { urgent: 10, normal: 90 },
      }),
    );
    expect(saved.history).toEqual([{ by: '周经理', at: '2026-11-23T02:05:00.000Z', fields: ['ackMinutes', 'feeSchedule'] }]);
    const fees = expectOk(await callAs(rt, 'o-tech-li', repairs.fees, { propertyId: PROPERTY }));
    expect(JSON.stringify(fees)).toContain('3500');
  });

  it('R4: a new roster decides who is on shift: a new repair reaches the member now on the morning shift', async () => {
    expectOk(
      await update(rt, MANAGER, {
        shifts: [
          { name: '早班', start: '08:00', deskMemberIds: [memberIdOf('o-desk-lin')] },
          { name: '夜班', start: '20:00', deskMemberIds: [memberIdOf('o-desk-he')] },
        ],
      }),
    );
    expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    const told = raw<{ kind: string; pushTo?: string[] }>(rt, 'outbox').flatMap((n) => (n.kind === 'repair.new' ? (n.pushTo ?? []) : []));
    expect(told).toContain('o-desk-lin');
    expect(told).not.toContain('o-desk-chen');
  });

  it('only the manager changes settings; a roster naming someone who is not desk staff, two shifts at one time, or closing before opening change nothing', async () => {
    const before = await snapshot(rt);
    expect(await update(rt, SUPERVISOR, { groupComplaintWindowHours: 48 })).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    expect(await update(rt, DESK_ON_SHIFT, { groupComplaintWindowHours: 48 })).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    expect(await update(rt, MANAGER, { shifts: [{ name: '早班', start: '08:00', deskMemberIds: [memberIdOf('o-tech-li')] }] })).toMatchObject({ ok: false, code: 'SETTINGS.NOT_DESK' });
    expect(
      await update(rt, MANAGER, {
        shifts: [
          { name: '早班', start: '08:00', deskMemberIds: [] },
          { name: '中班', start: '08:00', deskMemberIds: [] },
        ],
      }),
    ).toMatchObject({ ok: false, code: 'SETTINGS.SHIFT_START_TAKEN' });
    expect(await update(rt, MANAGER, { openingHours: { open: '20:00', close: '08:00' } })).toMatchObject({ ok: false, code: 'SETTINGS.HOURS' });
    expect(
      await update(rt, MANAGER, { feeSchedule: [{ code: 'a', name: '甲', priceFen: 1 }, { code: 'a', name: '乙', priceFen: 2 }] }),
    ).toMatchObject({ ok: false, code: 'SETTINGS.DUPLICATE_FEE' });
    expect(await snapshot(rt)).toEqual(before);
  });

  it('C3: a longer group-complaint window is logged once; saving the same value again logs nothing', async () => {
    expectOk(await update(rt, MANAGER, { groupComplaintWindowHours: 48 }));
    const again = expectOk(await update(rt, MANAGER, { groupComplaintWindowHours: 48 }));
    expect(again.groupComplaintWindowHours).toBe(48);
    expect(again.history.map((h) => h.fields)).toEqual([['groupComplaintWindowHours']]);
  });
});


describe('issue 13 (1.1, 1.2): templates are one list, edited by the manager and read by the sender', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  const dispatched = { kind: 'repair.dispatched', id: 'tmplWorkOrder_A1', page: 'pages/technician/order/index', fields: [{ key: 'thing1', source: 'title' }, { key: 'time2', source: 'time' }] };

  it('what the manager saves is what the view shows and what a technician with a send left is pushed with', async () => {
    const saved = expectOk(await update(rt, MANAGER, { templates: [dispatched] }));
    expect(saved.templates).toEqual([dispatched]);
    expect(saved.history[0]?.fields).toEqual(['templates']);
    expectOk(await callAs(rt, 'o-tech-li', session.consent, { propertyId: PROPERTY, commandId: newCommandId(), accepted: ['tmplWorkOrder_A1'], rejected: [] }));
    const created = expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.dispatch, { propertyId: PROPERTY, commandId: newCommandId(), repairId: created.id, version: created.version, technicianId: memberIdOf('o-tech-li') }));
    expect(rt.subscribeMessages.map((m) => [m.touser, m.templateId, m.page, Object.keys(m.data)])).toEqual([
      ['o-tech-li', 'tmplWorkOrder_A1', `pages/technician/order/index?id=${created.id}`, ['thing1', 'time2']],
    ]);
  });

  it('no stored settings document or command record holds a field name with a dot or a $', async () => {
    expectOk(await update(rt, MANAGER, { templates: [dispatched, { ...dispatched, kind: 'complaint.major', id: 'tmplMajor_B2' }] }));
    const stored = [...raw(rt, 'settings'), ...raw(rt, 'commands')];
    expect(stored.length).toBeGreaterThan(1);
    expect(unsafeFieldNames(stored)).toEqual([]);
  });

  it('a client from before issue 13 still saves template ids by notice kind: the id replaces the template\'s, with no fields until mapped, and nothing dotted is stored', async () => {
    const saved = expectOk(await update(rt, MANAGER, { templateIds: { 'repair.changed': 'tmplOldClient_1', 'repair.done': 'tmplNoSuchKind' } }));
    expect(saved.templateIds).toEqual({});
    expect(saved.templates.find((t) => t.kind === 'repair.changed')).toEqual({ kind: 'repair.changed', id: 'tmplOldClient_1', page: 'pages/resident/repair/index', fields: [] });
    expect(saved.templates.find((t) => t.kind === 'repair.dispatched')?.id).toBe('local-tmpl-work-order');
    expect(unsafeFieldNames([...raw(rt, 'settings'), ...raw(rt, 'commands')])).toEqual([]);
  });

  it('two templates for one kind, a template without fields, or a page with a slash first change nothing', async () => {
    const before = await snapshot(rt);
    expect(await update(rt, MANAGER, { templates: [dispatched, { ...dispatched, id: 'tmplOther_C3' }] })).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT' });
    expect(await update(rt, MANAGER, { templates: [{ ...dispatched, fields: [] }] })).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT' });
    expect(await update(rt, MANAGER, { templates: [{ ...dispatched, page: '/pages/technician/order/index' }] })).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT' });
    expect(await snapshot(rt)).toEqual(before);
  });
});

describe('issue 13 (1.3): only a WeCom group robot may be saved, and only the manager sees its key', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it.each([
    'https://example.com/cgi-bin/webhook/send?key=693a91f6-7aaa-4bc4',
    'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7aaa-4bc4',
    'https://qyapi.weixin.qq.com.evil.example/cgi-bin/webhook/send?key=693a91f6-7aaa-4bc4',
    'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6&url=https://evil.example',
    'http://127.0.0.1:8788/cgi-bin/webhook/send?key=local-demo-robot',
  ])('%s is refused and changes nothing', async (url) => {
    const before = await snapshot(rt);
    expect(await update(rt, MANAGER, { wecomWebhook: url })).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT' });
    expect(await snapshot(rt)).toEqual(before);
  });

  it('a supervisor sees that a robot is set, never its key', async () => {
    expectOk(await update(rt, MANAGER, { wecomWebhook: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7aaa-4bc4-97a0-0ec2' }));
    const seen = expectOk(await callAs(rt, SUPERVISOR, settings.settings, { propertyId: PROPERTY }));
    expect(seen.wecomWebhook).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=****');
    expect(JSON.stringify(seen)).not.toContain('693a91f6');
  });
});

describe('issue 16: a warm function remembers a property\'s settings for at most 30 seconds', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('a lower daily limit the manager saves holds for the next repair filed 30 seconds later, though the repairs function read the settings just before', async () => {
    expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    expectOk(await update(rt, MANAGER, { dailyLimits: { repairs: 1, complaints: 5, bookings: 5, bindingRequests: 3 } }));
    expect(expectOk(await callAs(rt, MANAGER, settings.settings, { propertyId: PROPERTY })).dailyLimits.repairs).toBe(1);
    rt.clock.set(new Date(rt.clock.now().getTime() + SETTINGS_FRESH_MS).toISOString());
    expect(await callAs(rt, WANG, repairs.create, repairInput())).toMatchObject({ ok: false, code: 'REPAIR.DAILY_LIMIT' });
  });
});
