import { fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { messages } from '@shared/messages';
import DeskComplaintRegister from '../../client/src/pages/desk/complaint-register';
import { complaintRegisterDraftKey } from '../../client/src/pages/desk/complaint-register/draft';
import { deskUi } from '../../client/src/i18n/desk.zh-CN';
import { fakeBackend, ok, settle, until } from './support/fake-backend';
import { PROPERTY, sessionHandlers } from './support/fixtures';
import { complaint } from './support/complaint-fixtures';

const wang = {
  residentId: 'res-wang',
  name: '王阿姨',
  phone: '13800001111',
  rooms: [
    { roomId: `${PROPERTY}:1-1-101`, label: '1-1-101' },
    { roomId: `${PROPERTY}:3-2-1502`, label: '3-2-1502' },
  ],
};

const directory = (query: string) => ('3-2-1502'.includes(query) || query.includes('王') ? [wang] : []);

const open = async () => {
  const view = render(<DeskComplaintRegister />);
  const $ = (selector: string) => view.container.querySelector(selector);
  await until(() => $('.register-complaint-form') !== null);
  await settle();
  const typeInto = async (selector: string, text: string) => {
    fireEvent.input($(selector) as Element, { target: { value: text } });
    await settle(10);
  };
  const tap = async (selector: string) => {
    fireEvent.click($(selector) as Element);
    await settle();
  };
  const search = async (text: string) => {
    await typeInto('.input-resident-search input', text);
    fireEvent.keyDown($('.input-resident-search input') as Element, { key: 'Enter', keyCode: 13 });
    await settle();
  };
  const pick = async (selector: string, value: string) => {
    fireEvent($(`${selector} taro-picker-core`) as Element, new CustomEvent('change', { detail: { value } }));
    await settle();
  };
  /** Everything C1 asks, for 王阿姨's room 3-2-1502, taken down from a call. */
  const takeDown = async () => {
    await search('3-2-1502');
    await tap('#channel-letter');
    await tap('#category-service');
    await tap('#place-building');
    await pick('.moment-occurred .moment-date-picker', '2026-11-20');
    await pick('.moment-occurred .moment-time-picker', '08:05');
    await typeInto('.input-target input', '南门保安');
    await typeInto('.input-complaint-description textarea', '保安对来访亲友态度恶劣');
    await typeInto('.input-complaint-request textarea', '要求保安道歉');
  };
  return { ...view, $, typeInto, tap, search, pick, takeDown };
};

describe('登记投诉: the desk registers a complaint for a resident (C1, V2)', () => {
  let redirect: jest.SpyInstance;
  beforeEach(() => {
    redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
  });
  afterEach(() => jest.restoreAllMocks());

  it('C1 V2: registers a letter with every C1 field, the caller and the apology, then opens the case', async () => {
    const backend = fakeBackend({
      ...sessionHandlers('desk'),
      'repairs.findResidents': (input) => ok({ items: directory(String(input.query)) }),
      'complaints.register': () => ok(complaint({ id: 'c-letter', channel: 'letter' })),
    });
    const { $, tap, typeInto, takeDown } = await open();

    await takeDown();
    expect($('.register-room-chip.chip-on')?.textContent).toBe('3-2-1502');
    expect($('#place-building')?.textContent).toBe('住户所在楼（3栋）');
    expect(($('.input-caller-name input') as HTMLInputElement).value).toBe('王阿姨');
    await typeInto('.input-caller-phone input', '13900002222');
    await tap('.check-apologised');
    await tap('.btn-submit-complaint-register');

    expect(backend.callsTo('complaints.register')).toHaveLength(1);
    expect(backend.callsTo('complaints.register')[0]?.input).toEqual({
      propertyId: PROPERTY,
      residentId: 'res-wang',
      roomId: `${PROPERTY}:3-2-1502`,
      channel: 'letter',
      callerName: '王阿姨',
      phone: '13900002222',
      apologised: true,
      category: 'service',
      place: { scope: 'building', building: '3' },
      occurredAt: '2026-11-20T00:05:00.000Z',
      target: '南门保安',
      description: '保安对来访亲友态度恶劣',
      request: '要求保安道歉',
      residentDeadline: null,
      commandId: expect.any(String),
      deviceTime: expect.any(String),
    });
    expect(redirect).toHaveBeenCalledWith({ url: '/pages/desk/complaint/index?kind=complaint&id=c-letter' });
    expect(Taro.getStorageSync(complaintRegisterDraftKey(PROPERTY, 'm1'))).toBe('');
  });

  it('C1: the desk cannot register without apologising', async () => {
    const backend = fakeBackend({
      ...sessionHandlers('desk'),
      'repairs.findResidents': (input) => ok({ items: directory(String(input.query)) }),
      'complaints.register': () => ok(complaint()),
    });
    const { $, tap, takeDown } = await open();
    await takeDown();

    await tap('.btn-submit-complaint-register');

    expect($('.error-apologised')?.textContent).toBe(messages.errors['COMPLAINT.APOLOGY_REQUIRED']);
    expect(backend.callsTo('complaints.register')).toHaveLength(0);

    await tap('.check-apologised');
    expect($('.error-apologised')).toBeNull();
    await tap('.btn-submit-complaint-register');
    expect(backend.callsTo('complaints.register')).toHaveLength(1);
    expect(backend.callsTo('complaints.register')[0]?.input.apologised).toBe(true);
    expect(redirect).toHaveBeenCalledTimes(1);
  });

  it('asks for the resident, the category and the place before anything is sent', async () => {
    const backend = fakeBackend({ ...sessionHandlers('desk') });
    const { $, tap } = await open();

    await tap('.check-apologised');
    await tap('.btn-submit-complaint-register');

    expect($('.error-residentId')?.textContent).toBe(deskUi.deskComplaintRegister.fieldErrors.residentId);
    expect($('.error-category')?.textContent).toBe(deskUi.deskComplaintRegister.fieldErrors.category);
    expect($('.error-place')?.textContent).toBe(deskUi.deskComplaintRegister.fieldErrors.place);
    expect($('#place-building')).toBeNull();
    expect(backend.callsTo('complaints.register')).toHaveLength(0);
  });

  it('keeps what was taken down when the page closes before registering', async () => {
    fakeBackend({ ...sessionHandlers('desk'), 'repairs.findResidents': (input) => ok({ items: directory(String(input.query)) }) });
    const first = await open();
    await first.takeDown();
    first.unmount();

    const again = await open();

    expect(again.$('.draft-restored')?.textContent).toBe(deskUi.deskComplaintRegister.draftRestored);
    expect(again.$('.register-chosen-name')?.textContent).toContain('王阿姨');
    expect(again.$('#channel-letter')?.className).toContain('chip-on');
    expect((again.$('.input-complaint-description textarea') as HTMLTextAreaElement).value).toBe('保安对来访亲友态度恶劣');
  });
});
