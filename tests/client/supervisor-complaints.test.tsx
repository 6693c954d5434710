import { fireEvent, render } from '@testing-library/react';
import type { Role } from '@shared/model/member.model';
import ComplaintRegister from '../../client/src/pages/supervisor/complaint-register';
import ComplaintFigures from '../../client/src/pages/supervisor/complaint-figures';
import { periodLabel, rateText, recentMonths, recentQuarters } from '../../client/src/pages/supervisor/complaint-figures/periods';
import { supervisorUi } from '../../client/src/i18n/supervisor.zh-CN';
import { shanghaiDate } from '../../client/src/utils/time';
import { fakeBackend, ok, settle, until } from './support/fake-backend';
import { PROPERTY, sessionHandlers } from './support/fixtures';
import { complaint, group } from './support/complaint-fixtures';

const row = (over: Record<string, unknown> = {}) => ({
  id: 'c1',
  createdAt: '2026-11-23T02:00:00.000Z',
  address: '1栋1单元101',
  residentName: '王阿姨',
  channel: 'phone',
  category: 'cleaning',
  target: '保洁部',
  description: '楼道垃圾没人清理',
  status: 'handling',
  classification: { class: 'responsible', severity: 'general', jurisdiction: null },
  groupId: null,
  slip: { department: '保洁部', assignee: '李主管' },
  resolvedAt: null,
  ...over,
});

const register = (date: string, over: Record<string, unknown> = {}) => ({
  date,
  rows: [row(), row({ id: 'c2', status: 'grouped', groupId: 'g1', classification: null, slip: null })],
  signed: null,
  flaggedAt: null,
  open: [complaint({ id: 'c-open', urgency: 'top', vip: true }), group({ id: 'g1' })],
  ...over,
});

const openRegister = async (role: Role, handlers: Record<string, (input: Record<string, unknown>) => unknown>) => {
  const backend = fakeBackend({ ...sessionHandlers(role), ...handlers });
  const view = render(<ComplaintRegister />);
  const $ = (s: string) => view.container.querySelector(s);
  await until(() => $('.register-head') !== null);
  await settle();
  return { ...view, $, backend };
};

describe('投诉登记表 (C6)', () => {
  it('C6: the supervisor opens on yesterday’s register in Shanghai (his morning’s to sign), with its rows, its signed state and every open complaint to follow', async () => {
    const yesterday = shanghaiDate(new Date(), -1);
    const { $, container, backend } = await openRegister('supervisor', { 'complaints.registerOf': (input) => ok(register(String(input.date))) });

    expect(backend.callsTo('complaints.registerOf').map((c) => c.input)).toEqual([{ propertyId: PROPERTY, date: yesterday }]);
    expect($('#day-yesterday')?.className).toContain('chip-on');
    expect($('.register-unsigned')?.textContent).toBe(supervisorUi.complaintRegister.unsigned);
    expect($('.register-rows-title')?.textContent).toBe('当天登记（2）');
    expect($('#register-row-c1 .register-row-slip')?.textContent).toBe('回单：保洁部 · 李主管');
    expect($('#register-row-c1 .badge-class')?.textContent).toBe('有责投诉 · 一般');
    expect($('#register-row-c2 .badge-group')?.textContent).toBe(supervisorUi.complaintRegister.grouped);
    expect($('.register-open-title')?.textContent).toBe('未处理完的投诉（2）');
    expect(Array.from(container.querySelectorAll('.case-card')).map((c) => c.id)).toEqual(['case-complaint-c-open', 'case-group-g1']);
  });

  it('C6: the supervisor signs the day’s register with remarks, and sees it signed', async () => {
    let signed: object | null = null;
    const { $, backend } = await openRegister('supervisor', {
      'complaints.registerOf': (input) => ok(register(String(input.date), { signed })),
      'complaints.signRegister': (input) => {
        signed = { by: '刘主管', at: '2026-11-23T09:00:00.000Z', remarks: String(input.remarks) };
        return ok({ date: String(input.date), rows: [], signed, flaggedAt: null });
      },
    });

    fireEvent.input($('.input-register-remarks textarea') as Element, { target: { value: '重大投诉已上报' } });
    await settle(10);
    fireEvent.click($('.btn-sign-register') as Element);

    await until(() => $('.register-signed') !== null);
    expect(backend.callsTo('complaints.signRegister')[0]?.input).toEqual({
      propertyId: PROPERTY,
      date: shanghaiDate(new Date(), -1),
      remarks: '重大投诉已上报',
      commandId: expect.any(String),
      deviceTime: expect.any(String),
    });
    expect($('.register-signed-line')?.textContent).toMatch(/^已签字：刘主管 · /);
    expect($('.register-remarks-shown')?.textContent).toBe('签字意见：重大投诉已上报');
    expect($('.sign-panel')).toBeNull();
  });

  it('C6: a register left unsigned past the next morning shows as flagged', async () => {
    const { $ } = await openRegister('supervisor', {
      'complaints.registerOf': (input) => ok(register(String(input.date), { flaggedAt: '2026-11-23T00:00:00.000Z' })),
    });
    expect($('.register-flagged')?.textContent).toMatch(/^逾期未签字 · .*已提醒$/);
  });

  it('C6: turns to today’s register in one tap', async () => {
    const { $, backend } = await openRegister('supervisor', { 'complaints.registerOf': (input) => ok(register(String(input.date))) });
    fireEvent.click($('#day-today') as Element);
    await until(() => backend.callsTo('complaints.registerOf').length === 2);
    expect(backend.callsTo('complaints.registerOf')[1]?.input).toEqual({ propertyId: PROPERTY, date: shanghaiDate(new Date()) });
  });

  it.each(['desk', 'manager'] as const)('C6: only the supervisor signs (a %s reads today’s)', async (role) => {
    const { $, backend } = await openRegister(role, { 'complaints.registerOf': (input) => ok(register(String(input.date))) });
    expect(backend.callsTo('complaints.registerOf')[0]?.input).toEqual({ propertyId: PROPERTY, date: shanghaiDate(new Date()) });
    expect($('.register-unsigned')).not.toBeNull();
    expect($('.sign-panel')).toBeNull();
  });
});

const figures = (over: Record<string, unknown> = {}) => ({
  total: 10,
  byClass: { major: 1, general: 5, non_responsible: 2, assistance: 1, unclassified: 1 },
  handled: 8,
  handlingRate: 0.8,
  onTime: 6,
  onTimeRate: 0.75,
  calledBack: 8,
  callbackRate: 1,
  ...over,
});
const none = figures({ total: 0, byClass: { major: 0, general: 0, non_responsible: 0, assistance: 0, unclassified: 0 }, handled: 0, handlingRate: null, onTime: 0, onTimeRate: null, calledBack: 0, callbackRate: null });

describe('投诉分析 (C8)', () => {
  const openFigures = async () => {
    const backend = fakeBackend({
      ...sessionHandlers('supervisor'),
      'complaints.figures': (input) => {
        const period = String(input.period);
        const months = period.includes('Q') ? [`${period.slice(0, 4)}-10`, `${period.slice(0, 4)}-11`, `${period.slice(0, 4)}-12`] : [period];
        return ok({ period, months: months.map((month, i) => ({ month, figures: i === 2 ? none : figures() })), total: figures() });
      },
    });
    const view = render(<ComplaintFigures />);
    const $ = (s: string) => view.container.querySelector(s);
    await until(() => $('.figures-total') !== null);
    return { ...view, $, backend };
  };

  it('C8: this month’s complaints by class, and the handling, on-time and callback rates with their counts', async () => {
    const { $, container, backend } = await openFigures();
    const figure = (name: string) => $(`.figures-total .figure-${name} .info-value`)?.textContent;

    expect(backend.callsTo('complaints.figures')[0]?.input).toEqual({ propertyId: PROPERTY, period: recentMonths(new Date())[0] });
    expect(figure('total')).toBe('10 件');
    expect(figure('handling')).toBe('80%（8/10）');
    expect(figure('ontime')).toBe('75%（6/8）');
    expect(figure('callback')).toBe('100%（8/8）');
    expect(figure('major')).toBe('1 件');
    expect(figure('general')).toBe('5 件');
    expect(figure('non_responsible')).toBe('2 件');
    expect(figure('assistance')).toBe('1 件');
    expect(figure('unclassified')).toBe('1 件');
    expect(container.querySelectorAll('.figures-month')).toHaveLength(0);
  });

  it('C8: a quarter’s summary shows each of its months, "—" where there was nothing to count', async () => {
    const { $, container, backend } = await openFigures();
    fireEvent.click($('#period-kind-quarter') as Element);

    await until(() => container.querySelectorAll('.figures-month').length === 3);
    expect(backend.callsTo('complaints.figures').at(-1)?.input).toEqual({ propertyId: PROPERTY, period: recentQuarters(new Date())[0] });
    const last = container.querySelectorAll('.figures-month')[2];
    expect(last?.querySelector('.figure-handling .info-value')?.textContent).toBe('—');
  });

  it('C8: picks an earlier month', async () => {
    const { container, backend } = await openFigures();
    fireEvent(container.querySelector('.period-picker taro-picker-core') as Element, new CustomEvent('change', { detail: { value: 1 } }));
    await until(() => backend.callsTo('complaints.figures').length === 2);
    expect(backend.callsTo('complaints.figures')[1]?.input).toEqual({ propertyId: PROPERTY, period: recentMonths(new Date())[1] });
  });

  it('C8: names periods in Shanghai time, across the turn of the year', () => {
    const newYearsEveInShanghai = new Date('2026-12-31T16:30:00Z');
    expect(recentMonths(newYearsEveInShanghai, 3)).toEqual(['2027-01', '2026-12', '2026-11']);
    expect(recentQuarters(newYearsEveInShanghai, 3)).toEqual(['2027-Q1', '2026-Q4', '2026-Q3']);
    expect(periodLabel('2026-11')).toBe('2026年11月');
    expect(periodLabel('2026-Q4')).toBe('2026年第4季度');
    expect(rateText(2 / 3, 2, 3)).toBe('67%（2/3）');
    expect(rateText(null, 0, 0)).toBe('—');
  });
});
