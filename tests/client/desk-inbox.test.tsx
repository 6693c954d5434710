import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { messages } from '@shared/messages';
import DeskInbox from '../../client/src/pages/desk/inbox';
import { chime } from '../../client/src/utils/chime';
import { ui } from '../../client/src/i18n/ui.zh-CN';
import { fakeBackend, ok, settle, okPage } from './support/fake-backend';
import { FakeEventSource } from './support/fake-event-source';
import { PROPERTY, repair, sessionHandlers, urgent } from './support/fixtures';

const deskSignal = `${PROPERTY}~role:desk`;

const advance = (ms: number) => act(() => jest.advanceTimersByTimeAsync(ms));

const cardIds = (container: HTMLElement) =>
  Array.from(container.querySelectorAll('.repair-card')).map((card) => card.id);

describe('desk inbox (小陈)', () => {
  let play: jest.SpyInstance;
  beforeEach(() => {
    FakeEventSource.install();
    play = jest.spyOn(chime, 'play').mockImplementation(() => undefined);
  });
  afterEach(() => play.mockRestore());

  it('R3: shows the queue in the function\'s order, urgent on top with a red badge and the matched rule', async () => {
    const older = repair({ id: 'r-door', createdAt: '2026-11-23T01:00:00.000Z', category: 'door_window' });
    const lift = urgent('R3.1', { id: 'r-lift', category: 'elevator', createdAt: '2026-11-23T02:00:00.000Z' });
    fakeBackend({ ...sessionHandlers('desk'), 'repairs.inbox': () => okPage([lift, older]) });

    const { container } = render(<DeskInbox />);
    await waitFor(() => expect(cardIds(container)).toEqual(['repair-r-lift', 'repair-r-door']));

    const top = container.querySelector('#repair-r-lift');
    expect(top?.querySelector('.urgent-badge')?.textContent).toBe(messages.priority.urgent);
    expect(top?.querySelector('.triage-rule')?.textContent).toBe('电梯失控或有人被困');
    expect(container.querySelector('#repair-r-door .urgent-badge')).toBeNull();
    expect(container.querySelector('.inbox-urgent-count')?.textContent).toBe('1 件急修等待派单');
    expect(container.querySelector('.list-all-shown')?.textContent).toBe('已显示全部 2 条');
  });

  it('pages through a long queue: 加载更多 asks for the page after the last one shown and adds it below, with the exact total', async () => {
    const first = [urgent('R3.4', { id: 'r-burst' }), repair({ id: 'r-1' })];
    const backend = fakeBackend({
      ...sessionHandlers('desk'),
      'repairs.inbox': (input) => (input.cursor === 'after-r-1' ? ok({ items: [repair({ id: 'r-2' })], total: 3, next: null }) : ok({ items: first, total: 3, next: 'after-r-1' })),
    });
    const { container } = render(<DeskInbox />);
    await waitFor(() => expect(cardIds(container)).toEqual(['repair-r-burst', 'repair-r-1']));
    expect(container.querySelector('.list-total')?.textContent).toBe('共 3 条');
    fireEvent.click(container.querySelector('.btn-load-more') as Element);
    await waitFor(() => expect(cardIds(container)).toEqual(['repair-r-burst', 'repair-r-1', 'repair-r-2']));
    expect(backend.callsTo('repairs.inbox').map((c) => c.input.cursor)).toEqual([undefined, 'after-r-1']);
    expect(container.querySelector('.list-all-shown')?.textContent).toBe('已显示全部 3 条');
    expect(container.querySelector('.btn-load-more')).toBeNull();
  });

  it('R3: when every repair loaded is an urgent one still waiting and there are more, the count says so ("2+")', async () => {
    fakeBackend({ ...sessionHandlers('desk'), 'repairs.inbox': () => ok({ items: [urgent('R3.4', { id: 'a' }), urgent('R3.1', { id: 'b' })], total: 9, next: 'more' }) });
    const { container } = render(<DeskInbox />);
    await waitFor(() => expect(container.querySelector('.inbox-urgent-count')?.textContent).toBe('2+ 件急修等待派单'));
  });

  it('explains what goes there when nothing is open', async () => {
    fakeBackend({ ...sessionHandlers('desk'), 'repairs.inbox': () => okPage([]) });
    const { container } = render(<DeskInbox />);
    await waitFor(() => expect(container.querySelector('.list-empty')?.textContent).toBe(ui.desk.inboxEmpty));
  });

  it('shows a new urgent repair without a reload when its signal moves, and sounds once', async () => {
    let items = [repair({ id: 'r-door' })];
    const backend = fakeBackend({ ...sessionHandlers('desk'), 'repairs.inbox': () => okPage(items) });
    const { container } = render(<DeskInbox />);
    await waitFor(() => expect(cardIds(container)).toEqual(['repair-r-door']));
    await waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    const stream = FakeEventSource.latest();
    expect(stream.url).toContain(`ids=${encodeURIComponent(deskSignal)}`);
    stream.emit(deskSignal, 7);
    await settle(400);
    expect(play).not.toHaveBeenCalled();

    items = [urgent('R3.4', { id: 'r-burst' }), ...items];
    stream.emit(deskSignal, 8);

    await waitFor(() => expect(cardIds(container)).toEqual(['repair-r-burst', 'repair-r-door']));
    expect(play).toHaveBeenCalledTimes(1);
    expect(backend.callsTo('repairs.inbox').length).toBeGreaterThanOrEqual(2);
  });

  it('keeps the list on screen when a refresh fails, and says why', async () => {
    let reply: object = okPage([repair({ id: 'r-door' })]);
    fakeBackend({ ...sessionHandlers('desk'), 'repairs.inbox': () => reply });
    const toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
    const { container } = render(<DeskInbox />);
    await waitFor(() => expect(cardIds(container)).toEqual(['repair-r-door']));
    await waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));

    reply = { ok: false, code: 'COMMON.BUSY', message: messages.errors['COMMON.BUSY'] };
    FakeEventSource.latest().emit(deskSignal, 3);

    await waitFor(() => expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: messages.errors['COMMON.BUSY'] })));
    expect(cardIds(container)).toEqual(['repair-r-door']);
    toast.mockRestore();
  });

  it('falls back to polling session.signals when the live stream fails', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask'] });
    try {
      let seq = 1;
      const backend = fakeBackend({
        ...sessionHandlers('desk'),
        'session.signals': () => ok({ signals: [{ id: deskSignal, seq }] }),
        'repairs.inbox': () => okPage([]),
      });
      render(<DeskInbox />);
      await advance(100);
      FakeEventSource.latest().fail();
      await advance(400);
      const fetchesBefore = backend.callsTo('repairs.inbox').length;

      seq = 2;
      await advance(5_400);

      expect(backend.callsTo('session.signals').length).toBeGreaterThanOrEqual(2);
      expect(backend.callsTo('repairs.inbox').length).toBeGreaterThan(fetchesBefore);
    } finally {
      jest.useRealTimers();
    }
  });
});
