/**
 * 李师傅's order page (issue 3 point 4): one big button for the next step, the quote adding itself
 * up, the resident's signature before 同意, the 3-minute wait (R5), and every step going through
 * the offline queue.
 */
import { act, fireEvent, render } from '@testing-library/react';
import type { RepairView } from '@shared/contracts/repairs.contract';
import { messages } from '@shared/messages';
import TechnicianOrder from '../../client/src/pages/technician/order';
import { platform } from '../../client/src/api/platform';
import { TransportError } from '../../client/src/api/transport';
import Taro from '@tarojs/taro';
import { onSiteQueue } from '../../client/src/offline/sync';
import { BOUNDED_TRIES, QUEUE_KEY } from '../../client/src/offline/command-queue';
import { ui } from '../../client/src/i18n/ui.zh-CN';
import { technicianUi } from '../../client/src/i18n/technician.zh-CN';
import { fakeBackend, ok, settle, until } from './support/fake-backend';
import { repair, sessionHandlers } from './support/fixtures';
import { withRouteParams } from './support/route';

const fees = [
  { code: 'tap-replace', name: '更换水龙头（人工）', priceFen: 3000 },
  { code: 'pipe-fix', name: '水管维修（人工）', priceFen: 5000 },
  { code: 'inspect', name: '上门检查', priceFen: 0 },
];

const order = (over: Partial<RepairView>): RepairView =>
  repair({
    id: 'r-tap',
    version: 3,
    technician: { memberId: 'm1', name: '李师傅' },
    dispatchedAt: '2026-11-23T02:10:00.000Z',
    ...over,
  });

type Handler = (input: Record<string, unknown>) => unknown;

/** The server side of one order: `repairs.get` answers `current`; steps answer with the next state. */
const open = async (start: RepairView, steps: Record<string, Handler> = {}) => {
  let current = start;
  const backend = fakeBackend({
    ...sessionHandlers('technician'),
    'repairs.get': () => ok({ ...current, history: [] }),
    'repairs.fees': () => ok({ items: fees }),
    ...Object.fromEntries(
      Object.entries(steps).map(([key, handler]) => [
        key,
        (input: Record<string, unknown>) => {
          const reply = handler(input) as { ok: boolean; data?: RepairView };
          if (reply.ok && reply.data) current = reply.data;
          return reply;
        },
      ]),
    ),
  });
  withRouteParams({ id: start.id });
  const view = render(<TechnicianOrder />);
  const $ = (selector: string) => view.container.querySelector(selector);
  await until(() => $('.order-header') !== null);
  await settle();
  const tap = async (selector: string) => {
    fireEvent.click($(selector) as Element);
    await settle();
  };
  return { ...view, $, tap, backend };
};

/** Draws on the H5 pad as a finger would: pointer events at canvas coordinates. */
const draw = async (canvas: Element, points: Array<[number, number]>) => {
  const fire = (type: string, [x, y]: [number, number]) =>
    canvas.dispatchEvent(new MouseEvent(type, { bubbles: true, clientX: x, clientY: y }));
  act(() => {
    const [first, ...rest] = points;
    if (first) fire('pointerdown', first);
    rest.forEach((p) => fire('pointermove', p));
    fire('pointerup', points[points.length - 1] ?? [0, 0]);
  });
  await settle(10);
};

const fakeContext = {
  setTransform: () => undefined,
  fillRect: () => undefined,
  beginPath: () => undefined,
  moveTo: () => undefined,
  lineTo: () => undefined,
  stroke: () => undefined,
} as unknown as CanvasRenderingContext2D;

beforeEach(() => {
  onSiteQueue.reload();
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => fakeContext as never);
  jest.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue('data:image/png;base64,c2lnbmF0dXJl');
  jest.spyOn(platform, 'keepFile').mockImplementation(async (path) => `kept-${path.length}`);
  jest.spyOn(platform, 'uploadKeptFile').mockImplementation(async (ref, prefix) => `cloud://env.bucket/${prefix}${ref}.png`);
  jest.spyOn(platform, 'dropKeptFile').mockImplementation(() => undefined);
});

afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
  localStorage.clear();
  onSiteQueue.reload();
});

describe('the technician\'s order page: one big button for the next step', () => {
  it.each([
    ['dispatched', ['acknowledge'], '.btn-acknowledge', technicianUi.onSite.steps.acknowledge],
    ['acknowledged', ['arrive', 'reportBlocker', 'sendBack'], '.btn-arrive', technicianUi.onSite.steps.arrive],
    ['arrived', ['quote', 'reportBlocker', 'sendBack'], '.btn-quote', technicianUi.onSite.steps.quote],
    ['in_progress', ['complete', 'reportBlocker', 'sendBack'], '.btn-finish', technicianUi.onSite.steps.complete],
  ] as const)('R4–R7: %s → %s', async (status, actions, selector, label) => {
    const { $, container } = await open(order({ status, actions: [...actions] }));
    expect(container.querySelectorAll('.btn-next-step')).toHaveLength(1);
    expect($(`.btn-next-step${selector}`)?.textContent).toBe(label);
  });

  it.each([
    ['quoted', ['accept', 'quote'], '.accept-screen .btn-accept-quote'],
    ['completed', ['signOff'], '.sign-off-screen .btn-sign-off'],
  ] as const)('R6 R7: %s hands the phone to the resident (%s)', async (status, actions, selector) => {
    const { $ } = await open(order({ status, actions: [...actions], quote: { lines: [], totalFen: 0, at: '2026-11-23T03:00:00.000Z' } }));
    expect($(selector)).not.toBeNull();
    expect($('.btn-next-step')).toBeNull();
  });

  it('R9: with a blocker reported, the next step is 障碍已排除', async () => {
    const blocked = order({
      status: 'arrived',
      actions: ['clearBlocker', 'sendBack'],
      blocker: { kind: 'parts', reason: '配件要订货', since: '2026-11-23T03:00:00.000Z' },
    });
    const { $ } = await open(blocked);
    expect($('.btn-next-step.btn-clear-blocker')?.textContent).toBe(technicianUi.onSite.steps.clearBlocker);
    expect($('.order-blocker')?.textContent).toContain('等配件');
    expect($('.btn-no-answer')).toBeNull();
  });

  it('offers no step the server did not list, and says where the order stands', async () => {
    const { $ } = await open(order({ status: 'rescheduling', actions: [] }));
    expect($('.btn-next-step')).toBeNull();
    expect($('.state-rescheduling')?.textContent).toBe(technicianUi.onSite.state.rescheduling);
  });

  it('shows the urgent badge with its R3 rule, and the resident\'s full number to call', async () => {
    const { $ } = await open(
      order({ status: 'dispatched', actions: ['acknowledge'], priority: 'urgent', triage: { urgent: true, rule: 'R3.4', matched: '爆管' } }),
    );
    expect($('.urgent-badge')?.textContent).toBe('急修');
    expect($('.triage-rule')?.textContent).toBe(messages.triageRules['R3.4']);
    expect($('.btn-call-resident')?.textContent).toContain('13800001111');
  });
});

describe('whom the call button rings, said on it (issue 18, 5)', () => {
  it('an order a resident reported: 致电住户 with her name and number, and the tap dials her', async () => {
    const dial = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' });
    const { $, tap } = await open(order({ status: 'dispatched', actions: ['acknowledge'] }));
    expect($('.order-header .btn-call')?.textContent).toBe('致电住户 王阿姨 13800001111');
    expect($('.btn-call-desk')).toBeNull();
    expect($('.order-no-reporter')).toBeNull();
    await tap('.btn-call-resident');
    expect(dial).toHaveBeenCalledWith({ phoneNumber: '13800001111' });
  });

  it('R2: a public place\'s repair nobody reported: 致电前台 with the desk\'s number, never the caller\'s number under 无报修人, and the tap dials the desk', async () => {
    const dial = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' });
    const { $, container, tap } = await open(
      order({ status: 'dispatched', actions: ['acknowledge'], roomId: null, address: '1栋 3层', noReporter: true, residentName: '无报修人（巡查发现）', phone: '13900000009' }),
    );
    expect(container.querySelectorAll('.order-header .btn-call')).toHaveLength(1);
    expect($('.order-header .btn-call')?.textContent).toBe('致电前台 0571-88886666');
    expect($('.btn-call-resident')).toBeNull();
    expect($('.order-no-reporter')?.textContent).toBe(technicianUi.onSite.call.noReporter);
    expect(container.textContent).not.toContain('13900000009');
    await tap('.btn-call-desk');
    expect(dial).toHaveBeenCalledWith({ phoneNumber: '0571-88886666' });
  });

  it('a reporter with no number on the order: the desk\'s number, said as 致电前台', async () => {
    const { $ } = await open(order({ status: 'dispatched', actions: ['acknowledge'], phone: '' }));
    expect($('.order-header .btn-call')?.textContent).toBe('致电前台 0571-88886666');
    expect($('.order-no-reporter')).toBeNull();
  });
});

describe('every step goes through the queue', () => {
  it('接单 sends acknowledge with the version seen, a command id and the tap time, and moves on to 到场', async () => {
    const { $, tap, backend } = await open(order({ status: 'dispatched', actions: ['acknowledge'] }), {
      'repairs.acknowledge': () => ok(order({ status: 'acknowledged', version: 4, actions: ['arrive'] })),
    });

    await tap('.btn-acknowledge');
    await until(() => backend.callsTo('repairs.acknowledge').length === 1);

    expect(backend.callsTo('repairs.acknowledge')[0]?.input).toMatchObject({
      repairId: 'r-tap',
      version: 3,
      commandId: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/),
      deviceTime: expect.any(String),
    });
    await until(() => $('.btn-arrive') !== null);
    expect($('.sync-pending')).toBeNull();
  });

  it('with no signal the page moves on at once, shows N 步待提交, and syncs each step once when the network returns', async () => {
    let online = false;
    const step = (status: RepairView['status'], version: number, actions: string[]) => () => {
      if (!online) throw new TransportError('offline');
      return ok(order({ status, version, actions }));
    };
    const { $, tap, backend } = await open(order({ status: 'dispatched', actions: ['acknowledge'] }), {
      'repairs.acknowledge': step('acknowledged', 4, ['arrive']),
      'repairs.arrive': step('arrived', 5, ['quote']),
    });

    await tap('.btn-acknowledge');
    await until(() => $('.btn-arrive') !== null);
    expect($('.sync-pending')?.textContent).toBe('1 步待提交');
    await tap('.btn-arrive');
    await until(() => $('.btn-quote') !== null);
    expect($('.sync-pending')?.textContent).toBe('2 步待提交');
    expect($('.repair-status')?.textContent).toBe(messages.repairStatus.arrived);

    online = true;
    await act(() => onSiteQueue.flush({ force: true }));
    await until(() => $('.sync-pending') === null);

    const delivered = (key: string) => new Set(backend.callsTo(key).map((c) => c.input.commandId));
    expect(delivered('repairs.acknowledge').size).toBe(1);
    expect(delivered('repairs.arrive').size).toBe(1);
    expect(backend.callsTo('repairs.arrive').at(-1)?.input.version).toBe(4);
    expect($('.btn-quote')).not.toBeNull();
  });

  it('a version conflict is shown, the order\'s queue stops, and nothing is overwritten', async () => {
    const { $, tap, backend } = await open(order({ status: 'dispatched', actions: ['acknowledge'] }), {
      'repairs.acknowledge': () => ({ ok: false, code: 'COMMON.VERSION_CONFLICT', message: messages.errors['COMMON.VERSION_CONFLICT'] }),
    });

    await tap('.btn-acknowledge');
    await until(() => $('.sync-conflict') !== null);

    expect($('.sync-conflict-title')?.textContent).toBe(ui.sync.conflict);
    expect($('.sync-conflict-reason')?.textContent).toBe(`系统没有接受“接单”：${messages.errors['COMMON.VERSION_CONFLICT']}`);
    expect($('.btn-next-step')).toBeNull();
    expect(backend.callsTo('repairs.acknowledge')).toHaveLength(1);

    await tap('.btn-discard-local');
    await until(() => $('.sync-conflict') === null);
    expect(onSiteQueue.state().commands).toEqual([]);
  });
});

describe('issue 12 (3.9): a step set aside', () => {
  it('says, in words, which step the server kept failing on and how often, and that the steps after it wait with it', async () => {
    const queued = (commandId: string, action: string, version: number) => ({ commandId, deviceTime: '2026-11-23T02:20:00.000Z', action, repairId: 'r-tap', propertyId: 'p1', uploadPrefix: 'uploads/li/', version, input: {}, uploaded: {}, failures: 0 });
    Taro.setStorageSync(QUEUE_KEY, {
      commands: [queued('cmd-ack-000001', 'acknowledge', 3), queued('cmd-arr-000002', 'arrive', 4)],
      conflicts: { 'r-tap': { code: 'COMMON.INTERNAL', message: messages.errors['COMMON.INTERNAL'], action: 'acknowledge', at: '2026-11-23T02:21:00.000Z', tries: BOUNDED_TRIES } },
    });
    onSiteQueue.reload();
    const { $, backend } = await open(order({ status: 'dispatched', actions: ['acknowledge'] }));

    expect($('.sync-conflict-title')?.textContent).toBe(ui.sync.conflict);
    expect($('.sync-conflict-reason')?.textContent).toBe(`“接单”试了 ${BOUNDED_TRIES} 次，系统都出错，没能同步：${messages.errors['COMMON.INTERNAL']}`);
    expect($('.sync-conflict-after')?.textContent).toBe('后面的 1 项记录接在这一步之后，也一起先放着。');
    expect($('.sync-conflict')?.textContent).not.toMatch(/COMMON|INTERNAL|cmd-/);
    expect($('.btn-next-step')).toBeNull();
    expect(backend.callsTo('repairs.acknowledge')).toEqual([]);
  });
});

describe('R6: the quote', () => {
  it('adds itself up from the fee items, in fen shown as yuan; nothing chosen is a free repair', async () => {
    const { $, tap, backend } = await open(order({ status: 'arrived', version: 5, actions: ['quote', 'reportBlocker', 'sendBack'] }), {
      'repairs.quote': () => ok(order({ status: 'quoted', version: 6, actions: ['accept', 'quote'] })),
    });
    await tap('.btn-quote');

    expect($('.quote-total')?.textContent).toBe(technicianUi.onSite.quote.free);
    await tap('.fee-item-tap-replace .btn-qty-plus');
    await tap('.fee-item-tap-replace .btn-qty-plus');
    await tap('.fee-item-pipe-fix .btn-qty-plus');
    expect($('.quote-total')?.textContent).toBe('合计 ¥110.00');
    await tap('.fee-item-tap-replace .btn-qty-minus');
    await tap('.fee-item-inspect .btn-qty-plus');
    expect($('.quote-total')?.textContent).toBe('合计 ¥80.00');

    await tap('.btn-send-quote');
    await until(() => backend.callsTo('repairs.quote').length === 1);
    expect(backend.callsTo('repairs.quote')[0]?.input.items).toEqual([
      { code: 'tap-replace', qty: 1 },
      { code: 'pipe-fix', qty: 1 },
      { code: 'inspect', qty: 1 },
    ]);
    await until(() => $('.accept-screen') !== null);
  });

  it('shows the resident the quote priced from the schedule while it waits to be sent', async () => {
    const { $, tap } = await open(order({ status: 'arrived', version: 5, actions: ['quote'] }), {
      'repairs.quote': () => {
        throw new TransportError('offline');
      },
    });
    await tap('.btn-quote');
    await tap('.fee-item-pipe-fix .btn-qty-plus');
    await tap('.btn-send-quote');
    await until(() => $('.accept-screen') !== null);

    expect($('.quote-line-pipe-fix')?.textContent).toContain('水管维修（人工） × 1');
    expect($('.accept-screen .quote-total')?.textContent).toBe('合计 ¥50.00');
  });
});

describe('R6 R7: the resident signs on the technician\'s phone', () => {
  const quoted = () =>
    order({
      status: 'quoted',
      version: 6,
      actions: ['accept', 'quote'],
      quote: { lines: [{ code: 'tap-replace', name: '更换水龙头（人工）', priceFen: 3000, qty: 1 }], totalFen: 3000, at: '2026-11-23T03:00:00.000Z' },
    });

  it('同意 stays disabled until the signature has enough ink to be one, then sends the uploaded signature', async () => {
    const { $, tap, backend } = await open(quoted(), {
      'repairs.accept': () => ok(order({ status: 'in_progress', version: 7, actions: ['complete'] })),
    });
    const canvas = $('.signature-pad canvas') as Element;
    expect($('.btn-accept-quote')?.className).toContain('btn-disabled');

    await tap('.btn-accept-quote');
    expect(backend.callsTo('repairs.accept')).toHaveLength(0);

    await draw(canvas, [[20, 20], [25, 22]]);
    expect($('.btn-accept-quote')?.className).toContain('btn-disabled');

    await draw(canvas, [[20, 60], [60, 40], [100, 80], [140, 50]]);
    expect($('.btn-accept-quote')?.className).not.toContain('btn-disabled');

    await tap('.btn-clear-signature');
    expect($('.btn-accept-quote')?.className).toContain('btn-disabled');
    await draw(canvas, [[20, 60], [60, 40], [100, 80], [140, 50]]);

    await tap('.btn-accept-quote');
    await until(() => backend.callsTo('repairs.accept').length === 1);
    expect(platform.keepFile).toHaveBeenCalledWith('data:image/png;base64,c2lnbmF0dXJl');
    expect(backend.callsTo('repairs.accept')[0]?.input).toMatchObject({
      version: 6,
      signature: expect.stringMatching(/^cloud:\/\/env\.bucket\/uploads\/mb_1\/kept-/),
    });
    await until(() => $('.btn-finish') !== null);
  });

  it('R6: a public place\'s repair nobody reported is the property\'s cost: the technician confirms the quote with no signature to ask for', async () => {
    const { $, tap, backend } = await open(
      { ...quoted(), noReporter: true },
      { 'repairs.accept': () => ok(order({ status: 'in_progress', version: 7, noReporter: true, actions: ['complete'] })) },
    );
    expect($('.accept-screen .title')?.textContent).toBe('确认报价');
    expect($('.accept-screen .signature-pad')).toBeNull();
    expect($('.btn-accept-quote')?.className).not.toContain('btn-disabled');
    await tap('.btn-accept-quote');
    await until(() => backend.callsTo('repairs.accept').length === 1);
    expect(platform.keepFile).not.toHaveBeenCalled();
    expect(backend.callsTo('repairs.accept')[0]?.input).toMatchObject({ version: 6 });
    expect(backend.callsTo('repairs.accept')[0]?.input).not.toHaveProperty('signature');
    await until(() => $('.btn-finish') !== null);
  });

  it('R6 R7: 完工 needs a photo before and after; photos are kept offline and uploaded by the queue; the amount is the accepted quote, shown and not typed', async () => {
    jest.spyOn(platform, 'pickPhotos').mockImplementation(async () => [{ localPath: 'blob:photo', name: 'photo.jpg' }]);
    let kept = 0;
    jest.spyOn(platform, 'keepFile').mockImplementation(async () => `kept-photo-${++kept}`);
    jest.spyOn(platform, 'keptFileUrl').mockImplementation((ref) => `data:image/jpeg;base64,${ref}`);
    const { $, tap, backend } = await open(
      order({
        status: 'in_progress',
        version: 7,
        actions: ['complete'],
        quote: { lines: [], totalFen: 3000, at: '2026-11-23T03:00:00.000Z' },
        acceptance: { via: 'resident_phone', signature: null, at: '2026-11-23T03:05:00.000Z' },
      }),
      { 'repairs.complete': () => ok(order({ status: 'completed', version: 8, actions: ['signOff'] })) },
    );
    await tap('.btn-finish');
    expect($('.complete-amount')?.textContent).toBe('¥30.00（住户确认的报价）');
    expect($('.input-amount')).toBeNull();
    expect($('.input-material-amount')).toBeNull();

    await tap('.btn-complete');
    expect(backend.callsTo('repairs.complete')).toHaveLength(0);

    await tap('.btn-add-before');
    await tap('.btn-add-after');
    await settle(10);
    expect($('.btn-complete')?.className).not.toContain('btn-disabled');
    await tap('.btn-complete');

    await until(() => backend.callsTo('repairs.complete').length === 1);
    expect(backend.callsTo('repairs.complete')[0]?.input).toMatchObject({
      beforePhotos: ['cloud://env.bucket/uploads/mb_1/kept-photo-1.png'],
      afterPhotos: ['cloud://env.bucket/uploads/mb_1/kept-photo-2.png'],
      materials: [],
    });
    expect(backend.callsTo('repairs.complete')[0]?.input).not.toHaveProperty('amountFen');
    await until(() => $('.sign-off-screen') !== null);
  });

  it('R6: extra work found while working goes back to a revised quote for the resident to accept again', async () => {
    const { $, tap, backend } = await open(
      order({ status: 'in_progress', version: 7, actions: ['quote', 'complete'], quote: { lines: [{ code: 'tap-replace', name: '更换水龙头（人工）', priceFen: 3000, qty: 1 }], totalFen: 3000, at: '2026-11-23T03:00:00.000Z' } }),
      { 'repairs.quote': () => ok(order({ status: 'quoted', version: 8, actions: ['accept', 'quote'], quote: { lines: [{ code: 'tap-replace', name: '更换水龙头（人工）', priceFen: 3000, qty: 2 }], totalFen: 6000, at: '2026-11-23T04:00:00.000Z' } })) },
    );
    await tap('.btn-requote-extra');
    expect($('.quote-panel')).not.toBeNull();
    await tap('.fee-item-tap-replace .btn-qty-plus');
    await tap('.btn-send-quote');
    await until(() => backend.callsTo('repairs.quote').length === 1);
    expect(backend.callsTo('repairs.quote')[0]?.input).toMatchObject({ version: 7, items: [{ code: 'tap-replace', qty: 2 }] });
    await until(() => $('.accept-screen') !== null);
  });

  it('签字确认 needs a real signature, and sends both ratings with it', async () => {
    const { $, tap, backend } = await open(
      order({ status: 'completed', version: 8, actions: ['signOff'], completion: { beforePhotos: ['a'], afterPhotos: ['b'], materials: [], amountFen: 8050, at: '2026-11-23T04:00:00.000Z' } }),
      { 'repairs.signOff': () => ok(order({ status: 'signed', version: 9, actions: [] })) },
    );
    expect($('.sign-off-amount')?.textContent).toBe('本次收费 ¥80.50');
    await tap('.star-quality .star-4');
    await tap('.star-attitude .star-5');
    expect($('.btn-sign-off')?.className).toContain('btn-disabled');

    await draw($('.signature-pad canvas') as Element, [[10, 30], [60, 60], [120, 30], [160, 70]]);
    expect($('.star-quality .star-4')?.className).toContain('star-on');
    expect($('.star-quality .star-5')?.className).not.toContain('star-on');
    await tap('.btn-sign-off');

    await until(() => backend.callsTo('repairs.signOff').length === 1);
    expect(backend.callsTo('repairs.signOff')[0]?.input).toMatchObject({
      version: 8,
      signature: expect.stringMatching(/^cloud:\/\//),
      rating: { quality: 4, attitude: 5, comment: '' },
    });
  });

  it('R7: a public place\'s repair nobody reported is signed by the staff member who checks it, with no stars to give', async () => {
    const { $, tap, backend } = await open(
      order({ status: 'completed', version: 8, noReporter: true, actions: ['signOff'], completion: { beforePhotos: ['a'], afterPhotos: ['b'], materials: [], amountFen: 0, at: '2026-11-23T04:00:00.000Z' } }),
      { 'repairs.signOff': () => ok(order({ status: 'signed', version: 9, actions: [] })) },
    );
    expect($('.sign-off-screen .title')?.textContent).toBe('请验收人员签字');
    expect($('.star-quality')).toBeNull();
    await draw($('.signature-pad canvas') as Element, [[10, 30], [60, 60], [120, 30], [160, 70]]);
    await tap('.btn-sign-off');
    await until(() => backend.callsTo('repairs.signOff').length === 1);
    expect(backend.callsTo('repairs.signOff')[0]?.input).not.toHaveProperty('rating');
  });
});

describe('R5: nobody home', () => {
  it('one tap starts the 3-minute wait from arrival; only then can he leave a note, and the visit goes back', async () => {
    const arrivedAt = new Date('2026-11-23T06:00:00.000Z');
    const { $, tap, backend } = await open(order({ status: 'arrived', version: 5, arrivedAt: arrivedAt.toISOString(), actions: ['quote'] }), {
      'repairs.noAnswer': () => ok(order({ status: 'rescheduling', version: 6, actions: [] })),
    });

    jest.useFakeTimers({ now: arrivedAt.getTime() + 30_000 });
    fireEvent.click($('.btn-no-answer') as Element);
    expect($('.no-answer-countdown')?.textContent).toBe('请在门口等候 2:30');
    expect($('.btn-leave-note')).toBeNull();

    act(() => void jest.advanceTimersByTime(149_000));
    expect($('.no-answer-countdown')?.textContent).toBe('请在门口等候 0:01');
    expect($('.btn-leave-note')).toBeNull();

    act(() => void jest.advanceTimersByTime(1_000));
    expect($('.no-answer-countdown')).toBeNull();
    expect($('.btn-leave-note')).not.toBeNull();
    jest.useRealTimers();

    await tap('.reason-preset');
    await tap('.btn-leave-note');
    await until(() => backend.callsTo('repairs.noAnswer').length === 1);
    expect(backend.callsTo('repairs.noAnswer')[0]?.input).toMatchObject({ version: 5, note: technicianUi.onSite.noAnswer.presets[0] });
    await until(() => $('.state-rescheduling') !== null);
  });

  it('arriving long ago, the note can be left at once', async () => {
    const { $, tap } = await open(order({ status: 'arrived', version: 5, arrivedAt: '2026-11-23T06:00:00.000Z', actions: ['quote', 'noAnswer'] }));
    await tap('.btn-no-answer');
    expect($('.btn-leave-note')).not.toBeNull();
  });
});
