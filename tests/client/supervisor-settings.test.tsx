import { fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { SettingsView } from '@shared/contracts/settings.contract';
import type { MemberView } from '@shared/contracts/members.contract';
import type { Role } from '@shared/model/member.model';
import SettingsPage from '../../client/src/pages/supervisor/settings';
import { fakeBackend, ok, settle, until, okPage } from './support/fake-backend';
import { PROPERTY, sessionHandlers } from './support/fixtures';

/** The first test also loads the page's modules, which takes a while on a busy machine. */
jest.setTimeout(20_000);

const current = (): SettingsView => ({
  shifts: [
    { name: '早班', start: '08:00', desk: [{ memberId: 'm-chen', name: '陈晓' }] },
    { name: '中班', start: '16:00', desk: [] },
    { name: '夜班', start: '00:00', desk: [] },
  ],
  openingHours: { open: '08:00', close: '20:00' },
  ackMinutes: { urgent: 15, normal: 120 },
  feeSchedule: [
    { code: 'tap-replace', name: '更换水龙头（人工）', priceFen: 3000 },
    { code: 'inspect', name: '上门检查', priceFen: 0 },
  ],
  groupComplaintWindowHours: 24,
  repairWindows: { weekdays: [{ start: '09:00', end: '11:00' }, { start: '18:30', end: '20:30' }], weekends: [{ start: '09:00', end: '11:00' }] },
  templateIds: {},
  templates: [{ kind: 'repair.dispatched', id: 'tmplDispatched01', page: 'pages/technician/order/index', fields: [{ key: 'thing1', source: 'title' }, { key: 'time2', source: 'time' }] }],
  wecomWebhook: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc',
  dailyLimits: { repairs: 10, complaints: 5, bookings: 5, bindingRequests: 3 },
  repairPromise: { dispatchMinutes: 15 },
  history: [{ by: '周经理', at: '2026-11-20T02:00:00.000Z', fields: ['feeSchedule', 'ackMinutes'] }],
});

const deskMember = (id: string, name: string): MemberView => ({
  id,
  role: 'desk',
  status: 'active',
  name,
  phone: '13700000001',
  skills: [],
  rooms: [],
  vip: false,
  createdAt: '2026-11-01T02:00:00.000Z',
});

const backendFor = (role: Role, over: Record<string, (input: Record<string, unknown>) => unknown> = {}) =>
  fakeBackend({
    ...sessionHandlers(role),
    'members.settings': () => ok(current()),
    'members.list': () => okPage([deskMember('m-chen', '陈晓'), deskMember('m-lin', '林琳')]),
    'members.updateSettings': () => ok({ ...current(), history: [{ by: '王阿姨', at: new Date().toISOString(), fields: ['feeSchedule'] }, ...current().history] }),
    ...over,
  });

const open = async (ready = '.btn-save-settings') => {
  const page = render(<SettingsPage />);
  const $ = (selector: string) => page.container.querySelector(selector);
  await until(() => $(ready) !== null);
  await settle();
  const tap = async (selector: string) => {
    fireEvent.click($(selector) as Element);
    await settle();
  };
  const type = async (selector: string, value: string) => {
    const box = $(`${selector} input`) ?? $(selector);
    fireEvent.input(box as Element, { target: { value } });
    await settle(10);
  };
  /** A time picked from the clock, as WeChat's picker reports it. */
  const pick = async (selector: string, value: string) => {
    fireEvent($(`${selector} taro-picker-core`) as Element, new CustomEvent('change', { detail: { value } }));
    await settle(10);
  };
  const text = (selector: string) => $(selector)?.textContent ?? '';
  return { ...page, $, tap, type, pick, text };
};

describe('小区设置: the manager edits what the property runs on (issue 7, point 5)', () => {
  it('fees are typed by name in yuan and sent in fen with their codes unseen, a new item with a code of its own; only the fee schedule is sent', async () => {
    const backend = backendFor('manager');
    const page = await open();
    expect((page.$('#fee-0 .input-fee-price input') as HTMLInputElement).value).toBe('30.00');

    await page.type('#fee-0 .input-fee-price', '35.5');
    await page.tap('.btn-add-fee');
    expect(page.$('.input-fee-code')).toBeNull();
    await page.type('#fee-2 .input-fee-name', '更换锁芯（人工）');
    await page.type('#fee-2 .input-fee-price', '80');
    await page.tap('.btn-save-settings');
    await until(() => backend.callsTo('members.updateSettings').length === 1);

    const sent = backend.callsTo('members.updateSettings')[0]?.input ?? {};
    expect(sent.feeSchedule).toEqual([
      { code: 'tap-replace', name: '更换水龙头（人工）', priceFen: 3550 },
      { code: 'inspect', name: '上门检查', priceFen: 0 },
      { code: 'item-1', name: '更换锁芯（人工）', priceFen: 8000 },
    ]);
    expect(Object.keys(sent).sort()).toEqual(['commandId', 'deviceTime', 'feeSchedule', 'propertyId']);
    expect(sent.propertyId).toBe(PROPERTY);
  });

  it('a price that is not an amount of yuan is named by its row, and nothing is sent', async () => {
    const backend = backendFor('manager');
    const page = await open();
    await page.type('#fee-1 .input-fee-price', '3块');
    await page.tap('.btn-save-settings');
    expect(page.text('.error-section-fees')).toBe('第 2 项：名称要填，价格填数字，例如 30 或 30.50');
    expect(backend.callsTo('members.updateSettings')).toHaveLength(0);
  });

  it('saving with nothing changed sends nothing', async () => {
    const toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
    const backend = backendFor('manager');
    const page = await open();
    await page.tap('.btn-save-settings');
    expect(backend.callsTo('members.updateSettings')).toHaveLength(0);
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '没有改动需要保存' }));
    toast.mockRestore();
  });

  it('the manager puts desk members on shifts by member id, and moves a shift\'s start', async () => {
    const backend = backendFor('manager');
    const page = await open();
    await until(() => page.$('#shift-1 .shift-desk-m-lin') !== null);
    await page.tap('#shift-1 .shift-desk-m-lin');
    await page.tap('#shift-0 .shift-desk-m-chen');
    await page.pick('#shift-2 .input-shift-start', '00:30');
    await page.tap('.btn-save-settings');
    await until(() => backend.callsTo('members.updateSettings').length === 1);

    const sent = backend.callsTo('members.updateSettings')[0]?.input ?? {};
    expect(sent.shifts).toEqual([
      { name: '早班', start: '08:00', deskMemberIds: [] },
      { name: '中班', start: '16:00', deskMemberIds: ['m-lin'] },
      { name: '夜班', start: '00:30', deskMemberIds: [] },
    ]);
    expect(sent.feeSchedule).toBeUndefined();
    expect(backend.callsTo('members.list')[0]?.input).toEqual({ propertyId: PROPERTY, roles: ['desk'], limit: 100 });
  });

  it('hours, deadlines, the group window, templates and the webhook are each sent only when changed', async () => {
    const backend = backendFor('manager');
    const page = await open();
    expect((page.$('#template-repair-dispatched .input-template-fields input') as HTMLInputElement).value).toBe('thing1=标题 time2=时间');
    await page.pick('.input-close', '21:30');
    await page.type('.input-ack-urgent', '10');
    await page.type('.input-group-hours', '48');
    await page.type('#template-complaint-major .input-template', 'tmplMajor_02');
    await page.type('#template-complaint-major .input-template-fields', 'thing1=标题 thing3=地址 time5=时间');
    await page.type('.input-webhook', '');
    await page.tap('.btn-save-settings');
    await until(() => backend.callsTo('members.updateSettings').length === 1);

    const sent = backend.callsTo('members.updateSettings')[0]?.input ?? {};
    expect(sent).toMatchObject({
      openingHours: { open: '08:00', close: '21:30' },
      ackMinutes: { urgent: 10, normal: 120 },
      groupComplaintWindowHours: 48,
      templates: [
        { kind: 'repair.dispatched', id: 'tmplDispatched01', page: 'pages/technician/order/index', fields: [{ key: 'thing1', source: 'title' }, { key: 'time2', source: 'time' }] },
        {
          kind: 'complaint.major',
          id: 'tmplMajor_02',
          page: 'pages/inbox/index',
          fields: [{ key: 'thing1', source: 'title' }, { key: 'thing3', source: 'address' }, { key: 'time5', source: 'time' }],
        },
      ],
      wecomWebhook: null,
    });
    expect(sent.shifts).toBeUndefined();
    expect(sent.feeSchedule).toBeUndefined();
  });

  it('V4: the repair windows are picked from the clock, a row each, added and removed; the resident\'s preview follows, and the section\'s own save sends them alone', async () => {
    const backend = backendFor('manager');
    const page = await open();
    expect(page.text('#input-weekday-windows-0 .window-start .time-value')).toBe('09:00');
    expect(page.text('#input-weekday-windows-1 .window-end .time-value')).toBe('20:30');
    expect(page.$('.btn-save-windows')).toBeNull();
    await page.pick('#input-weekday-windows-1 .window-start', '14:00');
    await page.pick('#input-weekday-windows-1 .window-end', '16:00');
    await page.tap('.input-weekday-windows .btn-add-window');
    await page.pick('#input-weekday-windows-2 .window-start', '19:00');
    await page.pick('#input-weekday-windows-2 .window-end', '21:00');
    expect(Array.from(page.container.querySelectorAll('.preview-windows .preview-window')).map((chip) => chip.textContent)).toEqual([
      '09:00–11:00',
      '14:00–16:00',
      '19:00–21:00',
      '09:00–11:00',
    ]);
    await page.tap('.btn-save-windows');
    await until(() => backend.callsTo('members.updateSettings').length === 1);
    const sent = backend.callsTo('members.updateSettings')[0]?.input ?? {};
    expect(sent.repairWindows).toEqual({
      weekdays: [{ start: '09:00', end: '11:00' }, { start: '14:00', end: '16:00' }, { start: '19:00', end: '21:00' }],
      weekends: [{ start: '09:00', end: '11:00' }],
    });
    expect(Object.keys(sent).sort()).toEqual(['commandId', 'deviceTime', 'propertyId', 'repairWindows']);
  });

  it('V4: overlapping windows are refused by the server, said under their section', async () => {
    const backend = backendFor('manager', {
      'members.updateSettings': () => ({ ok: false, code: 'SETTINGS.WINDOWS', message: '上门时段的结束时间必须晚于开始时间，且同一天的时段不能重叠' }),
    });
    const page = await open();
    await page.pick('#input-weekend-windows-0 .window-end', '12:00');
    await page.tap('.input-weekend-windows .btn-add-window');
    await page.pick('#input-weekend-windows-1 .window-start', '11:00');
    await page.pick('#input-weekend-windows-1 .window-end', '13:00');
    await page.tap('.btn-save-settings');
    await until(() => backend.callsTo('members.updateSettings').length === 1);
    await until(() => page.text('.error-section-windows') === '上门时段的结束时间必须晚于开始时间，且同一天的时段不能重叠');
  });

  it('issue 17: a section\'s own save sends that section alone and keeps the edits of the others; the resident\'s preview shows the hours', async () => {
    const backend = backendFor('manager', { 'members.updateSettings': (input) => ok({ ...current(), openingHours: input.openingHours }) });
    const page = await open();
    await page.pick('.input-close', '21:30');
    await page.type('.input-ack-urgent', '10');
    expect(page.text('.preview-hours .resident-preview-screen')).toBe('客服中心 08:00–21:30 在岗');
    await page.tap('.btn-save-hours');
    await until(() => backend.callsTo('members.updateSettings').length === 1);
    const sent = backend.callsTo('members.updateSettings')[0]?.input ?? {};
    expect(sent.openingHours).toEqual({ open: '08:00', close: '21:30' });
    expect(sent.ackMinutes).toBeUndefined();
    await until(() => page.$('.btn-save-hours') === null);
    expect((page.$('.input-ack-urgent input') as HTMLInputElement).value).toBe('10');
    expect(page.$('.btn-save-deadlines')).not.toBeNull();
  });

  it('issue 18 (5): owners\' invitations are on and reviewed by the desk until changed; binding at once is saved by the section\'s own save, alone; switched off, the review choice is not asked', async () => {
    const backend = backendFor('manager', { 'members.updateSettings': (input) => ok({ ...current(), ownerInvites: input.ownerInvites }) });
    const page = await open();
    expect(page.$('#owner-invites-yes.chip-on')).not.toBeNull();
    expect(page.$('#desk-approves-yes.chip-on')).not.toBeNull();
    expect(page.$('.btn-save-invites')).toBeNull();
    await page.tap('#desk-approves-no');
    await page.tap('.btn-save-invites');
    await until(() => backend.callsTo('members.updateSettings').length === 1);
    expect(backend.callsTo('members.updateSettings')[0]?.input).toEqual({ propertyId: PROPERTY, commandId: expect.any(String), deviceTime: expect.any(String), ownerInvites: { enabled: true, deskApproves: false, perDay: 5 } });
    await page.tap('#owner-invites-no');
    expect(page.$('.desk-approves-chips')).toBeNull();
  });

  it('issue 18 (5): how many codes an owner may issue a day is typed in the 业主邀请 section and saved with it; 0 is said under the section and not sent', async () => {
    const backend = backendFor('manager', { 'members.updateSettings': (input) => ok({ ...current(), ownerInvites: input.ownerInvites }) });
    const page = await open();
    expect((page.$('.input-invites-per-day input') as HTMLInputElement).value).toBe('5');
    await page.type('.input-invites-per-day', '0');
    await page.tap('.btn-save-invites');
    await until(() => page.$('.error-section-invites') !== null);
    expect(page.text('.error-section-invites')).toBe('每天的邀请码数量请填写 1 到 50 之间的整数');
    expect(backend.callsTo('members.updateSettings')).toHaveLength(0);
    await page.type('.input-invites-per-day', '2');
    await page.tap('.btn-save-invites');
    await until(() => backend.callsTo('members.updateSettings').length === 1);
    expect(backend.callsTo('members.updateSettings')[0]?.input).toMatchObject({ ownerInvites: { enabled: true, deskApproves: true, perDay: 2 } });
  });

  it('issue 18 (2): the repair promise is previewed in the resident\'s words as the minutes are typed, and its own save sends it alone; 0 minutes is said under the section and not sent', async () => {
    const backend = backendFor('manager', { 'members.updateSettings': (input) => ok({ ...current(), repairPromise: input.repairPromise }) });
    const page = await open();
    expect(page.text('.preview-promise-normal')).toBe('客服将在 15 分钟内派单，师傅上门前会先打电话');
    expect(page.text('.preview-promise-urgent')).toBe('已通知值班人员，马上处理');
    await page.type('.input-dispatch-minutes', '30');
    expect(page.text('.preview-promise-normal')).toBe('客服将在 30 分钟内派单，师傅上门前会先打电话');
    await page.tap('.btn-save-promise');
    await until(() => backend.callsTo('members.updateSettings').length === 1);
    expect(backend.callsTo('members.updateSettings')[0]?.input).toEqual({ propertyId: PROPERTY, commandId: expect.any(String), deviceTime: expect.any(String), repairPromise: { dispatchMinutes: 30 } });

    await page.type('.input-dispatch-minutes', '0');
    expect(page.$('.preview-promise')).toBeNull();
    await page.tap('.btn-save-promise');
    await until(() => page.$('.error-section-promise') !== null);
    expect(page.text('.error-section-promise')).toBe('请填写 1 到 1440 之间的整数分钟');
    expect(backend.callsTo('members.updateSettings')).toHaveLength(1);
  });

  it('issue 12: the daily limits are sent together, and only when one changed; one that is not a whole number from 1 to 1000 is said under the section, and not sent', async () => {
    const backend = backendFor('manager', { 'members.updateSettings': (input) => ok({ ...current(), dailyLimits: input.dailyLimits }) });
    const page = await open();
    expect((page.$('.input-limit-repairs input') as HTMLInputElement | null)?.value ?? page.$('.input-limit-repairs')?.getAttribute('value')).toBe('10');
    await page.type('.input-limit-repairs', '20');
    await page.type('.input-limit-bindingRequests', '2');
    await page.tap('.btn-save-settings');
    await until(() => backend.callsTo('members.updateSettings').length === 1);
    const sent = backend.callsTo('members.updateSettings')[0]?.input ?? {};
    expect(sent.dailyLimits).toEqual({ repairs: 20, complaints: 5, bookings: 5, bindingRequests: 2 });
    expect(sent.openingHours).toBeUndefined();

    await page.type('.input-limit-repairs', '5000');
    await page.tap('.btn-save-settings');
    await until(() => page.$('.error-section-limits') !== null);
    expect(page.text('.error-section-limits')).toBe('每一项请填写 1 到 1000 之间的整数');
    expect(backend.callsTo('members.updateSettings')).toHaveLength(1);
  });

  it.each(['qyapi robot', 'https://example.com/cgi-bin/webhook/send?key=693a91f6-7aaa-4bc4', 'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7aaa-4bc4'])(
    'issue 13: a webhook that is not a WeCom group robot (%s) is refused before anything is sent, under its section',
    async (typed) => {
      const backend = backendFor('manager');
      const page = await open();
      await page.type('.input-webhook', typed);
      await page.tap('.btn-save-settings');
      expect(page.text('.error-section-webhook')).toBe('请填写企业微信群机器人的 Webhook 地址（https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…），或者留空');
      expect(backend.callsTo('members.updateSettings')).toHaveLength(0);
    },
  );

  it('issue 13: a template with an id but fields that are not "key=fact" is refused under the templates, naming the notice', async () => {
    const backend = backendFor('manager');
    const page = await open();
    await page.type('#template-complaint-major .input-template', 'tmplMajor_02');
    await page.type('#template-complaint-major .input-template-fields', 'thing1=标题 time2=明天');
    await page.tap('.btn-save-settings');
    expect(page.text('.error-section-templates')).toMatch(/^“重大投诉，请当日处理”的模板：/);
    expect(backend.callsTo('members.updateSettings')).toHaveLength(0);
  });

  it('the server\'s refusal of the hours is said under the opening hours', async () => {
    backendFor('manager', {
      'members.updateSettings': () => ({ ok: false, code: 'SETTINGS.HOURS', message: '下班时间必须晚于上班时间' }),
    });
    const page = await open();
    await page.pick('.input-close', '07:00');
    await page.tap('.btn-save-settings');
    await until(() => page.$('.error-section-hours') !== null);
    expect(page.text('.error-section-hours')).toBe('下班时间必须晚于上班时间');
  });

  it('after saving, the change history says who changed which settings and when', async () => {
    backendFor('manager');
    const page = await open();
    const history = () => Array.from(page.container.querySelectorAll('.history-entry')).map((e) => e.textContent ?? '');
    expect(history()).toEqual([expect.stringMatching(/^周经理 · .+收费标准、响应时限$/)]);

    await page.type('#fee-1 .input-fee-price', '10');
    await page.tap('.btn-save-settings');
    await until(() => history().length === 2);

    expect(history()[0]).toBe('王阿姨 · 刚刚收费标准');
    expect((page.$('#fee-1 .input-fee-price input') as HTMLInputElement).value).toBe('0.00');
  });
});

describe('小区设置: who may change it', () => {
  it.each<Role>(['supervisor', 'desk'])('only the manager can edit settings: a %s reads them, in yuan, with the roster by name', async (role) => {
    const backend = backendFor(role);
    const page = await open('.settings-history');

    expect(page.$('.btn-save-settings')).toBeNull();
    expect(page.container.querySelectorAll('input')).toHaveLength(0);
    expect(page.text('.settings-read-only')).toBe('只有管理处主任可以修改这些设置。');
    expect(page.text('#fee-0')).toBe('更换水龙头（人工）¥30.00');
    expect(page.text('#shift-0 .shift-desk')).toBe('当班客服：陈晓');
    expect(page.text('#shift-1 .shift-desk')).toBe('当班客服：未安排');
    expect(page.text('.settings-hours')).toContain('08:00 – 20:00');
    expect(page.text('.history-entry')).toContain('周经理');
    expect(page.text('.history-entry .history-fields')).toBe('收费标准、响应时限');
    expect(page.text('.settings-limit-repairs')).toContain('每天 10');
    expect(backend.callsTo('members.list')).toHaveLength(0);
  });
});
