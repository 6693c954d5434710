import { fireEvent, render } from '@testing-library/react';
import type { CaseView } from '@shared/contracts/complaints.contract';
import type { ScreeningView, ScreenView } from '@shared/contracts/screening.contract';
import type { RepairView } from '@shared/contracts/repairs.contract';
import DeskRepair from '../../client/src/pages/desk/repair';
import DeskInbox from '../../client/src/pages/desk/inbox';
import DeskComplaint from '../../client/src/pages/desk/complaint';
import DeskComplaints from '../../client/src/pages/desk/complaints';
import { fakeBackend, ok, okPage, settle, until } from './support/fake-backend';
import { FakeEventSource } from './support/fake-event-source';
import { PROPERTY, repair, sessionHandlers } from './support/fixtures';
import { complaint, detail, group } from './support/complaint-fixtures';
import { withRouteParams } from './support/route';

// Four pages render here, the first of them cold; on a loaded two-core machine that alone can pass jest's 5 s default.
jest.setTimeout(15_000);

const screen = (over: Partial<ScreenView> = {}): ScreenView => ({ verdict: 'pass', label: 100, held: false, awaitsDesk: false, decision: null, ...over });
const risky = (label = 20003) => screen({ verdict: 'risky', label, held: true, awaitsDesk: true });
const PHOTOS = ['/api/storage/file?path=a.jpg&expires=1&sign=x', '/api/storage/file?path=b.jpg&expires=1&sign=x'];

/** Opens the desk's repair page on `view`; a decision answers with `after`. */
const openRepair = async (view: RepairView, after: (input: Record<string, unknown>) => ScreeningView) => {
  let current = view;
  const backend = fakeBackend({
    ...sessionHandlers('desk'),
    'repairs.get': () => ok({ ...current, history: [] }),
    'repairs.decideContent': (input) => {
      current = { ...current, screening: after(input) };
      return ok(current);
    },
  });
  withRouteParams({ id: view.id });
  const rendered = render(<DeskRepair />);
  const $ = (s: string) => rendered.container.querySelector(s);
  await until(() => $('.repair-summary') !== null);
  await settle();
  return { backend, $ };
};

describe('issue 13 (1.9): the desk sees held content marked, and releases or redacts it', () => {
  it('a risky description shows the verdict in words and that it is kept from others; 放行 releases it', async () => {
    const view = repair({ id: 'r-held', description: '水管爆了 骂人的话', screening: { text: risky(), photos: [] } });
    const released = { text: { ...risky(), held: false, awaitsDesk: false, decision: { action: 'release' as const, by: '陈晓', at: '2026-11-23T02:05:00.000Z' } }, photos: [] };
    const { backend, $ } = await openRepair(view, () => released);

    expect($('#screen-text .screening-verdict')?.textContent).toBe('文字内容：检测为违规内容（辱骂）');
    expect($('#screen-text .screening-state')?.textContent).toBe('已对维修师傅、通知和员工群隐藏，请核对后放行或隐藏');
    expect($('#screen-text')?.className).toContain('screening-held');

    fireEvent.click($('#screen-text .btn-release') as Element);
    await until(() => backend.callsTo('repairs.decideContent').length === 1);
    expect(backend.callsTo('repairs.decideContent')[0]?.input).toMatchObject({ propertyId: PROPERTY, repairId: 'r-held', item: { kind: 'text' }, decision: 'release' });
    await until(() => $('#screen-text .btn-release') === null);
    expect($('#screen-text .screening-state')?.textContent).toMatch(/^已放行 · 陈晓 /);
    expect($('#screen-text .btn-redact')).toBeNull();
  });

  it('a flagged photo is listed with its thumbnail and number; 隐藏 redacts that photo', async () => {
    const view = repair({ id: 'r-photo', photos: PHOTOS, screening: { text: screen(), photos: [screen(), risky(20002)] } });
    const { backend, $ } = await openRepair(view, () => ({ text: screen(), photos: [screen(), { ...risky(20002), awaitsDesk: false, decision: { action: 'redact', by: '陈晓', at: '2026-11-23T02:05:00.000Z' } }] }));

    expect($('#screen-text')).toBeNull();
    expect($('#screen-photo-0')).toBeNull();
    expect($('#screen-photo-1 .screening-verdict')?.textContent).toBe('第 2 张照片：检测为违规内容（色情）');
    expect($('#screen-photo-1 .screening-photo')?.getAttribute('src')).toBe(PHOTOS[1]);

    fireEvent.click($('#screen-photo-1 .btn-redact') as Element);
    await until(() => backend.callsTo('repairs.decideContent').length === 1);
    expect(backend.callsTo('repairs.decideContent')[0]?.input).toMatchObject({ item: { kind: 'photo', index: 1 }, decision: 'redact' });
    await until(() => ($('#screen-photo-1 .screening-state')?.textContent ?? '').startsWith('已隐藏 · 陈晓'));
  });

  it('a text the check could not make yet says so, and may be redacted but not released', async () => {
    const { $ } = await openRepair(repair({ id: 'r-unchecked', screening: { text: screen({ verdict: 'unchecked', label: null }), photos: [] } }), () => ({ text: screen(), photos: [] }));
    expect($('#screen-text .screening-verdict')?.textContent).toBe('文字内容：未能检测，系统稍后自动重试');
    expect($('#screen-text .screening-state')?.textContent).toBe('维修师傅和通知中可以看到');
    expect($('#screen-text .btn-release')).toBeNull();
    expect($('#screen-text .btn-redact')).not.toBeNull();
  });

  it('nothing is shown when every item passed, nor when the view has no marks (not the desk side)', async () => {
    const passed = await openRepair(repair({ id: 'r-ok', photos: PHOTOS, screening: { text: screen(), photos: [screen(), screen()] } }), () => ({ text: screen(), photos: [] }));
    expect(passed.$('.screening-panel')).toBeNull();
    const unmarked = await openRepair(repair({ id: 'r-none', screening: null }), () => ({ text: screen(), photos: [] }));
    expect(unmarked.$('.screening-panel')).toBeNull();
  });
});

describe('issue 13 (1.9): the desk\'s queues count the held items', () => {
  beforeEach(() => FakeEventSource.install());

  it('the repairs queue says how many items wait, and marks each repair that holds one', async () => {
    const held = repair({ id: 'r-a', screening: { text: risky(), photos: [risky(20002)] } });
    const decided = repair({ id: 'r-b', screening: { text: { ...risky(), awaitsDesk: false, held: false, decision: { action: 'release', by: '陈晓', at: '2026-11-23T02:05:00.000Z' } }, photos: [] } });
    const plain = repair({ id: 'r-c', screening: { text: screen(), photos: [] } });
    fakeBackend({ ...sessionHandlers('desk'), 'repairs.inbox': () => okPage([held, decided, plain]) });
    const { container } = render(<DeskInbox />);
    await until(() => container.querySelectorAll('.repair-card').length === 3);
    expect(container.querySelector('.inbox-held-count')?.textContent).toBe('2 项内容待审核');
    expect(container.querySelector('#repair-r-a .badge-held')?.textContent).toBe('内容待审核');
    expect(container.querySelector('#repair-r-b .badge-held')).toBeNull();
    expect(container.querySelector('#repair-r-c .badge-held')).toBeNull();
  });

  it('the complaints queue counts a household\'s held text and a group\'s households\' held items', async () => {
    const one = complaint({ id: 'c-held', screening: { text: risky(), photos: [] } });
    const five = group({ id: 'g-held', heldItems: 2 });
    fakeBackend({ ...sessionHandlers('desk'), 'complaints.inbox': () => okPage([one, five]) });
    const { container } = render(<DeskComplaints />);
    await until(() => container.querySelectorAll('.case-card').length === 2);
    expect(container.querySelector('.inbox-held-count')?.textContent).toBe('3 项内容待审核');
    expect(container.querySelector('#case-complaint-c-held .badge-held')).not.toBeNull();
    expect(container.querySelector('#case-group-g-held .badge-held')).not.toBeNull();
  });
});

describe('issue 13 (1.9): a complaint\'s held content at the desk', () => {
  it('shows the risky complaint text marked and releases it through complaints.decideContent', async () => {
    let current: CaseView = complaint({ id: 'c-risky', screening: { text: risky(), photos: [] } });
    const backend = fakeBackend({
      ...sessionHandlers('desk'),
      'complaints.get': () => ok(detail(current, [])),
      'complaints.decideContent': () => {
        current = { ...current, screening: { text: { ...risky(), held: false, awaitsDesk: false, decision: { action: 'release', by: '陈晓', at: '2026-11-23T02:05:00.000Z' } }, photos: [] } } as CaseView;
        return ok(current);
      },
    });
    withRouteParams({ kind: 'complaint', id: 'c-risky' });
    const { container } = render(<DeskComplaint />);
    const $ = (s: string) => container.querySelector(s);
    await until(() => $('#screen-text') !== null);
    expect($('#screen-text .screening-verdict')?.textContent).toBe('文字内容：检测为违规内容（辱骂）');
    fireEvent.click($('#screen-text .btn-release') as Element);
    await until(() => backend.callsTo('complaints.decideContent').length === 1);
    expect(backend.callsTo('complaints.decideContent')[0]?.input).toMatchObject({ complaintId: 'c-risky', item: { kind: 'text' }, decision: 'release' });
    await until(() => $('#screen-text .btn-release') === null);
  });
});
