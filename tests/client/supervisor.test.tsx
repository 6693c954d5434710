import { fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Stroke } from '@shared/domain/signature.rules';
import Scorecards from '../../client/src/pages/supervisor/scorecards';
import SendBacks from '../../client/src/pages/supervisor/send-backs';
import StaffHome from '../../client/src/pages/supervisor/home';
import { oneDecimal } from '../../client/src/pages/supervisor/scorecards/format';
import { platform } from '../../client/src/api/platform';
import { ui } from '../../client/src/i18n/ui.zh-CN';
import { supervisorUi } from '../../client/src/i18n/supervisor.zh-CN';
import { fakeBackend, ok, settle, until, okPage } from './support/fake-backend';
import { PROPERTY, repair, sessionHandlers } from './support/fixtures';

/**
 * The pad draws on a canvas, which jsdom has not got: a stand-in with the real one's props hands
 * the page a signature (or a dot that is too short to be one) when clicked.
 */
jest.mock('../../client/src/components/SignaturePad', () => {
  const { View } = jest.requireActual<typeof import('@tarojs/components')>('@tarojs/components');
  type Value = { strokes: Stroke[]; image: () => Promise<string | null> };
  const line: Stroke[] = [[{ x: 10, y: 40 }, { x: 60, y: 10 }, { x: 120, y: 50 }, { x: 180, y: 20 }]];
  const dot: Stroke[] = [[{ x: 10, y: 10 }, { x: 12, y: 11 }]];
  const give = (onChange: (v: Value) => void, strokes: Stroke[]) => onChange({ strokes, image: () => Promise.resolve('data:image/png;base64,c2ln') });
  return {
    __esModule: true,
    default: ({ onChange, className }: { onChange: (v: Value) => void; className?: string }) => (
      <View className={`signature-pad ${className ?? ''}`}>
        <View className='fake-sign' onClick={() => give(onChange, line)} />
        <View className='fake-dot' onClick={() => give(onChange, dot)} />
      </View>
    ),
  };
});

const li = { memberId: 'tech-li', name: '李师傅', ratings: 12, ownPhoneRatings: 5, quality: 4.25, attitude: 4.666666, onTimeRate: 11 / 12, returned: 12, openLoad: 2 };
const zhang = { memberId: 'tech-zhang', name: '张师傅', ratings: 0, ownPhoneRatings: 0, quality: null, attitude: null, onTimeRate: null, returned: 0, openLoad: 0 };

describe('scorecards (R7 R9)', () => {
  it('R7: shows each technician’s means with one decimal and the count, how many residents gave on their own phones, "暂无评价" for none, on-time % and open load', async () => {
    fakeBackend({ ...sessionHandlers('supervisor'), 'repairs.scorecards': () => ok({ items: [li, zhang] }) });
    const { container } = render(<Scorecards />);
    await until(() => container.querySelectorAll('.scorecard-row').length === 2);
    const row = (id: string, part: string) => container.querySelector(`#scorecard-${id} .scorecard-${part} .scorecard-value`)?.textContent;

    expect(container.querySelector('.title')?.textContent).toBe(supervisorUi.supervisor.scorecardsTitle);
    expect(row('tech-li', 'quality')).toBe('4.3 分 · 12 次评价');
    expect(row('tech-li', 'attitude')).toBe('4.7 分 · 12 次评价');
    expect(row('tech-li', 'ontime')).toBe('92%（12 单）');
    expect(row('tech-li', 'load')).toBe('2 单');
    expect(row('tech-li', 'own-phone')).toBe('5 / 12 次');
    expect(row('tech-zhang', 'quality')).toBe('暂无评价');
    expect(row('tech-zhang', 'attitude')).toBe('暂无评价');
    expect(row('tech-zhang', 'ontime')).toBe('—');
  });

  it('rounds the mean to one decimal (4.25 → 4.3, 5 → 5.0)', () => {
    expect(oneDecimal(4.25)).toBe('4.3');
    expect(oneDecimal(5)).toBe('5.0');
    expect(oneDecimal(3.04)).toBe('3.0');
  });

  it('is the technician’s own 我的成绩 when a technician opens it (the server sends only theirs)', async () => {
    fakeBackend({ ...sessionHandlers('technician'), 'repairs.scorecards': () => ok({ items: [li] }) });
    const { container } = render(<Scorecards />);
    await until(() => container.querySelectorAll('.scorecard-row').length === 1);
    expect(container.querySelector('.title')?.textContent).toBe(supervisorUi.supervisor.myScorecardTitle);
  });

  it('explains an empty list', async () => {
    fakeBackend({ ...sessionHandlers('manager'), 'repairs.scorecards': () => ok({ items: [] }) });
    const { container } = render(<Scorecards />);
    await until(() => container.querySelector('.list-empty') !== null);
    expect(container.querySelector('.list-empty')?.textContent).toBe(supervisorUi.supervisor.scorecardsEmpty);
  });
});

describe('the supervisor and the manager land on their own home, their work first (issue 17, 2)', () => {
  it.each([
    ['supervisor', ['.btn-register', '.link-queue', '.link-send-backs', '.link-scorecards'], ['.link-import', '.link-erasures']],
    ['manager', ['.link-queue', '.link-scorecards', '.link-import', '.link-erasures'], ['.btn-register', '.link-send-backs']],
  ] as const)('%s', async (role, shown, hidden) => {
    fakeBackend({ ...sessionHandlers(role), 'repairs.inbox': () => okPage([]) });
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
    const { container } = render(<StaffHome />);
    await until(() => container.querySelector('.link-scorecards') !== null);

    for (const s of shown) expect(container.querySelector(s)).not.toBeNull();
    for (const s of hidden) expect(container.querySelector(s)).toBeNull();
    fireEvent.click(container.querySelector('.link-scorecards') as Element);
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/supervisor/scorecards/index' });
    fireEvent.click(container.querySelector('.link-queue') as Element);
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/desk/inbox/index' });
    navigate.mockRestore();
  });

  it.each([
    ['Enter', 13],
    [' ', 32],
  ] as const)('the tiles are buttons in the tab order, and %j on the focused one opens it (issue 17, 2)', async (key, keyCode) => {
    fakeBackend({ ...sessionHandlers('supervisor'), 'repairs.inbox': () => okPage([]) });
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
    const { container } = render(<StaffHome />);
    await until(() => container.querySelector('.link-scorecards') !== null);
    const tiles = Array.from(container.querySelectorAll<HTMLElement>('.work-entry'));
    expect(tiles.length).toBeGreaterThan(4);
    for (const tile of tiles) expect([tile.className, tile.getAttribute('tabindex'), tile.getAttribute('role')]).toEqual([tile.className, '0', 'button']);

    const tile = container.querySelector<HTMLElement>('.link-scorecards') as HTMLElement;
    tile.focus();
    expect(document.activeElement).toBe(tile);
    fireEvent.keyDown(tile, { key, keyCode });
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/supervisor/scorecards/index' });
    navigate.mockRestore();
  });

  it('R3: the urgent repairs waiting for dispatch show on the queue’s badge and above the grid', async () => {
    const waiting = [repair({ id: 'r-u1', priority: 'urgent' }), repair({ id: 'r-u2', priority: 'urgent' }), repair({ id: 'r-n' })];
    fakeBackend({ ...sessionHandlers('supervisor'), 'repairs.inbox': () => okPage(waiting) });
    const { container } = render(<StaffHome />);
    await until(() => container.querySelector('.inbox-urgent-count') !== null);
    expect(container.querySelector('.inbox-urgent-count')?.textContent).toBe('2 件急修等待派单');
    expect(container.querySelector('.link-queue .nut-badge-sup')?.textContent).toBe('2');
    expect(container.querySelector('.link-queue .work-entry-label')?.textContent).toBe(ui.desk.inboxTitle);
  });
});

describe('sent-back work orders (R11)', () => {
  const back = repair({
    id: 'r-back',
    status: 'sent_back',
    version: 7,
    technician: { memberId: 'tech-li', name: '李师傅' },
    sendBack: { reason: '需要物业公司统一更换主管道', at: '2026-11-23T05:00:00.000Z', review: null },
    actions: ['approveSendBack', 'rejectSendBack'],
  });
  const open = repair({ id: 'r-open', status: 'submitted' });

  const setup = () => {
    let reviewed = false;
    const backend = fakeBackend({
      ...sessionHandlers('supervisor'),
      'repairs.inbox': (input) => okPage((reviewed ? [open] : [open, back]).filter((r) => !input.status || r.status === input.status)),
      'repairs.reviewSendBack': () => {
        reviewed = true;
        return ok({ ...back, status: 'dispatched', version: 8, actions: [] });
      },
    });
    const upload = jest.spyOn(platform, 'uploadFile').mockResolvedValue('cloud://env.bucket/uploads/mb_1/sig-1.png');
    return { backend, upload };
  };

  afterEach(() => jest.restoreAllMocks());

  it('asks the queue for the sent-back ones only, and lists them with the reason', async () => {
    const { backend } = setup();
    const { container } = render(<SendBacks />);
    await until(() => container.querySelectorAll('.send-back-item').length === 1);
    expect(container.querySelector('#send-back-r-back .send-back-reason')?.textContent).toBe('退单原因：需要物业公司统一更换主管道');
    expect(container.querySelector('#repair-r-open')).toBeNull();
    expect(backend.callsTo('repairs.inbox')[0]?.input).toMatchObject({ propertyId: PROPERTY, status: 'sent_back' });
  });

  it('needs a decision, an opinion and a real signature; then uploads the signature and sends the review', async () => {
    const { backend, upload } = setup();
    const { container } = render(<SendBacks />);
    const $ = (s: string) => container.querySelector(s);
    const tap = async (s: string) => {
      fireEvent.click($(s) as Element);
      await settle();
    };
    await until(() => $('.btn-review') !== null);
    await tap('.btn-review');

    await tap('.btn-submit-review');
    expect($('.review-problem')?.textContent).toBe(supervisorUi.supervisor.chooseDecision);
    await tap('.decision-reject');
    await tap('.btn-submit-review');
    expect($('.review-problem')?.textContent).toBe(supervisorUi.supervisor.opinionRequired);
    fireEvent.input($('.input-opinion textarea') as Element, { target: { value: '主管道属于本单元公共部分，请继续维修' } });
    await settle(10);
    await tap('.fake-dot');
    await tap('.btn-submit-review');
    expect($('.review-problem')?.textContent).toBe(supervisorUi.supervisor.signatureRequired);
    expect(backend.callsTo('repairs.reviewSendBack')).toHaveLength(0);

    await tap('.fake-sign');
    await tap('.btn-submit-review');

    await until(() => backend.callsTo('repairs.reviewSendBack').length === 1);
    expect(upload).toHaveBeenCalledWith({ localPath: 'data:image/png;base64,c2ln', name: 'signature.png' }, 'uploads/mb_1/');
    expect(backend.callsTo('repairs.reviewSendBack')[0]?.input).toEqual({
      propertyId: PROPERTY,
      repairId: 'r-back',
      version: 7,
      approve: false,
      opinion: '主管道属于本单元公共部分，请继续维修',
      signature: 'cloud://env.bucket/uploads/mb_1/sig-1.png',
      commandId: expect.any(String),
      deviceTime: expect.any(String),
    });
    await until(() => $('.send-back-item') === null);
    expect($('.list-empty')?.textContent).toBe(supervisorUi.supervisor.sendBacksEmpty);
  });

  it('says so when the signature does not upload, and sends nothing', async () => {
    const { backend, upload } = setup();
    upload.mockResolvedValue(null);
    const { container } = render(<SendBacks />);
    const $ = (s: string) => container.querySelector(s);
    await until(() => $('.btn-review') !== null);
    fireEvent.click($('.btn-review') as Element);
    await settle();
    fireEvent.click($('.decision-approve') as Element);
    fireEvent.input($('.input-opinion textarea') as Element, { target: { value: '同意，转入下月' } });
    fireEvent.click($('.fake-sign') as Element);
    await settle();
    fireEvent.click($('.btn-submit-review') as Element);

    await until(() => $('.review-problem') !== null);
    expect($('.review-problem')?.textContent).toBe(supervisorUi.supervisor.signatureFailed);
    expect(backend.callsTo('repairs.reviewSendBack')).toHaveLength(0);
  });
});
