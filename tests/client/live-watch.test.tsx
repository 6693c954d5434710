/**
 * Issue 13.1.8, the live watch: one watch for the whole app shared by every data hook, open only while
 * the app and a listening page are shown, polling only while the watch is down, and a signal refetching
 * only the hooks it concerns. Driven through the real hooks and the H5 live channel (Server-Sent Events).
 */
import { act, render } from '@testing-library/react';
import DeskInbox from '../../client/src/pages/desk/inbox';
import { useStaff } from '../../client/src/hooks/useMembers';
import { useAssignedOrders, useDeskInbox } from '../../client/src/hooks/useRepairs';
import { fakeBackend, ok, okPage, settle, until } from './support/fake-backend';
import { FakeEventSource } from './support/fake-event-source';
import { PROPERTY, sessionHandlers } from './support/fixtures';
import { hideApp, hidePage, showApp, showPage } from './support/lifecycle';

const mine = `${PROPERTY}~user:k3j9x`;
const desk = `${PROPERTY}~role:desk`;

/** A desk member's session as the server gives it: their own signal and their role's. */
const deskSession = () => {
  const base = sessionHandlers('desk');
  return { ...base, 'session.context': () => ok({ ...base['session.context']().data, signals: [mine, desk] }) };
};

/** Three data hooks on one screen: the desk's queue (role), the person's orders (mine), the staff list (not live). */
const Probe = () => {
  useDeskInbox();
  useAssignedOrders();
  useStaff();
  return null;
};

const backendFor = (extra: Record<string, () => unknown> = {}) =>
  fakeBackend({
    ...deskSession(),
    'repairs.inbox': () => okPage([]),
    'repairs.assigned': () => okPage([]),
    'members.list': () => okPage([]),
    'session.inbox': () => okPage([]),
    ...extra,
  });

const advance = (ms: number) => act(() => jest.advanceTimersByTimeAsync(ms));

describe('one live watch per app (issue 13.1.8)', () => {
  beforeEach(() => {
    FakeEventSource.install();
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
  });

  it('hooks concerned with different signals share one watch of all of them', async () => {
    const backend = backendFor();
    const Two = () => {
      useDeskInbox();
      useAssignedOrders();
      return null;
    };
    render(<Two />);
    await until(() => backend.callsTo('repairs.assigned').length === 1 && FakeEventSource.instances.length > 0);
    await settle();

    expect(FakeEventSource.openCount()).toBe(1);
    const ids = new URL(FakeEventSource.latest().url, 'http://h5').searchParams.get('ids')?.split(',');
    expect(ids?.sort()).toEqual([desk, mine].sort());
  });

  it('a signal refetches only the hooks that concern it; a hook without signals never refetches', async () => {
    const backend = backendFor();
    render(<Probe />);
    await until(() => backend.callsTo('repairs.assigned').length === 1 && FakeEventSource.instances.length > 0);
    const stream = FakeEventSource.latest();
    stream.open();
    const counts = () => ({
      inbox: backend.callsTo('repairs.inbox').length,
      assigned: backend.callsTo('repairs.assigned').length,
      staff: backend.callsTo('members.list').length,
    });
    expect(counts()).toEqual({ inbox: 1, assigned: 1, staff: 1 });

    stream.emit(mine, 4);
    await until(() => counts().assigned === 2);
    await settle(400);
    expect(counts()).toEqual({ inbox: 1, assigned: 2, staff: 1 });

    stream.emit(desk, 9);
    await until(() => counts().inbox === 2);
    await settle(400);
    expect(counts()).toEqual({ inbox: 2, assigned: 2, staff: 1 });

    stream.emit(desk, 9);
    await settle(400);
    expect(counts()).toEqual({ inbox: 2, assigned: 2, staff: 1 });
  });

  it('the app going to the background closes the watch; coming back reopens it and catches up', async () => {
    const backend = backendFor();
    render(<DeskInbox />);
    await until(() => FakeEventSource.instances.length === 1);
    FakeEventSource.latest().open();
    FakeEventSource.latest().emit(desk, 3);
    await until(() => backend.callsTo('repairs.inbox').length === 2);

    await hideApp();
    expect(FakeEventSource.openCount()).toBe(0);

    const before = backend.callsTo('repairs.inbox').length;
    await showApp();
    expect(FakeEventSource.openCount()).toBe(1);
    FakeEventSource.latest().open();
    FakeEventSource.latest().emit(desk, 5);
    await until(() => backend.callsTo('repairs.inbox').length > before);
    expect(new URL(FakeEventSource.latest().url, 'http://h5').searchParams.get('ids')).toBe(desk);
  });

  it('the page being hidden closes the watch when no other page listens; shown again, it reopens', async () => {
    backendFor();
    render(<DeskInbox />);
    await until(() => FakeEventSource.openCount() === 1);

    await hidePage();
    expect(FakeEventSource.openCount()).toBe(0);

    await showPage();
    expect(FakeEventSource.openCount()).toBe(1);
    expect(FakeEventSource.instances).toHaveLength(2);
  });

  it('polls while the watch is down, tries the watch again, and stops polling once it is back', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask'] });
    try {
      const backend = backendFor({ 'session.signals': () => ok({ signals: [{ id: desk, seq: 1 }] }) });
      render(<DeskInbox />);
      await advance(100);
      expect(FakeEventSource.openCount()).toBe(1);
      FakeEventSource.latest().fail();
      await advance(5_100);
      expect(backend.callsTo('session.signals').length).toBe(2);

      expect(FakeEventSource.instances).toHaveLength(2);
      FakeEventSource.latest().open();
      const polled = backend.callsTo('session.signals').length;
      await advance(60_000);

      expect(backend.callsTo('session.signals').length).toBe(polled);
      expect(FakeEventSource.openCount()).toBe(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('while the watch keeps failing, it is tried again less and less often and polling goes on', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask'] });
    try {
      const backend = backendFor({ 'session.signals': () => ok({ signals: [] }) });
      render(<DeskInbox />);
      await advance(100);
      FakeEventSource.latest().fail();
      await advance(5_000);
      FakeEventSource.latest().fail();
      await advance(9_900);
      expect(FakeEventSource.instances).toHaveLength(2);
      await advance(100);
      expect(FakeEventSource.instances).toHaveLength(3);
      expect(backend.callsTo('session.signals').length).toBe(4);
    } finally {
      jest.useRealTimers();
    }
  });
});
