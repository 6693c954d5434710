import { render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as repairs from '@shared/contracts/repairs.contract';
import DeskInbox from '../../client/src/pages/desk/inbox';
import { openingRoute, readFirstAhead } from '../../client/src/api/first-reads';
import { createClient, READ_AHEAD_MS } from '../../client/src/api/client';
import type { Envelope, Transport } from '../../client/src/api/transport';
import { ensureSession, loadSession, rememberedProperty, sessionStore } from '../../client/src/store/session.store';
import { fakeBackend, ok, okPage } from './support/fake-backend';
import { FakeEventSource } from './support/fake-event-source';
import { PROPERTY, repair, sessionHandlers } from './support/fixtures';

const cardIds = (container: HTMLElement) => Array.from(container.querySelectorAll('.repair-card')).map((card) => card.id);
const sent = (backend: ReturnType<typeof fakeBackend>) => backend.calls.map((c) => `${c.fn}.${c.action}`);
const notMember = () => ({ ok: false, code: 'COMMON.NOT_A_MEMBER', message: '您还不是该小区的成员' });

describe('issue 16: the desk inbox opened with a property remembered asks for its session and its queue at once', () => {
  beforeEach(() => {
    Taro.clearStorageSync();
    FakeEventSource.install();
  });

  it('the inbox\'s first page goes out beside the session\'s context, before either answers, and the page shows it without asking again', async () => {
    Taro.setStorageSync('propertyId', PROPERTY);
    const backend = fakeBackend({ ...sessionHandlers('desk'), 'repairs.inbox': () => okPage([repair({ id: 'r-ahead' })]) });

    readFirstAhead(openingRoute('#/pages/desk/inbox/index'), rememberedProperty());
    ensureSession();
    expect(sent(backend)).toEqual(['repairs.inbox', 'session.context']);

    const { container } = render(<DeskInbox />);
    await waitFor(() => expect(cardIds(container)).toEqual(['repair-r-ahead']));
    expect(backend.callsTo('repairs.inbox')).toHaveLength(1);
    expect(backend.callsTo('repairs.inbox')[0]?.input).toEqual({ propertyId: PROPERTY, limit: 20 });
    expect(backend.callsTo('session.me')).toHaveLength(0);
  });

  it('a queue read ahead for a property the session does not enter is never shown: the page asks for the one entered', async () => {
    Taro.setStorageSync('propertyId', 'p-left');
    const backend = fakeBackend({
      ...sessionHandlers('desk'),
      'session.context': (input) => (input.propertyId === 'p-left' ? notMember() : sessionHandlers('desk')['session.context']()),
      'repairs.inbox': (input) => okPage([repair({ id: input.propertyId === 'p-left' ? 'r-elsewhere' : 'r-here' })]),
    });

    readFirstAhead('pages/desk/inbox/index', rememberedProperty());
    ensureSession();
    const { container } = render(<DeskInbox />);
    await waitFor(() => expect(cardIds(container)).toEqual(['repair-r-here']));
    expect(backend.callsTo('repairs.inbox').map((c) => c.input.propertyId)).toEqual(['p-left', PROPERTY]);
    expect(sent(backend).slice(0, 4)).toEqual(['repairs.inbox', 'session.context', 'session.me', 'session.context']);
    expect(Taro.getStorageSync('propertyId')).toBe(PROPERTY);
  });

  it('nothing is read ahead without a remembered property, or for a page that has no first read', () => {
    const backend = fakeBackend(sessionHandlers('desk'));
    readFirstAhead('pages/desk/inbox/index', rememberedProperty());
    readFirstAhead(openingRoute('#/pages/desk/callbacks/index?x=1'), PROPERTY);
    expect(backend.calls).toEqual([]);
  });
});

describe('issue 16: the session with a property remembered', () => {
  beforeEach(() => Taro.clearStorageSync());

  it('is one call, the remembered property\'s context, which lists the memberships `me` would', async () => {
    Taro.setStorageSync('propertyId', PROPERTY);
    const backend = fakeBackend(sessionHandlers('technician'));
    await loadSession();
    expect(sent(backend)).toEqual(['session.context']);
    expect(sessionStore.get()).toMatchObject({ status: 'ready', context: { role: 'technician', property: { propertyId: PROPERTY } } });
  });

  it('refused there (deactivated), asks for the caller\'s properties and says they belong nowhere', async () => {
    Taro.setStorageSync('propertyId', PROPERTY);
    const backend = fakeBackend({ 'session.context': notMember, 'session.me': () => ok({ memberships: [] }) });
    await loadSession();
    expect(sent(backend)).toEqual(['session.context', 'session.me']);
    expect(sessionStore.get()).toMatchObject({ status: 'no-membership' });
  });
});

describe('issue 16: a reply read ahead', () => {
  const recording = () => {
    const envelopes: Envelope[] = [];
    const transport: Transport = async (_fn, envelope) => {
      envelopes.push(envelope);
      return okPage([repair({ id: `r-${envelopes.length}` })]);
    };
    return { envelopes, transport };
  };
  const input = { propertyId: PROPERTY, limit: 20 };

  it('answers one call with the same input; the next call, or one with another input, goes out', async () => {
    const { envelopes, transport } = recording();
    const client = createClient({ transport });
    client.readAhead({ fn: 'repairs', name: 'inbox' }, input);
    const first = await client.call(repairs.inbox, input);
    const other = await client.call(repairs.inbox, { ...input, limit: 5 });
    const again = await client.call(repairs.inbox, input);
    expect(envelopes).toHaveLength(3);
    expect([first, other, again].map((r) => r.ok && r.data.items[0]?.id)).toEqual(['r-1', 'r-2', 'r-3']);
  });

  it(`is not used after ${READ_AHEAD_MS} ms: the page asks again`, async () => {
    const now = jest.spyOn(Date, 'now');
    try {
      now.mockReturnValue(1_000_000);
      const { envelopes, transport } = recording();
      const client = createClient({ transport });
      client.readAhead({ fn: 'repairs', name: 'inbox' }, input);
      now.mockReturnValue(1_000_000 + READ_AHEAD_MS + 1);
      const late = await client.call(repairs.inbox, input);
      expect(envelopes).toHaveLength(2);
      expect(late.ok && late.data.items[0]?.id).toBe('r-2');
    } finally {
      now.mockRestore();
    }
  });

  it('is parsed with the contract when the page takes it: a reply that is not the action\'s result is COMMON.INTERNAL', async () => {
    const client = createClient({ transport: async () => ({ ok: true, data: { nothing: 1 } }) });
    client.readAhead({ fn: 'repairs', name: 'inbox' }, input);
    expect(await client.call(repairs.inbox, input)).toMatchObject({ ok: false, code: 'COMMON.INTERNAL' });
  });
});
