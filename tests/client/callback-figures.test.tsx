import { render } from '@testing-library/react';
import CallbackFigures from '../../client/src/pages/supervisor/callback-figures';
import { weekLabel } from '../../client/src/pages/supervisor/callback-figures/week';
import { ui } from '../../client/src/i18n/ui.zh-CN';
import { supervisorUi } from '../../client/src/i18n/supervisor.zh-CN';
import { formatWhen } from '../../client/src/utils/time';
import { fakeBackend, ok, until } from './support/fake-backend';
import { FakeEventSource } from './support/fake-event-source';
import { PROPERTY, sessionHandlers } from './support/fixtures';

const kinds = (planned: number[], done: number[], reached: number[], satisfied: number[]) =>
  (['repair', 'complaint', 'routine', 'visit'] as const).map((kind, i) => ({
    kind,
    planned: planned[i] ?? 0,
    done: done[i] ?? 0,
    reached: reached[i] ?? 0,
    satisfied: satisfied[i] ?? 0,
    rate: planned[i] ? (done[i] ?? 0) / (planned[i] as number) : null,
  }));

const report = (month: string) => ({
  month,
  byKind: kinds([10, 3, 20, 1], [8, 3, 15, 1], [7, 3, 12, 1], [6, 2, 11, 1]),
  weeks: [
    { from: '2026-11-30T16:00:00.000Z', to: '2026-12-06T16:00:00.000Z', byKind: kinds([4, 1], [4, 1], [3, 1], [3, 1]) },
    { from: '2026-12-06T16:00:00.000Z', to: '2026-12-13T16:00:00.000Z', byKind: kinds([6, 2], [4, 2], [4, 2], [3, 1]) },
  ],
  repairCheck: { returned: 20, calledBack: 8, rate: 0.4, met: false, skipped: [{ reason: 'no_resident', count: 2 }] },
  complaintCheck: { handled: 3, calledBack: 3, rate: 1, met: true },
  topUp: [
    { repairId: 'r-31', address: '3栋2单元1502', residentName: '王阿姨', completedAt: '2026-12-20T06:00:00.000Z' },
    { repairId: 'r-44', address: '6栋1单元201', residentName: '李奶奶', completedAt: '2026-12-22T06:00:00.000Z' },
  ],
});

describe('the callback report (B4 R13 C7)', () => {
  beforeEach(() => {
    FakeEventSource.install();
    // 2026-12-01 01:00 in Shanghai, still November in UTC: only the clock is fake, timers run.
    jest.useFakeTimers({ now: new Date('2026-11-30T17:00:00.000Z'), doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'hrtime', 'performance'] });
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('the callback report shows the 50 % and 100 % checks, for this month in Shanghai by default', async () => {
    const backend = fakeBackend({ ...sessionHandlers('supervisor'), 'callbacks.figures': (input) => ok(report(String(input.month))) });
    const { container } = render(<CallbackFigures />);
    const $ = (s: string) => container.querySelector(s);
    await until(() => $('.figures-checks') !== null);

    expect(backend.callsTo('callbacks.figures')[0]?.input).toEqual({ propertyId: PROPERTY, month: '2026-12' });
    expect($('#month-pick')?.textContent).toBe('2026年12月 ▾');

    expect($('.check-repair .check-label')?.textContent).toBe(supervisorUi.callbackFigures.repairCheck);
    expect($('.check-repair .check-label')?.textContent).toContain('50%');
    expect($('.check-repair .check-rate')?.textContent).toBe('40%（8/20）');
    expect($('.check-repair .check-not-met')?.textContent).toBe(supervisorUi.callbackFigures.notMet);
    expect($('.check-repair .check-met')).toBeNull();
    expect($('.skipped-no_resident')?.textContent).toBe('另有 2 单公共区域维修无报修人（巡查发现），不需回访，不计入比例');

    expect($('.check-complaint .check-label')?.textContent).toContain('100%');
    expect($('.check-complaint .check-rate')?.textContent).toBe('100%（3/3）');
    expect($('.check-complaint .check-met')?.textContent).toBe(supervisorUi.callbackFigures.met);
    expect($('.check-complaint .check-not-met')).toBeNull();
  });

  it('counts each kind for the month and each week, and lists whom to call before the month closes', async () => {
    fakeBackend({ ...sessionHandlers('manager'), 'callbacks.figures': (input) => ok(report(String(input.month))) });
    const { container } = render(<CallbackFigures />);
    const $ = (s: string) => container.querySelector(s);
    await until(() => $('.kinds-month') !== null);

    const cells = (row: string) => Array.from(container.querySelectorAll(`${row} .kind-cell`)).map((c) => c.textContent);
    expect(cells('.kinds-month .kind-repair')).toEqual(['维修回访', '10', '8', '7', '6', '80%']);
    expect(cells('.kinds-month .kind-routine')).toEqual(['例行回访', '20', '15', '12', '11', '75%']);
    expect(cells('.kinds-month .kind-row-head')).toEqual([ui.callbacks.kind, '应回访', '已回访', '联系上', '满意', '回访率']);

    expect(container.querySelectorAll('.figures-week')).toHaveLength(2);
    expect($('.figures-week-1 .week-label')?.textContent).toBe('12月1日 至 12月6日');
    expect($('.figures-week-2 .week-label')?.textContent).toBe('12月7日 至 12月13日');
    expect(cells('.figures-week-2 .kind-complaint')).toEqual(['投诉回访', '2', '2', '2', '1', '100%']);

    expect(Array.from(container.querySelectorAll('.top-up-row')).map((r) => r.id)).toEqual(['top-up-r-31', 'top-up-r-44']);
    expect($('#top-up-r-31 .top-up-address')?.textContent).toBe('3栋2单元1502');
    expect($('#top-up-r-31 .top-up-name')?.textContent).toBe('王阿姨');
    expect($('#top-up-r-31 .top-up-completed')?.textContent).toBe(`完工：${formatWhen('2026-12-20T06:00:00.000Z')}`);
  });

  it('says when nobody needs a top-up call', async () => {
    fakeBackend({ ...sessionHandlers('supervisor'), 'callbacks.figures': (input) => ok({ ...report(String(input.month)), topUp: [] }) });
    const { container } = render(<CallbackFigures />);
    await until(() => container.querySelector('.figures-top-up') !== null);
    expect(container.querySelector('.top-up-empty')?.textContent).toBe(supervisorUi.callbackFigures.topUpEmpty);
  });

  it('labels a week by its Shanghai days, its end being the next week’s start', () => {
    expect(weekLabel('2026-11-30T16:00:00.000Z', '2026-12-06T16:00:00.000Z')).toBe('12月1日 至 12月6日');
    expect(weekLabel('2026-12-27T16:00:00.000Z', '2026-12-31T16:00:00.000Z')).toBe('12月28日 至 12月31日');
  });
});
