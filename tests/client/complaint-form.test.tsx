import { fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { messages } from '@shared/messages';
import ComplaintNew from '../../client/src/pages/resident/complaint-new';
import { complaintDraftKey } from '../../client/src/pages/resident/complaint-new/draft';
import { platform } from '../../client/src/api/platform';
import { ui } from '../../client/src/i18n/ui.zh-CN';
import { residentUi } from '../../client/src/i18n/resident.zh-CN';
import { fakeBackend, ok, settle, until } from './support/fake-backend';
import { PROPERTY, sessionHandlers } from './support/fixtures';
import { complaint, rooms } from './support/complaint-fixtures';
import { filingPromise } from '@shared/domain/complaint-deadline.rules';
import { fill as fillIn } from '../../client/src/i18n/ui.zh-CN';
import { formatDay, formatDueBy } from '../../client/src/utils/time';

const open = async () => {
  const view = render(<ComplaintNew />);
  const $ = (selector: string) => view.container.querySelector(selector);
  await until(() => $('.complaint-form, .complaint-no-room') !== null);
  await settle();
  const tap = async (selector: string) => {
    fireEvent.click($(selector) as Element);
    await settle();
  };
  const typeInto = async (selector: string, text: string) => {
    fireEvent.input($(selector) as Element, { target: { value: text } });
    await settle(10);
  };
  const pick = async (selector: string, value: string) => {
    fireEvent($(`${selector} taro-picker-core`) as Element, new CustomEvent('change', { detail: { value } }));
    await settle();
  };
  const fill = async (what: { description?: string; target?: string } = {}) => {
    await typeInto('.input-target input', what.target ?? '保洁部');
    await typeInto('.input-complaint-description textarea', what.description ?? '楼道里的垃圾三天没人清理，味道很大');
    await typeInto('.input-complaint-request textarea', '请今天清理干净，以后每天清理');
  };
  return { ...view, $, tap, typeInto, pick, fill };
};

describe('投诉 form (C1)', () => {
  let redirect: jest.SpyInstance;
  beforeEach(() => {
    redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
  });
  afterEach(() => jest.restoreAllMocks());

  it('C1: records room, category, her building, when, whom, what happened, what she asks for and a photo, then opens the complaint', async () => {
    const backend = fakeBackend({ ...sessionHandlers('resident', rooms), 'complaints.create': () => ok(complaint({ id: 'c-new' })) });
    jest.spyOn(platform, 'pickPhotos').mockResolvedValue([{ localPath: 'blob:photo', name: 'photo.jpg' }]);
    jest.spyOn(platform, 'uploadFile').mockResolvedValue('cloud://env.bucket/uploads/mb_1/p1.jpg');
    const { $, tap, pick, fill } = await open();

    await tap(`#room-${PROPERTY}\\:3-2-1502`);
    await tap('#category-cleaning');
    expect($('#place-building')?.textContent).toBe('我住的楼（3栋）');
    await tap('#place-building');
    await pick('.moment-occurred .moment-date-picker', '2026-11-20');
    await pick('.moment-occurred .moment-time-picker', '21:15');
    await fill();
    await tap('.btn-add-photo');
    await tap('.btn-submit-complaint');

    expect(backend.callsTo('complaints.create')).toHaveLength(1);
    expect(backend.callsTo('complaints.create')[0]?.input).toEqual({
      propertyId: PROPERTY,
      roomId: `${PROPERTY}:3-2-1502`,
      category: 'cleaning',
      place: { scope: 'building', building: '3' },
      occurredAt: '2026-11-20T13:15:00.000Z',
      target: '保洁部',
      description: '楼道里的垃圾三天没人清理，味道很大',
      request: '请今天清理干净，以后每天清理',
      residentDeadline: null,
      photos: ['cloud://env.bucket/uploads/mb_1/p1.jpg'],
      commandId: expect.any(String),
      deviceTime: expect.any(String),
    });
    expect(redirect).not.toHaveBeenCalled();
    expect(Taro.getStorageSync(complaintDraftKey(PROPERTY, 'm1'))).toBe('');

    await tap('.btn-view-complaint');
    expect(redirect).toHaveBeenCalledWith({ url: '/pages/resident/complaint/index?id=c-new' });
  });

  it('C1 (issue 18, 2): she may leave 投诉对象 empty; it is sent empty and the complaint is filed', async () => {
    const backend = fakeBackend({ ...sessionHandlers('resident', rooms.slice(0, 1)), 'complaints.create': () => ok(complaint({ id: 'c-nobody', target: '' })) });
    const { $, tap, fill } = await open();
    expect($('.input-target')?.closest('.card')?.textContent).toContain('可以不填');
    await tap('#category-cleaning');
    await tap('#place-building');
    await fill({ target: '' });
    await tap('.btn-submit-complaint');
    await until(() => $('.complaint-result') !== null);
    expect(backend.callsTo('complaints.create')[0]?.input).toMatchObject({ target: '' });
    expect($('.field-error')).toBeNull();
  });

  it('C4 (issue 18, 2): once filed, she reads who looks at it and by when, in words from the rule, with the desk one tap away', async () => {
    const filed = complaint({ id: 'c-told', createdAt: '2026-11-23T01:30:00.000Z', residentDeadline: null });
    fakeBackend({ ...sessionHandlers('resident', rooms.slice(0, 1)), 'complaints.create': () => ok(filed) });
    const { $, tap, fill } = await open();
    await tap('#category-cleaning');
    await tap('#place-building');
    await fill();
    await tap('.btn-submit-complaint');
    await until(() => $('.complaint-result') !== null);

    const promise = filingPromise(new Date(filed.createdAt), null);
    expect($('.complaint-result-read')?.textContent).toBe(fillIn(residentUi.complaintResult.readBy, { day: formatDay(promise.identifiedOn) }));
    expect($('.complaint-result-resolve')?.textContent).toBe(fillIn(residentUi.complaintResult.resolveBy, { when: formatDueBy(promise.resolvedBy.toISOString()) }));
    expect($('.complaint-result-resolve')?.textContent).toContain('一般问题会在');
    expect($('.complaint-result .btn-call-desk')).not.toBeNull();
    expect($('.complaint-form')).toBeNull();
  });

  it('C1 C4: a public area instead of her building, and her own deadline at 18:00 Shanghai time on the day she picks', async () => {
    const backend = fakeBackend({ ...sessionHandlers('resident', rooms.slice(0, 1)), 'complaints.create': () => ok(complaint({ id: 'c-gate' })) });
    const { $, tap, pick, fill } = await open();

    expect($('.room-chips')).toBeNull();
    await tap('#category-security');
    await tap('#place-gate');
    await fill();
    await pick('.moment-deadline .moment-date-picker', '2099-01-02');
    expect($('#deadline-time')?.textContent).toBe('18:00');
    await tap('.btn-submit-complaint');

    expect(backend.callsTo('complaints.create')[0]?.input).toMatchObject({
      roomId: `${PROPERTY}:1-1-101`,
      category: 'security',
      place: { scope: 'public_area', area: 'gate' },
      residentDeadline: '2099-01-02T10:00:00.000Z',
      photos: [],
    });
  });

  it('C1: asks what it is about and where before sending, and checks the description with the contract', async () => {
    const backend = fakeBackend({ ...sessionHandlers('resident', rooms), 'complaints.create': () => ok(complaint()) });
    const { $, tap, fill } = await open();

    await fill({ description: '脏' });
    await tap('.btn-submit-complaint');
    expect($('.error-category')?.textContent).toBe(ui.complaintForm.fieldErrors.category);
    expect($('.error-place')?.textContent).toBe(ui.complaintForm.fieldErrors.place);

    await tap('#category-cleaning');
    await tap('#place-building');
    await tap('.btn-submit-complaint');
    expect($('.error-description')?.textContent).toBe(ui.complaintForm.fieldErrors.description);
    expect(backend.callsTo('complaints.create')).toHaveLength(0);
  });

  it('C1: it cannot have happened later than now, and her deadline must be ahead', async () => {
    const backend = fakeBackend({ ...sessionHandlers('resident', rooms), 'complaints.create': () => ok(complaint()) });
    const { $, tap, pick, fill } = await open();
    await tap('#category-noise');
    await tap('#place-garden');
    await fill();

    await pick('.moment-occurred .moment-date-picker', '2099-01-01');
    await pick('.moment-deadline .moment-date-picker', '2020-01-01');
    await tap('.btn-submit-complaint');

    expect($('.error-occurredAt')?.textContent).toBe(messages.errors['COMPLAINT.IN_THE_FUTURE']);
    expect($('.error-residentDeadline')?.textContent).toBe(messages.errors['COMPLAINT.DEADLINE_PASSED']);
    expect(backend.callsTo('complaints.create')).toHaveLength(0);
  });

  it('says the function’s own Chinese reason when it refuses, and keeps what she wrote', async () => {
    fakeBackend({
      ...sessionHandlers('resident', rooms),
      'complaints.create': () => ({ ok: false, code: 'COMPLAINT.ROOM_NOT_YOURS', message: messages.errors['COMPLAINT.ROOM_NOT_YOURS'] }),
    });
    const { $, tap, fill } = await open();
    await tap('#category-fees');
    await tap('#place-building');
    await fill();
    await tap('.btn-submit-complaint');

    expect($('.submit-problem')?.textContent).toBe(messages.errors['COMPLAINT.ROOM_NOT_YOURS']);
    expect(redirect).not.toHaveBeenCalled();
    expect(Taro.getStorageSync(complaintDraftKey(PROPERTY, 'm1'))).toMatchObject({ category: 'fees', target: '保洁部' });
  });

  it('keeps what she wrote when the page is closed and opened again', async () => {
    fakeBackend(sessionHandlers('resident', rooms));
    const first = await open();
    await first.tap('#category-elevator');
    await first.typeInto('.input-complaint-description textarea', '电梯门夹人，没人来修');
    first.unmount();

    const again = await open();

    expect(again.$('.draft-restored')?.textContent).toBe(ui.complaintForm.draftRestored);
    expect(again.$('#category-elevator')?.className).toContain('category-on');
    expect((again.$('.input-complaint-description textarea') as HTMLTextAreaElement).value).toBe('电梯门夹人，没人来修');
  });

  it('points a resident without a room to the desk phone', async () => {
    fakeBackend(sessionHandlers('resident', []));
    const { $ } = await open();
    expect($('.complaint-no-room')?.textContent).toBe(ui.complaintForm.noRoom);
    expect($('.btn-call-desk')?.textContent).toContain('0571-88886666');
  });
});
