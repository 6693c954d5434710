/**
 * 李师傅's day (issue 18, 4): the plan grouped 今天 / 明天 / 以后 under today's date; in a basement the
 * offline bar (never the busy error) over the plan the phone kept, with each order's queued steps;
 * and once the queue has delivered, the list and the open order read the server again by themselves.
 */
import { act, render } from '@testing-library/react';
import type { RepairView } from '@shared/contracts/repairs.contract';
import { messages } from '@shared/messages';
import TechnicianOrders from '../../client/src/pages/technician/orders';
import TechnicianOrder from '../../client/src/pages/technician/order';
import { TransportError } from '../../client/src/api/transport';
import { onSiteQueue } from '../../client/src/offline/sync';
import { technicianUi } from '../../client/src/i18n/technician.zh-CN';
import { shanghaiDate } from '../../client/src/utils/time';
import { fakeBackend, ok, okPage, settle, until } from './support/fake-backend';
import { repair, sessionHandlers, urgent } from './support/fixtures';
import { withRouteParams } from './support/route';
import { keepHttpFile, uploadKeptHttpFile } from '../../client/src/offline/kept.http';

const mine = (over: Partial<RepairView>) =>
  repair({ status: 'dispatched', version: 3, actions: ['acknowledge'], technician: { memberId: 'm1', name: '李师傅' }, dispatchedAt: '2026-11-23T02:10:00.000Z', ...over });

/** The network as a basement has it: calls fail until `online` is set. */
const signal = () => {
  const state = { online: true };
  const when = <T,>(answer: () => T) => () => {
    if (!state.online) throw new TransportError('offline');
    return answer();
  };
  return { state, when };
};

afterEach(() => {
  localStorage.clear();
  onSiteQueue.reload();
});

describe("the technician's day plan (issue 18, 4)", () => {
  it('R3: groups 今天 / 明天 / 以后 under today\'s date, urgent first in each, every group counted', async () => {
    const today = shanghaiDate(new Date());
    const tomorrow = shanghaiDate(new Date(), 1);
    const later = shanghaiDate(new Date(), 5);
    fakeBackend({
      ...sessionHandlers('technician'),
      'repairs.assigned': () =>
        okPage([
          mine({ id: 'r-later', preferredTime: { date: later, slot: 'morning' } }),
          mine({ id: 'r-today', preferredTime: { date: today, slot: 'evening' } }),
          mine({ id: 'r-tomorrow', preferredTime: { date: tomorrow, slot: 'morning' } }),
          urgent('R3.1', { id: 'r-lift', status: 'dispatched', preferredTime: { date: later, slot: 'any' } }),
        ]),
    });
    const { container } = render(<TechnicianOrders />);
    await until(() => container.querySelectorAll('.repair-card').length === 4);

    const groups = Array.from(container.querySelectorAll('.day-group')).map((g) => ({
      title: g.querySelector('.section-title')?.textContent,
      ids: Array.from(g.querySelectorAll('.repair-card')).map((c) => c.id),
    }));
    const [, m, d] = tomorrow.split('-').map(Number);
    expect(groups).toEqual([
      { title: expect.stringMatching(/^今天 · \d+月\d+日$/), ids: ['repair-r-lift', 'repair-r-today'] },
      { title: `明天 · ${m}月${d}日`, ids: ['repair-r-tomorrow'] },
      { title: '以后', ids: ['repair-r-later'] },
    ]);
    expect(container.querySelector('.day-group-today .day-group-count')?.textContent).toBe('2 单');
    // The date stands once, in the 今天 group's title; the page's header says the day of the week.
    expect(container.querySelector('.day-header')?.textContent).toMatch(/^星期[日一二三四五六]$/);
  });

  it('with no signal: the offline bar over the plan the phone kept, each order\'s queued steps, no busy error; back online, the list reads the server again by itself', async () => {
    const net = signal();
    const first = mine({ id: 'r-tap' });
    let assigned = first;
    const backend = fakeBackend({
      ...sessionHandlers('technician'),
      'repairs.assigned': net.when(() => okPage([assigned])),
      'repairs.get': net.when(() => ok({ ...assigned, history: [] })),
      'repairs.fees': net.when(() => ok({ items: [] })),
      'repairs.acknowledge': net.when(() => {
        assigned = mine({ id: 'r-tap', status: 'acknowledged', version: 4, actions: ['arrive'] });
        return ok(assigned);
      }),
      'repairs.arrive': net.when(() => {
        assigned = mine({ id: 'r-tap', status: 'arrived', version: 5, actions: ['quote'] });
        return ok(assigned);
      }),
    });
    const list = render(<TechnicianOrders />);
    await until(() => list.container.querySelector('#repair-r-tap') !== null);
    await settle();

    net.state.online = false;
    withRouteParams({ id: 'r-tap' });
    const order = render(<TechnicianOrder />);
    const $ = (s: string) => order.container.querySelector(s);
    await until(() => $('.btn-acknowledge') !== null);
    await act(async () => {
      ($('.btn-acknowledge') as HTMLElement).click();
      await new Promise((r) => setTimeout(r, 50));
    });
    await until(() => $('.btn-arrive') !== null);
    await act(async () => {
      ($('.btn-arrive') as HTMLElement).click();
      await new Promise((r) => setTimeout(r, 50));
    });

    await until(() => $('.offline-bar') !== null);
    expect($('.offline-bar')?.textContent).toBe(technicianUi.day.offline);
    expect($('.sync-pending')?.textContent).toBe('2 步待提交');
    await until(() => list.container.querySelector('.offline-bar') !== null);
    // What waits stands in the order's own card, beside its status, not between the cards.
    expect(list.container.querySelector('#repair-r-tap .repair-card-head .order-pending')?.textContent).toBe('2 步待提交');
    expect(list.container.querySelector('.load-error')).toBeNull();

    const listReads = backend.callsTo('repairs.assigned').length;
    const orderReads = backend.callsTo('repairs.get').length;
    net.state.online = true;
    await act(() => onSiteQueue.flush({ force: true }));

    await until(() => $('.offline-bar') === null && $('.sync-pending') === null);
    await until(() => backend.callsTo('repairs.assigned').length > listReads && backend.callsTo('repairs.get').length > orderReads);
    await until(() => list.container.querySelector('.offline-bar') === null && list.container.querySelector('.order-pending') === null);
    expect(list.container.querySelector('#repair-r-tap .repair-status')?.textContent).toBe(messages.repairStatus.arrived);
    expect(new Set(backend.callsTo('repairs.arrive').map((c) => c.input.commandId)).size).toBe(1);
  });
});

describe('a photo taken in the basement (issue 18, 4)', () => {
  it('keeps one name across every try of its upload, so a retry writes over the same file instead of adding one', async () => {
    const paths: string[] = [];
    const fetchMock = jest.fn(async (url: string) => {
      if (url.startsWith('/api/storage/upload')) {
        const path = new URL(url, 'http://local').searchParams.get('path') ?? '';
        paths.push(path);
        return paths.length === 1 ? Promise.reject(new TypeError('network')) : { ok: true, json: async () => ({ fileID: `cloud://local.bucket/${path}` }) };
      }
      return { blob: async () => new Blob(['jpeg']) };
    });
    const realFetch = global.fetch;
    global.fetch = fetchMock as unknown as typeof fetch;
    try {
      const ref = await keepHttpFile('data:image/jpeg;base64,/9j/4AAQ');
      expect(ref).not.toBeNull();
      await expect(uploadKeptHttpFile(ref ?? '', 'uploads/mb_li/')).resolves.toBeNull();
      const id = await uploadKeptHttpFile(ref ?? '', 'uploads/mb_li/');
      expect(paths).toHaveLength(2);
      expect(paths[1]).toBe(paths[0]);
      expect(paths[0]).toMatch(/^uploads\/mb_li\/[A-Za-z0-9_-]{24}\.jpg$/);
      expect(id).toBe(`cloud://local.bucket/${paths[0]}`);
    } finally {
      global.fetch = realFetch;
    }
  });
});
