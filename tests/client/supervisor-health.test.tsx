import { fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Health from '../../client/src/pages/supervisor/health';
import DeskInbox from '../../client/src/pages/desk/inbox';
import StaffHome from '../../client/src/pages/supervisor/home';
import { fill, ui } from '../../client/src/i18n/ui.zh-CN';
import { supervisorUi } from '../../client/src/i18n/supervisor.zh-CN';
import { formatWhen } from '../../client/src/utils/time';
import { fakeBackend, ok, settle, until, okPage } from './support/fake-backend';
import { FakeEventSource } from './support/fake-event-source';
import { PROPERTY, sessionHandlers } from './support/fixtures';

const dead = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  kind: 'complaint.major',
  channel: 'wecom',
  title: '重大投诉：5栋电梯困人',
  lastError: 'webhook 404',
  attempts: 5,
  at: '2026-11-23T02:00:00.000Z',
  ...over,
});

const nothingSetAside = { count: 0, items: [] };

describe('the health page shows the reminders timer and the dead letters (issue 5)', () => {
  beforeEach(() => {
    FakeEventSource.install();
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
  });
  afterEach(() => jest.restoreAllMocks());

  it('the health page shows a stale timer and retries a dead notice', async () => {
    let letters = [dead('outbox~a1'), dead('outbox~b2', { kind: 'repair.new', channel: 'subscribe', title: '新报修', lastError: null, attempts: 3 })];
    const backend = fakeBackend({
      ...sessionHandlers('supervisor'),
      'session.health': () =>
        ok({ timer: { lastRunAt: '2026-11-22T20:00:00.000Z', stale: true, failedSteps: [] }, quarantine: nothingSetAside, deadLetters: { count: letters.length, items: letters } }),
      'session.retryNotice': (input) => {
        const retried = letters.find((l) => l.id === input.noticeId);
        letters = letters.filter((l) => l.id !== input.noticeId);
        return ok({ ...retried, status: 'pending' });
      },
    });
    const { container } = render(<Health />);
    const $ = (s: string) => container.querySelector(s);
    await until(() => $('.health-timer') !== null);

    expect($('.health-timer')?.className).toContain('health-timer-stale');
    expect($('.health-alarm')?.textContent).toBe(supervisorUi.health.stale);
    expect($('.health-ok')).toBeNull();
    expect($('.health-last-run')?.textContent).toBe(fill(supervisorUi.health.lastRun, { when: formatWhen('2026-11-22T20:00:00.000Z') }));
    expect($('.health-dead-count')?.textContent).toBe('2 条');
    expect(container.querySelectorAll('.dead-letter')).toHaveLength(2);
    expect($('#dead-outbox\\~a1 .dead-letter-title')?.textContent).toBe('重大投诉：5栋电梯困人');
    expect($('#dead-outbox\\~a1 .dead-letter-channel')?.textContent).toBe('企业微信群');
    expect($('#dead-outbox\\~a1 .dead-letter-attempts')?.textContent).toBe('已尝试 5 次');
    expect($('#dead-outbox\\~a1 .dead-letter-error')?.textContent).toBe('原因：webhook 404');
    expect($('#dead-outbox\\~b2 .dead-letter-error')?.textContent).toBe(supervisorUi.health.noError);
    expect($('#dead-outbox\\~b2 .dead-letter-channel')?.textContent).toBe('微信订阅消息');

    fireEvent.click($('#dead-outbox\\~a1 .btn-retry-notice') as Element);

    await until(() => backend.callsTo('session.retryNotice').length === 1);
    expect(backend.callsTo('session.retryNotice')[0]?.input).toEqual({
      propertyId: PROPERTY,
      noticeId: 'outbox~a1',
      commandId: expect.any(String),
      deviceTime: expect.any(String),
    });
    await until(() => container.querySelectorAll('.dead-letter').length === 1);
    expect($('.health-dead-count')?.textContent).toBe('1 条');
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: supervisorUi.health.retried }));
  });

  it('says the timer runs when it does, and that nothing failed when nothing did', async () => {
    fakeBackend({
      ...sessionHandlers('manager'),
      'session.health': () => ok({ timer: { lastRunAt: '2026-11-23T01:55:00.000Z', stale: false, failedSteps: [] }, quarantine: nothingSetAside, deadLetters: { count: 0, items: [] } }),
    });
    const { container } = render(<Health />);
    const $ = (s: string) => container.querySelector(s);
    await until(() => $('.health-timer') !== null);
    expect($('.health-timer')?.className).not.toContain('health-timer-stale');
    expect($('.health-alarm')).toBeNull();
    expect($('.health-ok')?.textContent).toBe(supervisorUi.health.running);
    expect($('.health-dead-count')?.textContent).toBe('0 条');
    expect($('.health-dead-empty')?.textContent).toBe(supervisorUi.health.deadEmpty);
    expect($('.health-quarantine-count')?.textContent).toBe('0 条');
    expect($('.health-quarantine-empty')?.textContent).toBe(supervisorUi.health.quarantineEmpty);
    expect($('.health-failed')).toBeNull();
  });

  it('issue 12 (3.8): names, in words, the timer\'s tasks that failed and each record it set aside, with no id on screen', async () => {
    fakeBackend({
      ...sessionHandlers('supervisor'),
      'session.health': () =>
        ok({
          timer: { lastRunAt: '2026-11-23T01:55:00.000Z', stale: false, failedSteps: ['deadlines', 'outbox'] },
          quarantine: {
            count: 2,
            items: [
              { id: 'qr_1', collection: 'deadlines', foundBy: 'deadlines', reason: 'rule: Invalid input: expected string, received number', at: '2026-11-23T01:55:00.000Z' },
              { id: 'qr_2', collection: 'somethingNew', foundBy: 'outbox', reason: 'attempts: Invalid input', at: '2026-11-23T01:50:00.000Z' },
            ],
          },
          deadLetters: { count: 0, items: [] },
        }),
    });
    const { container } = render(<Health />);
    const $ = (s: string) => container.querySelector(s);
    await until(() => $('.health-timer') !== null);

    expect($('.health-ok')).toBeNull();
    expect($('.health-failed')?.textContent).toBe(fill(supervisorUi.health.failedSteps, { steps: '超时提醒与升级、通知发送' }));
    expect($('.health-quarantine-count')?.textContent).toBe('2 条');
    expect($('#quarantined-qr_1 .quarantined-record')?.textContent).toBe('时限提醒');
    expect($('#quarantined-qr_1 .quarantined-found')?.textContent).toBe(fill(supervisorUi.health.quarantineFound, { step: '超时提醒与升级', when: formatWhen('2026-11-23T01:55:00.000Z') }));
    expect($('#quarantined-qr_1 .quarantined-reason')?.textContent).toBe('问题：rule: Invalid input: expected string, received number');
    expect($('#quarantined-qr_2 .quarantined-record')?.textContent).toBe(supervisorUi.health.records.other);
    expect($('.health-quarantine')?.textContent).not.toMatch(/qr_|deadlines|somethingNew/);
  });

  it('raises the alarm when the timer never ran', async () => {
    fakeBackend({
      ...sessionHandlers('supervisor'),
      'session.health': () => ok({ timer: { lastRunAt: null, stale: true, failedSteps: [] }, quarantine: nothingSetAside, deadLetters: { count: 0, items: [] } }),
    });
    const { container } = render(<Health />);
    await until(() => container.querySelector('.health-timer') !== null);
    expect(container.querySelector('.health-last-run')?.textContent).toBe(supervisorUi.health.neverRun);
    expect(container.querySelector('.health-alarm')?.textContent).toBe(supervisorUi.health.stale);
  });

  it('keeps the dead letter and says why when the retry is refused', async () => {
    const backend = fakeBackend({
      ...sessionHandlers('supervisor'),
      'session.health': () => ok({ timer: { lastRunAt: '2026-11-23T01:55:00.000Z', stale: false, failedSteps: [] }, quarantine: nothingSetAside, deadLetters: { count: 1, items: [dead('outbox~a1')] } }),
      'session.retryNotice': () => ({ ok: false, code: 'COMMON.FORBIDDEN', message: '您没有权限做这个操作' }),
    });
    const { container } = render(<Health />);
    await until(() => container.querySelector('.btn-retry-notice') !== null);
    fireEvent.click(container.querySelector('.btn-retry-notice') as Element);
    await until(() => backend.callsTo('session.retryNotice').length === 1);
    await settle();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '您没有权限做这个操作' }));
    expect(container.querySelectorAll('.dead-letter')).toHaveLength(1);
  });
});

describe('the supervisor’s and the manager’s home link to the health page and the callback report', () => {
  beforeEach(() => FakeEventSource.install());
  afterEach(() => jest.restoreAllMocks());

  it.each(['supervisor', 'manager'] as const)('%s', async (role) => {
    fakeBackend({ ...sessionHandlers(role), 'repairs.inbox': () => okPage([]) });
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
    const { container } = render(<StaffHome />);
    await until(() => container.querySelector('.link-health') !== null);
    expect(container.querySelector('.link-health')?.textContent).toBe(ui.workGrid.links.health);
    fireEvent.click(container.querySelector('.link-health') as Element);
    fireEvent.click(container.querySelector('.link-callback-figures') as Element);
    expect(navigate.mock.calls.map(([o]) => o.url)).toEqual(['/pages/supervisor/health/index', '/pages/supervisor/callback-figures/index']);
  });

  it('not the desk', async () => {
    fakeBackend({ ...sessionHandlers('desk'), 'repairs.inbox': () => okPage([]) });
    const { container } = render(<DeskInbox />);
    await until(() => container.querySelector('.link-inbox') !== null);
    expect(container.querySelector('.link-health')).toBeNull();
    expect(container.querySelector('.link-callback-figures')).toBeNull();
  });
});
