import { fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { messages } from '@shared/messages';
import RepairNew from '../../client/src/pages/resident/repair-new';
import { draftKey } from '../../client/src/pages/resident/repair-new/draft';
import { ui } from '../../client/src/i18n/ui.zh-CN';
import { residentUi } from '../../client/src/i18n/resident.zh-CN';
import { TransportError } from '../../client/src/api/transport';
import { fakeBackend, ok, settle, until } from './support/fake-backend';
import { PROPERTY, filed, sessionHandlers, urgent } from './support/fixtures';

const oneRoom = [{ roomId: `${PROPERTY}:1-1-101`, label: '1-1-101' }];

const open = async () => {
  const view = render(<RepairNew />);
  const $ = (selector: string) => view.container.querySelector(selector);
  await until(() => $('.repair-form, .repair-no-room') !== null);
  await settle();
  const type = async (text: string) => {
    fireEvent.input($('.input-description textarea') as Element, { target: { value: text } });
    await settle(10);
  };
  const tap = async (selector: string) => {
    fireEvent.click($(selector) as Element);
    await settle();
  };
  return { ...view, $, type, tap };
};

describe('报修 form (王阿姨)', () => {
  it('has her only room chosen already', async () => {
    fakeBackend(sessionHandlers('resident', oneRoom));
    const { $ } = await open();
    expect($('.room-chip.chip-on')?.textContent).toBe('1-1-101');
  });

  it('checks the description with the contract and says what to fix, in Chinese, without sending', async () => {
    const backend = fakeBackend({ ...sessionHandlers('resident', oneRoom), 'repairs.create': () => ok(filed()) });
    const { $, type, tap } = await open();

    await tap('#category-water');
    await type('漏');
    await tap('.btn-submit-repair');

    expect($('.error-description')?.textContent).toBe(ui.repairForm.fieldErrors.description);
    expect(backend.callsTo('repairs.create')).toHaveLength(0);
  });

  it('R1: an 840-character description is kept whole, counted against the limit of 500, and refused with both numbers beside it', async () => {
    const backend = fakeBackend({ ...sessionHandlers('resident', oneRoom), 'repairs.create': () => ok(filed()) });
    const { $, type, tap } = await open();
    const dictated = '厨房水龙头一直漏水，'.repeat(84);

    await tap('#category-water');
    await type(dictated);
    expect(($('.input-description textarea') as HTMLTextAreaElement).value).toHaveLength(840);
    expect(($('.input-description textarea') as HTMLTextAreaElement).maxLength).toBe(-1);
    expect($('.char-counter')?.textContent).toBe('840/500');
    expect($('.char-counter')?.className).toContain('char-counter-over');
    await tap('.btn-submit-repair');

    expect($('.error-description')?.textContent).toBe('问题描述最多 500 字，现在 840 字');
    expect(backend.callsTo('repairs.create')).toHaveLength(0);
  });

  it('says every field that is wrong at once: no category yet and a description that is too long', async () => {
    const backend = fakeBackend({ ...sessionHandlers('resident', oneRoom), 'repairs.create': () => ok(filed()) });
    const { $, type, tap } = await open();

    await type('漏'.repeat(501));
    await tap('.btn-submit-repair');

    expect($('.error-category')?.textContent).toBe(ui.repairForm.fieldErrors.category);
    expect($('.error-description')?.textContent).toBe('问题描述最多 500 字，现在 501 字');
    expect(backend.callsTo('repairs.create')).toHaveLength(0);
  });

  it('shows the limit the function answers with beside the field, when the function is the one to refuse', async () => {
    const refusal = { ok: false, code: 'COMMON.BAD_INPUT', message: '问题描述最多 500 字，现在 600 字', fields: [{ field: 'description', label: '问题描述', message: '问题描述最多 500 字，现在 600 字', limit: { max: 500, length: 600 } }] };
    fakeBackend({ ...sessionHandlers('resident', oneRoom), 'repairs.create': () => refusal });
    const { $, type, tap } = await open();

    await tap('#category-water');
    await type('厨房水龙头一直漏水');
    await tap('.btn-submit-repair');

    await until(() => $('.error-description') !== null);
    expect($('.error-description')?.textContent).toBe('问题描述最多 500 字，现在 600 字');
  });

  it('issue 18 (5): 公共区域 asks where before sending, then sends the place of her building\'s third floor and no room', async () => {
    const backend = fakeBackend({ ...sessionHandlers('resident', oneRoom), 'repairs.create': () => ok(filed()) });
    const { $, type, tap } = await open();
    await tap('#room-public');
    await tap('#category-electrical');
    await type('3楼走廊的灯不亮了');
    await tap('.btn-submit-repair');
    expect($('.error-place')?.textContent).toBe(ui.repairForm.fieldErrors.place);
    expect(backend.callsTo('repairs.create')).toHaveLength(0);

    expect($('#public-place-building')?.textContent).toBe('我住的楼（1栋）');
    await tap('#public-place-building');
    fireEvent.input($('.public-floor input') as Element, { target: { value: '3' } });
    await settle(10);
    await tap('.btn-submit-repair');
    await until(() => backend.callsTo('repairs.create').length > 0);
    const sent = backend.callsTo('repairs.create')[0]?.input;
    expect(sent).toMatchObject({ place: { scope: 'building', building: '1', floor: 3 }, category: 'electrical' });
    expect(sent).not.toHaveProperty('roomId');
  });

  it('asks for a category before anything else', async () => {
    fakeBackend(sessionHandlers('resident', oneRoom));
    const { $, type, tap } = await open();

    await type('厨房水龙头漏水');
    await tap('.btn-submit-repair');

    expect($('.error-category')?.textContent).toBe(ui.repairForm.fieldErrors.category);
  });

  it('keeps what she typed when the page is closed and opened again', async () => {
    fakeBackend(sessionHandlers('resident', oneRoom));
    const first = await open();
    await first.tap('#category-water');
    await first.type('厨房水龙头一直在漏水');
    first.unmount();

    const again = await open();

    expect((again.$('.input-description textarea') as HTMLTextAreaElement).value).toBe('厨房水龙头一直在漏水');
    expect(again.$('#category-water')?.className).toContain('category-on');
    expect(again.$('.draft-restored')?.textContent).toBe(ui.repairForm.draftRestored);
  });

  it('keeps the draft when the network drops, and a second tap resends under the same command id', async () => {
    let online = false;
    const backend = fakeBackend({
      ...sessionHandlers('resident', oneRoom),
      'repairs.create': () => {
        if (!online) throw new TransportError('offline');
        return ok(filed());
      },
    });
    const { $, type, tap } = await open();
    await tap('#category-water');
    await type('厨房水龙头一直在漏水');

    await tap('.btn-submit-repair');
    expect($('.submit-problem')?.textContent).toBe(messages.errors['COMMON.BUSY']);
    expect(Taro.getStorageSync(draftKey(PROPERTY, 'm1'))).toMatchObject({ description: '厨房水龙头一直在漏水', category: 'water' });

    online = true;
    await tap('.btn-submit-repair');

    const ids = new Set(backend.callsTo('repairs.create').map((c) => c.input.commandId));
    expect(backend.callsTo('repairs.create')).toHaveLength(4);
    expect(ids.size).toBe(1);
    expect(Taro.getStorageSync(draftKey(PROPERTY, 'm1'))).toBe('');
  });

  it('tells her at once that it is urgent, which rule (R3), what happens next, and the desk phone', async () => {
    const backend = fakeBackend({
      ...sessionHandlers('resident', oneRoom),
      'repairs.create': () => ok(filed(urgent('R3.4', { id: 'r-burst' }))),
    });
    const { $, type, tap } = await open();
    await tap('#category-water');
    await type('厨房水龙头爆了，一直喷水');

    await tap('.btn-submit-repair');

    expect(backend.callsTo('repairs.create')[0]?.input).toMatchObject({
      propertyId: PROPERTY,
      roomId: `${PROPERTY}:1-1-101`,
      category: 'water',
      description: '厨房水龙头爆了，一直喷水',
      preferredTime: null,
      photos: [],
    });
    expect($('.result-title')?.textContent).toBe(residentUi.repairResult.urgentTitle);
    expect($('.result-rule')?.textContent).toBe(messages.triageRules['R3.4']);
    expect($('.result-promise')?.textContent).toBe('已通知值班人员，马上处理');
    expect($('.result-next')?.textContent).toBe(residentUi.repairResult.urgentNext);
    expect($('.btn-call-desk')?.textContent).toContain('0571-88886666');
  });

  it('says plainly what happens next for an ordinary repair', async () => {
    fakeBackend({ ...sessionHandlers('resident', oneRoom), 'repairs.create': () => ok(filed()) });
    const { $, type, tap } = await open();
    await tap('#category-door_window');
    await type('卧室门把手松了');

    await tap('.btn-submit-repair');

    expect($('.result-title')?.textContent).toBe(residentUi.repairResult.normalTitle);
    expect($('.result-rule')).toBeNull();
    expect($('.result-promise')?.textContent).toBe('客服将在 15 分钟内派单，师傅上门前会先打电话');
    expect($('.result-next')?.textContent).toBe(residentUi.repairResult.normalNext);
  });

  it('sends the part of the day he chose, kept from the draft he started earlier (小张)', async () => {
    Taro.setStorageSync(draftKey(PROPERTY, 'm1'), {
      roomId: `${PROPERTY}:1-1-101`,
      category: 'public_area',
      description: '楼道灯坏了一个星期了',
      photos: [],
      preferredTime: { date: '2026-11-28', slot: 'any' },
      commandId: null,
    });
    const backend = fakeBackend({ ...sessionHandlers('resident', oneRoom), 'repairs.create': () => ok(filed()) });
    const { tap } = await open();

    await tap('#slot-evening');
    await tap('.btn-submit-repair');

    expect(backend.callsTo('repairs.create')[0]?.input).toMatchObject({
      category: 'public_area',
      description: '楼道灯坏了一个星期了',
      preferredTime: { date: '2026-11-28', slot: 'evening' },
    });
  });

  it('sends her to the desk when she has no room yet', async () => {
    fakeBackend(sessionHandlers('resident', []));
    const { $ } = await open();
    expect($('.repair-no-room')?.textContent).toBe(ui.repairForm.noRoom);
    expect($('.btn-submit-repair')).toBeNull();
  });
});
