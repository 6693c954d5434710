import { fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { messages } from '@shared/messages';
import DeskInbox from '../../client/src/pages/desk/inbox';
import DeskRegister from '../../client/src/pages/desk/register';
import DeskRepair from '../../client/src/pages/desk/repair';
import { registerDraftKey } from '../../client/src/pages/desk/register/draft';
import { ui } from '../../client/src/i18n/ui.zh-CN';
import { deskUi } from '../../client/src/i18n/desk.zh-CN';
import { fakeBackend, ok, settle, until, okPage } from './support/fake-backend';
import { PROPERTY, repair, sessionHandlers, urgent } from './support/fixtures';
import { withRouteParams } from './support/route';

const wang = {
  residentId: 'res-wang',
  name: '王阿姨',
  phone: '13800001111',
  rooms: [
    { roomId: `${PROPERTY}:1-1-101`, label: '1-1-101' },
    { roomId: `${PROPERTY}:3-2-1502`, label: '3-2-1502' },
  ],
};
const zhang = { residentId: 'res-zhang', name: '张伟', phone: '13900003333', rooms: [{ roomId: `${PROPERTY}:5-1-302`, label: '5-1-302' }] };
const zhang2 = {
  residentId: 'res-zhang2',
  name: '张丽',
  phone: '13700004444',
  rooms: [
    { roomId: `${PROPERTY}:6-1-101`, label: '6-1-101' },
    { roomId: `${PROPERTY}:6-2-201`, label: '6-2-201' },
  ],
};

const directory = (query: string) => {
  if ('3-2-1502'.includes(query) || query.includes('王')) return [wang];
  if (query.includes('张')) return [zhang, zhang2];
  return [];
};

const open = async () => {
  const view = render(<DeskRegister />);
  const $ = (selector: string) => view.container.querySelector(selector);
  await until(() => $('.register-form') !== null);
  await settle();
  const typeInto = async (selector: string, text: string) => {
    fireEvent.input($(selector) as Element, { target: { value: text } });
    await settle(10);
  };
  const search = async (text: string) => {
    await typeInto('.input-resident-search input', text);
    fireEvent.keyDown($('.input-resident-search input') as Element, { key: 'Enter', keyCode: 13 });
    await settle();
  };
  const tap = async (selector: string) => {
    fireEvent.click($(selector) as Element);
    await settle();
  };
  return { ...view, $, typeInto, search, tap };
};

describe('登记报修: the desk registers a call or a walk-in (R2, V2)', () => {
  it('is one click from the desk inbox', async () => {
    fakeBackend({ ...sessionHandlers('desk'), 'repairs.inbox': () => okPage([]) });
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
    const { container } = render(<DeskInbox />);
    await until(() => container.querySelector('.btn-register') !== null);

    fireEvent.click(container.querySelector('.btn-register') as Element);

    expect(navigate).toHaveBeenCalledWith({ url: '/pages/desk/register/index' });
    expect(container.querySelector('.link-send-backs')).toBeNull();
    navigate.mockRestore();
  });

  it('R2 V2: finds "3-2-1502" with Enter, picks the resident and that room, and registers the call with the V2 fields', async () => {
    const backend = fakeBackend({
      ...sessionHandlers('desk'),
      'repairs.findResidents': (input) => ok({ items: directory(String(input.query)) }),
      'repairs.register': () =>
        ok(urgent('R3.4', { id: 'r-call', channel: 'phone', address: '3栋2单元1502', roomId: `${PROPERTY}:3-2-1502` })),
    });
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
    const { $, search, typeInto, tap } = await open();
    expect(document.activeElement).toBe($('.input-resident-search input'));

    await search('3-2-1502');

    expect(backend.callsTo('repairs.findResidents')[0]?.input).toEqual({ propertyId: PROPERTY, query: '3-2-1502' });
    expect($('.resident-option')?.textContent).toContain('王阿姨');
    await tap('.resident-option');
    expect($('.resident-option')?.className).toContain('resident-on');
    expect($('.room-option.chip-on')?.textContent).toBe('3-2-1502');
    expect(($('.input-caller-name input') as HTMLInputElement).value).toBe('王阿姨');
    expect(($('.input-caller-phone input') as HTMLInputElement).value).toBe('13800001111');
    expect($('#channel-phone')?.className).toContain('chip-on');

    await typeInto('.input-caller-phone input', '13900002222');
    await tap('#category-water');
    await typeInto('.input-register-description textarea', '厨房水管爆了，水一直往外喷');
    await tap('.btn-submit-register');

    expect(backend.callsTo('repairs.register')).toHaveLength(1);
    expect(backend.callsTo('repairs.register')[0]?.input).toEqual({
      propertyId: PROPERTY,
      residentId: 'res-wang',
      roomId: `${PROPERTY}:3-2-1502`,
      channel: 'phone',
      callerName: '王阿姨',
      phone: '13900002222',
      category: 'water',
      description: '厨房水管爆了，水一直往外喷',
      preferredTime: null,
      commandId: expect.any(String),
      deviceTime: expect.any(String),
    });
    expect($('.register-result-title')?.textContent).toBe(deskUi.deskRegister.urgentTitle);
    expect($('.register-result .urgent-badge')?.textContent).toBe(messages.priority.urgent);
    expect($('.register-result .triage-rule')?.textContent).toBe(messages.triageRules['R3.4']);
    expect(Taro.getStorageSync(registerDraftKey(PROPERTY, 'm1'))).toBe('');

    await tap('.btn-go-dispatch');
    expect(redirect).toHaveBeenCalledWith({ url: '/pages/desk/repair/index?id=r-call' });
    redirect.mockRestore();
  });

  it('R2 issue 18 (5): a caller reports the car park gate: 公共区域, then the area, and the register sends the place with no room', async () => {
    const backend = fakeBackend({
      ...sessionHandlers('desk'),
      'repairs.findResidents': (input) => ok({ items: directory(String(input.query)) }),
      'repairs.register': () => ok(repair({ id: 'r-gate', channel: 'phone', address: '停车场', roomId: null })),
    });
    const { $, search, typeInto, tap } = await open();
    await search('3-2-1502');
    await tap('.resident-option');
    await tap('#register-room-public');
    await tap('#category-other');
    await typeInto('.input-register-description textarea', '地下车库入口道闸抬不起来');
    await tap('.btn-submit-register');
    expect($('.error-place')?.textContent).toBe(deskUi.deskRegister.fieldErrors.place);
    expect(backend.callsTo('repairs.register')).toHaveLength(0);

    await tap('#public-place-parking');
    await tap('.btn-submit-register');
    const sent = backend.callsTo('repairs.register')[0]?.input;
    expect(sent).toMatchObject({ residentId: 'res-wang', place: { scope: 'public_area', area: 'parking' }, description: '地下车库入口道闸抬不起来' });
    expect(sent).not.toHaveProperty('roomId');
  });

  it('R2 issue 18 (5): a corridor light a guard saw on his round: 公共区域, 无报修人（巡查发现）, the building and floor typed, registered with no resident', async () => {
    const backend = fakeBackend({
      ...sessionHandlers('desk'),
      'repairs.findResidents': (input) => ok({ items: directory(String(input.query)) }),
      'repairs.register': () => ok(repair({ id: 'r-light', channel: 'walk_in', address: '1栋 3层', roomId: null, residentName: messages.reporterWords.none })),
    });
    const { $, search, typeInto, tap } = await open();
    expect($('#register-no-reporter')).toBeNull();
    await tap('#register-room-public');
    expect($('#register-no-reporter')?.textContent).toBe('无报修人（巡查发现）');
    await tap('#category-electrical');
    await typeInto('.input-register-description textarea', '3楼走廊灯不亮');
    await tap('.btn-submit-register');
    expect($('.error-residentId')?.textContent).toBe(deskUi.deskRegister.fieldErrors.residentId);
    expect(backend.callsTo('repairs.register')).toHaveLength(0);

    // A resident chosen first is set aside: nobody reported it.
    await search('3-2-1502');
    await tap('.resident-option');
    await tap('#register-room-public');
    await tap('#register-no-reporter');
    expect($('#register-no-reporter')?.className).toContain('chip-on');
    expect($('.register-chosen')).toBeNull();
    expect(($('.input-caller-name input') as HTMLInputElement).value).toBe('');
    await typeInto('.input-register-building input', '1');
    expect($('#public-place-building')?.textContent).toBe('1栋');
    await tap('#public-place-building');
    await typeInto('.public-floor input', '3');
    await tap('#channel-walk_in');
    await typeInto('.input-caller-name input', '保安 陈刚');
    await typeInto('.input-caller-phone input', '13900000009');
    await tap('.btn-submit-register');

    expect(backend.callsTo('repairs.register')).toHaveLength(1);
    const sent = backend.callsTo('repairs.register')[0]?.input;
    expect(sent).toMatchObject({
      place: { scope: 'building', building: '1', floor: 3 },
      channel: 'walk_in',
      callerName: '保安 陈刚',
      phone: '13900000009',
      category: 'electrical',
      description: '3楼走廊灯不亮',
    });
    expect(sent).not.toHaveProperty('residentId');
    expect(sent).not.toHaveProperty('roomId');
  });

  it('V1: a walk-in found by name among several, whose room the desk must choose', async () => {
    const backend = fakeBackend({
      ...sessionHandlers('desk'),
      'repairs.findResidents': (input) => ok({ items: directory(String(input.query)) }),
      'repairs.register': () => ok(repair({ id: 'r-walk', channel: 'walk_in' })),
    });
    const { $, search, typeInto, tap } = await open();

    await search('张');
    expect(document.querySelectorAll('.resident-option')).toHaveLength(2);
    await tap('#resident-res-zhang2');
    await tap('#channel-walk_in');
    await tap('#category-door_window');
    await typeInto('.input-register-description textarea', '单元门关不上');
    await tap('.btn-submit-register');

    expect($('.error-roomId')?.textContent).toBe(deskUi.deskRegister.fieldErrors.roomId);
    expect(backend.callsTo('repairs.register')).toHaveLength(0);

    await tap(`#register-room-${PROPERTY}\\:6-2-201`);
    await tap('.btn-submit-register');

    expect(backend.callsTo('repairs.register')[0]?.input).toMatchObject({
      residentId: 'res-zhang2',
      roomId: `${PROPERTY}:6-2-201`,
      channel: 'walk_in',
      callerName: '张丽',
      phone: '13700004444',
      category: 'door_window',
    });
    expect($('.register-result-title')?.textContent).toBe(deskUi.deskRegister.normalTitle);
  });

  it('asks for a resident first, and says so when nobody matches', async () => {
    const backend = fakeBackend({
      ...sessionHandlers('desk'),
      'repairs.findResidents': (input) => ok({ items: directory(String(input.query)) }),
    });
    const { $, search, tap } = await open();

    await tap('.btn-submit-register');
    expect($('.error-residentId')?.textContent).toBe(deskUi.deskRegister.fieldErrors.residentId);

    await search('9-9-999');
    await until(() => $('.list-empty') !== null);
    expect($('.list-empty')?.textContent).toContain('9-9-999');
    expect(backend.callsTo('repairs.register')).toHaveLength(0);
  });

  it('keeps what was taken down when the page closes before registering', async () => {
    fakeBackend({
      ...sessionHandlers('desk'),
      'repairs.findResidents': (input) => ok({ items: directory(String(input.query)) }),
    });
    const first = await open();
    await first.search('3-2-1502');
    await first.tap('#category-water');
    await first.typeInto('.input-register-description textarea', '卫生间漏水');
    first.unmount();

    const again = await open();

    expect(again.$('.draft-restored')?.textContent).toBe(deskUi.deskRegister.draftRestored);
    expect(again.$('.register-chosen-name')?.textContent).toContain('王阿姨');
    expect((again.$('.input-register-description textarea') as HTMLTextAreaElement).value).toBe('卫生间漏水');
  });
});

describe('desk repair page', () => {
  const history = [{ action: 'submit', from: null, to: 'submitted', role: 'resident', reason: null, at: '2026-11-23T02:00:00.000Z' }];

  it('R3: overriding the triage needs a reason, and the reason shows afterwards', async () => {
    const base = repair({ id: 'r-tap', status: 'dispatched', version: 4, actions: ['reassign', 'overridePriority'] });
    let current: object = { ...base, history };
    const backend = fakeBackend({
      ...sessionHandlers('desk'),
      'repairs.get': () => ok(current),
      'repairs.overridePriority': (input) => {
        current = {
          ...base,
          history,
          version: 5,
          priority: 'urgent',
          priorityOverride: { reason: String(input.reason), at: '2026-11-23T03:00:00.000Z' },
        };
        return ok({ ...base, version: 5, priority: 'urgent' });
      },
    });
    withRouteParams({ id: 'r-tap' });
    const { container } = render(<DeskRepair />);
    const $ = (s: string) => container.querySelector(s);
    await until(() => $('.btn-override') !== null);

    fireEvent.click($('.btn-override') as Element);
    await settle();
    expect($('#override-urgent')?.className).toContain('chip-on');
    fireEvent.click($('.btn-confirm-override') as Element);
    await settle();

    expect($('.error-override-reason')?.textContent).toBe(ui.deskRepair.overrideNeedsReason);
    expect(backend.callsTo('repairs.overridePriority')).toHaveLength(0);

    fireEvent.input($('.input-override-reason textarea') as Element, { target: { value: '住户家里老人被困在卫生间' } });
    await settle(10);
    fireEvent.click($('.btn-confirm-override') as Element);

    await until(() => $('.override-reason') !== null);
    expect(backend.callsTo('repairs.overridePriority')[0]?.input).toMatchObject({
      propertyId: PROPERTY,
      repairId: 'r-tap',
      version: 4,
      priority: 'urgent',
      reason: '住户家里老人被困在卫生间',
    });
    expect($('.override-reason')?.textContent).toBe('已人工调整为急修：住户家里老人被困在卫生间');
    expect($('.urgent-badge')).not.toBeNull();
  });

  it('R4: reassigning an order already out needs a reason', async () => {
    const out = repair({ id: 'r-out', status: 'acknowledged', version: 6, actions: ['reassign'], technician: { memberId: 'tech-li', name: '李师傅' } });
    const backend = fakeBackend({
      ...sessionHandlers('desk'),
      'repairs.get': () => ok({ ...out, history }),
      'repairs.technicians': () =>
        ok({
          items: [
            { memberId: 'tech-li', name: '李师傅', skills: ['plumbing'], openOrders: 3, skillMatch: true, reason: '会水暖' },
            { memberId: 'tech-zhang', name: '张师傅', skills: ['general'], openOrders: 0, skillMatch: false, reason: '手上没有工单' },
          ],
        }),
      'repairs.dispatch': () => ok({ ...out, version: 7, technician: { memberId: 'tech-zhang', name: '张师傅' } }),
    });
    withRouteParams({ id: 'r-out' });
    const { container } = render(<DeskRepair />);
    const $ = (s: string) => container.querySelector(s);
    await until(() => $('.btn-reassign') !== null);
    expect(backend.callsTo('repairs.technicians')).toHaveLength(0);

    fireEvent.click($('.btn-reassign') as Element);
    await until(() => $('#btn-dispatch') !== null);
    await settle();
    expect($('#btn-dispatch')?.textContent).toBe('改派给张师傅');
    fireEvent.click($('#btn-dispatch') as Element);
    await settle();
    expect($('.error-reassign-reason')?.textContent).toBe(ui.deskRepair.reassignNeedsReason);

    fireEvent.input($('.input-reassign-reason textarea') as Element, { target: { value: '李师傅今天请假' } });
    await settle(10);
    fireEvent.click($('#btn-dispatch') as Element);
    await until(() => backend.callsTo('repairs.dispatch').length === 1);
    expect(backend.callsTo('repairs.dispatch')[0]?.input).toMatchObject({ repairId: 'r-out', version: 6, technicianId: 'tech-zhang', reason: '李师傅今天请假' });
  });

  it('R5: rescheduling needs a new day, then sends it', async () => {
    const missed = repair({
      id: 'r-missed',
      status: 'rescheduling',
      version: 5,
      actions: ['dispatch', 'reschedule', 'overridePriority'],
      visitNote: '敲门无人应答，已在门上留言',
      technician: { memberId: 'tech-li', name: '李师傅' },
    });
    const backend = fakeBackend({
      ...sessionHandlers('desk'),
      'repairs.get': () => ok({ ...missed, history }),
      'repairs.reschedule': () => ok({ ...missed, status: 'dispatched', version: 6, actions: [] }),
    });
    withRouteParams({ id: 'r-missed' });
    const { container } = render(<DeskRepair />);
    const $ = (s: string) => container.querySelector(s);
    await until(() => $('.reschedule-panel') !== null);
    expect($('.reschedule-note')?.textContent).toContain('敲门无人应答');
    expect($('#when-asap')).toBeNull();
    expect($('.dispatch-panel')).toBeNull();

    fireEvent.click($('.btn-reschedule') as Element);
    await settle();
    expect($('.error-reschedule')?.textContent).toBe(ui.deskRepair.rescheduleNeedsTime);
    expect(backend.callsTo('repairs.reschedule')).toHaveLength(0);

    const picker = container.querySelector('.reschedule-panel taro-picker-core') as Element;
    fireEvent(picker, new CustomEvent('change', { detail: { value: '2026-12-01' } }));
    await settle();
    fireEvent.click($('#slot-evening') as Element);
    await settle();
    fireEvent.click($('.btn-reschedule') as Element);
    await until(() => backend.callsTo('repairs.reschedule').length === 1);
    expect(backend.callsTo('repairs.reschedule')[0]?.input).toMatchObject({
      repairId: 'r-missed',
      version: 5,
      preferredTime: { date: '2026-12-01', slot: 'evening' },
    });
  });

  it('R6–R9: shows the quote in yuan, the work done, "完工时间", the rating, an open blocker with 障碍已排除, and overdue', async () => {
    const done = repair({
      id: 'r-done',
      status: 'in_progress',
      version: 9,
      actions: ['clearBlocker', 'overridePriority'],
      technician: { memberId: 'tech-li', name: '李师傅' },
      quote: { lines: [{ code: 'T01', name: '更换水龙头', priceFen: 3000, qty: 1 }, { code: 'M02', name: '角阀', priceFen: 1550, qty: 2 }], totalFen: 6100, at: '2026-11-23T03:00:00.000Z' },
      completion: {
        beforePhotos: ['cloud://before.jpg'],
        afterPhotos: ['cloud://after.jpg'],
        materials: [{ name: '水龙头', qty: 1, amountFen: 3000 }],
        amountFen: 6100,
        at: '2026-11-23T05:00:00.000Z',
      },
      completedAt: '2026-11-23T06:30:00.000Z',
      rating: { quality: 5, attitude: 4, comment: '很好', via: 'own_phone', at: '2026-11-23T07:00:00.000Z' },
      blocker: { kind: 'parts', reason: '要等角阀到货', since: '2026-11-23T04:00:00.000Z' },
      overdue: true,
      returnDueAt: '2026-11-26T02:00:00.000Z',
    });
    const backend = fakeBackend({
      ...sessionHandlers('desk'),
      'repairs.get': () => ok({ ...done, history }),
      'repairs.clearBlocker': () => ok({ ...done, version: 10, blocker: null }),
    });
    withRouteParams({ id: 'r-done' });
    const { container } = render(<DeskRepair />);
    const $ = (s: string) => container.querySelector(s);
    await until(() => $('.quote-card') !== null);

    expect(Array.from(container.querySelectorAll('.quote-line')).map((l) => l.textContent)).toEqual(['更换水龙头 × 1¥30.00', '角阀 × 2¥31.00']);
    expect($('.quote-total')?.textContent).toBe('¥61.00');
    expect($('.completion-amount')?.textContent).toContain('¥61.00');
    expect($('.completion-materials')?.textContent).toContain('水龙头 × 1');
    expect($('.summary-completed-at')?.textContent).toMatch(/^完工时间/);
    expect($('.rating-quality')?.getAttribute('data-value')).toBe('5');
    expect($('.badge-overdue')?.textContent).toBe(ui.deskRepair.overdue);
    expect($('.summary-return-due')?.textContent).toMatch(/^应回单时间/);
    expect($('.blocker-reason')?.textContent).toBe('要等角阀到货');

    fireEvent.click($('.btn-clear-blocker') as Element);
    await until(() => backend.callsTo('repairs.clearBlocker').length === 1);
    expect(backend.callsTo('repairs.clearBlocker')[0]?.input).toMatchObject({ propertyId: PROPERTY, repairId: 'r-done', version: 9 });
  });
});
